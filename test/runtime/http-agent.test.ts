import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TopClientBase } from '../../src/runtime/client.js';
import { TopError, TopNetworkError, TopTimeoutError } from '../../src/runtime/errors.js';
import { verifySignature } from '../../src/runtime/sign.js';
import { requestOf, SECRET } from './helpers.js';
import { KITCHEN_SINK } from './fixtures.js';

interface Received {
  readonly contentType: string;
  readonly fields: Record<string, string>;
  readonly files: Record<string, File>;
}

type Handler = (received: Received, res: ServerResponse) => void;

let server: Server;
let gateway: string;
let handler: Handler;
let received: Received[] = [];
let connections = 0;
const sockets = new Set<Socket>();

async function parse(req: IncomingMessage): Promise<Received> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const contentType = req.headers['content-type'] ?? '';
  const form = await new Request('http://local/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: Buffer.concat(chunks),
  }).formData();
  const fields: Record<string, string> = {};
  const files: Record<string, File> = {};
  for (const [k, v] of form) {
    if (typeof v === 'string') fields[k] = v;
    else files[k] = v;
  }
  return { contentType, fields, files };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    parse(req).then(
      (r) => {
        received.push(r);
        handler(r, res);
      },
      (error: unknown) => res.writeHead(400).end(String(error)),
    );
  });
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  handler = (_r, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"x_response":{}}');
});

/** 'x' is classified as a write; the retry tests here are about reads. */
const READ = { access: 'read' } as const;

const client = (options: { timeoutMs?: number; retries?: number; gateway?: string } = {}) =>
  new TopClientBase({ appKey: 'k', appSecret: SECRET, gateway, retryDelayMs: 0, ...options });

describe('the built-in sender against a loopback node:http gateway', () => {
  it('sends a signed form and reads the answer, 64-bit ids exact', async () => {
    handler = (_r, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json;charset=UTF-8' })
        .end('{"trade_get_response":{"tid":4051234567890123456,"title":"女装"}}');
    const result = await client().execute('taobao.trade.get', { q: '女装 & more', ids: [1, 2] });
    expect(result).toStrictEqual({ tid: '4051234567890123456', title: '女装' });
    const [request] = received;
    expect(request?.contentType).toBe('application/x-www-form-urlencoded;charset=utf-8');
    expect(request?.fields).toMatchObject({ method: 'taobao.trade.get', q: '女装 & more', ids: '1,2' });
    expect(verifySignature(request?.fields ?? {}, SECRET)).toBe(true);
  });

  it('reuses the connection between calls', async () => {
    const before = connections;
    for (let i = 0; i < 5; i++) await client().execute('x');
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const body = Buffer.from('{"x_response":{"name":"淘宝天猫"}}', 'utf8');
    handler = (_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (const byte of body) res.write(Buffer.from([byte]));
      res.end();
    };
    expect(await client().execute('x')).toStrictEqual({ name: '淘宝天猫' });
  });

  it('sends files as multipart parts, unsigned', async () => {
    const request = requestOf(KITCHEN_SINK, {
      title: 'pic',
      image: { data: new Uint8Array([1, 2, 3]), filename: 'a.bin' },
    });
    handler = (_r, res) =>
      res.writeHead(200).end('{"alitrip_merchant_galaxy_member_login_derby_response":{"ok":true}}');
    expect(await client().execute(request)).toStrictEqual({ ok: true });
    const [got] = received;
    expect(got?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(got?.fields['title']).toBe('pic');
    expect(got?.files['image']?.name).toBe('a.bin');
    expect([...new Uint8Array(await (got?.files['image'] as File).arrayBuffer())]).toEqual([1, 2, 3]);
    expect(verifySignature(got?.fields ?? {}, SECRET)).toBe(true);
  });

  it('retries HTTP 502, then succeeds', async () => {
    let n = 0;
    handler = (_r, res) =>
      n++ < 2
        ? res.writeHead(502).end('<html>Bad Gateway</html>')
        : res.writeHead(200).end('{"x_response":{"n":1}}');
    expect(await client().execute('x', {}, READ)).toStrictEqual({ n: 1 });
    expect(received).toHaveLength(3);
  });

  it('reports HTTP errors once retries are spent', async () => {
    handler = (_r, res) => res.writeHead(503).end('busy');
    const error = await client({ retries: 1 })
      .execute('x', {}, READ)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopError);
    expect(error).toMatchObject({ kind: 'http', status: 503, body: 'busy' });
    expect(received).toHaveLength(2);
  });

  it('times out a gateway that never answers', async () => {
    handler = () => undefined;
    // The handler never answers: without the timeout the test would run into its time limit.
    const error = await client({ timeoutMs: 50, retries: 0 })
      .execute('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopTimeoutError);
  });

  it('aborts on the caller’s signal', async () => {
    const controller = new AbortController();
    // Given up once the gateway holds the request, however long it took to get there.
    handler = () => controller.abort(new Error('caller gave up'));
    await expect(client().execute('x', {}, { signal: controller.signal })).rejects.toThrow('caller gave up');
    expect(received).toHaveLength(1);
  });

  it('reports a connection cut mid-body as a network failure', async () => {
    handler = (_r, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"x_response":');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    const error = await client({ retries: 0 })
      .execute('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopNetworkError);
  });

  it('reports a refused connection as a network failure, after retrying', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await client({ gateway: `http://127.0.0.1:${port}/router/rest`, retries: 1 })
      .execute('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopNetworkError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
