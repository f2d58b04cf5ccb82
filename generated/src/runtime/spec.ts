// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
import type { ApiAccess } from './access.js';

/**
 * Wire description of one API, emitted next to each generated request class. The runtime validates and
 * serialises requests from it; nothing else about the API is needed at run time.
 */

/** How a value is put on the wire. Mirrors topgen's TypeKind. */
export type ParamKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'date'
  | 'price'
  | 'json'
  | 'file'
  | 'fieldList'
  | 'map'
  | 'struct'
  | 'unknown';

export interface ParamSpec {
  /** Wire name (snake_case as documented). */
  readonly name: string;
  readonly kind: ParamKind;
  readonly array?: boolean;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly maxListSize?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  /** Fields of a struct (or of each element of a struct array). */
  readonly children?: readonly ParamSpec[];
}

/**
 * How a response `Number` is delivered: `number` (counts, amounts, codes), or, for 64-bit ids, `string` (exact
 * decimal text) or `bigint`. The runtime converts whatever JSON form the gateway used, so the value always has
 * the type the generated declarations state.
 */
export type NumberForm = 'number' | 'string' | 'bigint';

/**
 * A response field the runtime reshapes: a list, a `Number`, or a struct with such fields below it; the only
 * part of the response shape the runtime needs. TOP's JSON wraps every list in an object named after the item
 * type (`"trades": {"trade": [...]}`, `"topics": {"string": ["a"]}`) unless the call sets `simplify=true`; the
 * runtime unwraps these so that the value is the plain array the generated types promise, and converts
 * `Number` values to their declared form.
 */
export interface ResponseFieldSpec {
  /** Wire name (snake_case as documented). */
  readonly name: string;
  /** The field is a list (`X[]`). */
  readonly array?: boolean;
  /** The field (each element, for a list) is a `Number`, delivered in this form. */
  readonly number?: NumberForm;
  /** Fields of the struct (of each element, for a list of structs) that are reshaped. */
  readonly children?: readonly ResponseFieldSpec[];
}

export interface ApiSpec {
  /** The `method` common parameter: `alitrip.merchant.galaxy.member.login.derby`. */
  readonly method: string;
  /** Key of the success envelope: `alitrip_merchant_galaxy_member_login_derby_response`. */
  readonly responseKey: string;
  /**
   * Whether a repeated call can do harm (./access.ts): a `write` is retried only when the request certainly
   * never reached the gateway. Absent: classified from the API name.
   */
  readonly access?: ApiAccess;
  readonly params: readonly ParamSpec[];
  /** Response fields that are or contain lists or Numbers; absent when the response has none. */
  readonly response?: readonly ResponseFieldSpec[];
}

/**
 * The ApiSpec a generated module carries as JSON text. A spec is data the runtime reads, not code: as a string,
 * the type checker of every build that includes the package skips thousands of large object literals it would
 * otherwise check against ApiSpec. Throws a TypeError for text that is not a spec (a hand-edited module).
 */
export function apiSpecFromJson(text: string): ApiSpec {
  const spec: unknown = JSON.parse(text);
  if (
    typeof spec !== 'object' ||
    spec === null ||
    typeof (spec as { method?: unknown }).method !== 'string' ||
    typeof (spec as { responseKey?: unknown }).responseKey !== 'string' ||
    !Array.isArray((spec as { params?: unknown }).params)
  )
    throw new TypeError(`Not an API spec (method, responseKey and params expected): ${text.slice(0, 80)}`);
  return spec as ApiSpec;
}
