import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTopTime } from '../../src/runtime/timestamp.js';
import type { SignMethod } from '../../src/runtime/sign.js';
import type { MockGateway } from '../../src/mock/index.js';
import {
  APP_SECRET,
  DAMAI,
  DERBY,
  UPLOAD,
  damaiParam0,
  errorOf,
  getQuery,
  postForm,
  send,
  signedParams,
  startGateway,
} from './helpers.js';

let gateway: MockGateway;
let logs: string[];

beforeAll(async () => {
  ({ gateway, logs } = await startGateway());
});
afterAll(async () => {
  await gateway.close();
});

const SIGN_METHODS: readonly SignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

describe('success answers', () => {
  it('answers the damai seed API with the doc example values, typed by the model', async () => {
    const a = await postForm(gateway.url, signedParams(DAMAI, { param0: damaiParam0() }));
    expect(a.status).toBe(200);
    const body = a.json['alibaba_damai_maizuo_openapi_user_register_byauthcode_response'] as {
      result: { data: Record<string, unknown>; result_code: unknown; success: unknown; result_msg: unknown };
      request_id: unknown;
    };
    expect(body.result.data['user_id']).toBe('2313112');
    expect(body.result.result_code).toBe(201);
    expect(body.result.success).toBe(false);
    expect(body.result.result_msg).toBe('成功');
    expect(body.result.data['user_name']).toBe('赢x');
    expect(typeof body.request_id).toBe('string');
    // Document order is kept, request_id comes last.
    expect(Object.keys(body.result)).toEqual(['result_msg', 'data', 'result_code', 'success']);
    expect(Object.keys(body)).toEqual(['result', 'request_id']);
  });

  it.each(SIGN_METHODS)('answers the derby seed API signed with %s', async (signMethod) => {
    const derbyParam = JSON.stringify({
      email: '认证邮箱@x.com',
      optin_all: true,
      data_export_agreement: false,
    });
    const params = signedParams(
      DERBY,
      {
        tenant_key: '234',
        token: '213456789',
        derby_authentication_param: derbyParam,
        scene_source: 'DERBY_V1',
      },
      { signMethod },
    );
    const a = await postForm(gateway.url, params);
    expect(a.json).toEqual({
      alitrip_merchant_galaxy_member_login_derby_response: {
        result: { success: true, error_msg: '错误信息', error_code: '50030', content: true },
        request_id: expect.any(String) as unknown,
      },
    });
  });

  it('accepts a request without optional parameters and without sign_method (md5 assumed)', async () => {
    const a = await postForm(gateway.url, signedParams(DERBY, {}, { omitSignMethod: true }));
    expect(a.json).toHaveProperty('alitrip_merchant_galaxy_member_login_derby_response.result.success', true);
  });

  it('honours simplify=true: the answer has no <name>_response wrapper', async () => {
    const a = await postForm(gateway.url, signedParams(DERBY, { simplify: 'true' }));
    expect(Object.keys(a.json)).toEqual(['result', 'request_id']);
    expect(a.json['result']).toEqual({
      success: true,
      error_msg: '错误信息',
      error_code: '50030',
      content: true,
    });
  });

  it('accepts GET with query parameters', async () => {
    const a = await getQuery(
      gateway.url,
      signedParams(DAMAI, { param0: damaiParam0() }, { signMethod: 'hmac' }),
    );
    expect(a.json).toHaveProperty(
      ['alibaba_damai_maizuo_openapi_user_register_byauthcode_response', 'result', 'data', 'user_id'],
      '2313112',
    );
  });

  it('accepts common parameters in the query string and API parameters in the body', async () => {
    const all = signedParams(DAMAI, { param0: damaiParam0() });
    const { param0, ...common } = all;
    const a = await send(`${gateway.url}?${new URLSearchParams(common).toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ param0: param0 ?? '' }).toString(),
    });
    expect(a.json).toHaveProperty(
      ['alibaba_damai_maizuo_openapi_user_register_byauthcode_response', 'result', 'success'],
      false,
    );
  });

  it('writes 64-bit numbers as exact JSON number literals and leaves out fields without a usable example', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(signedParams(UPLOAD, { num_iid: '9007199254740993' })))
      form.append(k, v);
    form.append('image', new Blob([new Uint8Array([1, 2, 3])]), 'a.png');
    const a = await send(gateway.url, { method: 'POST', body: form });
    expect(a.text).toMatch(
      /^\{"mock_item_upload_response":\{"num_iid":9007199254740993,"pic_ids":\{"number":\[1,12345678901234567890\]\},"urls":\{"string":\["http:\/\/a\/1\.jpg","http:\/\/a\/2\.jpg"\]\},"created":"2024-05-01 12:00:00","cost":"19\.90","attrs":\{"color":"red","id":12345678901234567890\},"skus":\{"sku":\[\{"sku_id":12345678901234567891,"with_hold":false\}\]\},"request_id":"[a-z0-9]+"\}\}$/,
    );
  });

  it('wraps lists as TOP does, {"<item_type>": [...]}, and sends bare arrays with simplify=true', async () => {
    const upload = (extra: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(signedParams(UPLOAD, { num_iid: '1', ...extra })))
        form.append(k, v);
      form.append('image', new Blob([new Uint8Array([1])]), 'a.png');
      return send(gateway.url, { method: 'POST', body: form });
    };
    const wrapped = (await upload({})).json as Record<string, Record<string, unknown>>;
    expect(wrapped['mock_item_upload_response']).toMatchObject({
      urls: { string: ['http://a/1.jpg', 'http://a/2.jpg'] },
      skus: { sku: [{ with_hold: false }] },
    });
    const simple = (await upload({ simplify: 'true' })).json as Record<string, unknown>;
    expect(simple).toMatchObject({
      urls: ['http://a/1.jpg', 'http://a/2.jpg'],
      skus: [{ with_hold: false }],
    });
  });

  it('warns at start-up about an example that does not fit its type', () => {
    const warnings = logs.filter((line) => line.startsWith('warning:'));
    expect(warnings).toEqual([
      'warning: taobao.mock.item.upload response.page_size: example "分页大小" is not a JSON number; the field is left out of answers',
    ]);
  });
});

describe('common parameter errors', () => {
  it('refuses an unknown method with 22 isv.invalid-method', async () => {
    const e = errorOf(await postForm(gateway.url, signedParams('taobao.no.such.api', {})));
    expect(e).toMatchObject({ code: 22, msg: 'Invalid method', sub_code: 'isv.invalid-method' });
    expect(e.sub_msg).toContain('taobao.no.such.api');
    expect(typeof e.request_id).toBe('string');
  });

  it('refuses a request without method with 21', async () => {
    const params = signedParams(DERBY, {});
    delete params['method'];
    expect(errorOf(await postForm(gateway.url, params))).toMatchObject({
      code: 21,
      sub_code: 'isv.missing-method',
    });
  });

  it('refuses a wrong app key with 29 isv.appkey-not-exists', async () => {
    const a = await postForm(gateway.url, signedParams(DERBY, {}, { appKey: '999' }));
    expect(a.status).toBe(200);
    expect(errorOf(a)).toMatchObject({ code: 29, msg: 'Invalid app Key', sub_code: 'isv.appkey-not-exists' });
  });

  it('refuses a stale timestamp (more than 10 minutes old) with isv.invalid-timestamp', async () => {
    const stale = formatTopTime(Date.now() - 11 * 60 * 1000);
    const e = errorOf(await postForm(gateway.url, signedParams(DERBY, {}, { timestamp: stale })));
    expect(e).toMatchObject({ code: 31, sub_code: 'isv.invalid-timestamp' });
    expect(e.sub_msg).toContain('behind');
  });

  it('refuses a timestamp too far in the future and accepts one inside the window', async () => {
    const future = formatTopTime(Date.now() + 11 * 60 * 1000);
    expect(
      errorOf(await postForm(gateway.url, signedParams(DERBY, {}, { timestamp: future }))),
    ).toMatchObject({ code: 31 });
    const recent = formatTopTime(Date.now() - 9 * 60 * 1000);
    const ok = await postForm(gateway.url, signedParams(DERBY, {}, { timestamp: recent }));
    expect(ok.json).toHaveProperty('alitrip_merchant_galaxy_member_login_derby_response');
  });

  it.each(['2024-02-30 10:00:00', '2024-01-01T10:00:00', '1700000000000', '2024-1-1 10:00:00'])(
    'refuses the malformed timestamp %s',
    async (timestamp) => {
      const e = errorOf(await postForm(gateway.url, signedParams(DERBY, {}, { timestamp })));
      expect(e).toMatchObject({ code: 31, sub_code: 'isv.invalid-timestamp' });
      expect(e.sub_msg).toContain('yyyy-MM-dd HH:mm:ss');
    },
  );

  it('reads the timestamp as GMT+8 whatever the host time zone is', async () => {
    // The same instant written as UTC wall-clock time is 8 hours off.
    const utcWallClock = new Date().toISOString().slice(0, 19).replace('T', ' ');
    expect(
      errorOf(await postForm(gateway.url, signedParams(DERBY, {}, { timestamp: utcWallClock }))),
    ).toMatchObject({
      code: 31,
    });
  });

  it.each(SIGN_METHODS)('refuses a bad %s signature with 25 isv.invalid-signature', async (signMethod) => {
    const params = signedParams(DERBY, { token: 'abc' }, { signMethod });
    params['token'] = 'abd'; // tampered after signing
    const e = errorOf(await postForm(gateway.url, params));
    expect(e).toMatchObject({ code: 25, msg: 'Invalid signature', sub_code: 'isv.invalid-signature' });
    expect(e.sub_msg).toContain(signMethod);
    expect(e.sub_msg).toContain('token');
    expect(e.sub_msg).not.toContain(APP_SECRET);
  });

  it.each(SIGN_METHODS)('refuses a %s signature made with another secret', async (signMethod) => {
    const params = signedParams(DERBY, {}, { signMethod, secret: 'not-the-secret' });
    expect(errorOf(await postForm(gateway.url, params))).toMatchObject({ code: 25 });
  });

  it('refuses a signature made with another sign method than the one declared', async () => {
    const params = signedParams(DERBY, {}, { signMethod: 'hmac' });
    params['sign_method'] = 'hmac-sha256';
    expect(errorOf(await postForm(gateway.url, params))).toMatchObject({ code: 25 });
  });

  it('accepts a lower-case hex signature', async () => {
    const params = signedParams(DERBY, {});
    params['sign'] = (params['sign'] ?? '').toLowerCase();
    expect((await postForm(gateway.url, params)).json).toHaveProperty(
      'alitrip_merchant_galaxy_member_login_derby_response',
    );
  });

  it.each([
    ['sign', { code: 24, sub_code: 'isv.missing-signature' }],
    ['timestamp', { code: 30, sub_code: 'isv.missing-timestamp' }],
    ['app_key', { code: 28, sub_code: 'isv.missing-app-key' }],
    ['v', { code: 32, sub_code: 'isv.missing-version' }],
  ] as const)('refuses a request without %s', async (name, expected) => {
    const params = signedParams(DERBY, {});
    delete params[name];
    expect(errorOf(await postForm(gateway.url, params))).toMatchObject(expected);
  });

  it.each([
    [{ v: '1.0' }, { code: 33, sub_code: 'isv.invalid-version' }],
    [{ format: 'xml' }, { code: 23, sub_code: 'isv.invalid-format' }],
    [{ sign_method: 'sha1' }, { code: 41, sub_code: 'isv.invalid-parameter' }],
    [{ simplify: 'yes' }, { code: 41, sub_code: 'isv.invalid-parameter' }],
  ] as const)('refuses the common parameter %o (correctly signed)', async (override, expected) => {
    const params = signedParams(DERBY, override);
    expect(errorOf(await postForm(gateway.url, params))).toMatchObject(expected);
  });
});

describe('API parameter errors', () => {
  it('names a missing top-level required parameter', async () => {
    const e = errorOf(await postForm(gateway.url, signedParams(DAMAI, {})));
    expect(e).toMatchObject({
      code: 40,
      msg: 'Missing required arguments',
      sub_code: 'isv.missing-parameter',
    });
    expect(e.sub_msg).toBe('missing required parameter param0');
  });

  it('names a missing nested required parameter by its path (param0.ptnr_token)', async () => {
    const e = errorOf(
      await postForm(gateway.url, signedParams(DAMAI, { param0: damaiParam0({}, ['ptnr_token']) })),
    );
    expect(e).toMatchObject({ code: 40, sub_code: 'isv.missing-parameter' });
    expect(e.sub_msg).toBe('missing required parameter param0.ptnr_token');
  });

  it('treats a JSON null as absent', async () => {
    const e = errorOf(
      await postForm(gateway.url, signedParams(DAMAI, { param0: damaiParam0({ auth_code: null }) })),
    );
    expect(e.sub_msg).toBe('missing required parameter param0.auth_code');
  });

  it.each([
    [
      'a nested Number that is not a number',
      damaiParam0({ code_type: 'one' }),
      'param0.code_type',
      'expected a Number',
    ],
    [
      'a nested String sent as a number',
      damaiParam0({ auth_code: 726311 }),
      'param0.auth_code',
      'expected a string',
    ],
    ['invalid JSON', '{"auth_code":', 'param0', 'invalid JSON'],
    ['an array instead of an object', '[]', 'param0', 'expected a JSON object (UserRegisterByAuthCodeParam)'],
  ])('refuses %s with 41 and the field path', async (_label, param0, path, detail) => {
    const e = errorOf(await postForm(gateway.url, signedParams(DAMAI, { param0 })));
    expect(e).toMatchObject({ code: 41, msg: 'Invalid arguments', sub_code: 'isv.invalid-parameter' });
    expect(e.sub_msg).toContain(`invalid parameter ${path}: `);
    expect(e.sub_msg).toContain(detail);
  });

  it('accepts a nested Number written as a decimal string (64-bit ids travel that way)', async () => {
    const a = await postForm(
      gateway.url,
      signedParams(DAMAI, { param0: damaiParam0({ code_type: '12345678901234567890' }) }),
    );
    expect(a.json).toHaveProperty('alibaba_damai_maizuo_openapi_user_register_byauthcode_response');
  });

  it('refuses a nested Boolean sent as a string', async () => {
    const param = JSON.stringify({ optin_all: 'true' });
    const e = errorOf(
      await postForm(gateway.url, signedParams(DERBY, { derby_authentication_param: param })),
    );
    expect(e.sub_msg).toBe(
      'invalid parameter derby_authentication_param.optin_all: expected true or false, found the string "true"',
    );
  });
});

describe('API parameter checks on every kind (multipart requests)', () => {
  /** A multipart upload call with a valid image part; `params` override the valid defaults. */
  async function upload(params: Readonly<Record<string, string>>, withImage = true) {
    const form = new FormData();
    for (const [k, v] of Object.entries(signedParams(UPLOAD, { num_iid: '9007199254740993', ...params }))) {
      form.append(k, v);
    }
    if (withImage)
      form.append('image', new Blob([new Uint8Array(1024).fill(7)], { type: 'image/png' }), 'photo.png');
    return send(gateway.url, { method: 'POST', body: form });
  }

  it('accepts a multipart request with a file part; the file is not signed', async () => {
    const a = await upload({
      title: '女装 连衣裙',
      quantity: '999',
      on_sale: 'false',
      start_time: '2024-02-29 23:59:59',
      price: '19.99',
      tags: 'a,b,c',
      fields: 'num_iid,title',
      extra: '{"a":[1,2]}',
      props: '{"k":"v"}',
      skus: JSON.stringify([
        { sku_id: 1, outer_id: 'X1', enabled: true },
        { sku_id: '12345678901234567890' },
      ]),
    });
    expect(a.text).toContain('{"mock_item_upload_response":{"num_iid":9007199254740993,');
    const call = gateway.calls().at(-1);
    expect(call).toMatchObject({
      httpMethod: 'POST',
      method: UPLOAD,
      outcome: 'success',
      files: [{ name: 'image', filename: 'photo.png', contentType: 'image/png', size: 1024 }],
    });
    expect(call?.params['title']).toBe('女装 连衣裙');
  });

  it('requires the file part of a required byte[] parameter', async () => {
    expect(errorOf(await upload({}, false)).sub_msg).toBe('missing required parameter image');
  });

  it('refuses a text value where a file part is expected', async () => {
    expect(errorOf(await upload({ image: 'not a file' }, false)).sub_msg).toBe(
      'invalid parameter image: expected a multipart file part, found a text value',
    );
  });

  it.each([
    [{ num_iid: '12a' }, 'num_iid: expected a Number (decimal digits), found "12a"'],
    [{ num_iid: '1e5' }, 'num_iid: expected a Number (decimal digits), found "1e5"'],
    [{ num_iid: '0' }, 'num_iid: expected a value >= 1 (minValue), found 0'],
    [{ quantity: '1000' }, 'quantity: expected a value <= 999 (maxValue), found 1000'],
    [{ quantity: '-1' }, 'quantity: expected a value >= 0 (minValue), found -1'],
    [{ title: '12345678901' }, 'title: expected at most 10 characters (maxLength), found 11'],
    [{ on_sale: 'TRUE' }, 'on_sale: expected true or false, found "TRUE"'],
    [
      { start_time: '2023-02-29 00:00:00' },
      'start_time: expected a date yyyy-MM-dd HH:mm:ss, found "2023-02-29 00:00:00"',
    ],
    [{ price: '19,99' }, 'price: expected a decimal price, found "19,99"'],
    [{ tags: 'a,b,c,d' }, 'tags: expected at most 3 items (maxListSize), found 4'],
    [{ extra: '{a:1}' }, 'extra: expected JSON, found invalid JSON'],
    [{ props: '[1]' }, 'props: expected a JSON object (Map), found an array'],
    [{ skus: '{"sku_id":1}' }, 'skus: expected a JSON array, found an object'],
    [
      { skus: '[{"sku_id":1},{"sku_id":2},{"sku_id":3}]' },
      'skus: expected at most 2 items (maxListSize), found 3',
    ],
    [{ skus: '[{"sku_id":1},{"outer_id":"X"}]' }, 'skus[1].sku_id'],
    [
      { skus: '[{"sku_id":1,"outer_id":"X1234"}]' },
      'skus[0].outer_id: expected at most 4 characters (maxLength), found 5',
    ],
    [{ skus: '[{"sku_id":1,"enabled":1}]' }, 'skus[0].enabled: expected true or false, found the number 1'],
  ])('refuses %o', async (params, expected) => {
    const e = errorOf(await upload(params));
    expect(e.code === 40 || e.code === 41).toBe(true);
    expect(e.sub_msg).toContain(expected);
  });

  it('refuses a file part where a text value is expected', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(signedParams(UPLOAD, { num_iid: '1' }))) form.append(k, v);
    form.append('image', new Blob(['x']), 'a.png');
    form.append('title', new Blob(['x']), 'title.txt');
    expect(errorOf(await send(gateway.url, { method: 'POST', body: form })).sub_msg).toBe(
      'invalid parameter title: expected a text value, found a file part',
    );
  });

  it('refuses a parameter sent twice', async () => {
    const params = signedParams(DERBY, { token: 'a' });
    const body = `${new URLSearchParams(params).toString()}&token=b`;
    const e = errorOf(
      await send(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
    expect(e).toMatchObject({ code: 41, sub_msg: 'parameter token is sent more than once' });
  });
});

describe('HTTP level', () => {
  it('refuses a charset other than UTF-8 and malformed UTF-8', async () => {
    const body = new URLSearchParams(signedParams(DERBY, {})).toString();
    const gbk = await send(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=GBK' },
      body,
    });
    expect(errorOf(gbk)).toMatchObject({ code: 47, sub_code: 'isv.invalid-encoding' });
    const broken = await send(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `${body}&token=%E5%A5`,
    });
    expect(errorOf(broken)).toMatchObject({ code: 47 });
  });

  it('refuses a JSON body', async () => {
    const a = await send(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signedParams(DERBY, {})),
    });
    expect(errorOf(a).sub_msg).toContain('unsupported Content-Type');
  });

  it('refuses other HTTP methods with 405 and code 9', async () => {
    const a = await send(gateway.url, { method: 'PUT', body: 'x' });
    expect(a.status).toBe(405);
    expect(errorOf(a)).toMatchObject({ code: 9, sub_code: 'isv.http-action-not-allowed' });
  });

  it('answers 404 outside /router/rest', async () => {
    const a = await send(gateway.url.replace('/router/rest', '/other'), { method: 'GET' });
    expect(a.status).toBe(404);
  });

  it('logs one line per request', async () => {
    const before = logs.length;
    await postForm(gateway.url, signedParams(DERBY, {}));
    await postForm(gateway.url, signedParams('x.y', {}));
    const lines = logs.slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^POST alitrip\.merchant\.galaxy\.member\.login\.derby -> 200 ok request_id=mock\w+ \(\d+ ms\)$/,
    );
    expect(lines[1]).toMatch(/^POST x\.y -> 200 error 22 isv\.invalid-method: method x\.y is not served/);
  });

  it('gives every answer its own request_id', async () => {
    const a = await postForm(gateway.url, signedParams(DERBY, { simplify: 'true' }));
    const b = await postForm(gateway.url, signedParams(DERBY, { simplify: 'true' }));
    expect(a.json['request_id']).not.toBe(b.json['request_id']);
  });
});
