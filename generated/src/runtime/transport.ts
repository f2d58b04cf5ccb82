// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * One HTTP attempt: POST the body, read the whole answer as text, within `timeoutMs`. The caller's signal and
 * the timeout cancel the request; the returned promise settles as soon as either fires, even when a sender
 * (an injected `fetch`, say) ignores the cancellation.
 */
import { TopNetworkError, TopTimeoutError } from './errors.js';

/** Where and how a client sends: fixed per client, passed to its sender with every request. */
export interface HttpTarget {
  readonly url: string;
  /** `User-Agent` header value. */
  readonly userAgent: string;
  /** Largest answer body accepted (after decompression), in bytes. */
  readonly maxResponseBytes: number;
  /** Proxy URL for the built-in sender, undefined for a direct connection. */
  readonly proxy: string | undefined;
}

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
  /** The answer's headers: a `Headers` from `fetch`, the raw header lines (CRLF-separated) from the built-in sender. */
  readonly head: Headers | string;
}

/**
 * Called once by a sender: with an error, or with the answer. `unsent` is true when the request certainly
 * never reached the server (no byte of it was written), which makes a write safe to send again.
 */
export type HttpDone = (error: unknown, answer: HttpAnswer | undefined, unsent?: boolean) => void;

/**
 * Starts one POST and reports through `done`; returns a function that cancels it. Callback style keeps the
 * hot path free of promise and AbortController allocations a sender does not need.
 */
export type HttpSend = (
  target: HttpTarget,
  body: string | FormData,
  done: HttpDone,
) => (reason: unknown) => void;

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

/** The answer was larger than `maxResponseBytes`. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  readonly code = 'ERR_TOP_RESPONSE_TOO_LARGE';

  constructor(limit: number) {
    super(`the answer exceeds maxResponseBytes (${limit} bytes)`);
  }
}

/** The header lines of an answer as `Headers` (lazily, for `withResponse`). */
export function answerHeaders(answer: HttpAnswer): Headers {
  if (typeof answer.head !== 'string') return answer.head;
  const headers = new Headers();
  for (const line of answer.head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      // A header name or value `Headers` refuses is left out rather than failing the call.
    }
  }
  return headers;
}

/**
 * Error codes of a connection that failed before any byte of the request could be written, when the failing
 * system call was the connect or the name lookup: Linux also reports EHOSTUNREACH and ENETUNREACH on a read
 * or write of a connection that was up, after the request may have left.
 */
const UNSENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const CONNECTING_SYSCALLS: ReadonlySet<string> = new Set(['connect', 'getaddrinfo']);

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** The system call a Node error (`syscall`) or node-fetch's FetchError (`erroredSysCall`) names. */
function failedSyscall(error: object): unknown {
  const { syscall, erroredSysCall } = error as { syscall?: unknown; erroredSysCall?: unknown };
  return syscall ?? erroredSysCall;
}

/** True when `error` certainly came before the request was written: connecting or looking up the name failed. */
function failedBeforeSending(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = errorCode(error);
  // undici's connect timeout: the connection never came up.
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return true;
  // Happy eyeballs: every address tried failed to connect.
  const tried: unknown = (error as { errors?: unknown }).errors;
  if (Array.isArray(tried) && tried.length > 0) return tried.every(failedBeforeSending);
  const syscall = failedSyscall(error);
  return (
    typeof code === 'string' &&
    UNSENT_CODES.has(code) &&
    typeof syscall === 'string' &&
    CONNECTING_SYSCALLS.has(syscall)
  );
}

/** undici wraps connection errors as `TypeError('fetch failed', { cause })`; other fetches throw them as they are. */
function fetchFailedUnsent(error: unknown): boolean {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  return failedBeforeSending(cause) || failedBeforeSending(error);
}

/** Reads a body up to `limit` bytes; decodes UTF-8 (the decoder drops a byte order mark). */
async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(limit);
  }
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(limit);
    }
    parts.push(value);
  }
  const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : new Uint8Array(size);
  if (parts.length !== 1) {
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
  }
  return new TextDecoder().decode(bytes);
}

/** A sender over a WHATWG `fetch` (the `fetch` client option). */
export function fetchSend(fetchImpl: typeof globalThis.fetch): HttpSend {
  return (target, body, done) => {
    const controller = new AbortController();
    const headers: Record<string, string> = { 'user-agent': target.userAgent };
    // FormData bodies get their multipart content type (with boundary) from fetch itself.
    if (typeof body === 'string') headers['content-type'] = FORM_CONTENT_TYPE;
    const init: RequestInit = { method: 'POST', body, headers, signal: controller.signal };
    let answered = false;
    // A fetch that throws synchronously is reported like one that rejects.
    new Promise<Response>((resolve) => resolve(fetchImpl(target.url, init)))
      .then((response) => {
        answered = true;
        return readLimited(response, target.maxResponseBytes).then((text) =>
          done(undefined, { status: response.status, text, head: response.headers }),
        );
      })
      .catch((error: unknown) => done(error, undefined, !answered && fetchFailedUnsent(error)));
    return (reason) => controller.abort(reason);
  };
}

/** setTimeout fires at once for delays beyond 2^31 - 1 ms; such timeouts (and Infinity) mean "none". */
export const MAX_TIMER_MS = 2 ** 31 - 1;

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = errorCode(cause) ?? errorCode(error);
  return typeof code === 'string' && !error.message.includes(code)
    ? `${error.message} (${code})`
    : error.message;
}

/**
 * Runs one attempt. Rejects with the caller's abort reason, a TopTimeoutError, or a TopNetworkError wrapping
 * what the sender reported.
 */
export function sendOnce(
  send: HttpSend,
  target: HttpTarget,
  body: string | FormData,
  method: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<HttpAnswer> {
  if (signal?.aborted === true) return Promise.reject(signal.reason);
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Replaced by the sender's cancel function once it has started.
    let cancel: (reason: unknown) => void = () => undefined;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      if (signal !== undefined) signal.removeEventListener('abort', onAbort);
      return true;
    };
    const abortWith = (reason: unknown): void => {
      if (!finish()) return;
      reject(reason);
      cancel(reason);
    };
    const onAbort = (): void => abortWith(signal?.reason);
    if (timeoutMs < MAX_TIMER_MS)
      timer = setTimeout(() => abortWith(new TopTimeoutError(method, timeoutMs)), timeoutMs);
    if (signal !== undefined) signal.addEventListener('abort', onAbort, { once: true });
    const done: HttpDone = (error, answer, unsent) => {
      if (!finish()) return;
      if (answer !== undefined && error === undefined) resolve(answer);
      else
        reject(
          new TopNetworkError(method, describeFailure(error), { cause: error, unsent: unsent === true }),
        );
    };
    try {
      cancel = send(target, body, done);
    } catch (error) {
      // A sender that throws instead of calling `done` (a custom one, say) fails this attempt like any other
      // network failure, with the timer cleared; whether it sent anything is unknown.
      done(error, undefined, false);
    }
    // The sender may have finished before returning; cancelling now lets it release what it still holds.
    if (settled) cancel(undefined);
  });
}
