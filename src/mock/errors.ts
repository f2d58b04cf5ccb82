/**
 * The gateway's error catalogue.
 *
 * Codes and messages follow TOP's published table of platform error codes (the numbers real callers see:
 * `{"code":22,"msg":"Invalid method"}`, `{"code":29,"msg":"Invalid app Key","sub_code":"isv.appkey-not-exists"}`).
 * TOP omits `sub_code` for some platform errors; the mock always sends one, in TOP's `isv.<kebab-case>` style,
 * so that clients can rely on the full error shape. Every `sub_code` but `busy`'s starts with `isv.`: those are the
 * caller's fault and must not be retried.
 *
 * | key               | code | msg                         | sub_code                      | when                                        |
 * |-------------------|------|-----------------------------|-------------------------------|---------------------------------------------|
 * | httpAction        | 9    | Http action not allowed     | isv.http-action-not-allowed   | HTTP method other than GET / POST           |
 * | missingMethod     | 21   | Missing method              | isv.missing-method            | no `method`                                 |
 * | invalidMethod     | 22   | Invalid method              | isv.invalid-method            | `method` is not one of the served APIs      |
 * | invalidFormat     | 23   | Invalid format              | isv.invalid-format            | `format` other than `json`                  |
 * | missingSignature  | 24   | Missing signature           | isv.missing-signature         | no `sign`                                   |
 * | invalidSignature  | 25   | Invalid signature           | isv.invalid-signature         | `sign` does not match                       |
 * | missingAppKey     | 28   | Missing app key             | isv.missing-app-key           | no `app_key`                                |
 * | invalidAppKey     | 29   | Invalid app Key             | isv.appkey-not-exists         | `app_key` is not the configured one         |
 * | missingTimestamp  | 30   | Missing timestamp           | isv.missing-timestamp         | no `timestamp`                              |
 * | invalidTimestamp  | 31   | Invalid timestamp           | isv.invalid-timestamp         | bad format, or more than the skew from now  |
 * | missingVersion    | 32   | Missing version             | isv.missing-version           | no `v`                                      |
 * | invalidVersion    | 33   | Invalid version             | isv.invalid-version           | `v` other than `2.0`                        |
 * | missingParameter  | 40   | Missing required arguments  | isv.missing-parameter         | a required API parameter (or child) absent  |
 * | invalidParameter  | 41   | Invalid arguments           | isv.invalid-parameter         | wrong type / constraint, bad `sign_method`, |
 * |                   |      |                             |                               | unreadable body, duplicate parameter        |
 * | invalidEncoding   | 47   | Invalid encoding            | isv.invalid-encoding          | charset other than UTF-8, malformed UTF-8   |
 * | requestTooLarge   | 41   | Invalid arguments           | isv.request-too-large         | body over the size limit (HTTP 413)         |
 * | tooManyParameters | 41   | Invalid arguments           | isv.too-many-parameters       | more parameters than the limit              |
 * | busy              | 15   | Remote service error        | isp.top-remote-service-unavailable | bodies in flight hold the memory budget |
 * |                   |      |                             |                               | (HTTP 503; transient, the client retries)   |
 *
 * The last three are the gateway protecting itself, checked while the body arrives.
 */
export const TOP_ERRORS = {
  httpAction: { code: 9, msg: 'Http action not allowed', subCode: 'isv.http-action-not-allowed' },
  missingMethod: { code: 21, msg: 'Missing method', subCode: 'isv.missing-method' },
  invalidMethod: { code: 22, msg: 'Invalid method', subCode: 'isv.invalid-method' },
  invalidFormat: { code: 23, msg: 'Invalid format', subCode: 'isv.invalid-format' },
  missingSignature: { code: 24, msg: 'Missing signature', subCode: 'isv.missing-signature' },
  invalidSignature: { code: 25, msg: 'Invalid signature', subCode: 'isv.invalid-signature' },
  missingAppKey: { code: 28, msg: 'Missing app key', subCode: 'isv.missing-app-key' },
  invalidAppKey: { code: 29, msg: 'Invalid app Key', subCode: 'isv.appkey-not-exists' },
  missingTimestamp: { code: 30, msg: 'Missing timestamp', subCode: 'isv.missing-timestamp' },
  invalidTimestamp: { code: 31, msg: 'Invalid timestamp', subCode: 'isv.invalid-timestamp' },
  missingVersion: { code: 32, msg: 'Missing version', subCode: 'isv.missing-version' },
  invalidVersion: { code: 33, msg: 'Invalid version', subCode: 'isv.invalid-version' },
  missingParameter: { code: 40, msg: 'Missing required arguments', subCode: 'isv.missing-parameter' },
  invalidParameter: { code: 41, msg: 'Invalid arguments', subCode: 'isv.invalid-parameter' },
  invalidEncoding: { code: 47, msg: 'Invalid encoding', subCode: 'isv.invalid-encoding' },
  requestTooLarge: { code: 41, msg: 'Invalid arguments', subCode: 'isv.request-too-large' },
  tooManyParameters: { code: 41, msg: 'Invalid arguments', subCode: 'isv.too-many-parameters' },
  busy: { code: 15, msg: 'Remote service error', subCode: 'isp.top-remote-service-unavailable' },
} as const satisfies Record<string, { code: number; msg: string; subCode: string }>;

export type TopErrorKind = keyof typeof TOP_ERRORS;

/** The body of `error_response`, in TOP's wire field order (request_id is added when answering). */
export interface TopErrorBody {
  readonly code: number;
  readonly msg: string;
  readonly sub_code?: string;
  readonly sub_msg?: string;
}

/** A refusal of one request: the catalogue entry plus a sub_msg that names the offending parameter. */
export function rejection(kind: TopErrorKind, subMsg: string): TopErrorBody {
  const entry = TOP_ERRORS[kind];
  return { code: entry.code, msg: entry.msg, sub_code: entry.subCode, sub_msg: subMsg };
}
