// Public surface of the runtime shipped inside every generated package.
export { TopClientBase, API_SPEC } from './client.js';
export type { TopClientOptions, CallOptions, TopRequest, SignMethod } from './client.js';
export type { ApiSpec, ParamSpec, ParamKind } from './spec.js';
export type { Int64String, TopNumber, TopNumberInput, TopFile, JsonValue } from './values.js';
