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

export interface ApiSpec {
  /** The `method` common parameter: `alitrip.merchant.galaxy.member.login.derby`. */
  readonly method: string;
  /** Key of the success envelope: `alitrip_merchant_galaxy_member_login_derby_response`. */
  readonly responseKey: string;
  readonly params: readonly ParamSpec[];
}
