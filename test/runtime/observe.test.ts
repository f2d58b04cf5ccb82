// What a user sees of the client: no secret anywhere, logs and hooks, the User-Agent, withResponse().
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { TopClientBase, type TopClientOptions } from '../../src/runtime/client.js';
import { TopNetworkError } from '../../src/runtime/errors.js';
import type {
  TopLogger,
  TopRequestEvent,
  TopResponseEvent,
  TopRetryEvent,
} from '../../src/runtime/observe.js';
import { json, scriptedFetch, text } from './helpers.js';

const SECRET = 'app-secret-0123456789';
const SESSION = 'session-token-abcdef';
const GET = 'taobao.trade.get';
const ok = () => json({ trade_get_response: { tid: 1, request_id: 'r1' } });

function client(fetch: typeof globalThis.fetch, options: Partial<TopClientOptions> = {}): TopClientBase {
  return new TopClientBase({
    appKey: 'k1',
    appSecret: SECRET,
    session: SESSION,
    fetch,
    retryDelayMs: 0,
    ...options,
  });
}

function recordingLogger(): TopLogger & { readonly lines: string[] } {
  const lines: string[] = [];
  const write = (message: string, ...details: unknown[]) =>
    lines.push([message, ...details.map((d) => inspect(d, { depth: 5 }))].join(' '));
  return { lines, debug: write, info: write, warn: write, error: write };
}

describe('no secret is ever printed', () => {
  it('not by util.inspect, JSON.stringify or String() of the client', () => {
    const c = client(scriptedFetch(ok()), { proxy: 'http://user:proxy-pass@127.0.0.1:3128' });
    for (const shown of [inspect(c, { depth: 10, showHidden: true }), JSON.stringify(c), String(c), `${c}`]) {
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(SESSION);
      expect(shown).not.toContain('proxy-pass');
    }
    expect(inspect(c)).toContain("appSecret: '[redacted]'");
    expect(JSON.parse(JSON.stringify(c))).toMatchObject({ appKey: 'k1', appSecret: '[redacted]' });
  });

  it('not by errors or log output, at every level', async () => {
    const logger = recordingLogger();
    const fetch = scriptedFetch(text('busy', 503), new TypeError('fetch failed'), ok());
    await client(fetch, { logger, logLevel: 'debug' }).execute(GET, { token: 'param-token-xyz' });
    const errors = [
      await client(scriptedFetch(text('busy', 503)), { retries: 0 })
        .execute(GET)
        .catch((e: unknown) => e),
      await client(scriptedFetch(new TypeError('fetch failed')), { retries: 0 })
        .execute(GET)
        .catch((e: unknown) => e),
    ];
    const printed = [
      ...logger.lines,
      ...errors.map((e) => inspect(e, { depth: 10 })),
      JSON.stringify(errors),
    ];
    expect(logger.lines.length).toBeGreaterThan(4);
    for (const line of printed) {
      expect(line).not.toContain(SECRET);
      expect(line).not.toContain(SESSION);
      expect(line).not.toContain('param-token-xyz');
    }
  });
});

describe('logging', () => {
  it('is silent without a logger', async () => {
    const spies = (['debug', 'info', 'warn', 'error', 'log'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    );
    await client(scriptedFetch(text('busy', 503), ok())).execute(GET);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('logs each level and above: retries at info, failed calls at warn', async () => {
    const logger = recordingLogger();
    await client(scriptedFetch(text('busy', 503), ok()), { logger, logLevel: 'info' }).execute(GET);
    expect(logger.lines).toEqual([
      expect.stringMatching(/^\[top\] taobao\.trade\.get attempt 1 failed, retrying in 0 ms/),
    ]);
    const warn = recordingLogger();
    await client(scriptedFetch(text('no', 403)), { logger: warn })
      .execute(GET)
      .catch(() => undefined);
    expect(warn.lines).toEqual([
      expect.stringMatching(/^\[top\] taobao\.trade\.get failed: .*HTTP 403.*\[1 attempt\]$/),
    ]);
  });

  it('never lets a throwing logger or hook fail the call', async () => {
    const broken: TopLogger = {
      debug: () => {
        throw new Error('logger down');
      },
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    };
    const c = client(scriptedFetch(ok()), {
      logger: broken,
      logLevel: 'debug',
      onRequest: () => {
        throw new Error('hook down');
      },
    });
    expect(await c.execute(GET)).toEqual({ tid: 1, request_id: 'r1' });
  });
});

describe('hooks', () => {
  it('see every attempt with redacted params, status, timing and retries', async () => {
    const requests: TopRequestEvent[] = [];
    const responses: TopResponseEvent[] = [];
    const retries: TopRetryEvent[] = [];
    await client(scriptedFetch(text('busy', 503), ok()), {
      onRequest: (e) => requests.push(e),
      onResponse: (e) => responses.push(e),
      onRetry: (e) => retries.push(e),
    }).execute(GET, { tid: 7, token: 'param-token-xyz' });
    expect(requests.map((e) => [e.attempt, e.access])).toEqual([
      [1, 'read'],
      [2, 'read'],
    ]);
    expect(requests[0]?.params).toMatchObject({
      method: GET,
      app_key: 'k1',
      tid: '7',
      session: '[redacted]',
      token: '[redacted]',
    });
    expect(responses.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
    expect(responses[0]?.error).toMatchObject({ status: 503 });
    expect(responses[1]?.error).toBeUndefined();
    expect(responses.every((e) => e.durationMs >= 0)).toBe(true);
    expect(retries).toEqual([expect.objectContaining({ method: GET, attempt: 1, delayMs: 0 })]);
  });

  it('report a network failure as an attempt without a status', async () => {
    const responses: TopResponseEvent[] = [];
    await client(scriptedFetch(new TypeError('fetch failed')), {
      retries: 0,
      onResponse: (e) => responses.push(e),
    })
      .execute(GET)
      .catch(() => undefined);
    expect(responses).toEqual([expect.objectContaining({ attempt: 1, status: undefined })]);
    expect(responses[0]?.error).toBeInstanceOf(TopNetworkError);
  });
});

describe('the answer next to the result', () => {
  it('withResponse() gives status, headers and attempts; awaiting gives the result alone', async () => {
    const fetch = scriptedFetch(
      text('busy', 503),
      new Response('{"trade_get_response":{"tid":1}}', { headers: { 'x-request-id': 'abc' } }),
    );
    const { data, response } = await client(fetch).execute(GET).withResponse();
    expect(data).toEqual({ tid: 1 });
    expect(response).toMatchObject({ status: 200, attempts: 2 });
    expect(response.headers.get('x-request-id')).toBe('abc');
    expect(await client(scriptedFetch(ok())).execute(GET)).toEqual({ tid: 1, request_id: 'r1' });
  });

  it('a failed call used only through withResponse() rejects there, and nowhere else', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    await expect(
      client(scriptedFetch(text('no', 403)))
        .execute(GET)
        .withResponse(),
    ).rejects.toMatchObject({ status: 403 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('sends a User-Agent naming the generated package and its version', async () => {
    const seen: (string | null)[] = [];
    const fetch = ((_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('user-agent'));
      return Promise.resolve(ok());
    }) as typeof globalThis.fetch;
    class Generated extends TopClientBase {
      constructor(options: TopClientOptions) {
        super(options, { name: '@acme/top-sdk', version: '1.2.3' });
      }
    }
    await new Generated({ appKey: 'k', appSecret: 's', fetch }).execute(GET);
    expect(seen[0]).toMatch(/^@acme\/top-sdk\/1\.2\.3 topgen-runtime node\/\d+/);
  });
});

describe('bundling', () => {
  /** Runtime modules reachable from `entry` through static imports. */
  function staticImports(entry: string): Map<string, string[]> {
    const graph = new Map<string, string[]>();
    const visit = (file: string): void => {
      if (graph.has(file)) return;
      const source = readFileSync(new URL(`../../src/runtime/${file}`, import.meta.url), 'utf8');
      const specifiers = [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map(
        (m) => m[1] as string,
      );
      graph.set(file, specifiers);
      for (const s of specifiers) if (s.startsWith('./')) visit(s.slice(2).replace(/\.js$/, '.ts'));
    };
    visit(entry);
    return graph;
  }

  it('a client given fetch reaches node:net, node:tls and node:zlib only through a dynamic import', () => {
    const graph = staticImports('index.ts');
    const all = [...graph.values()].flat();
    expect(all).not.toContain('node:net');
    expect(all).not.toContain('node:tls');
    expect(all).not.toContain('node:zlib');
    expect(graph.has('http-agent.ts')).toBe(false);
    expect(readFileSync(new URL('../../src/runtime/node-send.ts', import.meta.url), 'utf8')).toContain(
      "import('./http-agent.js')",
    );
  });
});
