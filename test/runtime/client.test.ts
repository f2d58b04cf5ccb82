import { describe, expect, it, vi } from 'vitest';
import {
  API_SPEC,
  TopClientBase,
  type CallOptions,
  type TopClientOptions,
} from '../../src/runtime/client.js';
import { TopError, TopNetworkError, TopTimeoutError, TopValidationError } from '../../src/runtime/errors.js';
import { sign, verifySignature } from '../../src/runtime/sign.js';
import type { ApiSpec } from '../../src/runtime/spec.js';
import { FIXED_NOW, json, requestOf, scriptedFetch, SECRET, text, type Script } from './helpers.js';
import { KITCHEN_SINK, ODD_NAMES } from './fixtures.js';

const DERBY = 'alitrip.merchant.galaxy.member.login.derby';
const DERBY_KEY = 'alitrip_merchant_galaxy_member_login_derby_response';

function client(fetch: typeof globalThis.fetch, options: Partial<TopClientOptions> = {}): TopClientBase {
  return new TopClientBase({
    appKey: '12345678',
    appSecret: SECRET,
    fetch,
    now: () => FIXED_NOW,
    retryDelayMs: 0,
    ...options,
  });
}

const ok = (body: Record<string, unknown> = {}) => json({ [DERBY_KEY]: { ...body, request_id: 'r1' } });
const apiError = (sub_code: string) =>
  json({ error_response: { code: 15, msg: 'Remote service error', sub_code, request_id: 'e1' } });

/** A generated client as the emitter writes it: a subclass calling `call` with its spec. */
class GeneratedClient extends TopClientBase {
  derby(init: Record<string, unknown>, options?: CallOptions): Promise<Record<string, unknown>> {
    return this.call(KITCHEN_SINK, init, options);
  }
}

describe('TopClientBase options', () => {
  it.each<[string, Partial<TopClientOptions>, RegExp]>([
    ['appKey', { appKey: '' }, /appKey is required/],
    ['appSecret', { appSecret: undefined as unknown as string }, /appSecret is required/],
    ['signMethod', { signMethod: 'sha1' as 'md5' }, /signMethod must be md5, hmac or hmac-sha256/],
    ['gateway', { gateway: 'not a url' }, /gateway "not a url" is not a valid URL/],
    ['gateway protocol', { gateway: 'ftp://x/router/rest' }, /http or https/],
    ['gateway port', { gateway: 'http://127.0.0.1:0/router/rest' }, /has port 0/],
    ['retries', { retries: 1.5 }, /retries must be a non-negative integer/],
    ['timeoutMs', { timeoutMs: 0 }, /timeoutMs must be greater than 0/],
    ['session type', { session: 5 as unknown as string }, /session must be a string/],
  ])('rejects a bad %s at construction', (_name, options, message) => {
    expect(() => new TopClientBase({ appKey: 'k', appSecret: 's', ...options })).toThrow(message);
  });

  it('keeps the options it was given for subclasses', () => {
    class Probe extends TopClientBase {
      gatewayOption(): string | undefined {
        return this.options.gateway;
      }
    }
    expect(new Probe({ appKey: 'k', appSecret: 's', gateway: 'http://localhost/x' }).gatewayOption()).toBe(
      'http://localhost/x',
    );
  });
});

describe('a call on the wire', () => {
  it('POSTs form-encoded common parameters and a valid signature to the default gateway', async () => {
    const fetch = scriptedFetch(ok({ ok: true }));
    const result = await client(fetch).execute(DERBY, { tenant_key: '234', token: '213456789' });
    expect(result).toStrictEqual({ ok: true, request_id: 'r1' });
    const [request] = fetch.requests;
    expect(request?.url).toBe('https://eco.taobao.com/router/rest');
    expect(request?.method).toBe('POST');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded;charset=utf-8');
    expect(request?.fields).toStrictEqual({
      app_key: '12345678',
      format: 'json',
      method: DERBY,
      sign_method: 'md5',
      timestamp: '2026-11-23 10:00:00',
      v: '2.0',
      tenant_key: '234',
      token: '213456789',
      // The "md5 plain" vector of the protocol's sign-vectors.json.
      sign: '9D07A497AAA78040DA41CAE41338631C',
    });
  });

  it.each(['md5', 'hmac', 'hmac-sha256'] as const)('signs with %s', async (signMethod) => {
    const fetch = scriptedFetch(ok());
    await client(fetch, { signMethod }).execute(DERBY, { q: '女装', fields: ['num_iid', 'title'] });
    const fields = fetch.requests[0]?.fields ?? {};
    expect(fields['sign_method']).toBe(signMethod);
    expect(fields['fields']).toBe('num_iid,title');
    expect(verifySignature(fields, SECRET)).toBe(true);
    expect(verifySignature(fields, 'wrong')).toBe(false);
  });

  it('sends and signs a lone surrogate consistently', async () => {
    const fetch = scriptedFetch(ok());
    await client(fetch).execute(DERBY, { q: 'cut \ud83d' });
    expect(fetch.requests[0]?.fields['q']).toBe('cut \ufffd');
    expect(verifySignature(fetch.requests[0]?.fields ?? {}, SECRET)).toBe(true);
  });

  it('sends session, partner_id, target_app_key and simplify only when set', async () => {
    const fetch = scriptedFetch(json({ request_id: 'r' }));
    await client(fetch, { session: 's1', partnerId: 'p1', targetAppKey: 't1', simplify: true }).execute(
      DERBY,
    );
    await client(fetch).execute(DERBY);
    expect(fetch.requests[0]?.fields).toMatchObject({
      session: 's1',
      partner_id: 'p1',
      target_app_key: 't1',
      simplify: 'true',
    });
    expect(Object.keys(fetch.requests[1]?.fields ?? {}).sort()).toEqual([
      'app_key',
      'format',
      'method',
      'sign',
      'sign_method',
      'timestamp',
      'v',
    ]);
  });

  it('lets the call session override the client session, and API parameters override both', async () => {
    const fetch = scriptedFetch(ok());
    const c = client(fetch, { session: 'client' });
    await c.execute(DERBY, {}, { session: 'call' });
    await c.execute(DERBY, { session: 'param' }, { session: 'call' });
    expect(fetch.requests.map((r) => r.fields['session'])).toEqual(['call', 'param']);
    expect(fetch.requests.every((r) => verifySignature(r.fields, SECRET))).toBe(true);
  });

  it('refuses API parameters named like the common parameters it sets', async () => {
    const fetch = scriptedFetch(ok());
    await expect(client(fetch).execute(DERBY, { timestamp: 'x' })).rejects.toThrow(TopValidationError);
    expect(fetch.requests).toHaveLength(0);
  });

  it('unwraps simplify=true answers too', async () => {
    const fetch = scriptedFetch(json({ user: { uid: 12345678901234567890n.toString() }, request_id: 'r' }));
    expect(await client(fetch, { simplify: true }).execute(DERBY)).toStrictEqual({
      user: { uid: '12345678901234567890' },
      request_id: 'r',
    });
  });

  it('keeps 64-bit integers exact', async () => {
    const fetch = scriptedFetch(text(`{"${DERBY_KEY}":{"tid":4051234567890123456,"n":3}}`));
    expect(await client(fetch).execute(DERBY)).toStrictEqual({ tid: '4051234567890123456', n: 3 });
  });

  it('rejects with a TopError for error_response', async () => {
    const fetch = scriptedFetch(apiError('isv.invalid-parameter'));
    await expect(client(fetch).execute(DERBY)).rejects.toMatchObject({
      name: 'TopError',
      code: 15,
      sub_code: 'isv.invalid-parameter',
      request_id: 'e1',
    });
  });

  it('rejects a first argument that is neither an API name nor a request', async () => {
    const fetch = scriptedFetch(ok());
    await expect(client(fetch).execute({} as never)).rejects.toThrow(TypeError);
    await expect(client(fetch).execute('')).rejects.toThrow(TypeError);
    await expect(client(fetch).execute(DERBY, 5 as never)).rejects.toThrow(/params must be an object/);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('generated requests', () => {
  it('executes a request instance through its spec', async () => {
    const fetch = scriptedFetch(ok({ done: true }));
    const request = requestOf(KITCHEN_SINK, {
      title: '女装',
      num_iid: 9007199254740991n,
      param0: { ptnr_token: 't', items: [{ sku_id: '9007199254740993' }] },
    });
    expect(await client(fetch).execute(request)).toStrictEqual({ done: true, request_id: 'r1' });
    expect(fetch.requests[0]?.fields).toMatchObject({
      method: DERBY,
      title: '女装',
      num_iid: '9007199254740991',
      param0: '{"ptnr_token":"t","items":[{"sku_id":9007199254740993}]}',
    });
    expect(verifySignature(fetch.requests[0]?.fields ?? {}, SECRET)).toBe(true);
  });

  it('works through a generated subclass calling `call`', async () => {
    const fetch = scriptedFetch(ok({ done: 1 }));
    const c = new GeneratedClient({ appKey: 'k', appSecret: 's', fetch });
    expect(await c.derby({ title: 'x' })).toStrictEqual({ done: 1, request_id: 'r1' });
  });

  it('validates before sending: nothing goes out', async () => {
    const fetch = scriptedFetch(ok());
    const request = requestOf(KITCHEN_SINK, { title: 5, param0: { items: [{}] } });
    const error = await client(fetch)
      .execute(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopValidationError);
    expect(error).toBeInstanceOf(Error);
    expect((error as TopValidationError).issues.map((i) => i.path)).toEqual([
      'title',
      'param0.ptnr_token',
      'param0.items[0].sku_id',
    ]);
    expect((error as Error).message).toBe(
      `Invalid request for ${DERBY}: title must be a string, got number; param0.ptnr_token is required; param0.items[0].sku_id is required [0 attempts]`,
    );
    expect(fetch.requests).toHaveLength(0);
  });

  it('sends parameters named __proto__, constructor and then', async () => {
    const fetch = scriptedFetch(json({ odd_names_response: { ok: true } }));
    const request = requestOf(
      ODD_NAMES,
      JSON.parse('{"__proto__":"p","constructor":"c","then":7}') as Record<string, unknown>,
    );
    expect(await client(fetch).execute(request)).toStrictEqual({ ok: true });
    expect(fetch.requests[0]?.fields).toMatchObject({ __proto__: 'p', constructor: 'c', then: '7' });
  });

  it('sends a file as a multipart part that the signature leaves out', async () => {
    const fetch = scriptedFetch(ok());
    const image = { data: new Uint8Array([137, 80, 78, 71]), filename: 'a.png', contentType: 'image/png' };
    await client(fetch).execute(requestOf(KITCHEN_SINK, { title: 'pic', image }));
    const request = fetch.requests[0];
    expect(request?.raw).toBeInstanceOf(FormData);
    expect(request?.contentType).toBeUndefined(); // fetch sets multipart/form-data with its boundary
    const part = request?.files['image'];
    expect(part?.name).toBe('a.png');
    expect(part?.type).toBe('image/png');
    expect([...new Uint8Array(await (part as File).arrayBuffer())]).toEqual([137, 80, 78, 71]);
    expect(request?.fields['title']).toBe('pic');
    expect(verifySignature(request?.fields ?? {}, SECRET)).toBe(true);
    const { sign: sent, ...signed } = request?.fields ?? {};
    expect(sent).toBe(sign(signed, SECRET));
  });
});

describe('retries', () => {
  const run = async (scripts: Script[], options: Partial<TopClientOptions> = {}, call?: CallOptions) => {
    const fetch = scriptedFetch(...scripts);
    const outcome = await client(fetch, options)
      // DERBY's name says "write"; these tests are about the read policy.
      .execute(DERBY, { q: 'x' }, { access: 'read', ...call })
      .then(
        (value) => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error }),
      );
    return { ...outcome, requests: fetch.requests };
  };

  it('retries HTTP 5xx, then succeeds', async () => {
    const { value, requests } = await run([text('bad gateway', 502), text('oops', 500), ok({ n: 1 })]);
    expect(value).toStrictEqual({ n: 1, request_id: 'r1' });
    expect(requests).toHaveLength(3);
  });

  it('retries transient isp.* errors, then succeeds', async () => {
    const { value, requests } = await run([apiError('isp.top-remote-connection-timeout'), ok({ n: 2 })]);
    expect(value).toStrictEqual({ n: 2, request_id: 'r1' });
    expect(requests).toHaveLength(2);
  });

  it('retries network failures, then succeeds', async () => {
    const { value, requests } = await run([new TypeError('fetch failed'), ok()]);
    expect(value).toStrictEqual({ request_id: 'r1' });
    expect(requests).toHaveLength(2);
  });

  it('never retries isv.* errors', async () => {
    const { error, requests } = await run([apiError('isv.invalid-parameter'), ok()]);
    expect(error).toMatchObject({ sub_code: 'isv.invalid-parameter' });
    expect(requests).toHaveLength(1);
  });

  it('never retries a 4xx or a non-JSON 200', async () => {
    expect((await run([text('no', 403), ok()])).requests).toHaveLength(1);
    expect((await run([text('<html/>'), ok()])).requests).toHaveLength(1);
  });

  it('gives up after `retries` extra attempts with the last error', async () => {
    const { error, requests } = await run([text('a', 503), text('b', 503), text('c', 504), ok()]);
    expect(error).toBeInstanceOf(TopError);
    expect(error).toMatchObject({ status: 504, body: 'c' });
    expect(requests).toHaveLength(3);
  });

  it('honours retries from the options and from the call', async () => {
    expect((await run([text('a', 503)], { retries: 0 })).requests).toHaveLength(1);
    expect((await run([text('a', 503)], { retries: 0 }, { retries: 4 })).requests).toHaveLength(5);
  });

  it('timestamps and signs each attempt afresh', async () => {
    let now = FIXED_NOW;
    const fetch = scriptedFetch(text('a', 503), ok());
    await client(fetch, { now: () => (now += 1000) }).execute(DERBY, { q: 'x' }, { access: 'read' });
    const [first, second] = fetch.requests;
    expect(first?.fields['timestamp']).toBe('2026-11-23 10:00:01');
    expect(second?.fields['timestamp']).toBe('2026-11-23 10:00:02');
    expect(first?.fields['sign']).not.toBe(second?.fields['sign']);
    expect(
      verifySignature(first?.fields ?? {}, SECRET) && verifySignature(second?.fields ?? {}, SECRET),
    ).toBe(true);
  });

  it('waits with exponential backoff between attempts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const fetch = scriptedFetch(text('a', 503), text('b', 503), ok());
      const pending = client(fetch, { retryDelayMs: 40 }).execute(DERBY, { q: 'x' }, { access: 'read' });
      // The first wait is 20-40 ms, the second 40-80 ms: the third attempt goes between 60 and 120 ms.
      await vi.advanceTimersByTimeAsync(19);
      expect(fetch.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(21);
      expect(fetch.requests).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(19);
      expect(fetch.requests).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(61);
      expect(fetch.requests).toHaveLength(3);
      await pending;
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('abort and timeouts', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const fetch = scriptedFetch(ok());
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(client(fetch).execute(DERBY, {}, { signal: controller.signal })).rejects.toThrow('gone');
    expect(fetch.requests).toHaveLength(0);
  });

  it('stops a pending request on abort, passes the abort on to fetch, and does not retry', async () => {
    const fetch = scriptedFetch('hang');
    const controller = new AbortController();
    const pending = client(fetch).execute(DERBY, {}, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new DOMException('The operation was aborted', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]?.signal?.aborted).toBe(true);
  });

  it('stops during the backoff wait on abort', async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch(() => {
      setTimeout(() => controller.abort(new Error('stop')), 5);
      return text('busy', 503);
    });
    // A backoff longer than the test's time limit: only stopping at once lets the test finish.
    await expect(
      client(fetch, { retryDelayMs: 3_600_000 }).execute(
        DERBY,
        {},
        { signal: controller.signal, access: 'read' },
      ),
    ).rejects.toThrow('stop');
    expect(fetch.requests).toHaveLength(1);
  });

  it('times out a fetch that never answers, on every attempt', async () => {
    const fetch = scriptedFetch('hang');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let error: unknown;
    try {
      let settled = false;
      const pending = client(fetch, { timeoutMs: 30, retries: 1 })
        .execute(DERBY, {}, { access: 'read' })
        .catch((e: unknown) => e)
        .finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(29);
      expect(fetch.requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(30);
      expect(fetch.requests).toHaveLength(2);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      error = await pending;
    } finally {
      vi.useRealTimers();
    }
    expect(error).toBeInstanceOf(TopTimeoutError);
    expect(error).toBeInstanceOf(TopNetworkError);
    expect(error).toMatchObject({ timeoutMs: 30, method: DERBY, attempts: 2 });
    expect((error as Error).message).toBe(`${DERBY}: no answer within 30 ms [2 attempts]`);
    expect(fetch.requests).toHaveLength(2);
    expect(fetch.requests.every((r) => r.signal?.aborted === true)).toBe(true);
  });

  it('takes the timeout from the call', async () => {
    const fetch = scriptedFetch('hang');
    await expect(
      client(fetch, { timeoutMs: 60_000, retries: 0 }).execute(DERBY, {}, { timeoutMs: 20 }),
    ).rejects.toThrow(TopTimeoutError);
  });

  it('reports a fetch that throws synchronously as a network failure', async () => {
    const throwing = (() => {
      throw new TypeError('bad init');
    }) as unknown as typeof globalThis.fetch;
    const error = await client(throwing, { retries: 0 })
      .execute(DERBY)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopNetworkError);
    expect((error as TopNetworkError).cause).toBeInstanceOf(TypeError);
  });
});

describe('API_SPEC', () => {
  it('is read through a prototype getter, with fields as own properties (the generated request shape)', async () => {
    abstract class RequestBase {
      abstract get [API_SPEC](): ApiSpec;
      protected constructor(spec: ApiSpec, init: object) {
        for (const p of spec.params) {
          if (Object.prototype.propertyIsEnumerable.call(init, p.name)) {
            Object.defineProperty(this, p.name, {
              value: (init as Record<string, unknown>)[p.name],
              enumerable: true,
            });
          }
        }
      }
    }
    class OddRequest extends RequestBase {
      constructor(init: object) {
        super(ODD_NAMES, init);
      }
      override get [API_SPEC](): ApiSpec {
        return ODD_NAMES;
      }
    }
    const fetch = scriptedFetch(json({ odd_names_response: { ok: 1 } }));
    const request = new OddRequest(JSON.parse('{"constructor":"c","__proto__":"p","ignored":"x"}') as object);
    expect(await client(fetch).execute(request)).toStrictEqual({ ok: 1 });
    expect(fetch.requests[0]?.fields).toMatchObject({ constructor: 'c', __proto__: 'p' });
    expect(fetch.requests[0]?.fields['ignored']).toBeUndefined();
  });

  it('is the registered symbol', () => {
    expect(API_SPEC).toBe(Symbol.for('topgen.apiSpec'));
  });

  it('is read from generated request classes', async () => {
    const spec: ApiSpec = { method: 'taobao.time.get', responseKey: 'time_get_response', params: [] };
    class TimeGetRequest {
      readonly [API_SPEC] = spec;
    }
    const fetch = scriptedFetch(json({ time_get_response: { time: '2026-11-23 10:00:00' } }));
    expect(await client(fetch).execute(new TimeGetRequest())).toStrictEqual({ time: '2026-11-23 10:00:00' });
  });
});
