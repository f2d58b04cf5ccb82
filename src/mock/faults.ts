/**
 * Fault injection, so that clients' retry, timeout and error handling can be tested end to end.
 *
 * Faults form a queue. Each request to the gateway takes the fault at the head of the queue (if any) and uses
 * up one of its `times`; when they are used up the next fault applies. A fault acts after the request body has
 * been read, in this order: wait `delayMs`; then `dropConnection`, else answer `status`, else answer `topError`;
 * a fault with only `delayMs` lets the request be processed normally after the wait.
 *
 *   gateway.injectFault({ status: 503, times: 1 });             // next call: HTTP 503
 *   gateway.injectFault({ delayMs: 2000 });                      // next call answers after 2 s
 *   gateway.injectFault({ topError: { code: 15, msg: 'Remote service error',
 *     sub_code: 'isp.top-remote-service-unavailable' }, times: 2 }); // two isp errors, HTTP 200
 */
import type { TopErrorBody } from './errors.js';

export interface FaultSpec {
  /** How many consecutive requests the fault applies to. Default 1. */
  readonly times?: number;
  /** Wait this long before answering (or before processing, when nothing else is set). */
  readonly delayMs?: number;
  /** Answer with this HTTP status (>= 400) and a plain-text body, as a load balancer in front of TOP would. */
  readonly status?: number;
  /** Answer HTTP 200 with this `error_response` (request_id is added). */
  readonly topError?: TopErrorBody;
  /** Destroy the connection without answering: the client sees a network error. */
  readonly dropConnection?: boolean;
}

/** The fault applied to one request. */
export type FaultAction = Omit<FaultSpec, 'times'>;

export class FaultQueue {
  private readonly queue: { spec: FaultAction; remaining: number }[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new RangeError(`fault times must be a positive integer, found ${times}`);
    if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0)) {
      throw new RangeError(`fault delayMs must be a non-negative number, found ${spec.delayMs}`);
    }
    if (
      spec.status !== undefined &&
      !(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599)
    ) {
      throw new RangeError(`fault status must be an HTTP error status 400..599, found ${spec.status}`);
    }
    const { times: _times, ...action } = spec;
    this.queue.push({ spec: action, remaining: times });
  }

  /** The fault for the next request, or undefined. */
  take(): FaultAction | undefined {
    const head = this.queue[0];
    if (head === undefined) return undefined;
    head.remaining--;
    if (head.remaining === 0) this.queue.shift();
    return head.spec;
  }

  clear(): void {
    this.queue.length = 0;
  }

  get pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }
}
