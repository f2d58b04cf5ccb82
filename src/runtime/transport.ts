/**
 * One HTTP attempt: POST the body, read the whole answer as text, within `timeoutMs`. The caller's signal and
 * the timeout cancel the request; the returned promise settles as soon as either fires, even when a sender
 * (an injected `fetch`, say) ignores the cancellation.
 */
import { TopNetworkError, TopTimeoutError } from './errors.js';

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

/** Called once by a sender: with an error, or with the answer. */
export type HttpDone = (error: unknown, answer: HttpAnswer | undefined) => void;

/**
 * Starts one POST and reports through `done`; returns a function that cancels it. Callback style keeps the
 * hot path free of promise and AbortController allocations a sender does not need.
 */
export type HttpSend = (url: string, body: string | FormData, done: HttpDone) => (reason: unknown) => void;

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';
const FORM_HEADERS: Readonly<Record<string, string>> = { 'content-type': FORM_CONTENT_TYPE };

/** A sender over a WHATWG `fetch` (the `fetch` client option). */
export function fetchSend(fetchImpl: typeof globalThis.fetch): HttpSend {
  return (url, body, done) => {
    const controller = new AbortController();
    const init: RequestInit = { method: 'POST', body, signal: controller.signal };
    // FormData bodies get their multipart content type (with boundary) from fetch itself.
    if (typeof body === 'string') init.headers = FORM_HEADERS;
    // A fetch that throws synchronously is reported like one that rejects.
    new Promise<Response>((resolve) => resolve(fetchImpl(url, init)))
      .then((response) => response.text().then((text) => done(undefined, { status: response.status, text })))
      .catch((error: unknown) => done(error, undefined));
    return (reason) => controller.abort(reason);
  };
}

/** setTimeout fires at once for delays beyond 2^31 - 1 ms; such timeouts (and Infinity) mean "none". */
const MAX_TIMER_MS = 2 ** 31 - 1;

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

/**
 * Runs one attempt. Rejects with the caller's abort reason, a TopTimeoutError, or a TopNetworkError wrapping
 * what the sender reported.
 */
export function sendOnce(
  send: HttpSend,
  url: string,
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
    cancel = send(url, body, (error, answer) => {
      if (!finish()) return;
      if (answer !== undefined && error === undefined) resolve(answer);
      else reject(new TopNetworkError(method, describeFailure(error), { cause: error }));
    });
    // The sender may have finished before returning; cancelling now lets it release what it still holds.
    if (settled) cancel(undefined);
  });
}
