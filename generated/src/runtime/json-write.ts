// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * JSON text for request values. Same output as `JSON.stringify` except where TOP needs otherwise:
 * - numbers in plain decimal notation (`0.0000001`, not `1e-7`);
 * - bigint → its decimal digits, unquoted (64-bit ids stay exact; JSON.stringify throws on bigint);
 * - Date → `"yyyy-MM-dd HH:mm:ss"` in GMT+8 (JSON.stringify would give UTC ISO text);
 * - only own enumerable string keys are read, like JSON.stringify, so `__proto__` / `constructor` keys survive.
 */
import { plainDecimal } from './decimal.js';
import { formatTopDate } from './timestamp.js';

/** Objects being written, outermost first: a value that is already on the stack is a cycle. */
export type WriteStack = object[];

/** JSON text of `value`, or undefined when JSON has no text for it (undefined, a function, a symbol). */
export function jsonValue(value: unknown, key: string, stack: WriteStack): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // Plain decimal rather than JSON.stringify's exponent form (`1e-7`), which TOP's decimal fields refuse.
      return Number.isFinite(value) ? plainDecimal(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return 'null';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'null' : JSON.stringify(formatTopDate(value));
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return jsonValue(toJSON.call(value, key), key, stack);
  return Array.isArray(value) ? jsonArray(value, stack) : jsonObject(value as object, stack);
}

export function enter(value: object, stack: WriteStack): void {
  if (stack.includes(value))
    throw new TypeError('Cannot serialise a value that contains itself (cyclic structure)');
  stack.push(value);
}

function jsonArray(values: readonly unknown[], stack: WriteStack): string {
  enter(values, stack);
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += jsonValue(values[i], String(i), stack) ?? 'null';
  }
  stack.pop();
  return out + ']';
}

function jsonObject(value: object, stack: WriteStack): string {
  enter(value, stack);
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record)) {
    const text = jsonValue(record[key], key, stack);
    if (text === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + text;
    first = false;
  }
  stack.pop();
  return out + '}';
}

/** JSON text of a whole value (`null` when JSON has no text for it). */
export function jsonText(value: unknown): string {
  return jsonValue(value, '', []) ?? 'null';
}
