/**
 * The default sender: HTTP/1.1 over `node:net` / `node:tls` sockets kept alive in a small per-gateway pool.
 *
 * Why not `node:http`: a client's throughput is its CPU per call, and on Node 20 `http.request` alone costs more
 * CPU per call than this whole client (ClientRequest, IncomingMessage and their streams, header objects,
 * per-request listeners; measured by `npm run bench:runtime`). Here a call is one socket write of a prebuilt
 * head plus body, and one pass of ./http1.ts over the answer. `fetch` costs more again; the `fetch` client option
 * replaces this sender entirely (proxies, other runtimes, tests).
 *
 * One request at a time per connection (no pipelining: a server that closes mid-pipeline loses requests whose
 * fate is unknown). Connections are reused newest-first, dropped after `IDLE_MS` without use (or earlier when
 * the server's `Keep-Alive: timeout` says so), and idle connections never keep the process alive.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { ResponseReader } from './http1.js';
import {
  FORM_CONTENT_TYPE,
  ResponseTooLargeError,
  type HttpAnswer,
  type HttpDone,
  type HttpSend,
  type HttpTarget,
} from './transport.js';

/** An idle connection older than this is closed rather than reused: below common server keep-alive timeouts (5 s). */
export const IDLE_MS = 4000;
/** Margin kept under the server's own keep-alive timeout, so a request never races the server's close. */
const HINT_MARGIN_MS = 1000;
/** Largest head of a proxy's answer to CONNECT. */
const MAX_CONNECT_HEAD_BYTES = 16 * 1024;
/** Codings asked for; every one is decoded by node:zlib. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

export interface AgentOptions {
  /** Extra TLS options for https gateways (a private CA in tests, say). */
  readonly tls?: ConnectionOptions;
  /** Idle time after which a pooled connection is closed. Default IDLE_MS. */
  readonly idleMs?: number;
}

/** A proxy to go through: where it is and the credentials of its URL. */
interface ProxyRoute {
  readonly host: string;
  readonly port: number;
  /** `Proxy-Authorization` header line (with CRLF), or ''. */
  readonly authorization: string;
}

/** One gateway URL (through one proxy, with one User-Agent): where to connect and the request head prefix. */
interface Origin {
  /** The gateway's host and port (the CONNECT target when tunnelling). */
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** TLS server name: the host name, absent for IP literals (RFC 6066 forbids them in SNI). */
  readonly servername: string | undefined;
  readonly proxy: ProxyRoute | undefined;
  /** `POST <target> HTTP/1.1` with Host, Connection, User-Agent, Accept-Encoding: built once. */
  readonly headPrefix: string;
  /** Idle connections, oldest first. */
  readonly idle: Connection[];
  /** The last TLS session, offered to the next connection for an abbreviated handshake. */
  session: Buffer | undefined;
  sweep: ReturnType<typeof setTimeout> | undefined;
}

function bareHost(hostname: string): string {
  // IPv6 literals come bracketed from URL; sockets want them bare.
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

function proxyRoute(proxy: string): ProxyRoute {
  const u = new URL(proxy);
  const credentials =
    u.username === '' ? '' : `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  return {
    host: bareHost(u.hostname),
    port: u.port === '' ? 80 : Number(u.port),
    authorization:
      credentials === ''
        ? ''
        : `Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}\r\n`,
  };
}

/** Header values come from the client's options: a CR or LF in them must not start a header of its own. */
function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function originOf(target: HttpTarget): Origin {
  const u = new URL(target.url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new TypeError(`Unsupported gateway protocol ${u.protocol}`);
  const secure = u.protocol === 'https:';
  const host = bareHost(u.hostname);
  const port = u.port === '' ? (secure ? 443 : 80) : Number(u.port);
  const proxy = target.proxy === undefined ? undefined : proxyRoute(target.proxy);
  // Plain HTTP through a proxy names the whole URL (absolute form); HTTPS goes through a CONNECT tunnel.
  const absolute = proxy !== undefined && !secure;
  // URL percent-encodes spaces and drops CR/LF, so the path and host cannot break out of the request line.
  const requestTarget = absolute ? `${u.origin}${u.pathname}${u.search}` : `${u.pathname}${u.search}`;
  return {
    host,
    port,
    secure,
    servername: secure && isIP(host) === 0 ? host : undefined,
    proxy,
    headPrefix:
      `POST ${requestTarget} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: keep-alive\r\n` +
      `User-Agent: ${headerValue(target.userAgent)}\r\nAccept-Encoding: ${ACCEPT_ENCODING}\r\n` +
      (absolute ? (proxy?.authorization ?? '') : ''),
    idle: [],
    session: undefined,
    sweep: undefined,
  };
}

/** The request being served by a connection. */
interface Exchange {
  readonly done: HttpDone;
  readonly maxResponseBytes: number;
}

/** The body decoded per its Content-Encoding, within `limit` bytes of output. */
function decodeBody(body: Buffer, encoding: string | undefined, limit: number): Buffer {
  // An empty body (a 204, an error page with Content-Length: 0) has nothing to decode; zlib would call it cut.
  if (encoding === undefined || body.length === 0) return body;
  let data = body;
  // Codings are listed in the order they were applied; undo them last first.
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  const options = { maxOutputLength: Math.min(limit, 2 ** 31 - 1) };
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i];
    try {
      if (coding === 'gzip' || coding === 'x-gzip') data = gunzipSync(data, options);
      else if (coding === 'br') data = brotliDecompressSync(data, options);
      else if (coding === 'deflate') {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        data =
          data.length > 0 && ((data[0] as number) & 0x0f) === 8
            ? inflateSync(data, options)
            : inflateRawSync(data, options);
      } else throw new Error(`the answer has an unsupported Content-Encoding ${JSON.stringify(coding)}`);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ResponseTooLargeError(limit);
      throw error;
    }
  }
  if (data.length > limit) throw new ResponseTooLargeError(limit);
  return data;
}

class Connection {
  /** The socket requests are written to: the TLS socket inside a CONNECT tunnel once it is up. */
  socket: Socket;
  /** The TCP socket (to the gateway or the proxy). */
  private readonly raw: Socket;
  private readonly reader = new ResponseReader();
  private current: Exchange | undefined;
  /** False until the connection to the gateway (TLS and tunnel included) is up: failures before are "unsent". */
  private ready = false;
  /** A request waiting for the tunnel. */
  private pending: { head: string; body: string | Uint8Array } | undefined;
  /** When the connection became idle (performance.now()), and how long it may stay so. */
  idleSince = 0;
  idleLimit: number;

  constructor(
    private readonly agent: HttpAgent,
    readonly origin: Origin,
  ) {
    this.idleLimit = agent.idleMs;
    const proxy = origin.proxy;
    if (proxy !== undefined) {
      this.raw = netConnect({ host: proxy.host, port: proxy.port });
      this.raw.setNoDelay(true);
      if (origin.secure) {
        this.socket = this.raw;
        this.openTunnel(proxy);
        return;
      }
      this.socket = this.raw;
      this.raw.once('connect', () => (this.ready = true));
    } else if (origin.secure) {
      this.socket = this.raw = this.startTls(undefined);
    } else {
      this.socket = this.raw = netConnect({ host: origin.host, port: origin.port });
      this.raw.once('connect', () => (this.ready = true));
    }
    this.raw.setNoDelay(true);
    this.listen();
  }

  private startTls(over: Socket | undefined): Socket {
    const origin = this.origin;
    const socket = tlsConnect({
      ...this.agent.tlsOptions,
      ...(over === undefined ? { host: origin.host, port: origin.port } : { socket: over }),
      servername: origin.servername,
      ALPNProtocols: ['http/1.1'],
      session: origin.session,
    });
    socket.on('session', (session: Buffer) => {
      origin.session = session;
    });
    socket.once('secureConnect', () => (this.ready = true));
    return socket;
  }

  /** Persistent listeners: a call adds none, it only sets `current`. */
  private listen(): void {
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('end', () => this.onEnd());
    this.socket.on('error', (error: Error) => this.onError(error));
    this.socket.on('close', () => this.onClose());
  }

  /** Asks the proxy for a tunnel to the gateway, then starts TLS inside it. */
  private openTunnel(proxy: ProxyRoute): void {
    const raw = this.raw;
    const authority = `${this.origin.host.includes(':') ? `[${this.origin.host}]` : this.origin.host}:${this.origin.port}`;
    raw.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${proxy.authorization}\r\n`);
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > MAX_CONNECT_HEAD_BYTES)
          failTunnel(new Error('the proxy answer to CONNECT is too long'));
        return;
      }
      const statusLine = head.toString('latin1', 0, Math.min(end, head.indexOf('\r\n')));
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
      if (status === undefined || status[0] !== '2' || end + 4 !== head.length) {
        failTunnel(new Error(`the proxy refused the tunnel: ${JSON.stringify(statusLine.slice(0, 80))}`));
        return;
      }
      raw.off('data', onData);
      raw.off('error', failTunnel);
      raw.off('close', onTunnelClose);
      // The TCP socket under TLS can fail on its own; an 'error' without a listener would crash the process.
      raw.on('error', (error: Error) => this.onError(error));
      this.socket = this.startTls(raw);
      this.listen();
      const pending = this.pending;
      this.pending = undefined;
      if (pending !== undefined) this.write(pending.head, pending.body);
    };
    const failTunnel = (error: Error): void => {
      raw.destroy();
      const exchange = this.current;
      this.current = undefined;
      this.agent.forget(this);
      exchange?.done(error, undefined, true);
    };
    const onTunnelClose = (): void =>
      failTunnel(new Error('the proxy closed the connection before the tunnel was up'));
    raw.on('data', onData);
    raw.on('error', failTunnel);
    raw.on('close', onTunnelClose);
  }

  /** Starts a request on this (free) connection. */
  start(exchange: Exchange, head: string, body: string | Uint8Array): void {
    this.current = exchange;
    this.reader.reset(exchange.maxResponseBytes);
    this.raw.ref();
    if (this.socket === this.raw && this.origin.proxy !== undefined && this.origin.secure) {
      this.pending = { head, body };
      return;
    }
    this.write(head, body);
  }

  private write(head: string, body: string | Uint8Array): void {
    if (typeof body === 'string') {
      this.socket.write(head + body);
    } else {
      this.socket.cork();
      this.socket.write(head);
      this.socket.write(body);
      this.socket.uncork();
    }
  }

  unref(): void {
    this.raw.unref();
  }

  /**
   * Cancels `exchange` if this connection still serves it (a late cancel must not touch the next call); the
   * socket is closed, since the answer on its way can no longer be told apart from the next one.
   */
  cancel(exchange: Exchange): void {
    if (this.current !== exchange) return;
    this.current = undefined;
    this.socket.destroy();
    this.raw.destroy();
  }

  private onData(chunk: Buffer): void {
    const exchange = this.current;
    if (exchange === undefined) {
      // Bytes while idle: the server is out of step with us, nothing read from here can be trusted.
      this.socket.destroy();
      return;
    }
    let complete: boolean;
    try {
      complete = this.reader.push(chunk);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (complete) this.succeed(exchange);
  }

  private onEnd(): void {
    const exchange = this.current;
    if (exchange === undefined) return;
    if (this.reader.end()) this.succeed(exchange);
    else this.fail(closedEarly(this.reader.started));
  }

  private onError(error: Error): void {
    if (this.current !== undefined) this.fail(error);
  }

  private onClose(): void {
    this.agent.forget(this);
    if (this.current !== undefined) this.fail(closedEarly(this.reader.started));
  }

  private succeed(exchange: Exchange): void {
    const reader = this.reader;
    let answer: HttpAnswer;
    try {
      // Decoding and UTF-8 conversion can fail (a corrupt gzip stream, an output over the limit): that fails
      // this call, never the process.
      const body = decodeBody(reader.body(), reader.contentEncoding, exchange.maxResponseBytes);
      answer = { status: reader.status, text: body.toString('utf8'), head: reader.headerText };
    } catch (error) {
      this.fail(error);
      return;
    }
    this.current = undefined;
    const reusable = reader.reusable;
    const keepAliveMs = reader.keepAliveMs;
    // An idle connection holds no answer bytes.
    reader.reset();
    // Reused only when the whole request went out and the answer was framed cleanly; a server that answered
    // before reading all of a large upload, say, leaves the connection in an unknown state.
    if (reusable && this.socket.writableLength === 0 && !this.socket.destroyed) {
      if (keepAliveMs !== undefined)
        this.idleLimit = Math.min(this.agent.idleMs, keepAliveMs - HINT_MARGIN_MS);
      this.agent.release(this);
    } else {
      this.socket.destroy();
    }
    exchange.done(undefined, answer);
  }

  private fail(error: unknown): void {
    const exchange = this.current;
    this.current = undefined;
    this.socket.destroy();
    this.raw.destroy();
    exchange?.done(error, undefined, !this.ready);
  }
}

function closedEarly(started: boolean): Error {
  const error = new Error(
    started
      ? 'the connection closed before the response ended'
      : 'socket hang up: the connection closed before any response',
  ) as Error & { code?: string };
  error.code = 'ECONNRESET';
  return error;
}

/** A pool of keep-alive connections per gateway URL, and the sender built on it. */
export class HttpAgent {
  readonly idleMs: number;
  readonly tlsOptions: ConnectionOptions;
  private readonly origins = new Map<string, Origin>();
  private byTarget = new WeakMap<HttpTarget, Origin>();

  constructor(options: AgentOptions = {}) {
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.tlsOptions = options.tls ?? {};
  }

  /** The `HttpSend` of this agent. */
  readonly send: HttpSend = (target, body, done) => {
    let origin: Origin;
    try {
      origin = this.originOf(target);
    } catch (error) {
      done(error, undefined, true);
      return () => undefined;
    }
    const exchange: Exchange = { done, maxResponseBytes: target.maxResponseBytes };
    if (typeof body === 'string') {
      // Form bodies are ASCII (percent-encoded), but the length is counted in bytes in case a sender passes other text.
      const head = `${origin.headPrefix}Content-Type: ${FORM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
      const connection = this.open(origin, exchange, head, body);
      return () => connection?.cancel(exchange);
    }
    // Multipart: the platform's own FormData serialiser (through `Response`) encodes the body.
    let connection: Connection | undefined;
    let cancelled = false;
    const response = new Response(body);
    const contentType = response.headers.get('content-type') ?? 'multipart/form-data';
    response.arrayBuffer().then(
      (buffer) => {
        if (cancelled) return;
        const bytes = new Uint8Array(buffer);
        const head = `${origin.headPrefix}Content-Type: ${contentType}\r\nContent-Length: ${bytes.byteLength}\r\n\r\n`;
        connection = this.open(origin, exchange, head, bytes);
      },
      (error: unknown) => done(error, undefined, true),
    );
    return () => {
      cancelled = true;
      connection?.cancel(exchange);
    };
  };

  /** Closes every idle connection (busy ones close when their call ends). */
  closeIdle(): void {
    for (const origin of this.origins.values()) {
      for (const connection of origin.idle.splice(0)) connection.socket.destroy();
    }
  }

  private originOf(target: HttpTarget): Origin {
    // A client's target object is reused for every call: one map lookup per call, keyed by identity.
    let origin = this.byTarget.get(target);
    if (origin !== undefined) return origin;
    const key = `${target.proxy ?? ''}\n${target.userAgent}\n${target.url}`;
    origin = this.origins.get(key);
    if (origin === undefined) {
      origin = originOf(target);
      // A client talks to one gateway; a bounded map guards against a caller cycling through URLs.
      if (this.origins.size >= 64) {
        this.closeIdle();
        this.origins.clear();
        this.byTarget = new WeakMap();
      }
      this.origins.set(key, origin);
    }
    this.byTarget.set(target, origin);
    return origin;
  }

  /**
   * Starts the exchange on a connection, or reports through `done` why none could be opened (`tls.connect`
   * throws for TLS options it refuses instead of emitting an error): never a throw, which inside the multipart
   * path's promise callback would be an unhandled rejection.
   */
  private open(
    origin: Origin,
    exchange: Exchange,
    head: string,
    body: string | Uint8Array,
  ): Connection | undefined {
    let connection: Connection;
    try {
      connection = this.acquire(origin);
    } catch (error) {
      // No socket was made, so nothing was sent.
      exchange.done(error, undefined, true);
      return undefined;
    }
    connection.start(exchange, head, body);
    return connection;
  }

  /** The newest idle connection still fresh enough, or a new one. */
  private acquire(origin: Origin): Connection {
    const now = performance.now();
    for (;;) {
      const connection = origin.idle.pop();
      if (connection === undefined) return new Connection(this, origin);
      if (now - connection.idleSince < connection.idleLimit && !connection.socket.destroyed)
        return connection;
      connection.socket.destroy();
    }
  }

  /** Returns a connection to the idle pool; idle connections do not keep the process alive. */
  release(connection: Connection): void {
    const origin = connection.origin;
    if (connection.idleLimit <= 0) {
      connection.socket.destroy();
      return;
    }
    connection.idleSince = performance.now();
    connection.unref();
    origin.idle.push(connection);
    if (origin.sweep === undefined) this.scheduleSweep(origin);
  }

  /** Drops a closed connection from the idle pool. */
  forget(connection: Connection): void {
    const idle = connection.origin.idle;
    const at = idle.indexOf(connection);
    if (at !== -1) idle.splice(at, 1);
  }

  /** Closes connections that stayed idle too long, so an unused client holds no sockets. */
  private scheduleSweep(origin: Origin): void {
    origin.sweep = setTimeout(() => {
      origin.sweep = undefined;
      const now = performance.now();
      // Oldest first: stop at the first connection still fresh.
      while (origin.idle.length > 0) {
        const oldest = origin.idle[0] as Connection;
        if (now - oldest.idleSince < oldest.idleLimit) break;
        origin.idle.shift();
        oldest.socket.destroy();
      }
      if (origin.idle.length > 0) this.scheduleSweep(origin);
    }, this.idleMs);
    origin.sweep.unref();
  }
}

/** The process-wide agent behind every client that has no `fetch` option. */
export const defaultAgent = new HttpAgent();
