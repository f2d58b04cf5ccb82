// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * TOP request signatures. The same code signs outgoing calls and lets SPI / Qimen servers verify incoming ones.
 *
 * Base string: every parameter that has a value, except `sign` and file parts, sorted by key in UTF-16 code
 * unit order (byte order for the ASCII keys TOP uses; the same order as Java's `Arrays.sort` and JS `sort()`),
 * `key + value` concatenated without separators, UTF-8 encoded.
 * - `md5`: MD5(secret + base + secret)
 * - `hmac`: HMAC-MD5(key = secret, base)
 * - `hmac-sha256`: HMAC-SHA256(key = secret, base)
 * The digest is upper-case hex.
 *
 * "Has a value" follows the platform's reference signer (`StringUtils.areNotEmpty` in the official Java SDK and
 * in the signing sample of the TOP docs): a value that is empty or only whitespace is skipped, key included.
 * The client never sends such values, so the question cannot arise for its own calls.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isFileValue } from './files.js';

export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';

export const SIGN_METHODS: readonly SignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

export function isSignMethod(value: unknown): value is SignMethod {
  return value === 'md5' || value === 'hmac' || value === 'hmac-sha256';
}

/**
 * True for a character Java's `Character.isWhitespace` accepts: ASCII controls 9-13 and 28-31, and the Unicode
 * space, line and paragraph separators except the no-break ones (U+00A0, U+2007, U+202F).
 */
function isJavaWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x1680) return false;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** True when `s` is empty or only whitespace: such a value is neither sent nor signed. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (!isJavaWhitespace(s.charCodeAt(i))) return false;
  }
  return true;
}

/** Hashes an assembled base string. `base` is the sorted `key+value` concatenation (plus any signed body). */
export function digestBase(base: string, secret: string, method: SignMethod): string {
  switch (method) {
    case 'md5':
      return createHash('md5')
        .update(secret + base + secret, 'utf8')
        .digest('hex')
        .toUpperCase();
    case 'hmac':
      return createHmac('md5', secret).update(base, 'utf8').digest('hex').toUpperCase();
    case 'hmac-sha256':
      return createHmac('sha256', secret).update(base, 'utf8').digest('hex').toUpperCase();
    default:
      throw new TypeError(`Unknown sign method ${JSON.stringify(method)}: expected md5, hmac or hmac-sha256`);
  }
}

/** The signed text of one parameter value, or undefined when the parameter does not take part. */
function signedText(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (typeof value) {
    case 'string':
      return isBlank(value) ? undefined : value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      if (isFileValue(value)) return undefined;
      throw new TypeError(
        `sign(): parameter ${JSON.stringify(key)} must be a wire value (string, number, bigint or boolean), got ${typeof value}`,
      );
  }
}

/** Parameters as they travel on the wire. Files (Blob / Uint8Array) may be present: they are not signed. */
export type SignableParams = Readonly<Record<string, unknown>>;

/**
 * Signs wire parameters. Only own enumerable keys are read; `sign` and files are skipped, and so are blank
 * values. `body` is appended after the parameters, for SPI / Qimen calls whose raw body is signed too.
 */
export function sign(
  params: SignableParams,
  secret: string,
  method: SignMethod = 'md5',
  body?: string,
): string {
  const keys = Object.keys(params).sort();
  let base = '';
  for (const key of keys) {
    if (key === 'sign') continue;
    const text = signedText(key, params[key]);
    if (text !== undefined) base += key + text;
  }
  if (body !== undefined) base += body;
  return digestBase(base, secret, method);
}

/**
 * Checks the `sign` parameter of an incoming call. The method comes from its `sign_method` (md5 when absent);
 * an unknown method, a missing or malformed `sign` all return false. The comparison takes constant time.
 */
export function verifySignature(params: SignableParams, secret: string, body?: string): boolean {
  const given = Object.hasOwn(params, 'sign') ? params['sign'] : undefined;
  if (typeof given !== 'string') return false;
  const declared = Object.hasOwn(params, 'sign_method') ? params['sign_method'] : undefined;
  const method = declared === undefined || declared === null || declared === '' ? 'md5' : declared;
  if (!isSignMethod(method)) return false;
  let expected: string;
  try {
    expected = sign(params, secret, method, body);
  } catch {
    return false;
  }
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toUpperCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
