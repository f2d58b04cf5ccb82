// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * TOP reads `Number`, `Price` and `BigDecimal` values as plain decimals (`0.0000001`, never `1e-7`): its Java
 * side parses them with `new BigDecimal(text)`/`Long.parseLong`, and some gateways refuse exponent notation.
 */

/** A plain decimal as text: optional minus, digits, optional fraction. No exponent, no `+`, no spaces. */
export const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * The shortest text that reads back as `value`, in plain decimal notation: `String(value)` with any exponent
 * written out (`1e-7` → `0.0000001`, `1.5e+21` → `1500000000000000000000`). `value` must be finite.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = point === -1 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // Position of the decimal point in `digits` once the exponent is applied.
  const at = (point === -1 ? mantissa.length : point) + exponent;
  let plain: string;
  if (at <= 0) plain = `0.${'0'.repeat(-at)}${digits}`;
  else if (at >= digits.length) plain = digits + '0'.repeat(at - digits.length);
  else plain = `${digits.slice(0, at)}.${digits.slice(at)}`;
  return negative ? `-${plain}` : plain;
}
