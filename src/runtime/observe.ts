/**
 * What a client lets its user see of a call: a logger (levels, silent unless one is given), hooks called at
 * each attempt, and redaction, so that neither carries the app secret, a session or a signature.
 */
import type { ApiAccess } from './access.js';
import { skipString } from './json.js';

export type TopLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Any object with these methods: `console` works, so do pino and winston loggers. */
export interface TopLogger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** An attempt is about to be sent. */
export interface TopRequestEvent {
  readonly method: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly access: ApiAccess;
  readonly url: string;
  /**
   * Every parameter sent, common ones included, with `session`, `sign` and secret-looking ones redacted, also
   * inside parameters sent as JSON text (a struct's `password` member, at any depth).
   */
  readonly params: Readonly<Record<string, string>>;
}

/** An attempt ended: with an answer (`status`), or with a network failure or timeout (`error` only). */
export interface TopResponseEvent {
  readonly method: string;
  readonly attempt: number;
  /** HTTP status, undefined when no answer arrived. */
  readonly status: number | undefined;
  /** Time from sending to the end of reading the answer, in ms. */
  readonly durationMs: number;
  /** The error this attempt ended with (an API error in a 200 answer included), if any. */
  readonly error: unknown;
}

/** A failed attempt will be followed by another one after `delayMs`. */
export interface TopRetryEvent {
  readonly method: string;
  /** The attempt that failed. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: unknown;
}

/**
 * Hooks may be async: a promise a hook returns is not awaited, and its rejection is logged like a throw, never
 * left unhandled.
 */
export interface TopHooks {
  readonly onRequest?: ((event: TopRequestEvent) => void) | undefined;
  readonly onResponse?: ((event: TopResponseEvent) => void) | undefined;
  readonly onRetry?: ((event: TopRetryEvent) => void) | undefined;
}

export const REDACTED = '[redacted]';

/**
 * Parameters never shown: the user's access token, the signature, and anything named like a secret (passwords,
 * tokens, keys' secrets, one-time authorisation codes).
 */
const SECRET_NAME = /secret|password|passwd|pwd|token|session|sign$|^sign|credential|private|auth_?code/i;
/** The same names anywhere in a text, for text that cannot be read as JSON. */
const SECRET_WORD = /secret|password|passwd|pwd|token|session|sign|credential|private|auth_?code/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Deepest nesting searched for secret members; a text nested deeper is judged as text that is not JSON. */
const MAX_REDACT_DEPTH = 64;
const REDACTED_JSON = JSON.stringify(REDACTED);

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  return at;
}

/**
 * Scans the JSON value at `at` and returns the index just past it, or -1 when the text is not JSON there. The
 * spans of values held by secret-named members are appended to `cuts`, outermost only, in text order.
 */
function scanValue(text: string, at: number, depth: number, cuts: [number, number][]): number {
  if (depth > MAX_REDACT_DEPTH) return -1;
  const open = text.charAt(at);
  if (open === '"') {
    const end = skipString(text, at);
    return text.charAt(end - 1) === '"' && end > at + 1 ? end : -1;
  }
  if (open !== '{' && open !== '[') {
    let end = at;
    while (end < text.length && /[\w.+-]/.test(text.charAt(end))) end++;
    return end > at ? end : -1;
  }
  const isObject = open === '{';
  const close = isObject ? '}' : ']';
  at = skipSpace(text, at + 1);
  if (text.charAt(at) === close) return at + 1;
  for (;;) {
    let secret = false;
    if (isObject) {
      if (text.charAt(at) !== '"') return -1;
      const keyEnd = skipString(text, at);
      let key: unknown;
      try {
        key = JSON.parse(text.slice(at, keyEnd));
      } catch {
        return -1;
      }
      secret = typeof key === 'string' && isSecretName(key);
      at = skipSpace(text, keyEnd);
      if (text.charAt(at) !== ':') return -1;
      at = skipSpace(text, at + 1);
    }
    const before = cuts.length;
    const end = scanValue(text, at, depth + 1, cuts);
    if (end < 0) return -1;
    if (secret) {
      cuts.length = before;
      cuts.push([at, end]);
    }
    at = skipSpace(text, end);
    const next = text.charAt(at);
    if (next === close) return at + 1;
    if (next !== ',') return -1;
    at = skipSpace(text, at + 1);
  }
}

/**
 * A parameter's value as shown: JSON text (a struct, a list of structs, a `Json` or `Map` value) with the value
 * of every secret-named member replaced at any depth, the rest of the text as sent; other text as it is, unless
 * it only looks like JSON and names a secret, when it is withheld whole.
 */
export function redactedValue(value: string): string {
  const start = skipSpace(value, 0);
  const first = value.charAt(start);
  if (first !== '{' && first !== '[') return value;
  const cuts: [number, number][] = [];
  const end = scanValue(value, start, 0, cuts);
  if (end < 0 || skipSpace(value, end) !== value.length) return SECRET_WORD.test(value) ? REDACTED : value;
  let shown = '';
  let copied = 0;
  for (const [from, to] of cuts) {
    shown += value.slice(copied, from) + REDACTED_JSON;
    copied = to;
  }
  return copied === 0 ? value : shown + value.slice(copied);
}

/** Parallel key and value lists as a record, secret values replaced. */
export function redactedParams(
  lists: readonly { readonly keys: readonly string[]; readonly values: readonly string[] }[],
): Record<string, string> {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { keys, values } of lists) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      params[key] = isSecretName(key) ? REDACTED : redactedValue(values[i] as string);
    }
  }
  return params;
}

/**
 * Reports the rejection of a promise a hook or logger returned through `onRejected` instead of leaving it
 * unhandled, which would end a Node process. Anything that is not a promise-like is ignored.
 */
function catchRejection(result: unknown, onRejected: (error: unknown) => void): void {
  if ((typeof result !== 'object' || result === null) && typeof result !== 'function') return;
  try {
    const then: unknown = (result as { then?: unknown }).then;
    if (typeof then === 'function') then.call(result, undefined, onRejected);
  } catch {
    // A `then` that throws is the hook's own business; the call goes on.
  }
}

const LEVELS: Readonly<Record<TopLogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

export function isLogLevel(value: unknown): value is TopLogLevel {
  return typeof value === 'string' && Object.hasOwn(LEVELS, value);
}

/** A logger cut to a level; `enabled` is checked first so that nothing is built for a silent level. */
export class LevelLogger {
  readonly #logger: TopLogger | undefined;
  readonly #threshold: number;

  constructor(logger: TopLogger | undefined, level: TopLogLevel) {
    this.#logger = logger;
    this.#threshold = logger === undefined ? LEVELS.off : LEVELS[level];
  }

  enabled(level: Exclude<TopLogLevel, 'off'>): boolean {
    return LEVELS[level] >= this.#threshold;
  }

  log(level: Exclude<TopLogLevel, 'off'>, message: string, ...details: unknown[]): void {
    if (!this.enabled(level)) return;
    try {
      // A failing logger must not fail the call it reports on, synchronously or through a promise.
      catchRejection(this.#logger?.[level](`[top] ${message}`, ...details), () => undefined);
    } catch {
      // As above.
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs a user hook; one that throws, or returns a promise that rejects, is logged and otherwise ignored. */
export function runHook<E>(
  hook: ((event: E) => void) | undefined,
  event: E,
  log: LevelLogger,
  name: string,
): void {
  if (hook === undefined) return;
  try {
    const result: unknown = hook(event);
    catchRejection(result, (error) => log.log('warn', `the ${name} hook failed: ${messageOf(error)}`));
  } catch (error) {
    log.log('warn', `the ${name} hook threw: ${messageOf(error)}`);
  }
}
