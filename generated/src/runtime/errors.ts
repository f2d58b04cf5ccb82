// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Errors thrown by the client. Every one is a real `Error` subclass with a stable `name`, so both
 * `instanceof` and `err.name` checks work (also across duplicated copies of the runtime, via `name`).
 */

/** One problem found while validating a request before it is sent. */
export interface ValidationIssue {
  /** Dotted wire path: `param0.ptnr_token`, `items[2].sku_id`. */
  readonly path: string;
  /** Full sentence, path included: `param0.ptnr_token is required`. */
  readonly message: string;
}

/**
 * Records on a client error how many attempts the call made (its `attempts` field) and says so at the end of
 * its message, so that a log line alone tells whether a write may have reached the gateway more than once.
 */
export function recordAttempts(error: unknown, attempts: number): void {
  if (!(error instanceof TopError || error instanceof TopNetworkError || error instanceof TopValidationError))
    return;
  (error as { attempts: number }).attempts = attempts;
  error.message += ` [${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}]`;
}

/** The request did not match its ApiSpec; nothing was sent. */
export class TopValidationError extends Error {
  override readonly name = 'TopValidationError';
  readonly method: string;
  readonly issues: readonly ValidationIssue[];
  /** Requests sent: always 0, validation comes first. */
  readonly attempts: number = 0;

  constructor(method: string, issues: readonly ValidationIssue[]) {
    super(`Invalid request for ${method}: ${issues.map((i) => i.message).join('; ')} [0 attempts]`);
    this.method = method;
    this.issues = issues;
  }
}

/**
 * What went wrong on the gateway side:
 * - `api`: the gateway answered with `error_response` (see `code`, `sub_code`, …);
 * - `http`: the HTTP status was not 2xx;
 * - `parse`: a 2xx answer whose body is not JSON.
 */
export type TopErrorKind = 'api' | 'http' | 'parse';

export interface TopErrorInit {
  readonly kind: TopErrorKind;
  readonly method: string;
  readonly status: number;
  readonly code?: number | undefined;
  readonly msg?: string | undefined;
  readonly sub_code?: string | undefined;
  readonly sub_msg?: string | undefined;
  readonly request_id?: string | undefined;
  readonly body?: string | undefined;
}

/** Longest body excerpt kept on an error: enough to recognise an HTML error page or a proxy message. */
export const BODY_EXCERPT_LENGTH = 200;

/** The gateway answered, but not with a successful response. Field names follow TOP's `error_response`. */
export class TopError extends Error {
  override readonly name: string = 'TopError';
  readonly kind: TopErrorKind;
  /** API name (`method` common parameter) of the failed call. */
  readonly method: string;
  /** HTTP status of the answer (200 for an `error_response`). */
  readonly status: number;
  /** Top-level TOP error code (7 call limit, 11 permission, 15 remote error, 25 signature, 27 session, …). */
  readonly code: number | undefined;
  readonly msg: string | undefined;
  /** `isv.*`: the caller's fault; `isp.*`: the platform's. */
  readonly sub_code: string | undefined;
  readonly sub_msg: string | undefined;
  readonly request_id: string | undefined;
  /** First {@link BODY_EXCERPT_LENGTH} characters of the body for `http` and `parse` errors. */
  readonly body: string | undefined;
  /** Requests the call sent, this failure's included (also written at the end of the message). */
  readonly attempts: number = 1;

  constructor(init: TopErrorInit) {
    super(describe(init));
    this.kind = init.kind;
    this.method = init.method;
    this.status = init.status;
    this.code = init.code;
    this.msg = init.msg;
    this.sub_code = init.sub_code;
    this.sub_msg = init.sub_msg;
    this.request_id = init.request_id;
    this.body = init.body;
  }
}

function describe(init: TopErrorInit): string {
  if (init.kind === 'http') {
    return `${init.method}: HTTP ${init.status} from the gateway: ${JSON.stringify(init.body ?? '')}`;
  }
  if (init.kind === 'parse') {
    return `${init.method}: the gateway answered HTTP ${init.status} with a body that is not JSON: ${JSON.stringify(init.body ?? '')}`;
  }
  let text = `${init.method} failed: `;
  text +=
    init.sub_code !== undefined ? `${init.sub_code} ${init.sub_msg ?? ''}`.trimEnd() : (init.msg ?? 'error');
  const details: string[] = [];
  if (init.code !== undefined)
    details.push(`code ${init.code}${init.msg !== undefined ? ` ${init.msg}` : ''}`);
  if (init.request_id !== undefined) details.push(`request_id ${init.request_id}`);
  return details.length > 0 ? `${text} (${details.join(', ')})` : text;
}

/**
 * TOP's rate limiting (`code` 7, "App Call Limited", `sub_msg` "This ban will last 71 more seconds"): the app,
 * API or user made too many calls. `retryAfterMs` is the wait the gateway names, when it names one.
 */
export class TopRateLimitError extends TopError {
  override readonly name = 'TopRateLimitError';
  /** How long the gateway says the ban lasts, in ms; undefined when the answer does not say. */
  readonly retryAfterMs: number | undefined;

  constructor(init: TopErrorInit, retryAfterMs: number | undefined) {
    super(init);
    this.retryAfterMs = retryAfterMs;
  }
}

/** TOP's top-level error code for call limits (app, API, user or IP). */
export const RATE_LIMIT_CODE = 7;
const BAN_SECONDS = /ban will last (\d+) more seconds?/i;

/** The wait named by a rate-limit message ("This ban will last 71 more seconds"), in ms. */
export function banDurationMs(...texts: readonly (string | undefined)[]): number | undefined {
  for (const text of texts) {
    const match = text === undefined ? null : BAN_SECONDS.exec(text);
    if (match !== null) return Number(match[1]) * 1000;
  }
  return undefined;
}

/** The request could not be completed on the network (connection refused, reset, DNS, TLS, …). */
export class TopNetworkError extends Error {
  override readonly name: string = 'TopNetworkError';
  readonly method: string;
  /**
   * True when the request certainly never reached the gateway (connection refused, DNS failure, TLS handshake
   * failure: no byte of it was written), so that sending it again cannot do anything twice.
   */
  readonly unsent: boolean;
  /** Requests the call sent or tried to send, this failure's included. */
  readonly attempts: number = 1;

  constructor(method: string, message: string, options?: { cause?: unknown; unsent?: boolean }) {
    super(`${method}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.method = method;
    this.unsent = options?.unsent === true;
  }
}

/**
 * One attempt took longer than `timeoutMs` (`scope` 'attempt'), or the whole call longer than `deadlineMs`
 * (`scope` 'call'). The attempt was aborted; the gateway may still have carried out the request.
 */
export class TopTimeoutError extends TopNetworkError {
  override readonly name: string = 'TopTimeoutError';
  readonly timeoutMs: number;
  readonly scope: 'attempt' | 'call';

  constructor(method: string, timeoutMs: number, scope: 'attempt' | 'call' = 'attempt') {
    super(
      method,
      scope === 'call' ? `the call's deadline of ${timeoutMs} ms passed` : `no answer within ${timeoutMs} ms`,
    );
    this.timeoutMs = timeoutMs;
    this.scope = scope;
  }
}
