// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Incremental reader of one HTTP/1.1 response (RFC 9112), for the built-in sender in ./http-agent.ts.
 *
 * It understands exactly what a client of a JSON gateway needs: the status line, `Content-Length`,
 * `Transfer-Encoding: chunked` (trailers read and dropped), bodies delimited by the connection closing, interim
 * 1xx responses (skipped), `Connection: close`, HTTP/1.0 keep-alive, the `Keep-Alive: timeout=N` hint and
 * `Content-Encoding` (reported; ./http-agent.ts decodes). Obsolete folded header lines are unfolded (RFC 9112
 * §5.2 lets a user agent replace each fold with a space). Anything it cannot frame with certainty (conflicting
 * lengths, a malformed chunk, bytes after the response, a bare LF line ending, whitespace before a header's
 * colon) is an error as soon as it is seen, or makes the connection unusable for another request: a wrong guess
 * here would hand one call's answer to the next. A body larger than the limit given to `reset` is an error as
 * soon as it exceeds it, so an endless or huge answer never grows the heap beyond it.
 *
 * One reader is reused for every response of a connection (`reset`), so a call allocates only the body.
 */

import { ResponseTooLargeError } from './transport.js';

/** Largest status line plus header section accepted; a gateway answer has a few hundred bytes of headers. */
export const MAX_HEAD_BYTES = 64 * 1024;
/** Largest chunk-size line (size, extensions) and trailer section accepted. */
const MAX_CHUNK_LINE_BYTES = 4096;

const CR = 0x0d;
const LF = 0x0a;
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?:[ \t][^\r\n]*)?$/;
const DIGITS = /^\d+$/;
const HEX = /^[0-9A-Fa-f]{1,13}$/;
const TIMEOUT_HINT = /(?:^|[,;\s])timeout\s*=\s*(\d+)/i;

/** The response cannot be read as HTTP/1.1: the connection is unusable. */
export class HttpProtocolError extends Error {
  override readonly name = 'HttpProtocolError';
  readonly code = 'HPE_INVALID_RESPONSE';
}

/** True when a LF in `data[from, to)` is not preceded by CR. */
function hasBareLf(data: Buffer, from: number, to: number): boolean {
  for (let at = data.indexOf(LF, from); at !== -1 && at < to; at = data.indexOf(LF, at + 1)) {
    if (at === 0 || data[at - 1] !== CR) return true;
  }
  return false;
}

/** Joins obsolete folded continuation lines onto the line they continue (in place), with one space. */
function unfold(lines: string[], fail: (message: string) => never): void {
  let write = 1;
  for (let read = 1; read < lines.length; read++) {
    const line = lines[read] as string;
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (write === 1)
        fail(`a folded header line with no header before it: ${JSON.stringify(line.slice(0, 80))}`);
      lines[write - 1] = `${(lines[write - 1] as string).trimEnd()} ${line.trim()}`;
    } else {
      lines[write++] = line;
    }
  }
  lines.length = write;
}

type BodyMode = 'none' | 'length' | 'chunked' | 'close';
type ChunkState = 'size' | 'data' | 'data-end' | 'trailer';

/** Lower-cased comma-separated tokens of a header value. */
function tokens(value: string): string[] {
  return value
    .toLowerCase()
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export class ResponseReader {
  /** Status code of the final (non-1xx) response; 0 until its head has been read. */
  status = 0;
  /** True when the connection may carry another request once this response is complete. */
  reusable = true;
  /** The server's `Keep-Alive: timeout=N` hint in ms, when it gave one. */
  keepAliveMs: number | undefined;
  /** The `Content-Encoding` header (`gzip`, `br`, …), when present. */
  contentEncoding: string | undefined;
  /** Header lines of the final response (CRLF-separated, status line excluded). */
  headerText = '';

  /** Largest body accepted, in bytes (encoded size; the decoder applies the same limit to its output). */
  private maxBodyBytes = Infinity;
  private received = false;
  private head: Buffer | undefined;
  private mode: BodyMode = 'none';
  private complete = false;
  private remaining = 0;
  private readonly parts: Buffer[] = [];
  /** Small parts copied together (see keep): the buffer, and how much of it is filled. */
  private tail: Buffer | undefined;
  private tailUsed = 0;
  private size = 0;
  private chunkState: ChunkState = 'size';
  private line = '';

  /** Prepares the reader for the next response on the same connection. */
  reset(maxBodyBytes: number = Infinity): void {
    this.maxBodyBytes = maxBodyBytes;
    this.status = 0;
    this.reusable = true;
    this.keepAliveMs = undefined;
    this.contentEncoding = undefined;
    this.headerText = '';
    this.received = false;
    this.head = undefined;
    this.mode = 'none';
    this.complete = false;
    this.remaining = 0;
    this.parts.length = 0;
    this.tail = undefined;
    this.tailUsed = 0;
    this.size = 0;
    this.chunkState = 'size';
    this.line = '';
  }

  /** True once the whole response (head and body) has been read. */
  get done(): boolean {
    return this.complete;
  }

  /** True when some byte of a response has arrived since the last reset. */
  get started(): boolean {
    return this.received;
  }

  /** Reads the next bytes of the connection; returns true once the response is complete. Throws HttpProtocolError. */
  push(chunk: Buffer): boolean {
    if (chunk.length > 0) this.received = true;
    if (this.complete) {
      // A response nobody asked for, or more bytes than the framing allows: the connection is out of step.
      if (chunk.length > 0) this.reusable = false;
      return true;
    }
    let data = chunk;
    while (this.status === 0) {
      const rest = this.readHead(data);
      if (rest === undefined) return false;
      data = rest;
    }
    if (this.complete) {
      if (data.length > 0) this.reusable = false;
    } else if (data.length > 0) {
      this.readBody(data);
    }
    return this.complete;
  }

  /**
   * The server closed the connection. Completes a body delimited by the close; returns false when the response
   * was cut short.
   */
  end(): boolean {
    this.reusable = false;
    if (!this.complete && this.status !== 0 && this.mode === 'close') this.complete = true;
    return this.complete;
  }

  /** The body bytes, as received (still content-encoded). */
  body(): Buffer {
    this.flushTail();
    const parts = this.parts;
    if (parts.length === 1) return parts[0] as Buffer;
    return parts.length === 0 ? Buffer.alloc(0) : Buffer.concat(parts, this.size);
  }

  /** The body as UTF-8 text (no content decoding). */
  text(): string {
    return this.body().toString('utf8');
  }

  /** Consumes a head (or part of one); returns the bytes after it, or undefined when more bytes are needed. */
  private readHead(chunk: Buffer): Buffer | undefined {
    const pending = this.head;
    const data = pending === undefined ? chunk : Buffer.concat([pending, chunk]);
    const end = data.indexOf(HEAD_END, pending === undefined ? 0 : Math.max(0, pending.length - 3));
    // A line ending in a bare LF would hide the head's end from the search above: fail now, not at the timeout.
    if (hasBareLf(data, pending === undefined ? 0 : pending.length, end === -1 ? data.length : end))
      this.fail('a header line ends with a bare LF');
    if (end === -1) {
      if (data.length > MAX_HEAD_BYTES) this.fail(`the response head exceeds ${MAX_HEAD_BYTES} bytes`);
      this.head = data;
      return undefined;
    }
    if (end > MAX_HEAD_BYTES) this.fail(`the response head exceeds ${MAX_HEAD_BYTES} bytes`);
    this.head = undefined;
    this.parseHead(data.toString('latin1', 0, end));
    return data.subarray(end + HEAD_END.length);
  }

  private parseHead(head: string): void {
    const lines = head.split('\r\n');
    const match = STATUS_LINE.exec(lines[0] ?? '');
    if (match === null)
      return this.fail(`malformed status line ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
    const http10 = match[1] === '0';
    const status = Number(match[2]);
    let unfolded: string | undefined;
    if (head.includes('\r\n ') || head.includes('\r\n\t')) {
      unfold(lines, (message) => this.fail(message));
      unfolded = lines.slice(1).join('\r\n');
    }
    let length: string | undefined;
    let transferEncoding: string | undefined;
    let connection = '';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      if (line === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) this.fail(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
      // `Content-Length : 5`: RFC 9112 §5.1 forbids whitespace there, and readers disagree on what it means.
      const beforeColon = line.charCodeAt(colon - 1);
      if (beforeColon === 0x20 || beforeColon === 0x09)
        this.fail(`whitespace before the colon in header line ${JSON.stringify(line.slice(0, 80))}`);
      // Only five names matter; their lengths (10, 14, 16, 17) spare lower-casing every other header.
      if (colon !== 10 && colon !== 14 && colon !== 16 && colon !== 17) continue;
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      switch (name) {
        case 'content-encoding':
          this.contentEncoding =
            this.contentEncoding === undefined ? value : `${this.contentEncoding},${value}`;
          break;
        case 'content-length':
          length = length === undefined ? value : `${length},${value}`;
          break;
        case 'transfer-encoding':
          transferEncoding = transferEncoding === undefined ? value : `${transferEncoding},${value}`;
          break;
        case 'connection':
          connection += `,${value}`;
          break;
        case 'keep-alive': {
          const hint = TIMEOUT_HINT.exec(value);
          if (hint !== null) this.keepAliveMs = Number(hint[1]) * 1000;
          break;
        }
        default:
          break;
      }
    }
    if (status < 200) {
      // 101 would switch protocols, which this client never asks for; other 1xx are interim and skipped.
      if (status === 101) this.fail('unexpected 101 Switching Protocols');
      this.keepAliveMs = undefined;
      return;
    }
    this.status = status;
    const firstBreak = head.indexOf('\r\n');
    this.headerText = unfolded ?? (firstBreak === -1 ? '' : head.slice(firstBreak + 2));
    // `Connection: keep-alive` alone (the usual answer) needs no token parsing.
    if ((connection !== '' && connection.toLowerCase() !== ',keep-alive') || http10) {
      const options = tokens(connection);
      if (options.includes('close') || (http10 && !options.includes('keep-alive'))) this.reusable = false;
    }
    this.frame(status, length, transferEncoding);
  }

  /** Decides how the body is delimited (RFC 9112 §6.3). */
  private frame(status: number, length: string | undefined, transferEncoding: string | undefined): void {
    if (status === 204 || status === 304) {
      this.complete = true;
      return;
    }
    if (transferEncoding !== undefined) {
      // Transfer-Encoding overrides Content-Length; a message carrying both is suspect, so it is the last one.
      if (length !== undefined) this.reusable = false;
      const codings = tokens(transferEncoding);
      if (codings[codings.length - 1] === 'chunked') {
        this.mode = 'chunked';
      } else {
        this.mode = 'close';
        this.reusable = false;
      }
      return;
    }
    if (length !== undefined) {
      // Repeated headers or a list must all carry the same value (RFC 9110 §8.6).
      const values = length.includes(',') ? length.split(',').map((v) => v.trim()) : [length];
      const first = values[0] as string;
      if (!DIGITS.test(first) || values.some((v) => v !== first))
        this.fail(`invalid Content-Length ${JSON.stringify(length.slice(0, 80))}`);
      const n = Number(first);
      if (!Number.isSafeInteger(n)) this.fail(`Content-Length ${first} is too large`);
      if (n > this.maxBodyBytes) this.tooLarge();
      this.mode = 'length';
      this.remaining = n;
      if (n === 0) this.complete = true;
      return;
    }
    this.mode = 'close';
    this.reusable = false;
  }

  private readBody(data: Buffer): void {
    switch (this.mode) {
      case 'length': {
        if (data.length >= this.remaining) {
          if (data.length > this.remaining) this.reusable = false;
          this.keep(data.subarray(0, this.remaining));
          this.remaining = 0;
          this.complete = true;
        } else {
          this.keep(data);
          this.remaining -= data.length;
        }
        return;
      }
      case 'close':
        this.keep(data);
        return;
      case 'chunked':
        this.readChunked(data);
        return;
      case 'none':
        // A 204/304 is complete at its head; bytes after it are handled by push().
        return;
    }
  }

  private keep(part: Buffer): void {
    if (part.length === 0) return;
    this.size += part.length;
    if (this.size > this.maxBodyBytes) this.tooLarge();
    // A part that is most of its read buffer is kept as it is. A small slice of a larger read (one of many tiny
    // chunks) is copied into one growing buffer: kept as it is, each would be a Buffer object pinning its whole
    // read, and a body of 1-byte chunks would take a hundred times its size in memory.
    if (part.length * 2 >= part.buffer.byteLength) {
      this.flushTail();
      this.parts.push(part);
      return;
    }
    if (this.tail === undefined || this.tailUsed + part.length > this.tail.length) {
      this.flushTail();
      // Doubling with the body keeps the copies linear; never beyond what the limit lets arrive. (The body so
      // far includes this part, so either bound holds it.)
      this.tail = Buffer.allocUnsafe(
        Math.min(Math.max(4096, this.size), this.maxBodyBytes - this.size + part.length),
      );
    }
    part.copy(this.tail, this.tailUsed);
    this.tailUsed += part.length;
  }

  private flushTail(): void {
    if (this.tail !== undefined && this.tailUsed > 0) this.parts.push(this.tail.subarray(0, this.tailUsed));
    this.tail = undefined;
    this.tailUsed = 0;
  }

  private tooLarge(): never {
    this.reusable = false;
    this.parts.length = 0;
    this.tail = undefined;
    this.tailUsed = 0;
    throw new ResponseTooLargeError(this.maxBodyBytes);
  }

  private readChunked(data: Buffer): void {
    let i = 0;
    const n = data.length;
    while (i < n && !this.complete) {
      switch (this.chunkState) {
        case 'size':
        case 'trailer': {
          const lf = data.indexOf(LF, i);
          const stop = lf === -1 ? n : lf;
          this.line += data.toString('latin1', i, stop);
          if (this.line.length > MAX_CHUNK_LINE_BYTES)
            this.fail(`a chunk line exceeds ${MAX_CHUNK_LINE_BYTES} bytes`);
          if (lf === -1) return;
          i = lf + 1;
          if (!this.line.endsWith('\r')) this.fail('a chunk line does not end with CRLF');
          const line = this.line.slice(0, -1);
          this.line = '';
          if (this.chunkState === 'size') this.chunkSize(line);
          else if (line === '') this.complete = true;
          break;
        }
        case 'data': {
          const take = Math.min(this.remaining, n - i);
          this.keep(data.subarray(i, i + take));
          i += take;
          this.remaining -= take;
          if (this.remaining === 0) this.chunkState = 'data-end';
          break;
        }
        case 'data-end': {
          // The CRLF after a chunk's data, possibly split across reads.
          const expected = this.line === '' ? CR : LF;
          if (data[i] !== expected) this.fail('chunk data is not followed by CRLF');
          i++;
          if (expected === CR) this.line = '\r';
          else {
            this.line = '';
            this.chunkState = 'size';
          }
          break;
        }
      }
    }
    if (this.complete && i < n) this.reusable = false;
  }

  private chunkSize(line: string): void {
    const semicolon = line.indexOf(';');
    const size = (semicolon === -1 ? line : line.slice(0, semicolon)).trim();
    if (!HEX.test(size)) this.fail(`invalid chunk size ${JSON.stringify(line.slice(0, 40))}`);
    const n = Number.parseInt(size, 16);
    if (n === 0) {
      this.chunkState = 'trailer';
      return;
    }
    this.remaining = n;
    this.chunkState = 'data';
  }

  private fail(message: string): never {
    this.reusable = false;
    throw new HttpProtocolError(`malformed HTTP response: ${message}`);
  }
}
