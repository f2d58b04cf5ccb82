/**
 * Checks of single wire values against a TypeKind and the doc's constraints. Each check returns a short
 * "expected …, found …" phrase for the error's sub_msg, or undefined when the value is acceptable.
 */
import type { Constraints, TypeKind } from '../model/types.js';
import { isWallClock } from './timestamp.js';

/** A TOP Number or Price on the wire: plain decimal, no exponent, no `+`. */
export const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** The kinds whose wire text is checked here; struct, json, map and file need the caller's context. */
export function checkScalarText(
  kind: TypeKind,
  text: string,
  constraints: Constraints | undefined,
): string | undefined {
  switch (kind) {
    case 'number':
      if (!DECIMAL.test(text)) return `expected a Number (decimal digits), found ${quote(text)}`;
      return checkRange(text, constraints);
    case 'price':
      if (!DECIMAL.test(text)) return `expected a decimal price, found ${quote(text)}`;
      return checkRange(text, constraints);
    case 'boolean':
      return text === 'true' || text === 'false' ? undefined : `expected true or false, found ${quote(text)}`;
    case 'date':
      return isWallClock(text) ? undefined : `expected a date yyyy-MM-dd HH:mm:ss, found ${quote(text)}`;
    default:
      return checkLength(text, constraints);
  }
}

/** `maxLength` counts UTF-16 code units, as TOP's Java gateway (`String.length()`) does. */
export function checkLength(text: string, constraints: Constraints | undefined): string | undefined {
  const max = constraints?.maxLength;
  if (max === undefined || text.length <= max) return undefined;
  return `expected at most ${max} characters (maxLength), found ${text.length}`;
}

export function checkListSize(size: number, constraints: Constraints | undefined): string | undefined {
  const max = constraints?.maxListSize;
  if (max === undefined || size <= max) return undefined;
  return `expected at most ${max} items (maxListSize), found ${size}`;
}

/**
 * minValue/maxValue against a decimal literal. Integers are compared as bigint so that a 64-bit id is not
 * rounded into or out of range; fractions and exponents compare as doubles.
 */
export function checkRange(literal: string, constraints: Constraints | undefined): string | undefined {
  const min = constraints?.minValue;
  const max = constraints?.maxValue;
  if (min !== undefined && compareDecimal(literal, min) < 0)
    return `expected a value >= ${min} (minValue), found ${literal}`;
  if (max !== undefined && compareDecimal(literal, max) > 0)
    return `expected a value <= ${max} (maxValue), found ${literal}`;
  return undefined;
}

function compareDecimal(literal: string, limit: number): number {
  if (/^-?\d+$/.test(literal) && Number.isInteger(limit)) {
    const a = BigInt(literal);
    const b = BigInt(limit);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const a = Number(literal);
  return a < limit ? -1 : a > limit ? 1 : 0;
}

/** A found value for a message: JSON-quoted, cut to keep sub_msg one readable line. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
