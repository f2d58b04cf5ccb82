/**
 * TOP's common request parameters (see the protocol notes: every call sends them next to the API's own).
 */
import type { SchemaObject } from './types.js';
import { RESERVED_PARAMS } from '../runtime/common.js';

/** `yyyy-MM-dd HH:mm:ss`, the gateway's time format (GMT+8). */
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$';

export function commonParams(apiName: string): readonly (readonly [string, SchemaObject])[] {
  return [
    ['method', { type: 'string', const: apiName, description: 'API name; selects the API at the gateway.' }],
    ['app_key', { type: 'string', description: 'The application key issued by TOP.' }],
    [
      'timestamp',
      {
        type: 'string',
        pattern: DATE_TIME_PATTERN,
        description:
          'Request time `yyyy-MM-dd HH:mm:ss` in GMT+8; the gateway rejects timestamps more than 10 minutes off.',
      },
    ],
    [
      'format',
      {
        type: 'string',
        enum: ['json'],
        description:
          'Response format. TOP also offers `xml` (its default when omitted); this document describes JSON.',
      },
    ],
    ['v', { type: 'string', const: '2.0', description: 'Protocol version.' }],
    [
      'sign_method',
      {
        type: 'string',
        enum: ['md5', 'hmac', 'hmac-sha256'],
        description: 'Signature algorithm: `md5`, `hmac` (HMAC-MD5) or `hmac-sha256`.',
      },
    ],
    [
      'sign',
      {
        type: 'string',
        pattern: '^[0-9A-F]+$',
        description:
          'Upper-case hex signature over every other parameter with a value except files, sorted by name, each as name + value.',
      },
    ],
    [
      'session',
      { type: 'string', description: "The user's access token, for APIs that need user authorisation." },
    ],
    ['partner_id', { type: 'string', description: 'Partner id.' }],
    ['target_app_key', { type: 'string', description: 'Key of the application being called on behalf of.' }],
    [
      'simplify',
      {
        type: 'boolean',
        default: false,
        description: '`true` drops the `<name>_response` wrapper; this document describes the wrapped form.',
      },
    ],
  ];
}

/** Common parameters every call must send: the ones the runtime always sets (same order, same names). */
export const COMMON_REQUIRED: readonly string[] = [...RESERVED_PARAMS];
