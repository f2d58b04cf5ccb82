// What a call must never do, whatever fails around it: send a write twice after a failure that may have come
// after the request left, leave a rejection unhandled (which ends a Node process), or show a secret held inside a
// parameter's JSON text.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TopClientBase, type TopClientOptions } from '../../src/runtime/client.js';
import { TopNetworkError } from '../../src/runtime/errors.js';
import { HttpAgent } from '../../src/runtime/http-agent.js';
import { REDACTED, redactedValue, type TopLogger } from '../../src/runtime/observe.js';
import { hasNextPage, firstCursor } from '../../src/runtime/paginate.js';
import { proxyFor } from '../../src/runtime/proxy.js';
import { fetchSend, sendOnce, type HttpSend, type HttpTarget } from '../../src/runtime/transport.js';
import { readResponse } from '../../src/runtime/response.js';
import { apiSpecFromJson } from '../../src/runtime/spec.js';
import { json, requestOf, scriptedFetch } from './helpers.js';

const TARGET: HttpTarget = {
  url: 'http://127.0.0.1:9/router/rest',
  userAgent: 'test-sdk/1.0.0',
  maxResponseBytes: 1024,
  proxy: undefined,
};

/** Whether sendOnce over `fetchSend` marks a fetch that rejected with `error` as certainly never sent. */
async function unsentAfter(error: unknown): Promise<boolean> {
  const failed = await sendOnce(fetchSend(scriptedFetch(error as Error)), TARGET, 'a=1', 'm', 1000, undefined)
    .then(() => undefined)
    .catch((e: unknown) => e);
  expect(failed).toBeInstanceOf(TopNetworkError);
  return (failed as TopNetworkError).unsent;
}

function systemError(code: string, syscall: string): Error {
  return Object.assign(new Error(`${syscall} ${code}`), { code, syscall });
}

const fetchFailed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });

describe('a fetch failure counts as unsent only when connecting or the name lookup failed', () => {
  it.each([
    ['refused while connecting', fetchFailed(systemError('ECONNREFUSED', 'connect')), true],
    ['no such host', fetchFailed(systemError('ENOTFOUND', 'getaddrinfo')), true],
    ['DNS timeout', fetchFailed(systemError('EAI_AGAIN', 'getaddrinfo')), true],
    ['unreachable while connecting', fetchFailed(systemError('EHOSTUNREACH', 'connect')), true],
    [
      'undici connect timeout',
      fetchFailed(Object.assign(new Error('t'), { code: 'UND_ERR_CONNECT_TIMEOUT' })),
      true,
    ],
    [
      'every address refused (happy eyeballs)',
      fetchFailed(
        Object.assign(
          new AggregateError([systemError('ECONNREFUSED', 'connect'), systemError('ENETUNREACH', 'connect')]),
          {
            code: 'ECONNREFUSED',
          },
        ),
      ),
      true,
    ],
    [
      "node-fetch's FetchError",
      Object.assign(new Error('x'), { code: 'ECONNREFUSED', erroredSysCall: 'connect' }),
      true,
    ],
    // The same codes on a connection that was up: the request may have left.
    ['host unreachable on a read', fetchFailed(systemError('EHOSTUNREACH', 'read')), false],
    ['network unreachable on a write', fetchFailed(systemError('ENETUNREACH', 'write')), false],
    [
      'a code without its system call',
      fetchFailed(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })),
      false,
    ],
    [
      'one address refused, another reset after connecting',
      fetchFailed(
        new AggregateError([systemError('ECONNREFUSED', 'connect'), systemError('ECONNRESET', 'read')]),
      ),
      false,
    ],
    ['a reset', fetchFailed(systemError('ECONNRESET', 'read')), false],
    ['a bare fetch failed', new TypeError('fetch failed'), false],
  ])('%s → unsent %s', async (_name, error, unsent) => {
    expect(await unsentAfter(error)).toBe(unsent);
  });
});

describe('a sender that cannot start never throws past the call', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('TLS options that tls.connect refuses fail form and multipart sends through `done`, as unsent', async () => {
    process.on('unhandledRejection', onUnhandled);
    // tls.connect throws synchronously here, before any socket exists.
    const agent = new HttpAgent({ tls: { minVersion: 'bogus' as 'TLSv1.2' } });
    const target = { ...TARGET, url: 'https://127.0.0.1:9/router/rest' };
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array([1, 2])]), 'a.bin');
    for (const body of ['a=1', form]) {
      const outcome = await new Promise<{ error: unknown; unsent: boolean | undefined }>((resolve) => {
        agent.send(target, body, (error, _answer, unsent) => resolve({ error, unsent }));
      });
      expect(outcome.error).toMatchObject({ code: 'ERR_TLS_INVALID_PROTOCOL_VERSION' });
      expect(outcome.unsent).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
  });

  it('a sender that throws rejects the attempt as a TopNetworkError, not known to be unsent', async () => {
    const throwing: HttpSend = () => {
      throw new Error('sender broke');
    };
    const timers = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const started = Date.now();
    const failed = await sendOnce(throwing, TARGET, 'a=1', 'm', 60_000, undefined).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TopNetworkError);
    expect(failed).toMatchObject({
      unsent: false,
      message: expect.stringContaining('sender broke') as string,
    });
    // The attempt's 60 s timer was cleared: the promise settled at once and nothing keeps the loop alive.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('a client refuses a port-0 gateway or proxy when it is made', () => {
    const options = { appKey: 'k', appSecret: 's' };
    expect(() => new TopClientBase({ ...options, gateway: 'http://127.0.0.1:0/router/rest' })).toThrow(
      /port 0/,
    );
    expect(() => new TopClientBase({ ...options, proxy: 'http://127.0.0.1:0' })).toThrow(/port 0/);
  });
});

describe('hooks and loggers that return a rejected promise', () => {
  it('are logged and never leave an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const warnings: string[] = [];
      const logger: TopLogger = {
        // An async logger whose transport is down.
        debug: () => Promise.reject(new Error('log shipper down')) as unknown as void,
        info: () => undefined,
        warn: (message: string) => warnings.push(message),
        error: () => undefined,
      };
      const client = new TopClientBase({
        appKey: 'k',
        appSecret: 's',
        fetch: scriptedFetch(json({ trade_get_response: { tid: 1 } })),
        logger,
        logLevel: 'debug',
        onRequest: async () => {
          await Promise.resolve();
          throw new Error('metrics backend down');
        },
        onResponse: () => Promise.reject(new Error('tracing down')),
      });
      expect(await client.execute('taobao.trade.get')).toEqual({ tid: 1 });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      expect(warnings).toEqual([
        '[top] the onRequest hook failed: metrics backend down',
        '[top] the onResponse hook failed: tracing down',
      ]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('secrets inside parameters sent as JSON text', () => {
  const secrets = ['HUNTER2-PASSWORD', 'PTNR-SECRET', 'AUTH-CODE-726311', 'DEEP-TOKEN', 'JSON-STRING-PWD'];

  it('are redacted in debug logs and hook events; every other member is shown as sent', async () => {
    const lines: string[] = [];
    const write = (message: string, ...details: unknown[]): void => {
      lines.push([message, ...details.map((d) => inspect(d, { depth: 10 }))].join(' '));
    };
    const logger: TopLogger = { debug: write, info: write, warn: write, error: write };
    const seen: Record<string, string>[] = [];
    const fetch = scriptedFetch(json({ user_register_response: { ok: true } }));
    const options: TopClientOptions = {
      appKey: 'k',
      appSecret: 's',
      fetch,
      logger,
      logLevel: 'debug',
      onRequest: (event) => seen.push({ ...event.params }),
    };
    await new TopClientBase(options).execute('taobao.user.register', {
      param0: {
        user_login_password: 'HUNTER2-PASSWORD',
        ptnr_token: 'PTNR-SECRET',
        auth_code: 'AUTH-CODE-726311',
        user_phone: '139',
        channels: [{ name: 'web', credentials: { token: 'DEEP-TOKEN' } }],
      },
      extend: '{"pwd": "JSON-STRING-PWD", "note": "kept"}',
    });
    const shown = [...lines, ...seen.map((params) => JSON.stringify(params))];
    for (const text of shown) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(JSON.parse(seen[0]?.param0 ?? '')).toEqual({
      user_login_password: REDACTED,
      ptnr_token: REDACTED,
      auth_code: REDACTED,
      user_phone: '139',
      channels: [{ name: 'web', credentials: REDACTED }],
    });
    expect(seen[0]?.extend).toBe('{"pwd": "[redacted]", "note": "kept"}');
    // What was sent is untouched.
    expect(fetch.requests[0]?.fields.param0).toContain('HUNTER2-PASSWORD');
  });

  it.each([
    ['escaped key names', '{"pass\\u0077ord":"x1"}', '{"pass\\u0077ord":"[redacted]"}'],
    [
      'spacing kept',
      '[ { "a" : 1 , "secret" : { "b" : [2] } } ]',
      '[ { "a" : 1 , "secret" : "[redacted]" } ]',
    ],
    ['no secret', '{"a":{"b":[1,"two",null,true]}}', '{"a":{"b":[1,"two",null,true]}}'],
    ['text that is not JSON', '{not json}', '{not json}'],
    ['broken JSON naming a secret', '{"password": "x1"', REDACTED],
    ['plain text', 'password is x1', 'password is x1'],
    ['deeper than searched', `${'['.repeat(70)}{"token":"x1"}${']'.repeat(70)}`, REDACTED],
  ])('%s', (_name, value, shown) => {
    expect(redactedValue(value)).toBe(shown);
  });

  it('every secret-named member at any depth, and nothing else (property)', () => {
    const secretKey = fc.constantFrom(
      'password',
      'user_pwd',
      'ptnr_token',
      'app_secret',
      'auth_code',
      'sessionKey',
    );
    const plainKey = fc.constantFrom('name', 'id', 'phone', 'items', 'note', 'count');
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(secretKey, plainKey, fc.string()), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    /** The value with every secret-named member's value replaced, as redaction should show it. */
    const expected = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(expected);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          /secret|password|passwd|pwd|token|session|sign$|^sign|credential|private|auth_?code/i.test(key)
            ? REDACTED
            : expected(inner),
        ]),
      );
    };
    fc.assert(
      fc.property(fc.oneof(fc.array(json), fc.dictionary(fc.string(), json)), (value) => {
        const text = JSON.stringify(value);
        expect(JSON.parse(redactedValue(text))).toEqual(expected(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a malformed proxy URL', () => {
  it('is refused without its password in the message, cause or inspect output', () => {
    const thrown = (() => {
      try {
        proxyFor('https://eco.taobao.com/router/rest', undefined, {
          HTTPS_PROXY: 'http://corp-user:S3cr3t-Pr0xy@proxy.corp:99999',
        });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe(
      'TopClient: proxy "http://[redacted]@proxy.corp:99999" is not a valid URL',
    );
    for (const shown of [inspect(thrown, { depth: 10, showHidden: true }), JSON.stringify(thrown)])
      expect(shown).not.toContain('S3cr3t');
  });
});

describe('pagination', () => {
  it('counts the items of a list one record down, and the totals beside it', () => {
    const page = (n: number) => ({
      result: { success: true, total_count: 45, model_list: Array.from({ length: n }, (_, i) => ({ i })) },
      request_id: 'r',
    });
    const cursor = firstCursor({ page_no: 1, page_size: 20 });
    expect(hasNextPage(page(20), cursor)).toBe(true);
    cursor.pageNo = 2;
    expect(hasNextPage(page(20), cursor)).toBe(true);
    cursor.pageNo = 3;
    expect(hasNextPage(page(5), cursor)).toBe(false);
    // A top-level total with the list nested: not the last page.
    const mixed = { total_results: 100, result: { items: Array.from({ length: 10 }, () => ({})) } };
    expect(hasNextPage(mixed, firstCursor({ page_no: 1, page_size: 10 }))).toBe(true);
    // No list anywhere: the last page.
    expect(hasNextPage({ result: { total_count: 100 } }, firstCursor({ page_no: 1 }))).toBe(false);
  });
});

describe('a `number` field beyond 2^53', () => {
  it('is delivered as the nearest number, as typed, and named in a warning once per call', async () => {
    const rounded: string[] = [];
    const text =
      '{"x_response":{"fee":12345678901234567891,"qty":"5","items":{"item":[{"seq":"9007199254740993"},{"seq":"9007199254740992"}]}}}';
    const response = readResponse(
      'x',
      'x_response',
      200,
      text,
      [
        { name: 'fee', number: 'number' },
        { name: 'qty', number: 'number' },
        { name: 'items', array: true, children: [{ name: 'seq', number: 'number' }] },
      ],
      rounded,
    );
    expect(response).toEqual({
      fee: 12345678901234567000,
      qty: 5,
      items: [{ seq: 9007199254740992 }, { seq: 9007199254740992 }],
    });
    expect(rounded).toEqual(['fee', 'seq']);

    const warnings: string[] = [];
    const logger: TopLogger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => warnings.push(message),
      error: () => undefined,
    };
    const spec = apiSpecFromJson(
      '{"method":"x.fee.get","responseKey":"fee_get_response","access":"read","params":[],' +
        '"response":[{"name":"fee","number":"number"},{"name":"total","number":"number"}]}',
    );
    const client = new TopClientBase({
      appKey: 'k',
      appSecret: 's',
      logger,
      fetch: scriptedFetch(
        new Response('{"fee_get_response":{"fee":12345678901234567891,"total":3}}', {
          headers: { 'content-type': 'application/json' },
        }),
      ),
    });
    expect(await client.execute(requestOf<object>(spec, {}))).toEqual({
      fee: 12345678901234567000,
      total: 3,
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^\[top\] x\.fee\.get: fee held an integer beyond 2\^53, delivered as the nearest number/,
      ),
    ]);
  });
});
