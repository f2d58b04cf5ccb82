// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * What a client lets its user see of a call: a logger (levels, silent unless one is given), hooks called at
 * each attempt, and redaction, so that neither carries the app secret, a session or a signature.
 */
import type { ApiAccess } from './access.js';

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
  /** Every parameter sent, common ones included, with `session`, `sign` and secret-looking ones redacted. */
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

export interface TopHooks {
  readonly onRequest?: ((event: TopRequestEvent) => void) | undefined;
  readonly onResponse?: ((event: TopResponseEvent) => void) | undefined;
  readonly onRetry?: ((event: TopRetryEvent) => void) | undefined;
}

export const REDACTED = '[redacted]';

/** Parameters never shown: the user's access token, the signature, and anything named like a secret. */
const SECRET_NAME = /secret|password|passwd|token|session|sign$|^sign|credential|private/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Parallel key and value lists as a record, secret values replaced. */
export function redactedParams(
  lists: readonly { readonly keys: readonly string[]; readonly values: readonly string[] }[],
): Record<string, string> {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { keys, values } of lists) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      params[key] = isSecretName(key) ? REDACTED : (values[i] as string);
    }
  }
  return params;
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
      this.#logger?.[level](`[top] ${message}`, ...details);
    } catch {
      // A failing logger must not fail the call it reports on.
    }
  }
}

/** Runs a user hook; one that throws is logged and otherwise ignored. */
export function runHook<E>(
  hook: ((event: E) => void) | undefined,
  event: E,
  log: LevelLogger,
  name: string,
): void {
  if (hook === undefined) return;
  try {
    hook(event);
  } catch (error) {
    log.log('warn', `the ${name} hook threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}
