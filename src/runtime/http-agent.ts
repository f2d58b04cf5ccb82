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
import { ResponseReader } from './http1.js';
import { FORM_CONTENT_TYPE, type HttpDone, type HttpSend } from './transport.js';

/** An idle connection older than this is closed rather than reused: below common server keep-alive timeouts (5 s). */
export const IDLE_MS = 4000;
/** Margin kept under the server's own keep-alive timeout, so a request never races the server's close. */
const HINT_MARGIN_MS = 1000;

export interface AgentOptions {
  /** Extra TLS options for https gateways (a private CA in tests, say). */
  readonly tls?: ConnectionOptions;
  /** Idle time after which a pooled connection is closed. Default IDLE_MS. */
  readonly idleMs?: number;
}

/** One gateway URL: where to connect and the request head up to the Content-Length value. */
interface Origin {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** TLS server name: the host name, absent for IP literals (RFC 6066 forbids them in SNI). */
  readonly servername: string | undefined;
  /** `POST <path> HTTP/1.1` with Host and Connection: built once, every request starts with it. */
  readonly headPrefix: string;
  /** Idle connections, oldest first. */
  readonly idle: Connection[];
  /** The last TLS session, offered to the next connection for an abbreviated handshake. */
  session: Buffer | undefined;
  sweep: ReturnType<typeof setTimeout> | undefined;
}

function originOf(url: string): Origin {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new TypeError(`Unsupported gateway protocol ${u.protocol}`);
  const secure = u.protocol === 'https:';
  // IPv6 literals come bracketed from URL; sockets want them bare.
  const host = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
  return {
    host,
    port: u.port === '' ? (secure ? 443 : 80) : Number(u.port),
    secure,
    servername: secure && isIP(host) === 0 ? host : undefined,
    // URL percent-encodes spaces and drops CR/LF, so the path and host cannot break out of the request line.
    headPrefix: `POST ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: keep-alive\r\n`,
    idle: [],
    session: undefined,
    sweep: undefined,
  };
}

/** The request being served by a connection. */
interface Exchange {
  readonly done: HttpDone;
}

class Connection {
  readonly socket: Socket;
  private readonly reader = new ResponseReader();
  private current: Exchange | undefined;
  /** When the connection became idle (performance.now()), and how long it may stay so. */
  idleSince = 0;
  idleLimit: number;

  constructor(
    private readonly agent: HttpAgent,
    readonly origin: Origin,
  ) {
    this.idleLimit = agent.idleMs;
    if (origin.secure) {
      const socket = tlsConnect({
        ...agent.tlsOptions,
        host: origin.host,
        port: origin.port,
        servername: origin.servername,
        ALPNProtocols: ['http/1.1'],
        session: origin.session,
      });
      socket.on('session', (session: Buffer) => {
        origin.session = session;
      });
      this.socket = socket;
    } else {
      this.socket = netConnect({ host: origin.host, port: origin.port });
    }
    this.socket.setNoDelay(true);
    // Persistent listeners: a call adds none, it only sets `current`.
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('end', () => this.onEnd());
    this.socket.on('error', (error: Error) => this.onError(error));
    this.socket.on('close', () => this.onClose());
  }

  /** Starts a request on this (free) connection. */
  start(exchange: Exchange, head: string, body: string | Uint8Array): void {
    this.current = exchange;
    this.reader.reset();
    this.socket.ref();
    if (typeof body === 'string') {
      this.socket.write(head + body);
    } else {
      this.socket.cork();
      this.socket.write(head);
      this.socket.write(body);
      this.socket.uncork();
    }
  }

  /**
   * Cancels `exchange` if this connection still serves it (a late cancel must not touch the next call); the
   * socket is closed, since the answer on its way can no longer be told apart from the next one.
   */
  cancel(exchange: Exchange): void {
    if (this.current !== exchange) return;
    this.current = undefined;
    this.socket.destroy();
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
    this.current = undefined;
    const reader = this.reader;
    const answer = { status: reader.status, text: reader.text() };
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
    exchange?.done(error, undefined);
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

  constructor(options: AgentOptions = {}) {
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.tlsOptions = options.tls ?? {};
  }

  /** The `HttpSend` of this agent. */
  readonly send: HttpSend = (url, body, done) => {
    let origin: Origin;
    try {
      origin = this.originOf(url);
    } catch (error) {
      done(error, undefined);
      return () => undefined;
    }
    const exchange: Exchange = { done };
    if (typeof body === 'string') {
      // Form bodies are ASCII (percent-encoded), but the length is counted in bytes in case a sender passes other text.
      const head = `${origin.headPrefix}Content-Type: ${FORM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
      const connection = this.acquire(origin);
      connection.start(exchange, head, body);
      return () => connection.cancel(exchange);
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
        connection = this.acquire(origin);
        connection.start(exchange, head, bytes);
      },
      (error: unknown) => done(error, undefined),
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

  private originOf(url: string): Origin {
    let origin = this.origins.get(url);
    if (origin === undefined) {
      origin = originOf(url);
      // A client talks to one gateway; a bounded map guards against a caller cycling through URLs.
      if (this.origins.size >= 64) {
        this.closeIdle();
        this.origins.clear();
      }
      this.origins.set(url, origin);
    }
    return origin;
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
    connection.socket.unref();
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
