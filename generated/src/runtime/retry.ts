// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Which failures are worth another attempt, and how long to wait before it.
 *
 * Reads (`isRetryable`): network failures and per-attempt timeouts, HTTP 5xx, and `isp.*` sub-codes that name a
 * transient platform condition (remote / timeout / unavailable: `isp.top-remote-connection-timeout`,
 * `isp.top-remote-service-unavailable`, `isp.remote-service-error`, `isp.top-remote-unknown-error`, …), and a
 * rate-limit ban short enough to wait out. Never: `isv.*` (the caller's fault), other API errors, validation
 * errors, the caller's abort.
 *
 * Writes (`isSafeToResend`): only a request that certainly never reached the gateway (connection refused, DNS
 * failure, TLS handshake failure: no byte was written). After a timeout, a reset once the request was written,
 * a 5xx or an `isp.*` error the gateway may have carried the write out, and sending it again could create a
 * second order or send a second SMS. TOP has no idempotency keys to make that safe, so the caller decides (an
 * API with its own dedup key can be called with `access: 'read'`).
 */
import type { ApiAccess } from './access.js';
import { TopError, TopNetworkError, TopRateLimitError } from './errors.js';

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

/** True when sending the failed request again cannot carry out a write twice. */
export function isSafeToResend(error: unknown): boolean {
  return error instanceof TopNetworkError && error.unsent;
}

/**
 * The wait before retrying after `error`, or undefined when the call must not be retried. `retry` counts the
 * retries made so far; `remainingMs` is what is left of the call's deadline (Infinity without one).
 */
export function retryDelay(
  error: unknown,
  access: ApiAccess,
  retry: number,
  baseMs: number,
  remainingMs: number,
  random: () => number = Math.random,
): number | undefined {
  if (error instanceof TopRateLimitError) {
    // A ban is waited out by reads only, and only when it ends within the deadline (or the backoff cap).
    const wait = error.retryAfterMs;
    if (access !== 'read' || wait === undefined) return undefined;
    const limit = remainingMs === Infinity ? MAX_RATE_LIMIT_WAIT_MS : remainingMs;
    return wait < limit ? wait : undefined;
  }
  if (access === 'read' ? !isRetryable(error) : !isSafeToResend(error)) return undefined;
  const delay = backoffDelay(retry, baseMs, random);
  return delay < remainingMs ? delay : undefined;
}

/** Without a deadline, the longest rate-limit ban a read waits out. */
export const MAX_RATE_LIMIT_WAIT_MS = 10_000;

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
