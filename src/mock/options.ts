/** Public option and handle types of the mock gateway, and their defaults. */
import type { Api } from '../model/types.js';
import type { FaultSpec } from './faults.js';

export interface MockOptions {
  /** The APIs the gateway serves; requests for any other `method` get `isv.invalid-method`. */
  readonly apis: readonly Api[];
  readonly appKey: string;
  readonly appSecret: string;
  /** TCP port; 0 (the default) picks a free one, see `MockGateway.port`. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Largest accepted distance between `timestamp` and the gateway's clock. Default 10 minutes, like TOP. */
  readonly maxTimestampSkewMs?: number;
  /** Receives one line per request, and warnings about unusable doc examples at start-up. */
  readonly log?: (line: string) => void;
  /** Faults queued before the first request (see `MockGateway.injectFault`). */
  readonly faults?: readonly FaultSpec[];
  /** Clock for the timestamp check, epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** Largest accepted request body; bigger ones get HTTP 413 (`isv.request-too-large`). Default 32 MiB. */
  readonly maxBodyBytes?: number;
  /** Most parameters one request may send (query and body); more get `isv.too-many-parameters`. Default 1000. */
  readonly maxParams?: number;
  /**
   * Most bytes of request bodies held at once across all requests; a body that would go over gets HTTP 503
   * (`isp.top-remote-service-unavailable`, which clients retry). Default 128 MiB.
   */
  readonly maxBufferedBytes?: number;
}

/** One request as the gateway saw it, for tests that assert on what a client sent. */
export interface MockCall {
  /** HTTP method: GET or POST (others are refused). */
  readonly httpMethod: string;
  /** The `method` parameter, when the request could be read. */
  readonly method?: string;
  /** Text parameters, as received. */
  readonly params: Readonly<Record<string, string>>;
  /** File parts (not signed). */
  readonly files: readonly MockFile[];
  /** HTTP status of the answer; 0 when the connection was dropped by a fault. */
  readonly status: number;
  /** `success`, a TOP `error` answer, or an injected `fault` (HTTP error, drop or injected TOP error). */
  readonly outcome: 'success' | 'error' | 'fault';
  readonly code?: number;
  readonly subCode?: string;
  readonly requestId?: string;
}

export interface MockFile {
  readonly name: string;
  readonly filename: string;
  readonly contentType?: string;
  readonly size: number;
}

export interface MockGateway {
  /** Endpoint to give clients, e.g. `http://127.0.0.1:51234/router/rest`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening, drops keep-alive connections and cancels pending fault delays. Safe to call twice. */
  close(): Promise<void>;
  /** Queues a fault for the coming requests. Throws RangeError for a malformed spec. */
  injectFault(fault: FaultSpec): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** The most recent requests, oldest first (at most `MAX_RECORDED_CALLS`). */
  calls(): readonly MockCall[];
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_TIMESTAMP_SKEW_MS = 10 * 60 * 1000;
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Like Node's querystring `maxKeys`: far above any TOP API's parameter list. */
export const DEFAULT_MAX_PARAMS = 1000;
export const DEFAULT_MAX_BUFFERED_BYTES = 128 * 1024 * 1024;
export const MAX_RECORDED_CALLS = 1000;
export const GATEWAY_PATH = '/router/rest';
