/**
 * `toOpenApi`: the model as an OpenAPI 3.1 document.
 *
 * TOP serves every API from one URL (`POST <gateway>`, API chosen by the `method` form field). OpenAPI keys
 * operations by path and cannot tell two operations on one path apart by a body or query value, and a path
 * key may not carry a query (`/router/rest?method=…`) or fragment. So each API gets its own path
 * `/<api name>`: a unique, valid key that tools show and generate names from. That path names the API; it is
 * not appended to the URL on the wire. The server entry is the gateway, every request schema fixes `method`
 * with `const`, and each operation carries `x-top-method`; a client only has to post to the server URL itself
 * (one request interceptor). `info.description` says the same to readers of the document.
 *
 * The caller passes the APIs to describe; like the SDK emitter, it should leave out APIs whose docs had
 * errors.
 */
import type { Api } from '../model/types.js';
import { TOP_ERROR, TOP_ERROR_RESPONSE, topErrorResponseSchema, topErrorSchema } from './envelope.js';
import { ComponentRegistry, pathKeyOf } from './names.js';
import { apiOperation, tagOf } from './operation.js';
import type { OpenApiDocument, OpenApiOptions, PathItemObject } from './types.js';

export const DEFAULT_GATEWAY = 'https://eco.taobao.com/router/rest';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const DESCRIPTION = [
  'Taobao Open Platform (TOP) APIs, described from their doc pages.',
  'TOP serves every API from one URL: `POST` the server URL with the API name in the `method` form field. ' +
    'OpenAPI cannot key several operations on one path by a field value, so each API here has its own path ' +
    '`/<api name>`. That path only names the API: send every request to the server URL itself, without the ' +
    'path (one request interceptor in most clients). Each request schema fixes `method` with `const`, and each ' +
    'operation repeats the API name in `x-top-method`.',
  'Every call is signed: `sign` covers all other parameters with a value except files, so it is a form field ' +
    'rather than an OpenAPI security scheme. The gateway answers HTTP 200 with either the success envelope ' +
    '`{"<name>_response": {…}}` or the error envelope `{"error_response": {…}}`.',
].join('\n\n');

export function toOpenApi(apis: readonly Api[], options: OpenApiOptions = {}): OpenApiDocument {
  const components = new ComponentRegistry();
  components.define(TOP_ERROR, topErrorSchema);
  components.define(TOP_ERROR_RESPONSE, topErrorResponseSchema);
  // Array.prototype.sort is stable: two APIs with one name keep their input order.
  const ordered = [...apis].sort((a, b) => byCodeUnits(a.api, b.api));
  const paths = new Map<string, PathItemObject>();
  for (const api of ordered) {
    const post = apiOperation(api, components);
    const base = pathKeyOf(api.api);
    // `~` never occurs in an encoded name, so `~2` can only mean "the second doc for this API name".
    let path = base;
    for (let n = 2; paths.has(path); n++) path = `${base}~${n}`;
    paths.set(path, { post });
  }
  const tags = [...new Set(ordered.map((api) => tagOf(api.api)))].sort(byCodeUnits);
  const gateway = options.gateway ?? DEFAULT_GATEWAY;
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'TOP APIs',
      version: options.version ?? '0.0.0',
      description: DESCRIPTION,
    },
    servers: [{ url: gateway, description: 'TOP gateway: every API is a POST to this URL itself.' }],
    tags: tags.map((name) => ({ name })),
    paths: Object.fromEntries([...paths].sort(([a], [b]) => byCodeUnits(a, b))),
    components: { schemas: components.toObject() },
  };
}
