/**
 * The TOP client. A generated `TopClient` extends `TopClientBase` with one typed method per API; `execute`
 * calls any API, with a generated request instance or with a method name and wire-named parameters.
 *
 * One call: validate (spec calls) → serialise once → for each attempt: fresh timestamp, sign, POST, read →
 * unwrap the response or throw; retry transient failures with exponential backoff.
 */
import { defaultAgent } from './http-agent.js';
import { commonEntries, formEncode, mergedBase, type SortedEntries } from './common.js';
import { compileSpec } from './compile.js';
import { TopValidationError } from './errors.js';
import { readResponse, responseKeyFor } from './response.js';
import { backoffDelay, DEFAULT_RETRY_DELAY_MS, isRetryable, sleep } from './retry.js';
import { serializeParams, serializeUntyped, type WireParams } from './serialize.js';
import { digestBase, isSignMethod, type SignMethod } from './sign.js';
import type { ApiSpec, ResponseFieldSpec } from './spec.js';
import { topTimestamp } from './timestamp.js';
import { fetchSend, sendOnce, type HttpSend } from './transport.js';
import { firstCursor, hasNextPage, type PageParams } from './paginate.js';
import { validateExtraParams, validateParams } from './validate.js';

export type { SignMethod } from './sign.js';

export const DEFAULT_GATEWAY = 'https://eco.taobao.com/router/rest';
/** md5, as the official SDKs: every app and gateway accepts it. `hmac-sha256` is the stronger choice. */
export const DEFAULT_SIGN_METHOD: SignMethod = 'md5';
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRIES = 2;

export interface TopClientOptions {
  readonly appKey: string;
  readonly appSecret: string;
  /** Default `https://eco.taobao.com/router/rest`. */
  readonly gateway?: string | undefined;
  /** Default `md5`. */
  readonly signMethod?: SignMethod | undefined;
  /** Default user session (access token); a call's `session` option overrides it. */
  readonly session?: string | undefined;
  readonly partnerId?: string | undefined;
  readonly targetAppKey?: string | undefined;
  /** Ask for responses without the `<name>_response` envelope; the client unwraps both forms the same way. */
  readonly simplify?: boolean | undefined;
  /** Limit for one attempt (request and whole response body), in ms. Default 15 000; `Infinity` for none. */
  readonly timeoutMs?: number | undefined;
  /** Extra attempts after a transient failure. Default 2. */
  readonly retries?: number | undefined;
  /** Base of the exponential backoff between attempts, in ms. Default 200; 0 retries at once. */
  readonly retryDelayMs?: number | undefined;
  /**
   * Send requests with this `fetch` instead of the built-in `node:http` sender (for tests, proxies, other
   * runtimes). The global `fetch` works too: `fetch: globalThis.fetch`.
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Clock for the `timestamp` parameter, in epoch ms. Default `Date.now`; lets a host with a skewed clock correct it. */
  readonly now?: (() => number) | undefined;
}

export interface CallOptions {
  readonly session?: string | undefined;
  /** Aborts the call, retries included; the call then rejects with the signal's reason and is never retried. */
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly retries?: number | undefined;
  /**
   * Parameters the API's doc does not list, sent as given (serialised like `execute(name, params)`): the escape
   * hatch for parameters the gateway knows before the docs do. Names the doc lists are refused here.
   */
  readonly extraParams?: Readonly<Record<string, unknown>> | undefined;
  /** Send keys inside struct parameters that the doc does not list, instead of refusing them. Default false. */
  readonly allowUndocumentedFields?: boolean | undefined;
}

/** Symbol under which a generated request class exposes its ApiSpec; never collides with a wire name. */
export const API_SPEC: unique symbol = Symbol.for('topgen.apiSpec') as never;

/** A generated request object. `TResponse` is phantom: it only carries the response type to `execute`. */
export interface TopRequest<TResponse = unknown> {
  readonly [API_SPEC]: ApiSpec;
  /** Phantom member, never present at run time. */
  readonly __response?: TResponse;
}

/** A request of an API that pages with `page_no` / `page_size`; only these can be passed to `paginate`. */
export interface TopPageableRequest<TResponse = unknown> extends TopRequest<TResponse>, PageParams {
  /** Phantom member, never present at run time: marks the request classes of pageable APIs. */
  readonly __pageable: true;
}

export interface PaginateOptions extends CallOptions {
  /** Stop after this many pages, whatever the gateway says. Default: no limit. */
  readonly maxPages?: number | undefined;
}

function isTopRequest(value: unknown): value is TopRequest {
  if (typeof value !== 'object' || value === null) return false;
  const spec = (value as { [API_SPEC]?: unknown })[API_SPEC];
  return typeof spec === 'object' && spec !== null;
}

function optionalText(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string')
    throw new TypeError(`TopClient: ${name} must be a string, got ${typeof value}`);
  return value;
}

function requiredText(name: string, value: unknown): string {
  const text = optionalText(name, value);
  if (text === undefined) throw new TypeError(`TopClient: ${name} is required`);
  return text;
}

function checkCount(name: string, value: number, integer: boolean): number {
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new TypeError(
      `TopClient: ${name} must be a non-negative ${integer ? 'integer' : 'number'}, got ${String(value)}`,
    );
  }
  return value;
}

function checkTimeout(value: number): number {
  if (checkCount('timeoutMs', value, false) === 0)
    throw new TypeError('TopClient: timeoutMs must be greater than 0');
  return value;
}

/** Options normalised once: defaults applied, values checked. */
interface Settings {
  readonly appKey: string;
  readonly appSecret: string;
  readonly gateway: string;
  readonly signMethod: SignMethod;
  readonly session: string | undefined;
  readonly partnerId: string | undefined;
  readonly targetAppKey: string | undefined;
  readonly simplify: boolean;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly send: HttpSend;
  readonly now: () => number;
}

function settingsOf(options: TopClientOptions): Settings {
  if (typeof options !== 'object' || options === null) throw new TypeError('TopClient: options are required');
  const signMethod = options.signMethod ?? DEFAULT_SIGN_METHOD;
  if (!isSignMethod(signMethod)) {
    throw new TypeError(
      `TopClient: signMethod must be md5, hmac or hmac-sha256, got ${JSON.stringify(signMethod)}`,
    );
  }
  const gateway = options.gateway ?? DEFAULT_GATEWAY;
  // Fails early with a TypeError on a malformed gateway instead of on the first call.
  const protocol = new URL(gateway).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new TypeError(`TopClient: gateway must be an http or https URL, got ${JSON.stringify(gateway)}`);
  }
  return {
    appKey: requiredText('appKey', options.appKey),
    appSecret: requiredText('appSecret', options.appSecret),
    gateway,
    signMethod,
    session: optionalText('session', options.session),
    partnerId: optionalText('partnerId', options.partnerId),
    targetAppKey: optionalText('targetAppKey', options.targetAppKey),
    simplify: options.simplify === true,
    timeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    retries: checkCount('retries', options.retries ?? DEFAULT_RETRIES, true),
    retryDelayMs: checkCount('retryDelayMs', options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, false),
    send: options.fetch === undefined ? defaultAgent.send : fetchSend(options.fetch),
    now: options.now ?? Date.now,
  };
}

function requestBody(
  common: SortedEntries,
  wire: WireParams,
  apiForm: string,
  signature: string,
): string | FormData {
  if (wire.files.length === 0) {
    return `${formEncode(common)}${apiForm === '' ? '' : `&${apiForm}`}&sign=${signature}`;
  }
  const form = new FormData();
  for (const entries of [common, wire]) {
    for (let i = 0; i < entries.keys.length; i++)
      form.append(entries.keys[i] as string, entries.values[i] as string);
  }
  form.append('sign', signature);
  for (const part of wire.files) form.append(part.name, part.blob, part.filename);
  return form;
}

export class TopClientBase {
  protected readonly options: TopClientOptions;
  readonly #settings: Settings;

  constructor(options: TopClientOptions) {
    this.#settings = settingsOf(options);
    this.options = options;
  }

  /** Calls an API described by `spec`; `params` holds wire-named values (a request instance or a plain init). */
  protected async call<TResponse>(spec: ApiSpec, params: object, options?: CallOptions): Promise<TResponse> {
    const compiled = compileSpec(spec);
    const extra = options?.extraParams;
    const issues = validateParams(compiled, params, options);
    if (extra !== undefined) issues.push(...validateExtraParams(compiled, extra));
    if (issues.length > 0) throw new TopValidationError(compiled.method, issues);
    const wire = serializeParams(compiled, params, extra);
    return (await this.#send(
      compiled.method,
      compiled.responseKey,
      wire,
      options,
      spec.response,
    )) as TResponse;
  }

  /** Calls any API: a generated request instance, or a method name with wire-named params. */
  execute<TResponse>(request: TopRequest<TResponse>, options?: CallOptions): Promise<TResponse>;
  execute<TResponse = Record<string, unknown>>(
    method: string,
    params?: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<TResponse>;
  async execute(first: unknown, second?: unknown, third?: unknown): Promise<unknown> {
    if (typeof first === 'string') {
      if (first === '') throw new TypeError('execute: the API name is empty');
      if (second !== undefined && (typeof second !== 'object' || second === null)) {
        throw new TypeError(
          `execute: params must be an object, got ${second === null ? 'null' : typeof second}`,
        );
      }
      const wire = serializeUntyped(first, (second ?? {}) as Readonly<Record<string, unknown>>);
      return this.#send(first, responseKeyFor(first), wire, third as CallOptions | undefined, undefined);
    }
    if (!isTopRequest(first)) {
      throw new TypeError('execute: expected a generated request instance or an API name');
    }
    return this.call(first[API_SPEC], first, second as CallOptions | undefined);
  }

  /**
   * The pages of a pageable API, fetched one at a time from the request's `page_no` (default 1):
   * `for await (const page of client.paginate(request))`, where `request` is a generated request instance.
   * Stops after a page without items, when `has_next` is false, when `total_results` (or `total_count`) items
   * have been paged through, or after a page shorter than the page size. Each page is one call with the
   * request's options (retries and timeouts apply per page; `signal` bounds the whole iteration).
   */
  async *paginate<TResponse>(
    request: TopPageableRequest<TResponse>,
    options?: PaginateOptions,
  ): AsyncGenerator<TResponse, void, undefined> {
    if (!isTopRequest(request) || !request[API_SPEC].params.some((p) => p.name === 'page_no')) {
      throw new TypeError('paginate: expected a request of an API with a page_no parameter');
    }
    const maxPages = options?.maxPages ?? Infinity;
    checkCount('maxPages', maxPages, false);
    const cursor = firstCursor(request);
    for (let fetched = 0; fetched < maxPages; fetched++) {
      const params = { ...request, page_no: cursor.pageNo };
      const page = await this.call<TResponse>(request[API_SPEC], params, options);
      yield page;
      if (!hasNextPage(page as Record<string, unknown>, cursor)) return;
      cursor.pageNo++;
    }
  }

  async #send(
    method: string,
    responseKey: string,
    wire: WireParams,
    options: CallOptions | undefined,
    lists: readonly ResponseFieldSpec[] | undefined,
  ) {
    const s = this.#settings;
    const signal = options?.signal;
    const retries = options?.retries === undefined ? s.retries : checkCount('retries', options.retries, true);
    const timeoutMs = options?.timeoutMs === undefined ? s.timeoutMs : checkTimeout(options.timeoutMs);
    const session = options?.session === undefined ? s.session : optionalText('session', options.session);
    const apiForm = wire.files.length === 0 ? formEncode(wire) : '';
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      // Each attempt is timestamped and signed afresh: the gateway rejects stale timestamps.
      const common = commonEntries(
        {
          method,
          appKey: s.appKey,
          timestamp: topTimestamp(s.now()),
          signMethod: s.signMethod,
          session,
          partnerId: s.partnerId,
          targetAppKey: s.targetAppKey,
          simplify: s.simplify,
        },
        wire.overridden,
      );
      const signature = digestBase(mergedBase(common, wire), s.appSecret, s.signMethod);
      const body = requestBody(common, wire, apiForm, signature);
      try {
        const answer = await sendOnce(s.send, s.gateway, body, method, timeoutMs, signal);
        return readResponse(method, responseKey, answer.status, answer.text, lists);
      } catch (error) {
        // After the caller's abort nothing is retried; the abort reason (or the failure it caused) propagates.
        if (signal?.aborted === true || attempt >= retries || !isRetryable(error)) throw error;
      }
      await sleep(backoffDelay(attempt, s.retryDelayMs), signal);
    }
  }
}
