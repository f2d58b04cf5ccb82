export { toOpenApi, DEFAULT_GATEWAY } from './document.js';
export { stringifyOpenApi } from './stringify.js';
export { responseKeyOf } from './envelope.js';
export type { OpenApiDocument, OpenApiOptions, SchemaObject } from './types.js';
