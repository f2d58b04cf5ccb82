/**
 * Checks request values against their spec before anything is sent: required fields at any depth, value
 * types per kind, `Date` text in `yyyy-MM-dd HH:mm:ss`, `Price` text as a plain decimal, maxLength, maxListSize,
 * minValue / maxValue, and keys the doc does not list (at any depth, with the closest documented name).
 * Every problem is collected (not just the first), each with the wire path it was found at.
 */
import { OVERRIDABLE_PARAMS, RESERVED_PARAMS } from './common.js';
import type { CompiledParam, CompiledSpec } from './compile.js';
import { DECIMAL_TEXT, plainDecimal } from './decimal.js';
import type { ValidationIssue } from './errors.js';
import { isFileValue } from './files.js';
import { isBlank } from './sign.js';
import type { ParamKind } from './spec.js';
import { closestName } from './suggest.js';
import { isTopDateTime } from './timestamp.js';

/** A decimal integer as text: the `Int64String` form of a TOP Number. */
export const INTEGER_TEXT = /^-?\d+$/;
/** Every spelling of an integer the `Int64String` type (`${bigint}`) admits: decimal, `0x`, `0o`, `0b`, signed. */
const BIGINT_TEXT = /^-?(?:\d+|0[xX][\da-fA-F]+|0[oO][0-7]+|0[bB][01]+)$/;

/** The decimal text of an integer string in any spelling `Int64String` admits, or undefined for other text. */
export function integerText(value: string): string | undefined {
  if (INTEGER_TEXT.test(value)) return value;
  if (!BIGINT_TEXT.test(value)) return undefined;
  // BigInt() reads 0x/0o/0b but not a minus in front of them.
  return value.startsWith('-') ? (-BigInt(value.slice(1))).toString() : BigInt(value).toString();
}

const EXPECTED: Readonly<Record<ParamKind, string>> = {
  string: 'a string',
  number: 'a number, a bigint or a decimal integer string',
  boolean: 'a boolean',
  date: "a Date or a 'yyyy-MM-dd HH:mm:ss' string",
  price: "a finite number or a plain decimal string such as '12.50'",
  json: 'a JSON string or a JSON-serialisable value',
  file: 'a Blob, a Uint8Array or { data, filename?, contentType? }',
  fieldList: 'a string or an array of strings',
  map: 'an object',
  struct: 'an object',
  unknown: 'a value',
};

/** Short name of a value's type for messages: `null`, `array`, `Date`, or its typeof. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'Date';
  return typeof value;
}

/** An object that can hold named fields: not an array, a Date or binary data. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !isFileValue(value)
  );
}

/** Reads an own property only, so names like `__proto__`, `constructor` or `then` are plain fields. */
export function ownValue(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** How undocumented keys are treated; see `CallOptions.allowUndocumentedFields`. */
export interface ValidateOptions {
  /** Keys inside struct values that the spec does not list are sent instead of refused. */
  readonly allowUndocumentedFields?: boolean | undefined;
}

class Checker {
  readonly issues: ValidationIssue[] = [];

  constructor(private readonly allowUndocumentedFields: boolean) {}

  add(path: string, message: string): void {
    this.issues.push({ path, message: `${path} ${message}` });
  }

  param(value: unknown, p: CompiledParam, path: string, topLevel: boolean): void {
    if (value === undefined || value === null) {
      if (p.required) this.add(path, 'is required');
      return;
    }
    if (p.array && p.kind !== 'fieldList') {
      this.list(value, p, path, topLevel);
      return;
    }
    this.scalar(value, p, path, topLevel);
  }

  private list(value: unknown, p: CompiledParam, path: string, topLevel: boolean): void {
    if (!Array.isArray(value)) {
      this.add(path, `must be an array, got ${typeName(value)}`);
      return;
    }
    if (value.length === 0 && p.required) this.add(path, 'is required (got an empty array)');
    if (p.maxListSize !== undefined && value.length > p.maxListSize) {
      this.add(path, `must have at most ${p.maxListSize} items, got ${value.length}`);
    }
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const elementPath = `${path}[${i}]`;
      if (element === undefined || element === null)
        this.add(elementPath, `must be ${EXPECTED[p.kind]}, got ${typeName(element)}`);
      else if (topLevel && typeof element === 'string' && (element.includes(',') || isBlank(element)))
        // A top-level list goes out comma-joined: `['a,b']` would arrive as two items, `['', 'x']` with an empty one.
        this.add(
          elementPath,
          element.includes(',')
            ? `must not contain a comma (the list is sent comma-joined, so it would be read as several items), got ${quoted(element)}`
            : 'must not be blank (the list is sent comma-joined, so it would be read as an empty item)',
        );
      else this.scalar(element, p, elementPath, topLevel);
    }
  }

  private scalar(value: unknown, p: CompiledParam, path: string, topLevel: boolean): void {
    if (typeof value === 'string') {
      if (p.required && isBlank(value)) this.add(path, 'is required (got a blank string)');
      if (p.maxLength !== undefined && value.length > p.maxLength) {
        this.add(path, `must be at most ${p.maxLength} characters long, got ${value.length}`);
      }
    }
    switch (p.kind) {
      case 'string':
        this.expect(typeof value === 'string', value, p, path);
        return;
      case 'number':
        this.number(value, p, path);
        return;
      case 'boolean':
        this.expect(typeof value === 'boolean', value, p, path);
        return;
      case 'date':
        if (value instanceof Date) {
          if (Number.isNaN(value.getTime())) this.add(path, 'must be a valid Date, got an invalid Date');
        } else if (
          this.expect(typeof value === 'string', value, p, path) &&
          !isTopDateTime(value as string)
        ) {
          this.add(path, `must be a Date or a 'yyyy-MM-dd HH:mm:ss' string, got ${quoted(value as string)}`);
        }
        return;
      case 'price':
        if (typeof value === 'number' && !Number.isFinite(value))
          this.add(path, `must be a finite number, got ${value}`);
        else if (typeof value === 'string' && !DECIMAL_TEXT.test(value))
          this.add(path, `must be a plain decimal such as '12.50', got ${quoted(value)}`);
        else if (typeof value === 'number' && Number(value.toPrecision(15)) !== value)
          // 19.9 * 3 is 59.699999999999996: an amount nobody meant, sent as written. No price needs 16 digits.
          this.add(
            path,
            `must be the amount meant, got ${plainDecimal(value)} (binary rounding: round it, e.g. with toFixed(2), or pass a string)`,
          );
        else if (this.expect(typeof value === 'string' || typeof value === 'number', value, p, path)) {
          this.range(Number(value), value, p, path);
        }
        return;
      case 'json':
        if (typeof value === 'string') {
          // A string is sent as the JSON text it should be; anything else is serialised.
          if (!isJsonText(value))
            this.add(path, `must be JSON text (or a value to serialise), got ${quoted(value)}`);
        } else this.expect(typeof value !== 'function' && typeof value !== 'symbol', value, p, path);
        return;
      case 'file':
        if (this.expect(isFileValue(value), value, p, path) && !topLevel) {
          this.add(path, 'is a file: files can only be sent as top-level parameters');
        }
        return;
      case 'fieldList':
        this.fieldList(value, p, path);
        return;
      case 'map':
        this.expect(isRecord(value), value, p, path);
        return;
      case 'struct':
        if (isRecord(value)) this.struct(value, p, path);
        else this.expect(false, value, p, path);
        return;
      case 'unknown':
        this.expect(typeof value !== 'function' && typeof value !== 'symbol', value, p, path);
        return;
    }
  }

  private expect(ok: boolean, value: unknown, p: CompiledParam, path: string): boolean {
    if (!ok) this.add(path, `must be ${EXPECTED[p.kind]}, got ${typeName(value)}`);
    return ok;
  }

  private number(value: unknown, p: CompiledParam, path: string): void {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) this.add(path, `must be a finite number, got ${value}`);
      else if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        this.add(
          path,
          `is ${value}, beyond 2^53 where numbers lose digits: pass a bigint or a decimal string`,
        );
      } else this.range(value, value, p, path);
    } else if (typeof value === 'bigint') {
      this.range(value, value, p, path);
    } else if (typeof value === 'string') {
      const decimal = integerText(value);
      if (decimal !== undefined) this.range(BigInt(decimal), value, p, path);
      else this.add(path, `must be ${EXPECTED.number}, got the string ${quoted(value)}`);
    } else {
      this.expect(false, value, p, path);
    }
  }

  private range(n: number | bigint, shown: unknown, p: CompiledParam, path: string): void {
    if (p.minValue !== undefined && lessThan(n, p.minValue))
      this.add(path, `must be >= ${p.minValue}, got ${String(shown)}`);
    if (p.maxValue !== undefined && lessThan(p.maxValue, n))
      this.add(path, `must be <= ${p.maxValue}, got ${String(shown)}`);
  }

  private fieldList(value: unknown, p: CompiledParam, path: string): void {
    let count: number;
    if (typeof value === 'string') {
      count = value === '' ? 0 : value.split(',').length;
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      count = value.length;
      if (p.required && count === 0) this.add(path, 'is required (got an empty array)');
      const joinedLength = value.join(',').length;
      if (p.maxLength !== undefined && joinedLength > p.maxLength) {
        this.add(path, `must be at most ${p.maxLength} characters long once joined, got ${joinedLength}`);
      }
    } else {
      this.expect(false, value, p, path);
      return;
    }
    if (p.maxListSize !== undefined && count > p.maxListSize) {
      this.add(path, `must have at most ${p.maxListSize} items, got ${count}`);
    }
  }

  private struct(value: Record<string, unknown>, p: CompiledParam, path: string): void {
    for (const child of p.children) {
      this.param(ownValue(value, child.name), child, `${path}.${child.name}`, false);
    }
    // A struct whose doc lists no fields is open: nothing is known to check its keys against.
    const known = p.childByName;
    if (known === undefined || this.allowUndocumentedFields) return;
    for (const key of Object.keys(value)) {
      if (!known.has(key) && value[key] !== undefined) this.unknown(key, `${path}.${key}`, known.keys());
    }
  }

  unknown(key: string, path: string, known: Iterable<string>): void {
    const closest = closestName(key, known);
    const hint = closest === undefined ? '' : ` (did you mean ${closest}?)`;
    this.add(path, `is not a documented field${hint}`);
  }
}

/** True when `text` is JSON text, as a `Json` parameter given as a string must be. */
export function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A string value for a message, JSON-quoted and cut to 40 characters. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** `a < b` across numbers and bigints without losing precision on either side. */
function lessThan(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === typeof b) return a < b;
  // Mixed: compare exactly when the number is an integer, otherwise bigint → number is precise enough.
  if (typeof a === 'number') return Number.isInteger(a) ? BigInt(a) < (b as bigint) : a < Number(b);
  return Number.isInteger(b) ? a < BigInt(b as number) : Number(a) < (b as number);
}

/**
 * Issues of a spec-described call; an empty list means the request may be sent. A top-level key the spec does
 * not list is always an issue (the optional common parameters `session`, `partner_id`, `target_app_key`,
 * `simplify` excepted): undocumented parameters go in `CallOptions.extraParams` instead.
 */
export function validateParams(
  compiled: CompiledSpec,
  params: object,
  options: ValidateOptions = {},
): ValidationIssue[] {
  const checker = new Checker(options.allowUndocumentedFields === true);
  for (const p of compiled.params) {
    const value = ownValue(params, p.name);
    if (RESERVED_PARAMS.has(p.name) && value !== undefined && value !== null) {
      checker.add(p.name, 'is a common parameter set by the client');
      continue;
    }
    checker.param(value, p, p.name, true);
  }
  for (const key of Object.keys(params)) {
    if (compiled.paramByName.has(key) || (params as Record<string, unknown>)[key] === undefined) continue;
    if (RESERVED_PARAMS.has(key)) checker.add(key, 'is a common parameter set by the client');
    else if (!OVERRIDABLE_PARAMS.has(key)) checker.unknown(key, key, compiled.paramByName.keys());
  }
  return checker.issues;
}

/** Issues of `CallOptions.extraParams`: names the spec documents or the client sets, and values without a wire form. */
export function validateExtraParams(compiled: CompiledSpec, extra: object): ValidationIssue[] {
  const checker = new Checker(false);
  for (const key of Object.keys(extra)) {
    const value = (extra as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const path = `extraParams.${key}`;
    if (RESERVED_PARAMS.has(key)) checker.add(path, 'is a common parameter set by the client');
    else if (compiled.paramByName.has(key))
      checker.add(path, 'is a documented parameter: set it in the request instead');
    else if (typeof value === 'function' || typeof value === 'symbol')
      checker.add(path, `has no wire form, got ${typeName(value)}`);
  }
  return checker.issues;
}
