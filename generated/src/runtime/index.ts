// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
// Public surface of the runtime shipped inside every generated package.
export {
  TopClientBase,
  API_SPEC,
  DEFAULT_GATEWAY,
  DEFAULT_SIGN_METHOD,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_RETRIES,
  DEFAULT_MAX_RESPONSE_BYTES,
} from './client.js';
export type {
  TopClientOptions,
  CallOptions,
  PaginateOptions,
  TopRequest,
  TopPageableRequest,
  SignMethod,
  SdkIdentity,
} from './client.js';
export type { PageParams } from './paginate.js';
export { TopPromise } from './promise.js';
export type { TopResult, TopResponseInfo } from './promise.js';
export type { TopLogger, TopLogLevel, TopRequestEvent, TopResponseEvent, TopRetryEvent } from './observe.js';
export { accessFromName } from './access.js';
export type { ApiAccess } from './access.js';
export type { ApiSpec, ParamSpec, ParamKind, ResponseFieldSpec, NumberForm } from './spec.js';
export { apiSpecFromJson } from './spec.js';
export type { Int64String, TopNumber, TopNumberInput, TopFile, JsonValue } from './values.js';
export {
  TopError,
  TopRateLimitError,
  TopValidationError,
  TopNetworkError,
  TopTimeoutError,
} from './errors.js';
export type { TopErrorKind, ValidationIssue } from './errors.js';
export { sign, verifySignature } from './sign.js';
export { parseJson } from './json.js';
export { formatTopDate, formatTopTime } from './timestamp.js';
export { isRetryable, isSafeToResend } from './retry.js';
export { responseKeyFor } from './response.js';
