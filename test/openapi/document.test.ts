import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/model/types.js';
import { responseKeyOf, stringifyOpenApi, toOpenApi, type OpenApiDocument } from '../../src/openapi/index.js';
import { api, field } from '../diff/builders.js';
import { loadSeedApis } from '../diff/seeds.js';
import { expectValid, structuralProblems, swaggerValidate } from './check.js';

const schemaOf = (doc: OpenApiDocument, name: string) => {
  const schema = doc.components.schemas[name];
  if (schema === undefined) throw new Error(`no component ${name}`);
  return schema;
};

describe('the seed APIs', () => {
  const doc = toOpenApi(loadSeedApis(), { title: 'seeds', version: '1.0.0' });

  it('give a valid OpenAPI 3.1 document', async () => {
    await expectValid(doc);
  });

  it('have one POST operation per API, keyed by the API name', () => {
    expect(Object.keys(doc.paths)).toEqual([
      '/alibaba.damai.maizuo.openapi.user.register.byauthcode',
      '/alitrip.merchant.galaxy.member.login.derby',
    ]);
    const op = doc.paths['/alitrip.merchant.galaxy.member.login.derby']?.post;
    expect(op).toMatchObject({
      operationId: 'alitripMerchantGalaxyMemberLoginDerby',
      summary: '小程序通过德比登入（会员认证）',
      tags: ['alitrip'],
      'x-top-method': 'alitrip.merchant.galaxy.member.login.derby',
      'x-top-response-key': 'alitrip_merchant_galaxy_member_login_derby_response',
    });
    expect(op?.requestBody.content).toEqual({
      'application/x-www-form-urlencoded': {
        schema: { $ref: '#/components/schemas/AlitripMerchantGalaxyMemberLoginDerbyRequest' },
      },
    });
    expect(op?.responses['200']?.content['application/json']?.schema).toEqual({
      oneOf: [
        {
          type: 'object',
          properties: {
            alitrip_merchant_galaxy_member_login_derby_response: {
              $ref: '#/components/schemas/AlitripMerchantGalaxyMemberLoginDerbyResponse',
            },
          },
          required: ['alitrip_merchant_galaxy_member_login_derby_response'],
        },
        { $ref: '#/components/schemas/TopErrorResponse' },
      ],
    });
  });

  it('send struct parameters as JSON text and require what the doc requires', () => {
    const request = schemaOf(doc, 'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest');
    expect(request.required).toEqual([
      'method',
      'app_key',
      'timestamp',
      'format',
      'v',
      'sign_method',
      'sign',
      'param0',
    ]);
    expect(request.properties?.['method']).toMatchObject({
      const: 'alibaba.damai.maizuo.openapi.user.register.byauthcode',
    });
    expect(request.properties?.['param0']).toEqual({
      type: 'string',
      contentMediaType: 'application/json',
      contentSchema: {
        $ref: '#/components/schemas/AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode.UserRegisterByAuthCodeParam',
      },
      'x-top-type': 'UserRegisterByAuthCodeParam',
    });
    expect(
      schemaOf(doc, 'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode.UserRegisterByAuthCodeParam').required,
    ).toEqual([
      'auth_code',
      'ptnr_token',
      'user_login_password',
      'user_phone',
      'tenant_token',
      'channel_token',
      'code_type',
    ]);
  });

  it('name struct components per API, so one struct name can have two shapes', () => {
    expect(Object.keys(doc.components.schemas)).toEqual([
      'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode.ResultData',
      'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode.UserRegisterByAuthCodeParam',
      'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode.UserRegisterVo',
      'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest',
      'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeResponse',
      'AlitripMerchantGalaxyMemberLoginDerby.DerbyAuthenticationParam',
      'AlitripMerchantGalaxyMemberLoginDerby.Response',
      'AlitripMerchantGalaxyMemberLoginDerbyRequest',
      'AlitripMerchantGalaxyMemberLoginDerbyResponse',
      'TopError',
      'TopErrorResponse',
    ]);
  });

  it('add request_id to every success payload', () => {
    expect(schemaOf(doc, 'AlitripMerchantGalaxyMemberLoginDerbyResponse').properties?.['request_id']).toEqual(
      {
        type: 'string',
        description: 'Gateway request id, for support.',
      },
    );
  });

  it('explain the one-URL gateway in info.description and servers', () => {
    expect(doc.info).toMatchObject({ title: 'seeds', version: '1.0.0' });
    expect(doc.info.description).toContain('send every request to the server URL itself');
    expect(doc.servers).toEqual([
      {
        url: 'https://eco.taobao.com/router/rest',
        description: 'TOP gateway: every API is a POST to this URL itself.',
      },
    ]);
  });
});

describe('toOpenApi', () => {
  it('drops the taobao_ prefix from the response key, as the gateway does', () => {
    expect(responseKeyOf('taobao.user.seller.get')).toBe('user_seller_get_response');
    expect(responseKeyOf('alibaba.taobao.x')).toBe('alibaba_taobao_x_response');
    const doc = toOpenApi([api('taobao.user.seller.get')]);
    expect(doc.paths['/taobao.user.seller.get']?.post['x-top-response-key']).toBe('user_seller_get_response');
  });

  it('uses multipart/form-data when a parameter is a file, with part encodings', async () => {
    const upload = api('taobao.picture.upload', {
      request: [
        field('img', 'byte', { array: true, required: true }),
        field('meta', 'Meta', { children: [field('k', 'String')] }),
        field('tags', 'String', { array: true }),
        field('title', 'String'),
      ],
    });
    const doc = toOpenApi([upload]);
    await expectValid(doc);
    expect(doc.paths['/taobao.picture.upload']?.post.requestBody.content).toEqual({
      'multipart/form-data': {
        schema: { $ref: '#/components/schemas/TaobaoPictureUploadRequest' },
        encoding: {
          img: { contentType: 'application/octet-stream' },
          meta: { contentType: 'application/json' },
          tags: { style: 'form', explode: false },
        },
      },
    });
  });

  it('gives urlencoded bodies only the list encodings', () => {
    const doc = toOpenApi([
      api('a.x', {
        request: [
          field('ids', 'Number', { array: true }),
          field('j', 'Json'),
          field('s', 'S', { children: [] }),
        ],
      }),
    ]);
    expect(
      doc.paths['/a.x']?.post.requestBody.content['application/x-www-form-urlencoded']?.encoding,
    ).toEqual({
      ids: { style: 'form', explode: false },
    });
  });

  it('keeps a common parameter when the API documents one of the same name, and says so', async () => {
    const doc = toOpenApi([
      api('a.x', {
        request: [
          field('format', 'Number', { required: true }),
          field('session', 'String'),
          field('q', 'String'),
        ],
      }),
    ]);
    await expectValid(doc);
    const request = schemaOf(doc, 'AXRequest');
    expect(request.properties?.['format']).toMatchObject({ type: 'string', enum: ['json'] });
    expect(request['x-top-shadowed-params']).toEqual(['format', 'session']);
    expect(request.required).toEqual([
      'method',
      'app_key',
      'timestamp',
      'format',
      'v',
      'sign_method',
      'sign',
    ]);
  });

  it('does not add request_id twice when the doc lists it', () => {
    const doc = toOpenApi([
      api('a.x', { response: [field('request_id', 'String', { description: '请求id' })] }),
    ]);
    expect(schemaOf(doc, 'AXResponse').properties).toEqual({
      request_id: { type: 'string', description: '请求id', 'x-top-type': 'String' },
    });
  });

  it('keeps two docs for one API name apart', async () => {
    const doc = toOpenApi([api('a.x', { title: 'one' }), api('a.x', { title: 'two' })]);
    await expectValid(doc);
    expect(Object.keys(doc.paths)).toEqual(['/a.x', '/a.x~2']);
    expect(doc.paths['/a.x~2']?.post).toMatchObject({
      operationId: 'aX_2',
      summary: 'two',
      'x-top-method': 'a.x',
    });
  });

  it('gives the same bytes for the same APIs in any order', () => {
    const apis = loadSeedApis();
    const text = stringifyOpenApi(toOpenApi(apis));
    expect(stringifyOpenApi(toOpenApi([...apis].reverse()))).toBe(text);
    expect(stringifyOpenApi(toOpenApi(structuredClone(apis)))).toBe(text);
  });

  it('takes title, version and gateway from the options', () => {
    const doc = toOpenApi([], {
      title: 'my-sdk',
      version: '2.3.4',
      gateway: 'http://gw.api.tbsandbox.com/router/rest',
    });
    expect(doc.info).toMatchObject({ title: 'my-sdk', version: '2.3.4' });
    expect(doc.servers[0]?.url).toBe('http://gw.api.tbsandbox.com/router/rest');
    expect(doc.paths).toEqual({});
  });

  it('is valid with no APIs at all', async () => {
    await expectValid(toOpenApi([]));
  });
});

describe('retired APIs and fields', () => {
  it('are marked deprecated, as the SDK marks them', async () => {
    const doc = toOpenApi(
      [
        api('taobao.old.thing.get', {
          deprecated: true,
          request: [field('old_flag', 'String', { deprecated: true }), field('q', 'String')],
          response: [field('legacy', 'Number', { deprecated: true })],
        }),
      ],
      { title: 't', version: '1.0.0' },
    );
    await expectValid(doc);
    expect(doc.paths['/taobao.old.thing.get']?.post).toMatchObject({ deprecated: true });
    const request = schemaOf(doc, 'TaobaoOldThingGetRequest');
    expect(request.properties?.['old_flag']).toMatchObject({ deprecated: true });
    expect(request.properties?.['q']).not.toHaveProperty('deprecated');
    expect(schemaOf(doc, 'TaobaoOldThingGetResponse').properties?.['legacy']).toMatchObject({
      deprecated: true,
    });
  });
});

describe('hostile names', () => {
  const hostile: Api[] = [
    api('../{evil}?x=1#frag', {
      title: '*/ </script>',
      description: '"quotes" and \\ backslashes\nand lines',
      request: [
        field('__proto__', 'String', { required: true }),
        field('constructor', '*/ Evil', {
          children: [field('$ref', 'String'), field('', 'Number', { required: true })],
        }),
        field('a.b', 'Foo$Bar', {
          array: true,
          children: [field('type', 'String'), field('required', 'Boolean')],
        }),
        field('*/', 'no such type', { description: '*/ alert(1) /*' }),
      ],
      response: [
        field('__proto__', 'Obj', { children: [field('toString', 'String')] }),
        field('properties', 'Number'),
      ],
    }),
    api('中文.接口', { request: [field('名称', 'String', { example: '例子' })] }),
    api('', {}),
    api('top.error', { response: [field('x', 'TopError', { children: [field('code', 'String')] })] }),
    api('a b.c', {
      request: [field('x', 'X', { children: [field('y', 'Y', { children: [field('z', 'String')] })] })],
    }),
  ];

  it('still give a valid document', async () => {
    await expectValid(toOpenApi(hostile));
  });

  it('keep odd field names as plain properties, __proto__ included', () => {
    const doc = toOpenApi(hostile);
    const request = schemaOf(doc, 'EvilX1FragRequest');
    expect(Object.hasOwn(request.properties ?? {}, '__proto__')).toBe(true);
    expect(request.required).toContain('__proto__');
    expect(Object.keys(request.properties ?? {})).toEqual(
      expect.arrayContaining(['constructor', 'a.b', '*/']),
    );
    const text = stringifyOpenApi(doc);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(text).toContain('"__proto__": {');
  });

  it('encode path keys and keep fixed component names free', () => {
    const doc = toOpenApi(hostile);
    expect(Object.keys(doc.paths)).toEqual([
      '/',
      '/%E4%B8%AD%E6%96%87.%E6%8E%A5%E5%8F%A3',
      '/..%2F%7Bevil%7D%3Fx%3D1%23frag',
      '/a%20b.c',
      '/top.error',
    ]);
    expect(doc.paths['/top.error']?.post.operationId).toBe('topError_2');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['TopError', 'TopErrorResponse', 'TopError_2Response', 'TopError_2.TopError']),
    );
  });
});

describe('the validators used here', () => {
  it('reject a dangling $ref and a bad component key', async () => {
    const doc = toOpenApi([api('a.x', { response: [field('r', 'R', { children: [] })] })]);
    const broken = structuredClone(doc) as unknown as { components: { schemas: Record<string, unknown> } };
    delete broken.components.schemas['AX.R'];
    broken.components.schemas['bad key/'] = {};
    await expect(swaggerValidate(broken)).rejects.toThrow();
    expect(structuralProblems(broken as unknown as OpenApiDocument)).toEqual([
      'bad component key "bad key/"',
      '#/components/schemas/AXResponse/properties/r: dangling $ref #/components/schemas/AX.R',
    ]);
  });
});

describe('stringifyOpenApi', () => {
  it('writes 2-space JSON with a trailing newline and name-keyed maps sorted', () => {
    const doc = toOpenApi([api('b.y'), api('a.x')]);
    const shuffled: OpenApiDocument = {
      ...doc,
      paths: Object.fromEntries(Object.entries(doc.paths).reverse()),
      components: { schemas: Object.fromEntries(Object.entries(doc.components.schemas).reverse()) },
    };
    const text = stringifyOpenApi(shuffled);
    expect(text).toBe(stringifyOpenApi(doc));
    expect(text.startsWith('{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "TOP APIs",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys((JSON.parse(text) as OpenApiDocument).paths)).toEqual(['/a.x', '/b.y']);
  });
});
