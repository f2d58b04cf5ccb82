// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/** Turning the gateway's answer into the unwrapped response object or a TopError. */
import {
  banDurationMs,
  BODY_EXCERPT_LENGTH,
  RATE_LIMIT_CODE,
  TopError,
  TopRateLimitError,
  type TopErrorInit,
  type TopErrorKind,
} from './errors.js';
import { parseJson } from './json.js';
import { DECIMAL_TEXT, plainDecimal } from './decimal.js';
import type { NumberForm, ResponseFieldSpec } from './spec.js';
import { isRecord, ownValue } from './validate.js';

/**
 * Key of the success envelope for an API name: dots become underscores, a leading `taobao.` is dropped,
 * `_response` is appended (`taobao.user.seller.get` → `user_seller_get_response`).
 */
export function responseKeyFor(method: string): string {
  const name = method.startsWith('taobao.') ? method.slice('taobao.'.length) : method;
  return `${name.replaceAll('.', '_')}_response`;
}

function excerpt(text: string): string {
  return text.length > BODY_EXCERPT_LENGTH ? text.slice(0, BODY_EXCERPT_LENGTH) : text;
}

function optionalText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

function optionalCode(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function apiError(method: string, status: number, body: Record<string, unknown>): TopError {
  const init: TopErrorInit = {
    kind: 'api',
    method,
    status,
    code: optionalCode(ownValue(body, 'code')),
    msg: optionalText(ownValue(body, 'msg')),
    sub_code: optionalText(ownValue(body, 'sub_code')),
    sub_msg: optionalText(ownValue(body, 'sub_msg')),
    request_id: optionalText(ownValue(body, 'request_id')),
  };
  return init.code === RATE_LIMIT_CODE
    ? new TopRateLimitError(init, banDurationMs(init.sub_msg, init.msg))
    : new TopError(init);
}

function rawError(kind: TopErrorKind, method: string, status: number, text: string): TopError {
  return new TopError({ kind, method, status, body: excerpt(text) });
}

function tryParse(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

/**
 * The plain array of a list value: TOP's wrapper object `{"<item_type>": [...]}` gives its one array, an empty
 * wrapper `{}` gives `[]`, an array stays as it is (`simplify=true` answers). Anything else is not a list TOP
 * would send and is returned unchanged rather than guessed at.
 */
function listValue(value: unknown): unknown {
  if (Array.isArray(value) || !isRecord(value)) return value;
  let only: unknown;
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (++count > 1) return value;
    only = value[key];
  }
  if (count === 0) return [];
  return Array.isArray(only) ? only : value;
}

function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment to `__proto__` would replace the prototype instead of setting the field.
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

const INTEGER = /^-?\d+$/;

/**
 * A `Number` value in its declared form. The lossless parser gives a number, or the decimal text of an integer
 * beyond 2^53; some gateways quote numbers. Values of any other shape are left as they are.
 */
export function numberIn(form: NumberForm, value: unknown): unknown {
  switch (form) {
    case 'number':
      return typeof value === 'string' && DECIMAL_TEXT.test(value) ? Number(value) : value;
    case 'string':
      return typeof value === 'number' && Number.isFinite(value) ? plainDecimal(value) : value;
    case 'bigint':
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      return typeof value === 'string' && INTEGER.test(value) ? BigInt(value) : value;
  }
}

/** The decimal text of an integer that the `number` form can only round (beyond 2^53, and not a double). */
function isUnsafeInteger(value: unknown): boolean {
  if (typeof value !== 'string' || !INTEGER.test(value)) return false;
  const nearest = Number(value);
  return !Number.isFinite(nearest) || BigInt(nearest) !== BigInt(value);
}

/**
 * Reshapes, in place, the paths `fields` describes: every list wrapper becomes its array, every `Number` takes
 * its declared form. Only the described fields are visited, so the cost follows the number of lists and
 * Numbers, not the size of the answer. The names of `number` fields that held an integer beyond 2^53 (rounded
 * to the nearest double) are added to `rounded`.
 */
export function unwrapLists(
  record: Record<string, unknown>,
  fields: readonly ResponseFieldSpec[],
  rounded?: string[],
): void {
  for (const field of fields) {
    let value = ownValue(record, field.name);
    if (value === undefined || value === null) continue;
    if (field.array === true) {
      const list = listValue(value);
      if (list !== value) setOwn(record, field.name, list);
      value = list;
    }
    const form = field.number;
    if (form !== undefined) {
      if (
        form === 'number' &&
        rounded !== undefined &&
        (Array.isArray(value) ? value.some(isUnsafeInteger) : isUnsafeInteger(value))
      )
        rounded.push(field.name);
      if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = numberIn(form, value[i]);
      else setOwn(record, field.name, numberIn(form, value));
      continue;
    }
    const children = field.children;
    if (children === undefined || children.length === 0) continue;
    if (Array.isArray(value)) {
      for (const element of value) if (isRecord(element)) unwrapLists(element, children, rounded);
    } else if (isRecord(value)) {
      unwrapLists(value, children, rounded);
    }
  }
}

/**
 * The response object of a call: the content of `<responseKey>` (which keeps `request_id`), or the whole
 * object when there is no such key (`simplify=true` answers have no envelope), with the lists `lists` names
 * unwrapped (see unwrapLists for `rounded`). Throws TopError for an `error_response`, a non-2xx status, or a
 * body that is not a JSON object.
 */
export function readResponse(
  method: string,
  responseKey: string,
  status: number,
  text: string,
  lists?: readonly ResponseFieldSpec[],
  rounded?: string[],
): Record<string, unknown> {
  // A UTF-8 byte order mark some proxies and gateways put first is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ok = status >= 200 && status < 300;
  const parsed = ok ? tryParse(text) : text.startsWith('{') ? tryParse(text) : undefined;
  const errorBody = isRecord(parsed) ? ownValue(parsed, 'error_response') : undefined;
  // A gateway or proxy may send an error_response with a non-2xx status: its codes say more than the status.
  if (isRecord(errorBody)) throw apiError(method, status, errorBody);
  if (!ok) throw rawError('http', method, status, text);
  if (!isRecord(parsed)) throw rawError('parse', method, status, text);
  const wrapped = ownValue(parsed, responseKey);
  const response = isRecord(wrapped) ? wrapped : parsed;
  if (lists !== undefined) unwrapLists(response, lists, rounded);
  return response;
}
