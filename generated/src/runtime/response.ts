/** Turning the gateway's answer into the unwrapped response object or a TopError. */
import { BODY_EXCERPT_LENGTH, TopError, type TopErrorKind } from './errors.js';
import { parseJson } from './json.js';
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
  return new TopError({
    kind: 'api',
    method,
    status,
    code: optionalCode(ownValue(body, 'code')),
    msg: optionalText(ownValue(body, 'msg')),
    sub_code: optionalText(ownValue(body, 'sub_code')),
    sub_msg: optionalText(ownValue(body, 'sub_msg')),
    request_id: optionalText(ownValue(body, 'request_id')),
  });
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
 * The response object of a call: the content of `<responseKey>` (which keeps `request_id`), or the whole
 * object when there is no such key (`simplify=true` answers have no envelope). Throws TopError for an
 * `error_response`, a non-2xx status, or a body that is not a JSON object.
 */
export function readResponse(
  method: string,
  responseKey: string,
  status: number,
  text: string,
): Record<string, unknown> {
  const ok = status >= 200 && status < 300;
  const parsed = ok ? tryParse(text) : text.startsWith('{') ? tryParse(text) : undefined;
  const errorBody = isRecord(parsed) ? ownValue(parsed, 'error_response') : undefined;
  // A gateway or proxy may send an error_response with a non-2xx status: its codes say more than the status.
  if (isRecord(errorBody)) throw apiError(method, status, errorBody);
  if (!ok) throw rawError('http', method, status, text);
  if (!isRecord(parsed)) throw rawError('parse', method, status, text);
  const wrapped = ownValue(parsed, responseKey);
  return isRecord(wrapped) ? wrapped : parsed;
}
