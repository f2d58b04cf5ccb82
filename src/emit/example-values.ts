/**
 * Example values that a request accepts: the doc's example where it is a valid value of the field's kind and
 * constraints, otherwise a placeholder that is. The README examples are built from these, and field JSDoc shows
 * only doc examples that pass, so no example the package shows fails validation or the gateway's checks.
 */
import type { Constraints, Field } from '../model/types.js';
import { isTopDateTime } from '../runtime/timestamp.js';
import { isJsonText } from '../runtime/validate.js';

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const INTEGER = /^-?\d+$/;

/** The placeholder for a Date: the start of a recent year, in TOP's format. */
export const EXAMPLE_DATE = '2024-01-01 00:00:00';

function withinRange(text: string, constraints: Constraints | undefined): boolean {
  const value = Number(text);
  const { minValue, maxValue } = constraints ?? {};
  return (minValue === undefined || value >= minValue) && (maxValue === undefined || value <= maxValue);
}

function withinLength(text: string, constraints: Constraints | undefined): boolean {
  return constraints?.maxLength === undefined || text.length <= constraints.maxLength;
}

/**
 * The doc's example text for one element of `field` (a part of a list's comma-separated example), when it is
 * a valid value: digits within the bounds for Numbers, a plain decimal for prices, TOP's date format, JSON for
 * Json, `true`/`false`, non-blank text within maxLength. Undefined otherwise and for structs, maps and files.
 */
export function validElementExample(field: Field, text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  switch (field.kind) {
    case 'number':
    case 'byte':
      // Integers only: a Number is a Java long on the gateway side.
      return INTEGER.test(trimmed) && withinRange(trimmed, field.constraints) ? trimmed : undefined;
    case 'price':
      return DECIMAL.test(trimmed) && withinRange(trimmed, field.constraints) ? trimmed : undefined;
    case 'date':
      return isTopDateTime(trimmed) ? trimmed : undefined;
    case 'boolean':
      return trimmed === 'true' || trimmed === 'false' ? trimmed : undefined;
    case 'json':
      return isJsonText(trimmed) && withinLength(trimmed, field.constraints) ? trimmed : undefined;
    case 'string':
    case 'fieldList':
    case 'unknown':
      return withinLength(text ?? '', field.constraints) ? (text ?? '') : undefined;
    case 'struct':
    case 'map':
    case 'file':
      return undefined;
  }
}

/** The doc's example of a whole field when every element is valid (and a list within maxListSize). */
export function validExample(field: Field): string | undefined {
  const text = field.example;
  if (text === undefined || text.trim() === '') return undefined;
  if (!field.array || field.kind === 'fieldList') return validElementExample(field, text);
  const parts = text.split(',');
  const max = field.constraints?.maxListSize;
  if (max !== undefined && parts.length > max) return undefined;
  return parts.every((part) => validElementExample(field, part) !== undefined) ? text : undefined;
}

/** A Number within the field's bounds: 1 unless the bounds exclude it. */
export function placeholderNumber(constraints: Constraints | undefined): number {
  const { minValue, maxValue } = constraints ?? {};
  let value = 1;
  if (minValue !== undefined && value < minValue) value = Math.ceil(minValue);
  if (maxValue !== undefined && value > maxValue) value = Math.floor(maxValue);
  return value;
}

/** A non-blank text within maxLength: the field's wire name, cut to fit. */
export function placeholderText(field: Field): string {
  const max = field.constraints?.maxLength;
  const text = field.name.trim() === '' ? 'value' : field.name;
  return max === undefined || max <= 0 ? text : text.slice(0, max);
}

/**
 * A real field list for a `fields` parameter: the names of the fields the API returns, from the first struct
 * (or struct list) of its response, else from the response itself; at most three, cut to maxLength.
 */
export function placeholderFieldList(field: Field, response: readonly Field[]): string {
  const struct = response.find((f) => f.children.length > 0);
  const names = (struct?.children ?? response).map((f) => f.name).filter((name) => /^\w+$/.test(name));
  const max = field.constraints?.maxListSize ?? 3;
  const list = names.slice(0, Math.max(1, Math.min(3, max))).join(',');
  if (list === '') return placeholderText(field);
  const maxLength = field.constraints?.maxLength;
  if (maxLength === undefined || list.length <= maxLength) return list;
  // Whole names only: drop names from the end until the list fits.
  const kept = list.slice(0, maxLength);
  return kept.includes(',') ? kept.slice(0, kept.lastIndexOf(',')) : placeholderText(field);
}
