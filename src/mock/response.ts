/**
 * Success and error answers, TOP style.
 *
 * A success answer is built once per API from the doc's example values (`Field.example`), typed by the model:
 * Numbers as JSON numbers (digits copied into the JSON text, so 64-bit ids stay exact), Booleans as booleans,
 * structs as objects, lists as arrays (struct lists hold one example element, primitive lists split the
 * comma-joined example), everything else as strings. Fields without a usable example are omitted, as TOP omits
 * empty fields; an example that does not fit its type is omitted too and reported as a warning at start-up.
 *
 * Lists are written as TOP writes them: without `simplify=true`, a list is an object with one key, the item type
 * in snake_case, holding the array (`"trades": {"trade": [...]}`, `"topics": {"string": ["a"]}`); with
 * `simplify=true` it is the bare array. Both texts are written once; an answer only adds its request_id.
 */
import type { Api, Field } from '../model/types.js';
import type { TopErrorBody } from './errors.js';
import {
  JSON_NUMBER,
  JsonSyntaxError,
  parseJsonValue,
  writeJson,
  type JsonEntry,
  type JsonNode,
} from './json-tree.js';

export interface ResponseTemplate {
  /** `<name>_response` wrapper key. */
  readonly key: string;
  /** The example response fields, in document order, without request_id; lists as bare arrays. */
  readonly entries: readonly JsonEntry[];
  /** The same fields with every list in its `{"<item_type>": [...]}` wrapper, TOP's default JSON. */
  readonly wrappedEntries: readonly JsonEntry[];
  /** `{"<key>":{<wrapped fields>,"request_id":` — a default answer is this, the id, then `}}`. */
  readonly wrappedPrefix: string;
  /** `{<bare fields>,"request_id":` — a `simplify=true` answer is this, the id, then `}`. */
  readonly simplePrefix: string;
  /**
   * For an API that pages with a top-level `page_no`: the answer to any page after the first, the example with
   * its top-level lists empty and `has_next` false, so that a client paging through the mock comes to an end.
   */
  readonly laterPage?: ResponseTemplate;
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

/**
 * The wrapper key of a list: the item type in snake_case, an underscore before every capital after the first
 * (`Trade` → `trade`, `ItemImg` → `item_img`, `String` → `string`), as TOP's own serialiser names it. Characters
 * that cannot appear in such a key (spaces of unknown doc types) become underscores.
 */
export function listItemKey(type: string): string {
  let key = '';
  for (let i = 0; i < type.length; i++) {
    const c = type[i] as string;
    if (c >= 'A' && c <= 'Z') key += (i > 0 ? '_' : '') + c.toLowerCase();
    else key += /[A-Za-z0-9_$]/.test(c) ? c : '_';
  }
  return key;
}

/** The text between `{` and the closing `}` of an object node: `"a":1,"b":2`. */
function entriesText(entries: readonly JsonEntry[]): string {
  const text = writeJson({ t: 'object', entries });
  return text.slice(1, -1);
}

function template(
  key: string,
  entries: readonly JsonEntry[],
  wrappedEntries: readonly JsonEntry[],
): ResponseTemplate {
  const wrappedText = entriesText(wrappedEntries);
  const simpleText = entriesText(entries);
  const requestIdKey = `${JSON.stringify('request_id')}:`;
  return {
    key,
    entries,
    wrappedEntries,
    wrappedPrefix: `{${JSON.stringify(key)}:{${wrappedText}${wrappedText === '' ? '' : ','}${requestIdKey}`,
    simplePrefix: `{${simpleText}${simpleText === '' ? '' : ','}${requestIdKey}`,
  };
}

/** A top-level entry as on a page after the last: lists (bare or in their wrapper) empty, `has_next` false. */
function emptiedEntry([name, node]: JsonEntry): JsonEntry {
  if (name === 'has_next' && node.t === 'boolean') return [name, { t: 'boolean', value: false }];
  if (node.t === 'array') return [name, { t: 'array', items: [] }];
  const [only] = node.t === 'object' && node.entries.length === 1 ? node.entries : [];
  if (only !== undefined && only[1].t === 'array')
    return [name, { t: 'object', entries: [[only[0], { t: 'array', items: [] }]] }];
  return [name, node];
}

export function buildResponseTemplate(api: Api): BuiltTemplate {
  const warnings: string[] = [];
  const fields = api.response.filter((field) => field.name !== 'request_id');
  const entries = fieldEntries(fields, 'response', warnings, false);
  // The same examples again, wrapped; its warnings would only repeat the first pass's.
  const wrappedEntries = fieldEntries(fields, 'response', [], true);
  const key = responseKey(api.api);
  const first = template(key, entries, wrappedEntries);
  const pages = api.request.some((field) => field.name === 'page_no' && !field.array);
  return {
    template: pages
      ? { ...first, laterPage: template(key, entries.map(emptiedEntry), wrappedEntries.map(emptiedEntry)) }
      : first,
    warnings,
  };
}

/** `{"<key>": {...fields, "request_id": id}}` with wrapped lists, or with `simplify` the inner object alone. */
export function successBody(template: ResponseTemplate, requestId: string, simplify: boolean): string {
  const id = JSON.stringify(requestId);
  return simplify ? `${template.simplePrefix}${id}}` : `${template.wrappedPrefix}${id}}}`;
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

function fieldEntries(
  fields: readonly Field[],
  parentPath: string,
  warnings: string[],
  wrapLists: boolean,
): JsonEntry[] {
  const entries: JsonEntry[] = [];
  for (const field of fields) {
    const node = fieldNode(field, `${parentPath}.${field.name}`, warnings, wrapLists);
    if (node !== undefined) entries.push([field.name, node]);
  }
  return entries;
}

/** A list as TOP writes it: wrapped in `{"<item_type>": [...]}` unless the answer is simplified. */
function listNode(field: Field, items: JsonNode[], wrapLists: boolean): JsonNode {
  const array: JsonNode = { t: 'array', items };
  return wrapLists ? { t: 'object', entries: [[listItemKey(field.type), array]] } : array;
}

function fieldNode(field: Field, path: string, warnings: string[], wrapLists: boolean): JsonNode | undefined {
  const kind = field.kind;
  if (kind === 'struct') {
    const entries = fieldEntries(field.children, path, warnings, wrapLists);
    if (entries.length === 0) return undefined;
    const object: JsonNode = { t: 'object', entries };
    return field.array ? listNode(field, [object], wrapLists) : object;
  }
  const example = usableExample(field.example);
  if (example === undefined) return undefined;
  // `byte[]` is one file value and a Field List one comma-joined string (both strings in answers), not lists.
  if (!field.array || kind === 'file' || kind === 'fieldList')
    return exampleNode(field, example, path, warnings);
  const items: JsonNode[] = [];
  for (const piece of example.split(',')) {
    const item = exampleNode(field, piece.trim(), path, warnings);
    if (item === undefined) return undefined;
    items.push(item);
  }
  return listNode(field, items, wrapLists);
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
  switch (field.kind) {
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
    const node = parseJsonValue(example);
    return node.t === 'object' ? node : undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return undefined;
    throw error;
  }
}
