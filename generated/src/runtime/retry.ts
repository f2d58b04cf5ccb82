/**
 * Which failures are worth another attempt, and how long to wait before it.
 *
 * Retried: network failures and per-attempt timeouts, HTTP 5xx, and `isp.*` sub-codes that name a transient
 * platform condition (remote / timeout / unavailable: `isp.top-remote-connection-timeout`,
 * `isp.top-remote-service-unavailable`, `isp.remote-service-error`, `isp.top-remote-unknown-error`, …).
 * Never retried: `isv.*` (the caller's fault), other API errors, validation errors, the caller's abort.
 */
import { TopError, TopNetworkError } from './errors.js';

const TRANSIENT_ISP = /remote|timeout|unavailable/;

/** True for an `isp.*` sub-code that names a transient platform condition. */
export function isTransientSubCode(subCode: string | undefined): boolean {
  return subCode !== undefined && subCode.startsWith('isp.') && TRANSIENT_ISP.test(subCode);
}

/** True when a failed call may succeed if sent again unchanged. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TopNetworkError) return true;
  if (!(error instanceof TopError)) return false;
  if (error.sub_code?.startsWith('isv.') === true) return false;
  if (error.status >= 500) return true;
  return error.kind === 'api' && isTransientSubCode(error.sub_code);
}

/** Default base delay: the first retry waits 100-200 ms, the second 200-400 ms, … */
export const DEFAULT_RETRY_DELAY_MS = 200;
/** No single wait is longer than this. */
export const MAX_RETRY_DELAY_MS = 10_000;

/**
 * Wait before retry number `retry` (0 for the first): exponential in `retry`, with "equal jitter" (half fixed,
 * half random) so that many clients failing together do not retry in lockstep.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** retry);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted === true) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
