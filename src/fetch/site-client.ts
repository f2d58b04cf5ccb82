// The doc site's protocol (../shared/docs/doc-site.md): a session token, then JSON answers `{success, data}`.
import { member, scanJson, type JsonObjectNode } from '../json/scanner.js';
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelay, type BackoffPolicy } from './backoff.js';
import { CookieJar } from './cookies.js';

export const TOKEN_COOKIE = '_tb_token_';
/** The page whose answer sets the token cookie. */
const TOKEN_PAGE = '/docCenter';
const MAX_REDIRECTS = 5;
/** The catalogue of ~5,300 APIs is about 1 MB and a doc far less; a longer answer is not one of them. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

class AnswerTooLarge extends Error {}

/** Reads a body as UTF-8, refusing to buffer more than MAX_ANSWER_BYTES. */
async function readBody(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_ANSWER_BYTES) {
    await response.body?.cancel();
    throw new AnswerTooLarge(`the answer is ${declared} bytes`);
  }
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_ANSWER_BYTES) throw new AnswerTooLarge(`the answer is over ${MAX_ANSWER_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `path` under the site root, which may itself have a path (a mirror at https://host/top/). */
function siteUrl(site: string, path: string): URL {
  return new URL(`${site.replace(/\/+$/, '')}${path}`);
}

export interface SiteClientOptions {
  /** Site root, e.g. https://open.taobao.com; every path is relative to it. */
  readonly site: string;
  /** One request (answer and body) may take this long before it counts as a transient failure. */
  readonly timeoutMs: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts: number;
  readonly backoff?: BackoffPolicy;
  /** Injected by tests so backoff costs no real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly fetch?: typeof globalThis.fetch;
  /** Told about each retry, e.g. for --verbose. */
  readonly onRetry?: (what: string, reason: string, delayMs: number) => void;
}

/** The `data` of a successful answer, as a position-keeping tree (numbers stay exactly as served). */
export type SiteAnswer =
  { readonly ok: true; readonly data: JsonObjectNode } | { readonly ok: false; readonly reason: string };

/** Why one attempt did not succeed, and whether another attempt may. */
type AttemptFailure =
  | { readonly kind: 'transient'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly kind: 'token'; readonly reason: string }
  | { readonly kind: 'unclear'; readonly reason: string }
  | { readonly kind: 'permanent'; readonly reason: string };

// The site's `success: false` answers carry only a message (doc-site.md §4); these words tell them apart.
const TOKEN_WORDS = /token|csrf|login|session|登录|令牌/i;
const BUSY_WORDS = /busy|too many|limit|flow|timeout|try again|later|繁忙|频繁|限流|超时|稍后|重试/i;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class SiteClient {
  readonly #options: SiteClientOptions;
  readonly #jar = new CookieJar();
  readonly #fetch: typeof globalThis.fetch;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #now: () => number;
  /** The current token, shared by every request in flight; replaced once however many requests saw it expire. */
  #token: Promise<string> | undefined;

  constructor(options: SiteClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
  }

  /** `GET path?query&_tb_token_=…`, retried with backoff on transient failures and with a fresh token once. */
  async getJson(path: string, query: Readonly<Record<string, string>>, what: string): Promise<SiteAnswer> {
    const { maxAttempts } = this.#options;
    let freshTokenTried = false;
    let last: AttemptFailure = { kind: 'transient', reason: 'not tried' };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const token = this.#currentToken();
      let noToken = false;
      try {
        const outcome = await this.#attempt(path, query, await token);
        if (outcome.ok) return outcome;
        last = outcome.failure;
      } catch (error) {
        last = { kind: 'transient', reason: `no session token: ${(error as Error).message}` };
        noToken = true;
      }
      // Refused again with a fresh token: the refusal is about the doc, not the session.
      if (last.kind === 'unclear' && freshTokenTried) last = { kind: 'permanent', reason: last.reason };
      if (last.kind === 'permanent') break;
      if (last.kind !== 'transient' || noToken) this.#dropToken(token);
      // doc-site.md §1: a refused token is replaced and the request retried at once, the first time.
      if ((last.kind === 'token' || last.kind === 'unclear') && !freshTokenTried) {
        freshTokenTried = true;
        continue;
      }
      if (attempt === maxAttempts) break;
      const retryAfter = last.kind === 'transient' ? last.retryAfterMs : undefined;
      const delay = retryDelay(attempt, retryAfter, this.#random, this.#options.backoff ?? DEFAULT_BACKOFF);
      this.#options.onRetry?.(what, last.reason, delay);
      await this.#sleep(delay);
    }
    const tries = last.kind === 'permanent' ? '' : ` (gave up after ${maxAttempts} attempts)`;
    return { ok: false, reason: `${last.reason}${tries}` };
  }

  /** Forgets a token that failed, unless another request already replaced it. */
  #dropToken(token: Promise<string>): void {
    if (this.#token === token) this.#token = undefined;
  }

  #currentToken(): Promise<string> {
    this.#token ??= this.#fetchToken();
    return this.#token;
  }

  async #fetchToken(): Promise<string> {
    let url = siteUrl(this.#options.site, TOKEN_PAGE);
    const origin = url.origin;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await this.#request(url);
      this.#jar.store(response.headers.getSetCookie(), this.#now());
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        url = new URL(location, url);
        // The jar holds this site's cookies only; another host would be sent them.
        if (url.origin !== origin) throw new Error(`${TOKEN_PAGE} redirects to another site (${url.origin})`);
        continue;
      }
      if (response.status >= 400) throw new Error(`${TOKEN_PAGE} answered HTTP ${response.status}`);
      break;
    }
    const token = this.#jar.get(TOKEN_COOKIE);
    if (token === undefined || token === '') throw new Error(`${TOKEN_PAGE} set no ${TOKEN_COOKIE} cookie`);
    return token;
  }

  /** Redirects are never followed automatically: the cookie header would go wherever they point. */
  #request(url: URL): Promise<Response> {
    const cookie = this.#jar.header();
    return this.#fetch(url, {
      redirect: 'manual',
      headers: { accept: 'application/json, text/html;q=0.5', ...(cookie === undefined ? {} : { cookie }) },
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
  }

  async #attempt(
    path: string,
    query: Readonly<Record<string, string>>,
    token: string,
  ): Promise<(SiteAnswer & { ok: true }) | { ok: false; failure: AttemptFailure }> {
    const url = siteUrl(this.#options.site, path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    url.searchParams.set(TOKEN_COOKIE, token);
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await this.#request(url);
      this.#jar.store(response.headers.getSetCookie(), this.#now());
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await readBody(response);
    } catch (error) {
      if (error instanceof AnswerTooLarge)
        return { ok: false, failure: { kind: 'permanent', reason: error.message } };
      return {
        ok: false,
        failure: { kind: 'transient', reason: networkReason(error, this.#options.timeoutMs) },
      };
    }
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(retryAfter, this.#now());
      return { ok: false, failure: { kind: 'transient', reason: `HTTP ${status}`, retryAfterMs } };
    }
    if (status >= 300) return { ok: false, failure: { kind: 'permanent', reason: `HTTP ${status}` } };
    return readAnswer(text);
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause === undefined ? e.message : `${e.message} (${cause})`;
}

function readAnswer(
  text: string,
): { ok: true; data: JsonObjectNode } | { ok: false; failure: AttemptFailure } {
  const scanned = scanJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  // A proxy's HTML error page or a cut-off body: worth another try.
  if (!scanned.ok || scanned.value.kind !== 'object')
    return { ok: false, failure: { kind: 'transient', reason: 'the answer is not a JSON object' } };
  const root = scanned.value;
  const success = member(root, 'success');
  if (success?.kind === 'boolean' && success.value) {
    const data = member(root, 'data');
    if (data?.kind === 'object') return { ok: true, data };
    return { ok: false, failure: { kind: 'permanent', reason: 'the answer has no "data" object' } };
  }
  const message = [member(root, 'code'), member(root, 'errMsg'), member(root, 'message')]
    .flatMap((node) => (node?.kind === 'string' && node.value !== '' ? [node.value] : []))
    .join(': ');
  const reason = `the site answered success: false${message === '' ? '' : ` (${message})`}`;
  if (TOKEN_WORDS.test(message)) return { ok: false, failure: { kind: 'token', reason } };
  if (BUSY_WORDS.test(message)) return { ok: false, failure: { kind: 'transient', reason } };
  // Perhaps a token refusal worded otherwise: one try with a fresh token tells; after that it is permanent.
  return { ok: false, failure: { kind: 'unclear', reason } };
}
