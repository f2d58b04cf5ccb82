/**
 * Request values → wire text, by spec kind (generated requests) or by JS runtime type (`execute(method, params)`).
 *
 * | value                        | wire                                                       |
 * |------------------------------|------------------------------------------------------------|
 * | string                       | as is                                                      |
 * | number, bigint, Int64String  | plain decimal (never exponent notation)                    |
 * | boolean                      | `true` / `false`                                           |
 * | Date                         | `yyyy-MM-dd HH:mm:ss` in GMT+8                             |
 * | array of primitives          | elements comma-joined                                      |
 * | struct, struct[], map, object| JSON (wire keys; bigint digits unquoted; Dates in GMT+8)   |
 * | json kind                    | a string as is, anything else as JSON                      |
 * | file (TopFile)               | a multipart part named after the parameter, not signed     |
 * | undefined, null, blank text  | not sent                                                   |
 */
import { OVERRIDABLE_PARAMS, RESERVED_PARAMS, type SortedEntries } from './common.js';
import type { CompiledParam, CompiledSpec } from './compile.js';
import { plainDecimal } from './decimal.js';
import { TopValidationError, type ValidationIssue } from './errors.js';
import { isFileValue, toFilePart, type FilePart } from './files.js';
import { enter, jsonText, jsonValue, type WriteStack } from './json-write.js';
import { isBlank } from './sign.js';
import { formatTopDate } from './timestamp.js';
import { integerText, isRecord, ownValue, typeName } from './validate.js';

/** The API parameters of one call, serialised once and reused by every attempt. */
export interface WireParams extends SortedEntries {
  readonly files: FilePart[];
  /** Optional common parameters (`session`, …) that the API parameters carry themselves. */
  readonly overridden: ReadonlySet<string> | undefined;
}

/** Wire text of a primitive (string, number, bigint, boolean, Date); undefined for anything else. */
export function primitiveText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return plainDecimal(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return value instanceof Date ? formatTopDate(value) : undefined;
  }
}

function isPrimitive(value: unknown): boolean {
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'bigint' || t === 'boolean' || value instanceof Date;
}

// ---- JSON of spec-described structs -------------------------------------------------------------------------

function structJson(value: Record<string, unknown>, p: CompiledParam, stack: WriteStack): string {
  const children = p.childByName;
  if (children === undefined) return jsonValue(value, p.name, stack) ?? 'null';
  enter(value, stack);
  let out = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    // TOP models omit absent fields; null is treated as absent inside structs, as at the top level.
    if (v === undefined || v === null) continue;
    const child = children.get(key);
    const text = child === undefined ? jsonValue(v, key, stack) : fieldJson(v, child, stack);
    if (text === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + text;
    first = false;
  }
  stack.pop();
  return out + '}';
}

/** JSON of a described field: arrays element by element, field lists as their comma-joined text. */
function fieldJson(value: unknown, p: CompiledParam, stack: WriteStack): string | undefined {
  if (p.kind === 'fieldList')
    return Array.isArray(value) ? JSON.stringify(value.join(',')) : jsonValue(value, p.name, stack);
  if (!p.array || !Array.isArray(value)) return elementJson(value, p, stack);
  enter(value, stack);
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    const element: unknown = value[i];
    out +=
      (i > 0 ? ',' : '') +
      (element === undefined || element === null ? 'null' : (elementJson(element, p, stack) ?? 'null'));
  }
  stack.pop();
  return out + ']';
}

function elementJson(value: unknown, p: CompiledParam, stack: WriteStack): string | undefined {
  if (p.kind === 'struct' && isRecord(value)) return structJson(value, p, stack);
  // An Int64String for a Number field is written as a JSON number, so the server reads a 64-bit integer.
  if (p.kind === 'number' && typeof value === 'string') {
    const decimal = integerText(value);
    if (decimal !== undefined) return BigInt(decimal).toString();
  }
  return jsonValue(value, p.name, stack);
}

// ---- top-level values ---------------------------------------------------------------------------------------

/** Wire text of a spec-described, validated, present, non-file top-level value. */
function specText(value: unknown, p: CompiledParam): string | undefined {
  switch (p.kind) {
    case 'fieldList':
      return Array.isArray(value) ? value.join(',') : primitiveText(value);
    case 'struct':
      return fieldJson(value, p, []);
    case 'json':
      return typeof value === 'string' ? value : jsonText(value);
    case 'map':
      return jsonText(value);
    case 'number':
      // An Int64String may be spelt `0x…`; the gateway reads decimal digits.
      return Array.isArray(value) ? value.map(numberText).join(',') : numberText(value);
    default:
      return Array.isArray(value) ? value.map(primitiveText).join(',') : primitiveText(value);
  }
}

function numberText(value: unknown): string | undefined {
  return typeof value === 'string' ? (integerText(value) ?? value) : primitiveText(value);
}

/** Wire text by runtime type: primitives as text, arrays of primitives joined, other objects as JSON. */
function untypedText(value: unknown): string | undefined {
  if (Array.isArray(value))
    return value.every(isPrimitive) ? value.map(primitiveText).join(',') : jsonText(value);
  return isPrimitive(value) ? primitiveText(value) : jsonText(value);
}

class WireBuilder {
  readonly keys: string[] = [];
  readonly values: string[] = [];
  readonly files: FilePart[] = [];
  overridden: Set<string> | undefined;

  text(key: string, text: string | undefined): void {
    // Blank values are not sent: the platform's signer skips them, so sending one would only risk a mismatch.
    if (text === undefined || isBlank(text)) return;
    this.keys.push(key);
    this.values.push(text);
    if (OVERRIDABLE_PARAMS.has(key)) (this.overridden ??= new Set()).add(key);
  }

  file(key: string, value: unknown): void {
    for (const file of Array.isArray(value) ? value : [value]) {
      if (isFileValue(file)) this.files.push(toFilePart(key, file));
    }
  }

  /** A value of unknown kind: a file (or array of files) goes to the multipart body, anything else as text. */
  untyped(key: string, value: unknown): void {
    if (isFileValue(value) || (Array.isArray(value) && value.length > 0 && value.every(isFileValue)))
      this.file(key, value);
    else this.text(key, untypedText(value));
  }

  /** Restores signature order after entries were added out of order (the extra params of a call). */
  sort(): void {
    const order = this.keys
      .map((_, i) => i)
      .sort((a, b) => compareKeys(this.keys[a] as string, this.keys[b] as string));
    const keys = order.map((i) => this.keys[i] as string);
    const values = order.map((i) => this.values[i] as string);
    this.keys.splice(0, keys.length, ...keys);
    this.values.splice(0, values.length, ...values);
  }

  result(): WireParams {
    return { keys: this.keys, values: this.values, files: this.files, overridden: this.overridden };
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Serialises the (already validated) API parameters of a spec-described call, plus `extra`: parameters the doc
 * does not list (`CallOptions.extraParams`, validated by `validateExtraParams`), by runtime type.
 */
export function serializeParams(compiled: CompiledSpec, params: object, extra?: object): WireParams {
  const wire = new WireBuilder();
  for (const p of compiled.sortedParams) {
    const value = ownValue(params, p.name);
    if (value === undefined || value === null) continue;
    if (p.kind === 'file') wire.file(p.name, value);
    else if (p.kind === 'unknown') wire.untyped(p.name, value);
    else wire.text(p.name, specText(value, p));
  }
  // Optional common parameters given among the API parameters (`session`, …) are sent as given.
  let added = false;
  for (const key of Object.keys(params)) {
    if (compiled.paramByName.has(key) || !OVERRIDABLE_PARAMS.has(key)) continue;
    const value = ownValue(params, key);
    if (value === undefined || value === null) continue;
    wire.untyped(key, value);
    added = true;
  }
  if (extra !== undefined) {
    for (const key of Object.keys(extra)) {
      const value = ownValue(extra, key);
      if (value === undefined || value === null) continue;
      wire.untyped(key, value);
      added = true;
    }
  }
  if (added) wire.sort();
  return wire.result();
}

/**
 * Serialises the parameters of a call without spec, by runtime type. Throws TopValidationError for a common
 * parameter that the client sets itself, or for a value that has no wire form (function, symbol).
 */
export function serializeUntyped(method: string, params: Readonly<Record<string, unknown>>): WireParams {
  const wire = new WireBuilder();
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (RESERVED_PARAMS.has(key)) {
      issues.push({ path: key, message: `${key} is a common parameter set by the client` });
    } else if (typeof value === 'function' || typeof value === 'symbol') {
      issues.push({ path: key, message: `${key} has no wire form, got ${typeName(value)}` });
    } else {
      wire.untyped(key, value);
    }
  }
  if (issues.length > 0) throw new TopValidationError(method, issues);
  return wire.result();
}
