/**
 * One HTTP attempt: POST the body, read the whole answer as text, within `timeoutMs`. The caller's signal and
 * the timeout abort the request; the returned promise settles as soon as either fires, even when an injected
 * `fetch` ignores its signal.
 */
import { TopNetworkError, TopTimeoutError } from './errors.js';

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

const FORM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
};

/** setTimeout fires at once for delays beyond 2^31 - 1 ms; such timeouts (and Infinity) mean "none". */
const MAX_TIMER_MS = 2 ** 31 - 1;

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

export function sendOnce(
  fetchImpl: typeof globalThis.fetch,
  url: string,
  body: string | FormData,
  method: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<HttpAnswer> {
  if (signal?.aborted === true) return Promise.reject(signal.reason);
  return new Promise<HttpAnswer>((resolve, reject) => {
    const controller = new AbortController();
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const abortWith = (reason: unknown): void => {
      if (!finish()) return;
      reject(reason);
      controller.abort(reason);
    };
    const onAbort = (): void => abortWith(signal?.reason);
    if (timeoutMs < MAX_TIMER_MS) timer = setTimeout(() => abortWith(new TopTimeoutError(method, timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    const init: RequestInit = { method: 'POST', body, signal: controller.signal };
    // FormData bodies get their multipart content type (with boundary) from fetch itself.
    if (typeof body === 'string') init.headers = FORM_HEADERS;
    fetchImpl(url, init)
      .then((response) => response.text().then((text) => ({ status: response.status, text })))
      .then(
        (answer) => {
          if (finish()) resolve(answer);
        },
        (error: unknown) => {
          if (finish()) reject(new TopNetworkError(method, describeFailure(error), { cause: error }));
        },
      );
  });
}
