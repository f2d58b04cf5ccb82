/**
 * One API → its operation plus its `<Prefix>Request`, `<Prefix>Response` and struct components.
 */
import type { Api } from '../model/types.js';
import { COMMON_REQUIRED, commonParams } from './common-params.js';
import { responseKeyOf, successEnvelope, TOP_ERROR_RESPONSE } from './envelope.js';
import {
  formParamSchema,
  jsonFieldSchema,
  objectSchema,
  propertySet,
  type SchemaScope,
} from './field-schema.js';
import { operationIdOf, schemaRef, type ComponentRegistry } from './names.js';
import type { EncodingObject, MediaTypeObject, OperationObject, SchemaObject } from './types.js';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

/** Operations are tagged by the first segment of the API name (`taobao`, `alibaba`, `alitrip`). */
export function tagOf(apiName: string): string {
  const first = apiName.split('.')[0] ?? '';
  return first === '' ? 'other' : first;
}

/**
 * The request form: common parameters first, then the API's own. An API parameter that reuses a common
 * parameter's name (`format`, `session`…) would be the same form field on the wire; the common definition
 * is kept and the clash is listed in `x-top-shadowed-params`.
 */
function requestBody(
  api: Api,
  scope: SchemaScope,
  name: string,
): MediaTypeObject & { readonly mediaType: string } {
  const common = commonParams(api.api);
  const commonNames = new Set(common.map(([param]) => param));
  const shadowed = [...new Set(api.request.filter((f) => commonNames.has(f.name)).map((f) => f.name))];
  const own = api.request.filter((f) => !commonNames.has(f.name));
  const multipart = own.some((f) => f.kind === 'file');
  const encodings: [string, EncodingObject][] = [];
  const set = propertySet(
    own,
    (field) => {
      const param = formParamSchema(field, scope);
      const encoding = multipart ? param.encoding : formEncoding(param.encoding);
      if (encoding !== undefined) encodings.push([field.name, encoding]);
      return param.schema;
    },
    true,
  );
  const schema = objectSchema(
    {
      properties: Object.fromEntries([...common, ...Object.entries(set.properties)]),
      required: [...COMMON_REQUIRED, ...set.required],
      duplicates: set.duplicates,
    },
    { description: `Form fields of one \`${api.api}\` call.` },
  );
  scope.components.define(
    name,
    shadowed.length > 0 ? { ...schema, 'x-top-shadowed-params': shadowed } : schema,
  );
  return {
    mediaType: multipart ? MULTIPART : FORM,
    schema: schemaRef(name),
    ...(encodings.length > 0 ? { encoding: Object.fromEntries(encodings) } : {}),
  };
}

/** In a urlencoded form every field is text: only the list style matters, part content types do not. */
function formEncoding(encoding: EncodingObject | undefined): EncodingObject | undefined {
  return encoding?.style === undefined
    ? undefined
    : { style: encoding.style, explode: encoding.explode ?? false };
}

/** The success payload: the documented fields plus the `request_id` every answer carries. */
function responseSchema(api: Api, scope: SchemaScope, key: string): SchemaObject {
  const set = propertySet(api.response, (field) => jsonFieldSchema(field, 'response', scope), false);
  const requestId: SchemaObject = { type: 'string', description: 'Gateway request id, for support.' };
  const documented = Object.prototype.hasOwnProperty.call(set.properties, 'request_id');
  const properties = documented
    ? set.properties
    : Object.fromEntries([...Object.entries(set.properties), ['request_id', requestId]]);
  return objectSchema(
    { ...set, properties },
    { description: `Contents of \`${key}\` in a successful answer.` },
  );
}

export function apiOperation(api: Api, components: ComponentRegistry): OperationObject {
  const prefix = components.prefixFor(api.api);
  const scope: SchemaScope = { components, prefix };
  const key = responseKeyOf(api.api);
  const { mediaType, ...body } = requestBody(api, scope, `${prefix}Request`);
  components.define(`${prefix}Response`, responseSchema(api, scope, key));
  return {
    operationId: operationIdOf(prefix),
    ...(api.title === '' ? {} : { summary: api.title }),
    ...(api.description === '' ? {} : { description: api.description }),
    tags: [tagOf(api.api)],
    ...(api.deprecated === true ? { deprecated: true } : {}),
    requestBody: { required: true, content: Object.fromEntries([[mediaType, body]]) },
    responses: {
      '200': {
        description: 'The success envelope, or the error envelope: the gateway answers HTTP 200 for both.',
        content: {
          'application/json': {
            schema: { oneOf: [successEnvelope(key, `${prefix}Response`), schemaRef(TOP_ERROR_RESPONSE)] },
          },
        },
      },
    },
    'x-top-method': api.api,
    'x-top-response-key': key,
  };
}
