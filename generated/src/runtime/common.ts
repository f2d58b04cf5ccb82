// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/** TOP common parameters: which exist, which an API parameter may override, and their sorted wire form. */
import type { SignMethod } from './sign.js';

/** Always set by the client; an API parameter of the same name is a validation error. */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  'method',
  'app_key',
  'timestamp',
  'format',
  'v',
  'sign_method',
  'sign',
]);

/** Optional common parameters; a value given among the API parameters wins (as with the official SDK). */
export const OVERRIDABLE_PARAMS: ReadonlySet<string> = new Set([
  'session',
  'partner_id',
  'target_app_key',
  'simplify',
]);

export interface CommonValues {
  readonly method: string;
  readonly appKey: string;
  readonly timestamp: string;
  readonly signMethod: SignMethod;
  readonly session: string | undefined;
  readonly partnerId: string | undefined;
  readonly targetAppKey: string | undefined;
  readonly simplify: boolean;
}

/** Parallel key / value lists, keys in ascending code unit order. */
export interface SortedEntries {
  readonly keys: string[];
  readonly values: string[];
}

/**
 * The common parameters of one attempt, already in sort order (app_key < format < method < partner_id <
 * session < sign_method < simplify < target_app_key < timestamp < v; a test pins this order). Keys listed in
 * `overridden` are left out because the API parameters carry them.
 */
export function commonEntries(c: CommonValues, overridden: ReadonlySet<string> | undefined): SortedEntries {
  const keys: string[] = [];
  const values: string[] = [];
  const add = (key: string, value: string | undefined): void => {
    if (value === undefined || value === '' || overridden?.has(key) === true) return;
    keys.push(key);
    values.push(value);
  };
  add('app_key', c.appKey);
  add('format', 'json');
  add('method', c.method);
  add('partner_id', c.partnerId);
  add('session', c.session);
  add('sign_method', c.signMethod);
  add('simplify', c.simplify ? 'true' : undefined);
  add('target_app_key', c.targetAppKey);
  add('timestamp', c.timestamp);
  add('v', '2.0');
  return { keys, values };
}

/** The signature base string of two sorted entry lists with disjoint keys, merged in key order. */
export function mergedBase(a: SortedEntries, b: SortedEntries): string {
  let base = '';
  let i = 0;
  let j = 0;
  const na = a.keys.length;
  const nb = b.keys.length;
  while (i < na || j < nb) {
    const ka = a.keys[i];
    const kb = b.keys[j];
    if (kb === undefined || (ka !== undefined && ka < kb)) {
      base += (ka as string) + (a.values[i] as string);
      i++;
    } else {
      base += kb + (b.values[j] as string);
      j++;
    }
  }
  return base;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encoded UTF-8. A lone surrogate (half of a cut emoji, say) becomes U+FFFD, the same bytes the
 * signature's UTF-8 encoding produces for it, instead of the URIError encodeURIComponent would throw.
 */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
}

/** `application/x-www-form-urlencoded` text of sorted entries (the order on the wire does not matter). */
export function formEncode(entries: SortedEntries): string {
  let out = '';
  for (let i = 0; i < entries.keys.length; i++) {
    if (i > 0) out += '&';
    out += encode(entries.keys[i] as string) + '=' + encode(entries.values[i] as string);
  }
  return out;
}
