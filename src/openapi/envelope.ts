/**
 * The JSON bodies the gateway answers with (always HTTP 200): `{"<key>": {...fields, request_id}}` on
 * success, `{"error_response": {...}}` on failure.
 */
import { schemaRef } from './names.js';
import type { SchemaObject } from './types.js';

export const TOP_ERROR = 'TopError';
export const TOP_ERROR_RESPONSE = 'TopErrorResponse';

/** `taobao.user.seller.get` → `user_seller_get_response`; other prefixes are kept. */
export function responseKeyOf(apiName: string): string {
  const key = apiName.replace(/\./g, '_');
  return `${key.startsWith('taobao_') ? key.slice('taobao_'.length) : key}_response`;
}

export const topErrorSchema: SchemaObject = {
  type: 'object',
  description: 'A failed call: the gateway or the API rejected it.',
  properties: {
    code: {
      type: 'integer',
      description:
        'Top-level error code: 7 app call limit, 11 insufficient permissions, 15 remote service error, 25 invalid signature, 27 invalid session, 40/41 missing/invalid parameter.',
    },
    msg: { type: 'string', description: 'Message for the top-level code.' },
    sub_code: {
      type: 'string',
      description:
        '`isv.*`: the caller is at fault (do not retry); `isp.*`: the platform is at fault (may be retried).',
    },
    sub_msg: { type: 'string', description: 'Message for the sub code.' },
    request_id: { type: 'string', description: 'Gateway request id, for support.' },
  },
  required: ['code', 'msg'],
};

export const topErrorResponseSchema: SchemaObject = {
  type: 'object',
  description: 'Error envelope.',
  properties: { error_response: schemaRef(TOP_ERROR) },
  required: ['error_response'],
};

/** Success envelope around the API's response schema. */
export function successEnvelope(responseKey: string, responseSchema: string): SchemaObject {
  return {
    type: 'object',
    properties: Object.fromEntries([[responseKey, schemaRef(responseSchema)]]),
    required: [responseKey],
  };
}
