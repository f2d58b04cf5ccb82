// Public surface of the runtime shipped inside every generated package.
export {
  TopClientBase,
  API_SPEC,
  DEFAULT_GATEWAY,
  DEFAULT_SIGN_METHOD,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_RETRIES,
} from './client.js';
export type { TopClientOptions, CallOptions, TopRequest, SignMethod } from './client.js';
export type { ApiSpec, ParamSpec, ParamKind, ResponseFieldSpec } from './spec.js';
export { apiSpecFromJson } from './spec.js';
export type { Int64String, TopNumber, TopNumberInput, TopFile, JsonValue } from './values.js';
export { TopError, TopValidationError, TopNetworkError, TopTimeoutError } from './errors.js';
export type { TopErrorKind, ValidationIssue } from './errors.js';
export { sign, verifySignature } from './sign.js';
export { parseJson } from './json.js';
export { formatTopDate, formatTopTime } from './timestamp.js';
export { isRetryable } from './retry.js';
export { responseKeyFor } from './response.js';
