// CONTRACT STUB: signatures are final; bodies are implemented by the runtime work.
import type { ApiSpec } from './spec.js';

export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';

export interface TopClientOptions {
  readonly appKey: string;
  readonly appSecret: string;
  /** Default `https://eco.taobao.com/router/rest`. */
  readonly gateway?: string;
  readonly signMethod?: SignMethod;
  /** Default user session (access token); a call's `session` option overrides it. */
  readonly session?: string;
  readonly partnerId?: string;
  readonly targetAppKey?: string;
  readonly simplify?: boolean;
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly fetch?: typeof globalThis.fetch;
}

export interface CallOptions {
  readonly session?: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly retries?: number;
}

/** Symbol under which a generated request class exposes its ApiSpec; never collides with a wire name. */
export const API_SPEC: unique symbol = Symbol.for('topgen.apiSpec') as never;

/** A generated request object. `TResponse` is phantom: it only carries the response type to `execute`. */
export interface TopRequest<TResponse = unknown> {
  readonly [API_SPEC]: ApiSpec;
  /** Phantom member, never present at run time. */
  readonly __response?: TResponse;
}

export class TopClientBase {
  protected readonly options: TopClientOptions;

  constructor(options: TopClientOptions) {
    this.options = options;
  }

  /** Calls an API described by `spec`; `params` holds wire-named values (a request instance or a plain init). */
  protected call<TResponse>(spec: ApiSpec, params: object, options?: CallOptions): Promise<TResponse> {
    void spec;
    void params;
    void options;
    return Promise.reject(new Error('not implemented'));
  }

  /** Calls any API: a generated request instance, or a method name with wire-named params. */
  execute<TResponse>(request: TopRequest<TResponse>, options?: CallOptions): Promise<TResponse>;
  execute<TResponse = Record<string, unknown>>(
    method: string,
    params?: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<TResponse>;
  execute(first: unknown, second?: unknown, third?: unknown): Promise<unknown> {
    void first;
    void second;
    void third;
    return Promise.reject(new Error('not implemented'));
  }
}
