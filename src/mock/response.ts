/**
 * Success and error answers, TOP style.
 *
 * A success answer is built once per API from the doc's example values (`Field.example`), typed by the model:
 * Numbers as JSON numbers (digits copied into the JSON text, so 64-bit ids stay exact), Booleans as booleans,
 * structs as objects, arrays as arrays (struct arrays hold one example element, primitive arrays split the
 * comma-joined example), everything else as strings. Fields without a usable example are omitted, as TOP omits
 * empty fields; an example that does not fit its type is omitted too and reported as a warning at start-up.
 */
import type { Api, Field } from '../model/types.js';
import { typeKind } from '../model/type-kind.js';
import type { TopErrorBody } from './errors.js';
import {
  JSON_NUMBER,
  JsonSyntaxError,
  parseJsonTree,
  writeJson,
  type JsonEntry,
  type JsonNode,
} from './json-tree.js';

export interface ResponseTemplate {
  /** `<name>_response` wrapper key. */
  readonly key: string;
  /** The example response fields, in document order, without request_id. */
  readonly entries: readonly JsonEntry[];
}

export interface BuiltTemplate {
  readonly template: ResponseTemplate;
  /** One line per example that could not be used, e.g. `response.page_size: example "分页大小" is not a Number`. */
  readonly warnings: readonly string[];
}

/** `taobao.user.seller.get` → `user_seller_get_response` (dots to underscores, a leading `taobao.` dropped). */
export function responseKey(method: string): string {
  return `${method.replace(/^taobao\./, '').replaceAll('.', '_')}_response`;
}

export function buildResponseTemplate(api: Api): BuiltTemplate {
  const warnings: string[] = [];
  const entries = fieldEntries(
    api.response.filter((field) => field.name !== 'request_id'),
    'response',
    warnings,
  );
  return { template: { key: responseKey(api.api), entries }, warnings };
}

/** `{"<key>": {...fields, "request_id": id}}`, or with `simplify` the inner object alone. */
export function successBody(template: ResponseTemplate, requestId: string, simplify: boolean): string {
  const inner: JsonNode = {
    t: 'object',
    entries: [...template.entries, ['request_id', { t: 'string', value: requestId }]],
  };
  return writeJson(simplify ? inner : { t: 'object', entries: [[template.key, inner]] });
}

/** `{"error_response": {"code", "msg", "sub_code", "sub_msg", "request_id"}}`; absent parts are left out. */
export function errorBody(error: TopErrorBody, requestId: string): string {
  const entries: JsonEntry[] = [
    ['code', { t: 'number', text: String(error.code) }],
    ['msg', { t: 'string', value: error.msg }],
  ];
  if (error.sub_code !== undefined) entries.push(['sub_code', { t: 'string', value: error.sub_code }]);
  if (error.sub_msg !== undefined) entries.push(['sub_msg', { t: 'string', value: error.sub_msg }]);
  entries.push(['request_id', { t: 'string', value: requestId }]);
  return writeJson({ t: 'object', entries: [['error_response', { t: 'object', entries }]] });
}

function fieldEntries(fields: readonly Field[], parentPath: string, warnings: string[]): JsonEntry[] {
  const entries: JsonEntry[] = [];
  for (const field of fields) {
    const node = fieldNode(field, `${parentPath}.${field.name}`, warnings);
    if (node !== undefined) entries.push([field.name, node]);
  }
  return entries;
}

function fieldNode(field: Field, path: string, warnings: string[]): JsonNode | undefined {
  const kind = typeKind(field);
  if (kind === 'struct') {
    const entries = fieldEntries(field.children, path, warnings);
    if (entries.length === 0) return undefined;
    const object: JsonNode = { t: 'object', entries };
    return field.array ? { t: 'array', items: [object] } : object;
  }
  const example = usableExample(field.example);
  if (example === undefined) return undefined;
  // `byte[]` is one file value (a string in answers), not a list.
  if (!field.array || kind === 'file') return exampleNode(field, example, path, warnings);
  const items: JsonNode[] = [];
  for (const piece of example.split(',')) {
    const item = exampleNode(field, piece.trim(), path, warnings);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return { t: 'array', items };
}

/** Doc authors write `null`, or nothing, when there is no example. */
function usableExample(example: string | undefined): string | undefined {
  if (example === undefined) return undefined;
  const trimmed = example.trim();
  return trimmed === '' || trimmed === 'null' ? undefined : example;
}

function exampleNode(field: Field, example: string, path: string, warnings: string[]): JsonNode | undefined {
  const reject = (expected: string): undefined => {
    warnings.push(
      `${path}: example ${JSON.stringify(example)} is not ${expected}; the field is left out of answers`,
    );
    return undefined;
  };
  switch (typeKind(field)) {
    case 'number':
      return JSON_NUMBER.test(example) ? { t: 'number', text: example } : reject('a JSON number');
    case 'boolean':
      return example === 'true' || example === 'false'
        ? { t: 'boolean', value: example === 'true' }
        : reject('true or false');
    case 'map':
      return mapNode(example) ?? reject('a JSON object');
    default:
      // String, Date, Price, Json, Field List, byte[] and unknown types all answer as strings (see the type map).
      return { t: 'string', value: example };
  }
}

function mapNode(example: string): JsonNode | undefined {
  try {
    const node = parseJsonTree(example);
    return node.t === 'object' ? node : undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return undefined;
    throw error;
  }
}
