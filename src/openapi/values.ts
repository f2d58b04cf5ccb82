/**
 * Doc examples and defaults are verbatim text (`726311`, `true`, `a,b`). OpenAPI wants them as values of
 * the schema's type, so each is converted only when it clearly is one; otherwise it is kept verbatim under an
 * `x-top-*` extension instead of being passed off as a value of the wrong type.
 */
import type { JsonValue, SchemaObject } from './types.js';

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function typedValue(text: string, schema: SchemaObject): JsonValue | undefined {
  switch (schema.type) {
    case 'integer': {
      const trimmed = text.trim();
      // A JSON number beyond 2^53 would be rounded by every JavaScript reader of the document.
      return INTEGER.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : undefined;
    }
    case 'number': {
      const trimmed = text.trim();
      return DECIMAL.test(trimmed) && Number.isFinite(Number(trimmed)) ? Number(trimmed) : undefined;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'string':
      if (schema.format === 'binary') return undefined;
      return schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(text) ? text : undefined;
    case 'array': {
      // Lists travel comma-joined, and docs write their examples that way: `num_iid,title`.
      const items = schema.items;
      if (
        items === undefined ||
        items.type === undefined ||
        items.type === 'array' ||
        items.type === 'object'
      ) {
        return undefined;
      }
      const values = text.split(',').map((part) => typedValue(part.trim(), items));
      return values.every((value) => value !== undefined) ? (values as JsonValue[]) : undefined;
    }
    default:
      // Objects, struct references and `{}` (unknown type): a one-line doc text is not a reliable value.
      return undefined;
  }
}
