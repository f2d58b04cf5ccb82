// The built-in sender's connection handling, against scripted loopback servers (plain TCP, node:http, TLS).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { certificate, hasOpenssl } from './tls.js';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpAgent } from '../../src/runtime/http-agent.js';
import { HttpProtocolError } from '../../src/runtime/http1.js';
import type { HttpAnswer, HttpTarget } from '../../src/runtime/transport.js';

/** A direct target with the client's defaults. */
export function target(url: string, extra: Partial<HttpTarget> = {}): HttpTarget {
  return { url, userAgent: 'test-sdk/1.0.0', maxResponseBytes: 1024 * 1024, proxy: undefined, ...extra };
}

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function post(agent: HttpAgent, url: string, body = 'a=1'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    agent.send(target(url), body, (error, answer) =>
      answer === undefined ? reject(error) : resolve(answer),
    );
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Scripted {
  readonly url: string;
  /** Sockets accepted so far. */
  readonly sockets: Socket[];
  /** Request bytes received so far, per socket. */
  readonly received: string[];
}

/** A plain TCP server: `onRequest` is called with the socket for every chunk that completes a request. */
async function tcpServer(
  onRequest: (socket: Socket, request: string, index: number) => void,
): Promise<Scripted> {
  const sockets: Socket[] = [];
  const received: string[] = [];
  let requests = 0;
  const server: Server = createNetServer((socket) => {
    const slot = sockets.push(socket) - 1;
    received[slot] = '';
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      received[slot] += chunk.toString('latin1');
      pending += chunk.toString('latin1');
      // Requests from the sender always carry Content-Length.
      const head = pending.indexOf('\r\n\r\n');
      if (head === -1) return;
      const length = Number(/content-length: (\d+)/i.exec(pending.slice(0, head))?.[1] ?? 0);
      if (pending.length < head + 4 + length) return;
      const request = pending.slice(0, head + 4 + length);
      pending = pending.slice(head + 4 + length);
      onRequest(socket, request, requests++);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest?x=1`,
    sockets,
    received,
  };
}

const answer = (body: string, extra = '') =>
  `HTTP/1.1 200 OK\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

async function httpServer(
  handler: Parameters<typeof createHttpServer>[1],
  setup: (server: HttpServer) => void = () => undefined,
): Promise<{ url: string; connections: () => number; open: () => number }> {
  const server = createHttpServer(handler);
  setup(server);
  let connections = 0;
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections++;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`,
    connections: () => connections,
    open: () => open.size,
  };
}

describe('requests on the wire', () => {
  it('sends one well-formed POST: path and query, Host with port, Content-Length in bytes', async () => {
    const server = await tcpServer((socket) => socket.write(answer('{}')));
    const agent = new HttpAgent();
    await post(agent, server.url, 'q=%E6%B7%98&raw=淘');
    const port = new URL(server.url).port;
    expect(server.received[0]).toBe(
      'POST /router/rest?x=1 HTTP/1.1\r\n' +
        `Host: 127.0.0.1:${port}\r\n` +
        'Connection: keep-alive\r\n' +
        'User-Agent: test-sdk/1.0.0\r\n' +
        'Accept-Encoding: gzip, deflate, br\r\n' +
        'Content-Type: application/x-www-form-urlencoded;charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength('q=%E6%B7%98&raw=淘')}\r\n\r\n` +
        Buffer.from('q=%E6%B7%98&raw=淘').toString('latin1'),
    );
    agent.closeIdle();
  });

  it('reports an unusable gateway URL through the callback', async () => {
    const agent = new HttpAgent();
    await expect(post(agent, 'ftp://example.com/x')).rejects.toThrow('Unsupported gateway protocol ftp:');
  });
});

describe('connection reuse', () => {
  it('serves sequential calls over one connection', async () => {
    const server = await httpServer((_req, res) => res.end('{"n":1}'));
    const agent = new HttpAgent();
    for (let i = 0; i < 5; i++) expect((await post(agent, server.url)).text).toBe('{"n":1}');
    expect(server.connections()).toBe(1);
    agent.closeIdle();
  });

  it('gives every concurrent call its own answer, with no more connections than calls in flight', async () => {
    const server = await httpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => setTimeout(() => res.end(`{"echo":"${body}"}`), Math.random() * 5));
    });
    const agent = new HttpAgent();
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(agent, server.url, `n=${i}`)),
      );
      expect(answers.map((a) => a.text)).toEqual(Array.from({ length: 20 }, (_, i) => `{"echo":"n=${i}"}`));
    }
    expect(server.connections()).toBeLessThanOrEqual(20);
    agent.closeIdle();
  });

  it('opens a new connection after the server closed an idle one', async () => {
    const server = await httpServer(
      (_req, res) => res.end('{}'),
      (s) => {
        s.keepAliveTimeout = 20;
      },
    );
    const agent = new HttpAgent();
    await post(agent, server.url);
    await sleep(100);
    expect(server.open()).toBe(0);
    expect((await post(agent, server.url)).status).toBe(200);
    expect(server.connections()).toBe(2);
    agent.closeIdle();
  });

  it('does not reuse a connection the server said to close, nor one past its Keep-Alive hint', async () => {
    for (const header of ['Connection: close\r\n', 'Keep-Alive: timeout=1\r\n']) {
      const server = await tcpServer((socket) => socket.write(answer('{}', header)));
      const agent = new HttpAgent();
      for (let i = 0; i < 3; i++) expect((await post(agent, server.url)).text).toBe('{}');
      expect(server.sockets).toHaveLength(3);
      agent.closeIdle();
    }
  });

  it('keeps reusing a connection within its Keep-Alive hint', async () => {
    const server = await tcpServer((socket) =>
      socket.write(answer('{}', 'Keep-Alive: timeout=5, max=100\r\n')),
    );
    const agent = new HttpAgent();
    for (let i = 0; i < 3; i++) await post(agent, server.url);
    expect(server.sockets).toHaveLength(1);
    agent.closeIdle();
  });

  it('closes connections idle for longer than idleMs', async () => {
    const server = await httpServer((_req, res) => res.end('{}'));
    const agent = new HttpAgent({ idleMs: 30 });
    await post(agent, server.url);
    expect(server.open()).toBe(1);
    await sleep(150);
    expect(server.open()).toBe(0);
    await post(agent, server.url);
    expect(server.connections()).toBe(2);
    agent.closeIdle();
  });

  it('drops a connection that sends bytes while idle', async () => {
    const server = await tcpServer((socket) => {
      socket.write(answer('{}'));
      setTimeout(() => socket.write('HTTP/1.1 200 OK\r\n'), 10);
    });
    const agent = new HttpAgent();
    await post(agent, server.url);
    await sleep(60);
    expect(server.sockets[0]?.destroyed || server.sockets[0]?.readableEnded).toBe(true);
    expect((await post(agent, server.url)).text).toBe('{}');
    expect(server.sockets).toHaveLength(2);
    agent.closeIdle();
  });

  it('never hands a late cancel of a finished call to the next call on the same connection', async () => {
    const server = await tcpServer((socket, _request, index) =>
      setTimeout(() => socket.write(answer(`{"n":${index}}`)), index === 0 ? 0 : 20),
    );
    const agent = new HttpAgent();
    let cancelFirst: (reason: unknown) => void = () => undefined;
    await new Promise<void>((resolve) => {
      cancelFirst = agent.send(target(server.url), 'a=1', () => resolve());
    });
    const second = post(agent, server.url);
    cancelFirst(new Error('too late'));
    expect((await second).text).toBe('{"n":1}');
    expect(server.sockets).toHaveLength(1);
    agent.closeIdle();
  });
});

describe('failures', () => {
  it('a connection closed before any answer', async () => {
    const server = await tcpServer((socket) => socket.destroy());
    const error = await post(new HttpAgent(), server.url).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ECONNRESET',
      message: expect.stringContaining('socket hang up') as unknown,
    });
  });

  it('a connection closed in the middle of the body', async () => {
    const server = await tcpServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"partial":');
      setTimeout(() => socket.destroy(), 5);
    });
    await expect(post(new HttpAgent(), server.url)).rejects.toThrow('closed before the response ended');
  });

  it('a malformed answer, after which the connection is not reused', async () => {
    let bad = true;
    const server = await tcpServer((socket) => {
      socket.write(bad ? 'HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n' : answer('{}'));
      bad = false;
    });
    const agent = new HttpAgent();
    await expect(post(agent, server.url)).rejects.toBeInstanceOf(HttpProtocolError);
    expect((await post(agent, server.url)).text).toBe('{}');
    expect(server.sockets).toHaveLength(2);
    agent.closeIdle();
  });

  it('reads an HTTP/1.0 answer delimited by the close', async () => {
    const server = await tcpServer((socket) =>
      socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nbye'),
    );
    expect(await post(new HttpAgent(), server.url)).toMatchObject({ status: 200, text: 'bye' });
  });

  it('a cancelled call reports nothing and closes its connection', async () => {
    const server = await tcpServer(() => undefined);
    const agent = new HttpAgent();
    let reported = false;
    const cancel = agent.send(target(server.url), 'a=1', () => {
      reported = true;
    });
    await sleep(20);
    cancel(new Error('stop'));
    await sleep(20);
    expect(reported).toBe(false);
    expect(server.sockets[0]?.readableEnded || server.sockets[0]?.destroyed).toBe(true);
  });

  it('a multipart call cancelled while its body is being encoded never connects', async () => {
    const server = await tcpServer(() => undefined);
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(64)]), 'a.bin');
    let reported = false;
    const cancel = new HttpAgent().send(target(server.url), form, () => {
      reported = true;
    });
    cancel(new Error('stop'));
    await sleep(30);
    expect(reported).toBe(false);
    expect(server.sockets).toHaveLength(0);
  });

  it('sends a multipart body with its boundary and byte length', async () => {
    const server = await tcpServer((socket) => socket.write(answer('{}')));
    const form = new FormData();
    form.append('title', '淘');
    form.append('image', new Blob([new Uint8Array([1, 2, 3])]), 'a.bin');
    await new Promise<void>((resolve, reject) =>
      new HttpAgent().send(target(server.url), form, (error) =>
        error === undefined ? resolve() : reject(error),
      ),
    );
    const request = server.received[0] ?? '';
    const head = request.slice(0, request.indexOf('\r\n\r\n'));
    const body = request.slice(head.length + 4);
    expect(head).toMatch(/\r\nContent-Type: multipart\/form-data; boundary=\S+\r\n/);
    expect(head).toContain(`\r\nContent-Length: ${body.length}`);
    expect(body).toContain('name="image"; filename="a.bin"');
  });

  it('a refused connection', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    await expect(post(new HttpAgent(), `http://127.0.0.1:${port}/`)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

describe('process lifetime', () => {
  const refTcp = () => process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;

  it('holds the event loop only while a call is in flight', async () => {
    let respond: () => void = () => undefined;
    let requests = 0;
    const server = await tcpServer((socket) => {
      requests++;
      respond = () => socket.write(answer('{}'));
    });
    // Until the nth whole request has arrived (a fixed sleep, or waiting for the connection only, loses this
    // race on a loaded host: answering before the request is read would answer nothing).
    const requestArrived = async (n: number): Promise<void> => {
      while (requests < n) await sleep(5);
    };
    const agent = new HttpAgent();
    const call = post(agent, server.url);
    await requestArrived(1);
    // The test server's own sockets must not count.
    for (const socket of server.sockets) socket.unref();
    const during = refTcp();
    respond();
    await call;
    expect(refTcp()).toBe(during - 1);
    // A new call takes the idle connection and holds the loop again.
    const again = post(agent, server.url);
    expect(refTcp()).toBe(during);
    await requestArrived(2);
    respond();
    await again;
    agent.closeIdle();
  });
});

describe.skipIf(!hasOpenssl)('https gateways', () => {
  async function tlsGateway(closeEach: boolean) {
    const { key, cert } = certificate();
    const handshakes: { servername: string | false | null; reused: boolean }[] = [];
    const server = createHttpsServer({ key, cert }, (_req, res) => {
      if (closeEach) res.setHeader('Connection', 'close');
      res.end('{"secure":true}');
    });
    server.on('secureConnection', (socket: TLSSocket) => {
      handshakes.push({ servername: socket.servername, reused: socket.isSessionReused() });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      server.closeAllConnections();
      server.close();
    });
    return { port: (server.address() as AddressInfo).port, cert, handshakes };
  }

  it('verifies the certificate, sends SNI for names only, and reuses the connection', async () => {
    const gw = await tlsGateway(false);
    const agent = new HttpAgent({ tls: { ca: gw.cert } });
    for (let i = 0; i < 3; i++) {
      expect(await post(agent, `https://localhost:${gw.port}/router/rest`)).toMatchObject({
        status: 200,
        text: '{"secure":true}',
      });
    }
    await post(agent, `https://127.0.0.1:${gw.port}/router/rest`);
    expect(gw.handshakes.map((h) => h.servername)).toEqual(['localhost', false]);
    agent.closeIdle();
  });

  it('refuses a certificate it cannot verify', async () => {
    const gw = await tlsGateway(false);
    await expect(post(new HttpAgent(), `https://localhost:${gw.port}/router/rest`)).rejects.toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
  });

  it('resumes the TLS session on a new connection', async () => {
    const gw = await tlsGateway(true);
    const agent = new HttpAgent({ tls: { ca: gw.cert } });
    for (let i = 0; i < 3; i++) await post(agent, `https://localhost:${gw.port}/router/rest`);
    expect(gw.handshakes).toHaveLength(3);
    expect(gw.handshakes.slice(1).some((h) => h.reused)).toBe(true);
  });
});
