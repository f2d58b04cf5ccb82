// The built-in sender and the retry policy against misbehaving loopback servers: slow, huge, compressed, BOM,
// broken heads, rate limits. Requests are counted on the server side.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TopClientBase, type CallOptions, type TopClientOptions } from '../../src/runtime/client.js';
import { TopNetworkError, TopRateLimitError, TopTimeoutError } from '../../src/runtime/errors.js';

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  // Pooled keep-alive connections would otherwise hold close() until they idle out.
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

// The built-in sender is imported on first use; load it before any test measures attempts against a timeout.
beforeAll(async () => {
  const gw = await gateway((socket) => socket.write(http(READ_OK)));
  await client(gw.url).execute(READ);
});

const WRITE = 'taobao.trade.memo.add';
const READ = 'taobao.trade.memo.get';
const WRITE_OK = '{"trade_memo_add_response":{"ok":true}}';
const READ_OK = '{"trade_memo_get_response":{"ok":true}}';

interface Gateway {
  readonly url: string;
  /** Requests received (heads seen). */
  requests: number;
  readonly heads: string[];
}

/** A raw TCP gateway: `answer` gets the socket once a request head and its body have arrived. */
async function gateway(answer: (socket: Socket, index: number) => void): Promise<Gateway> {
  const state: Gateway = { url: '', requests: 0, heads: [] };
  const server = createServer((socket) => {
    sockets.add(socket);
    let buffer = '';
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buffer.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        buffer = buffer.slice(end + 4 + length);
        state.heads.push(head);
        answer(socket, state.requests++);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`,
  });
}

function http(body: string | Buffer, headers: Record<string, string> = {}): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = Object.entries({ 'Content-Length': String(bytes.length), ...headers }).map(
    ([k, v]) => `${k}: ${v}\r\n`,
  );
  return Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${lines.join('')}\r\n`), bytes]);
}

const client = (url: string, options: Partial<TopClientOptions> = {}) =>
  new TopClientBase({ appKey: 'k', appSecret: 's', gateway: url, retryDelayMs: 0, proxy: false, ...options });

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('write safety', () => {
  it('sends a write exactly once when the answer is slower than the timeout', async () => {
    const gw = await gateway((socket) => setTimeout(() => socket.write(http(WRITE_OK)), 300));
    const error = await failure(client(gw.url, { timeoutMs: 50, retries: 3 }).execute(WRITE));
    expect(error).toBeInstanceOf(TopTimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    expect((error as Error).message).toMatch(/\[1 attempt\]$/);
    // The gateway has had time to see any repeat.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gw.requests).toBe(1);
  });

  it('retries a read after the same timeouts', async () => {
    const gw = await gateway((socket, i) => setTimeout(() => socket.write(http(READ_OK)), i < 2 ? 300 : 0));
    expect(await client(gw.url, { timeoutMs: 50, retries: 2 }).execute(READ)).toEqual({ ok: true });
    expect(gw.requests).toBe(3);
  });

  it('never resends a write whose connection was reset after the request was written', async () => {
    const gw = await gateway((socket) => socket.destroy());
    const error = await failure(client(gw.url, { retries: 3 }).execute(WRITE));
    expect(error).toBeInstanceOf(TopNetworkError);
    expect(error).toMatchObject({ unsent: false, attempts: 1 });
    expect(gw.requests).toBe(1);
  });

  it('never resends a write after a 5xx or a transient isp error', async () => {
    const gw = await gateway((socket, i) =>
      socket.write(
        i === 0
          ? Buffer.from('HTTP/1.1 503 Busy\r\nContent-Length: 4\r\n\r\nbusy')
          : http('{"error_response":{"code":15,"sub_code":"isp.top-remote-connection-timeout"}}'),
      ),
    );
    await expect(client(gw.url, { retries: 3 }).execute(WRITE)).rejects.toMatchObject({ status: 503 });
    await expect(client(gw.url, { retries: 3 }).execute(WRITE)).rejects.toMatchObject({ code: 15 });
    expect(gw.requests).toBe(2);
  });

  it('retries a write whose connection was refused (nothing was sent), up to `retries`', async () => {
    const port = await closedPort();
    const attempts: number[] = [];
    const error = await failure(
      client(`http://127.0.0.1:${port}/router/rest`, {
        retries: 2,
        onRequest: (event) => attempts.push(event.attempt),
      }).execute(WRITE),
    );
    expect(error).toMatchObject({ unsent: true, attempts: 3 });
    expect((error as Error).message).toMatch(/ECONNREFUSED.*\[3 attempts\]$/);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('lets a call declare a deduplicated write a read, and retries: 0 turn even unsent retries off', async () => {
    const gw = await gateway((socket, i) =>
      socket.write(i === 0 ? Buffer.from('HTTP/1.1 502 Bad\r\nContent-Length: 0\r\n\r\n') : http(WRITE_OK)),
    );
    const options: CallOptions = { access: 'read' };
    expect(await client(gw.url).execute(WRITE, {}, options)).toEqual({ ok: true });
    expect(gw.requests).toBe(2);
    const port = await closedPort();
    const error = await failure(
      client(`http://127.0.0.1:${port}/router/rest`, { retries: 0 }).execute(WRITE),
    );
    expect(error).toMatchObject({ attempts: 1 });
  });

  it('takes the class from the spec of a generated request', async () => {
    const gw = await gateway((socket) => socket.destroy());
    const spec = {
      method: READ,
      responseKey: 'trade_memo_get_response',
      access: 'write' as const,
      params: [],
    };
    class Probe extends TopClientBase {
      run() {
        return this.call(spec, {});
      }
    }
    const probe = new Probe({ appKey: 'k', appSecret: 's', gateway: gw.url, retryDelayMs: 0, proxy: false });
    await expect(probe.run()).rejects.toMatchObject({ attempts: 1 });
    expect(gw.requests).toBe(1);
  });
});

describe('answers that must not take the process down', () => {
  it('a body over maxResponseBytes, by Content-Length or streamed without end', async () => {
    const declared = await gateway((socket) => socket.write(http('x'.repeat(5000))));
    const error = await failure(client(declared.url, { maxResponseBytes: 1024 }).execute(READ));
    expect(error).toBeInstanceOf(TopNetworkError);
    expect((error as Error).message).toMatch(/exceeds maxResponseBytes \(1024 bytes\)/);
    const endless = await gateway((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      const timer = setInterval(() => socket.write(`400\r\n${'y'.repeat(1024)}\r\n`), 1);
      socket.on('close', () => clearInterval(timer));
    });
    const streamed = await failure(
      client(endless.url, { maxResponseBytes: 64 * 1024, retries: 0 }).execute(READ),
    );
    expect(streamed).toBeInstanceOf(TopNetworkError);
  });

  it('a small gzip body that inflates beyond the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
    const gw = await gateway((socket) => socket.write(http(bomb, { 'Content-Encoding': 'gzip' })));
    const error = await failure(client(gw.url, { maxResponseBytes: 1024 * 1024, retries: 0 }).execute(READ));
    expect(error).toBeInstanceOf(TopNetworkError);
    expect((error as Error).message).toMatch(/exceeds maxResponseBytes/);
  });
});

describe('answers the sender decodes', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('Content-Encoding: %s', async (coding, compress) => {
    const gw = await gateway((socket) =>
      socket.write(http(compress(Buffer.from(READ_OK)), { 'Content-Encoding': coding })),
    );
    expect(await client(gw.url).execute(READ)).toEqual({ ok: true });
    expect(gw.heads[0]).toMatch(/\r\nAccept-Encoding: gzip, deflate, br\r\n/);
  });

  it('an empty body that names a Content-Encoding keeps its HTTP status', async () => {
    const gw = await gateway((socket) =>
      socket.write('HTTP/1.1 502 Bad Gateway\r\nContent-Encoding: gzip\r\nContent-Length: 0\r\n\r\n'),
    );
    const error = await failure(client(gw.url, { retries: 0 }).execute(READ));
    expect(error).toMatchObject({ status: 502 });
    expect(error).not.toBeInstanceOf(TopNetworkError);
  });

  it('a UTF-8 byte order mark before the JSON', async () => {
    const gw = await gateway((socket) =>
      socket.write(http(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(READ_OK)]))),
    );
    expect(await client(gw.url).execute(READ)).toEqual({ ok: true });
  });

  it('a folded header line', async () => {
    const gw = await gateway((socket) =>
      socket.write(
        `HTTP/1.1 200 OK\r\nX-Note: a\r\n  b\r\nContent-Length: ${READ_OK.length}\r\n\r\n${READ_OK}`,
      ),
    );
    const { data, response } = await client(gw.url).execute(READ).withResponse();
    expect(data).toEqual({ ok: true });
    expect(response.headers.get('x-note')).toBe('a b');
  });
});

describe('malformed heads fail at once, not at the timeout', () => {
  // timeoutMs is far beyond the test's own time limit: only failing fast lets these finish.
  it.each([
    ['bare LF line endings', `HTTP/1.1 200 OK\nContent-Length: ${READ_OK.length}\n\n${READ_OK}`],
    ['whitespace before a colon', `HTTP/1.1 200 OK\r\nContent-Length : ${READ_OK.length}\r\n\r\n${READ_OK}`],
  ])('%s', async (_name, wire) => {
    const gw = await gateway((socket) => socket.write(wire));
    const error = await failure(client(gw.url, { timeoutMs: 600_000, retries: 0 }).execute(READ));
    expect(error).toBeInstanceOf(TopNetworkError);
    expect(error).not.toBeInstanceOf(TopTimeoutError);
    expect((error as Error).message).toMatch(/malformed HTTP response/);
  });
});

describe('rate limits', () => {
  const banned = (seconds: number) =>
    http(
      `{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last ${seconds} more seconds","request_id":"r"}}`,
    );

  it('is a typed error carrying the wait; a write never waits it out', async () => {
    const gw = await gateway((socket) => socket.write(banned(71)));
    const error = await failure(client(gw.url, { retries: 3 }).execute(WRITE));
    expect(error).toBeInstanceOf(TopRateLimitError);
    expect(error).toMatchObject({ code: 7, retryAfterMs: 71_000, attempts: 1 });
    expect(gw.requests).toBe(1);
  });

  it('a read waits out a ban that ends within its deadline, and not one that ends after', async () => {
    const gw = await gateway((socket, i) => socket.write(i === 0 ? banned(0) : http(READ_OK)));
    expect(await client(gw.url).execute(READ, {}, { deadlineMs: 5_000 })).toEqual({ ok: true });
    expect(gw.requests).toBe(2);
    const long = await gateway((socket) => socket.write(banned(30)));
    const error = await failure(client(long.url, { retries: 3 }).execute(READ, {}, { deadlineMs: 5_000 }));
    expect(error).toMatchObject({ retryAfterMs: 30_000, attempts: 1 });
    expect(long.requests).toBe(1);
  });
});
