import { describe, expect, it, vi } from 'vitest';
import { TopError, TopNetworkError, TopTimeoutError, TopValidationError } from '../../src/runtime/errors.js';
import {
  backoffDelay,
  isRetryable,
  isTransientSubCode,
  MAX_RETRY_DELAY_MS,
  sleep,
} from '../../src/runtime/retry.js';

const api = (sub_code: string | undefined, status = 200) =>
  new TopError({ kind: 'api', method: 'a.b', status, code: 15, sub_code });

describe('isRetryable', () => {
  it.each<[string, unknown, boolean]>([
    ['network failure', new TopNetworkError('a.b', 'fetch failed'), true],
    ['timeout', new TopTimeoutError('a.b', 10), true],
    ['HTTP 500', new TopError({ kind: 'http', method: 'a.b', status: 500 }), true],
    ['HTTP 502', new TopError({ kind: 'http', method: 'a.b', status: 502 }), true],
    ['HTTP 404', new TopError({ kind: 'http', method: 'a.b', status: 404 }), false],
    ['HTTP 429', new TopError({ kind: 'http', method: 'a.b', status: 429 }), false],
    ['non-JSON 200', new TopError({ kind: 'parse', method: 'a.b', status: 200 }), false],
    ['isp.top-remote-connection-timeout', api('isp.top-remote-connection-timeout'), true],
    ['isp.top-remote-service-unavailable', api('isp.top-remote-service-unavailable'), true],
    ['isp.remote-service-error', api('isp.remote-service-error'), true],
    ['isp.top-remote-unknown-error', api('isp.top-remote-unknown-error'), true],
    ['isp.remote-connection-error', api('isp.remote-connection-error'), true],
    ['isp.service-unavailable', api('isp.service-unavailable'), true],
    ['isp.call-timeout', api('isp.call-timeout'), true],
    ['isp.null-pointer-exception', api('isp.null-pointer-exception'), false],
    ['isv.invalid-parameter', api('isv.invalid-parameter'), false],
    ['isv.* even with a 5xx status', api('isv.item-not-exist', 503), false],
    ['api error without sub code', api(undefined), false],
    ['validation error', new TopValidationError('a.b', [{ path: 'x', message: 'x is required' }]), false],
    ['abort', new DOMException('aborted', 'AbortError'), false],
    ['anything else', new Error('x'), false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });

  it('needs the isp. prefix', () => {
    expect(isTransientSubCode('remote-service-error')).toBe(false);
    expect(isTransientSubCode(undefined)).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles per retry, jitter within the upper half', () => {
    expect(backoffDelay(0, 200, () => 0)).toBe(100);
    expect(backoffDelay(0, 200, () => 1)).toBe(200);
    expect(backoffDelay(1, 200, () => 0)).toBe(200);
    expect(backoffDelay(2, 200, () => 0.5)).toBe(600);
  });

  it('is capped', () => {
    expect(backoffDelay(30, 200, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('is zero with a zero base', () => {
    expect(backoffDelay(3, 0)).toBe(0);
  });
});

describe('sleep', () => {
  it('waits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let done = false;
      const pending = sleep(30, undefined).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(29);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
      await pending;
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects at once with the reason when aborted', async () => {
    const controller = new AbortController();
    // Longer than the test's time limit: only rejecting at once lets the test finish.
    const pending = sleep(3_600_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(10, controller.signal)).rejects.toThrow('stop');
  });
});
