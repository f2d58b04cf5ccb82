// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * The TOP client. A generated `TopClient` extends `TopClientBase` with one typed method per API; `execute`
 * calls any API, with a generated request instance or with a method name and wire-named parameters.
 *
 * One call: validate (spec calls) → serialise once → for each attempt: fresh timestamp, sign, POST, read →
 * unwrap the response or throw; retry what the policy of ./retry.ts allows for the API's access class (a write
 * is sent again only when the earlier attempt certainly never reached the gateway).
 */
import { accessFromName, isApiAccess, type ApiAccess } from './access.js';
import { commonEntries, formEncode, mergedBase, type SortedEntries } from './common.js';
import { compileSpec } from './compile.js';
import { recordAttempts, TopTimeoutError, TopValidationError } from './errors.js';
import { builtInSend } from './node-send.js';
import {
  isLogLevel,
  LevelLogger,
  REDACTED,
  redactedParams,
  runHook,
  type TopHooks,
  type TopLogger,
  type TopLogLevel,
} from './observe.js';
import { TopPromise, type CallOutcome } from './promise.js';
import { processEnv, proxyFor, withoutCredentials } from './proxy.js';
import { readResponse, responseKeyFor } from './response.js';
import { DEFAULT_RETRY_DELAY_MS, retryDelay, sleep } from './retry.js';
import { serializeParams, serializeUntyped, type WireParams } from './serialize.js';
import { digestBase, isSignMethod, type SignMethod } from './sign.js';
import type { ApiSpec, ResponseFieldSpec } from './spec.js';
import { topTimestamp } from './timestamp.js';
import { fetchSend, sendOnce, type HttpSend, type HttpTarget } from './transport.js';
import { firstCursor, hasNextPage, type PageParams } from './paginate.js';
import { validateExtraParams, validateParams } from './validate.js';

export type { SignMethod } from './sign.js';

export const DEFAULT_GATEWAY = 'https://eco.taobao.com/router/rest';
/** md5, as the official SDKs: every app and gateway accepts it. `hmac-sha256` is the stronger choice. */
export const DEFAULT_SIGN_METHOD: SignMethod = 'md5';
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRIES = 2;
/** Answers larger than this fail the call: far below what one string can hold (~512 MiB), far above TOP's answers. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** The generated package a client belongs to: named in the User-Agent of every request. */
export interface SdkIdentity {
  readonly name: string;
  readonly version: string;
}

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
  /**
   * Most extra attempts after a failure the retry policy allows. Default 2. Reads are retried after transient
   * failures; writes only when the request certainly never reached the gateway. 0 turns retries off.
   */
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
  /**
   * HTTP proxy of the built-in sender (`http://user:pass@proxy:3128`): plain-HTTP gateways are reached with
   * absolute-form requests, HTTPS ones through a `CONNECT` tunnel. Default: `HTTPS_PROXY` / `HTTP_PROXY` from
   * the environment unless `NO_PROXY` names the gateway. `false`: always connect directly.
   */
  readonly proxy?: string | false | undefined;
  /** Largest answer body accepted (after decompression); a larger one fails with TopNetworkError. Default 32 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** Limit for a whole call, retries and waits included, in ms. Default none. */
  readonly deadlineMs?: number | undefined;
  /** Where to log (`console` works). Default: nothing is logged. Secrets never appear in log output. */
  readonly logger?: TopLogger | undefined;
  /** Lowest level logged: `debug` (every attempt), `info` (retries), `warn` (failed calls), `error`, `off`. Default `warn`. */
  readonly logLevel?: TopLogLevel | undefined;
  /** Called before each attempt is sent, with redacted parameters. */
  readonly onRequest?: TopHooks['onRequest'] | undefined;
  /** Called when each attempt ends, with its status, duration and error. */
  readonly onResponse?: TopHooks['onResponse'] | undefined;
  /** Called before waiting for a retry, with the failed attempt's number, the wait and the error. */
  readonly onRetry?: TopHooks['onRetry'] | undefined;
}

export interface CallOptions {
  readonly session?: string | undefined;
  /** Aborts the call, retries included; the call then rejects with the signal's reason and is never retried. */
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly retries?: number | undefined;
  /** Limit for this call, retries and waits included, in ms. */
  readonly deadlineMs?: number | undefined;
  /**
   * Treat this call as a read or a write for retries. `'read'` for a write the gateway deduplicates (an
   * `out_id`, say) makes it retried like a read; `'write'` does the opposite.
   */
  readonly access?: ApiAccess | undefined;
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
  readonly deadlineMs: number | undefined;
  readonly send: HttpSend;
  readonly target: HttpTarget;
  readonly now: () => number;
  readonly log: LevelLogger;
  readonly hooks: TopHooks;
}

function runtimeTag(): string {
  const process = (globalThis as { process?: { versions?: { node?: string } } }).process;
  const node = process?.versions?.node;
  return node === undefined ? 'topgen-runtime' : `topgen-runtime node/${node}`;
}

function userAgentFor(sdk: SdkIdentity | undefined): string {
  return sdk === undefined ? runtimeTag() : `${sdk.name}/${sdk.version} ${runtimeTag()}`;
}

function checkHook(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function')
    throw new TypeError(`TopClient: ${name} must be a function, got ${typeof value}`);
}

function checkDeadline(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (checkCount('deadlineMs', value, false) === 0)
    throw new TypeError('TopClient: deadlineMs must be greater than 0');
  return value;
}

function settingsOf(options: TopClientOptions, sdk: SdkIdentity | undefined): Settings {
  if (typeof options !== 'object' || options === null) throw new TypeError('TopClient: options are required');
  const signMethod = options.signMethod ?? DEFAULT_SIGN_METHOD;
  if (!isSignMethod(signMethod)) {
    throw new TypeError(
      `TopClient: signMethod must be md5, hmac or hmac-sha256, got ${JSON.stringify(signMethod)}`,
    );
  }
  const gateway = options.gateway ?? DEFAULT_GATEWAY;
  // Fails early with a TypeError on a malformed gateway instead of on the first call.
  let gatewayUrl: URL;
  try {
    gatewayUrl = new URL(gateway);
  } catch {
    throw new TypeError(
      `TopClient: gateway ${JSON.stringify(withoutCredentials(String(gateway)))} is not a valid URL`,
    );
  }
  if (gatewayUrl.protocol !== 'http:' && gatewayUrl.protocol !== 'https:') {
    throw new TypeError(`TopClient: gateway must be an http or https URL, got ${JSON.stringify(gateway)}`);
  }
  // Port 0 parses as a URL but no socket can connect to it.
  if (gatewayUrl.port === '0')
    throw new TypeError(`TopClient: gateway ${JSON.stringify(gateway)} has port 0`);
  const logLevel = options.logLevel ?? 'warn';
  if (!isLogLevel(logLevel))
    throw new TypeError(`TopClient: logLevel must be debug, info, warn, error or off`);
  for (const hook of ['onRequest', 'onResponse', 'onRetry'] as const) checkHook(hook, options[hook]);
  const proxyOption = options.proxy;
  if (proxyOption !== undefined && proxyOption !== false && typeof proxyOption !== 'string')
    throw new TypeError('TopClient: proxy must be a URL string or false');
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (checkCount('maxResponseBytes', maxResponseBytes, true) === 0)
    throw new TypeError('TopClient: maxResponseBytes must be greater than 0');
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
    deadlineMs: checkDeadline(options.deadlineMs),
    send: options.fetch === undefined ? builtInSend : fetchSend(options.fetch),
    target: {
      url: gateway,
      userAgent: userAgentFor(sdk),
      maxResponseBytes,
      // A proxy applies to the built-in sender only; a `fetch` brings its own dispatcher.
      proxy: options.fetch === undefined ? proxyFor(gateway, proxyOption, processEnv()) : undefined,
    },
    now: options.now ?? Date.now,
    log: new LevelLogger(options.logger, logLevel),
    hooks: { onRequest: options.onRequest, onResponse: options.onResponse, onRetry: options.onRetry },
  };
}

/** The client's settings as shown by `util.inspect`, `JSON.stringify` and `String()`: never a secret. */
function publicView(s: Settings): Record<string, unknown> {
  return {
    appKey: s.appKey,
    appSecret: REDACTED,
    gateway: s.gateway,
    signMethod: s.signMethod,
    ...(s.session === undefined ? {} : { session: REDACTED }),
    ...(s.target.proxy === undefined ? {} : { proxy: redactUrl(s.target.proxy) }),
    timeoutMs: s.timeoutMs,
    retries: s.retries,
    userAgent: s.target.userAgent,
  };
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.username !== '' || u.password !== '') {
    u.username = REDACTED;
    u.password = '';
  }
  return u.href;
}

/**
 * A `number` field that held an integer beyond 2^53 was delivered rounded, as its type allows: said once per
 * call, so that an id the generator did not recognise as one is noticed and declared.
 */
function warnRounded(log: LevelLogger, method: string, fields: readonly string[]): void {
  const names = [...new Set(fields)].join(', ');
  log.log(
    'warn',
    `${method}: ${names} held an integer beyond 2^53, delivered as the nearest number; if it is an id, declare it ` +
      `one ("numbers": { "fields": { "${method}": { "<field>": "id" } } } in topgen.config.json) to get it exact`,
  );
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function now(): number {
  return performance.now();
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

/**
 * The options and settings live in private fields and the secret-free view below is all that `util.inspect`,
 * `JSON.stringify` and `String()` show: a client logged by accident never prints `appSecret` or a session.
 */
export class TopClientBase {
  readonly #options: TopClientOptions;
  readonly #settings: Settings;

  /** `sdk` names the generated package in the User-Agent; generated clients pass their own name and version. */
  constructor(options: TopClientOptions, sdk?: SdkIdentity) {
    this.#settings = settingsOf(options, sdk);
    this.#options = options;
  }

  /** The options the client was built with, for subclasses (not enumerable, so never printed). */
  protected get options(): TopClientOptions {
    return this.#options;
  }

  toJSON(): Record<string, unknown> {
    return publicView(this.#settings);
  }

  toString(): string {
    return `${this.constructor.name}(appKey ${this.#settings.appKey}, gateway ${this.#settings.gateway})`;
  }

  [INSPECT](): object {
    // A plain object under the class's name: util.inspect prints `TopClient { appKey: …, appSecret: '[redacted]' }`.
    const view = publicView(this.#settings);
    Object.defineProperty(view, Symbol.toStringTag, { value: this.constructor.name });
    return view;
  }

  /**
   * Gives a generated client its one method per API: `client[name](params = {}, options)` calls `specs[name]`.
   * The generated class declares the methods' types in an interface merged with it, so the type checker
   * checks one signature per API instead of one signature and one method body.
   */
  protected static defineApiMethods(specs: Readonly<Record<string, ApiSpec>>): void {
    for (const [name, spec] of Object.entries(specs)) {
      const method = function (this: TopClientBase, params?: object, options?: CallOptions) {
        return this.call<unknown>(spec, params ?? {}, options);
      };
      Object.defineProperty(method, 'name', { value: name });
      Object.defineProperty(this.prototype, name, { value: method, writable: true, configurable: true });
    }
  }

  /** Calls an API described by `spec`; `params` holds wire-named values (a request instance or a plain init). */
  protected call<TResponse>(spec: ApiSpec, params: object, options?: CallOptions): TopPromise<TResponse> {
    return new TopPromise(this.#call<TResponse>(spec, params, options));
  }

  async #call<TResponse>(
    spec: ApiSpec,
    params: object,
    options: CallOptions | undefined,
  ): Promise<CallOutcome<TResponse>> {
    const compiled = compileSpec(spec);
    const extra = options?.extraParams;
    const issues = validateParams(compiled, params, options);
    if (extra !== undefined) issues.push(...validateExtraParams(compiled, extra));
    if (issues.length > 0) throw new TopValidationError(compiled.method, issues);
    const wire = serializeParams(compiled, params, extra);
    const access = isApiAccess(spec.access) ? spec.access : accessFromName(compiled.method);
    return (await this.#send(
      compiled.method,
      compiled.responseKey,
      wire,
      options,
      spec.response,
      access,
    )) as CallOutcome<TResponse>;
  }

  /**
   * Calls any API: a generated request instance, or a method name with wire-named params. Without a spec the
   * API's read/write class comes from its name (`CallOptions.access` overrides it).
   */
  execute<TResponse>(request: TopRequest<TResponse>, options?: CallOptions): TopPromise<TResponse>;
  execute<TResponse = Record<string, unknown>>(
    method: string,
    params?: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): TopPromise<TResponse>;
  execute(first: unknown, second?: unknown, third?: unknown): TopPromise<unknown> {
    return new TopPromise(this.#execute(first, second, third));
  }

  async #execute(first: unknown, second: unknown, third: unknown): Promise<CallOutcome<unknown>> {
    if (typeof first === 'string') {
      if (first === '') throw new TypeError('execute: the API name is empty');
      if (second !== undefined && (typeof second !== 'object' || second === null)) {
        throw new TypeError(
          `execute: params must be an object, got ${second === null ? 'null' : typeof second}`,
        );
      }
      const wire = serializeUntyped(first, (second ?? {}) as Readonly<Record<string, unknown>>);
      const options = third as CallOptions | undefined;
      return this.#send(first, responseKeyFor(first), wire, options, undefined, accessFromName(first));
    }
    if (!isTopRequest(first)) {
      throw new TypeError('execute: expected a generated request instance or an API name');
    }
    return this.#call(first[API_SPEC], first, second as CallOptions | undefined);
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
    specAccess: ApiAccess,
  ): Promise<CallOutcome<unknown>> {
    const s = this.#settings;
    const { log, hooks } = s;
    const signal = options?.signal;
    const retries = options?.retries === undefined ? s.retries : checkCount('retries', options.retries, true);
    const timeoutMs = options?.timeoutMs === undefined ? s.timeoutMs : checkTimeout(options.timeoutMs);
    const session = options?.session === undefined ? s.session : optionalText('session', options.session);
    const deadlineMs = options?.deadlineMs === undefined ? s.deadlineMs : checkDeadline(options.deadlineMs);
    let access = specAccess;
    if (options?.access !== undefined) {
      if (!isApiAccess(options.access)) throw new TypeError(`${method}: access must be 'read' or 'write'`);
      access = options.access;
    }
    const apiForm = wire.files.length === 0 ? formEncode(wire) : '';
    const started = now();
    const deadline = deadlineMs === undefined ? Infinity : started + deadlineMs;
    // Requests actually handed to the sender: a deadline or abort before an attempt does not count it.
    let sent = 0;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        signal?.throwIfAborted();
        const remaining = deadline - now();
        if (remaining <= 0) throw new TopTimeoutError(method, deadlineMs as number, 'call');
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
        if (hooks.onRequest !== undefined || log.enabled('debug')) {
          const params = redactedParams([common, wire]);
          log.log('debug', `${method} attempt ${attempt} (${access}) →`, params);
          runHook(hooks.onRequest, { method, attempt, access, url: s.gateway, params }, log, 'onRequest');
        }
        const sentAt = now();
        // The deadline shortens the last attempt's limit; a timeout there reads as the call's deadline.
        const attemptLimit = Math.min(timeoutMs, remaining);
        let status: number | undefined;
        sent++;
        try {
          const answer = await sendOnce(s.send, s.target, body, method, attemptLimit, signal);
          status = answer.status;
          const rounded: string[] = [];
          const data = readResponse(method, responseKey, answer.status, answer.text, lists, rounded);
          if (rounded.length > 0) warnRounded(log, method, rounded);
          this.#attemptEnded(method, attempt, status, sentAt, undefined);
          return { data, answer, attempts: sent, durationMs: now() - started };
        } catch (error) {
          this.#attemptEnded(method, attempt, status, sentAt, error);
          throw attemptLimit < timeoutMs && error instanceof TopTimeoutError
            ? new TopTimeoutError(method, deadlineMs as number, 'call')
            : error;
        }
      } catch (error) {
        failure = error;
      }
      // After the caller's abort nothing is retried; the abort reason (or the failure it caused) propagates.
      const delay =
        signal?.aborted === true || attempt > retries
          ? undefined
          : retryDelay(failure, access, attempt - 1, s.retryDelayMs, deadline - now());
      if (delay === undefined) {
        recordAttempts(failure, sent);
        log.log('warn', `${method} failed: ${failure instanceof Error ? failure.message : String(failure)}`);
        throw failure;
      }
      log.log(
        'info',
        `${method} attempt ${attempt} failed, retrying in ${Math.round(delay)} ms: ${String(failure)}`,
      );
      runHook(hooks.onRetry, { method, attempt, delayMs: delay, error: failure }, log, 'onRetry');
      try {
        await sleep(delay, signal);
      } catch (error) {
        recordAttempts(error, sent);
        throw error;
      }
    }
  }

  #attemptEnded(
    method: string,
    attempt: number,
    status: number | undefined,
    sentAt: number,
    error: unknown,
  ): void {
    const { log, hooks } = this.#settings;
    if (hooks.onResponse === undefined && !log.enabled('debug')) return;
    const durationMs = now() - sentAt;
    log.log(
      'debug',
      `${method} attempt ${attempt} ← ${status === undefined ? 'no answer' : `HTTP ${status}`} in ${durationMs.toFixed(1)} ms` +
        (error === undefined ? '' : `: ${error instanceof Error ? error.message : String(error)}`),
    );
    runHook(hooks.onResponse, { method, attempt, status, durationMs, error }, log, 'onResponse');
  }
}
