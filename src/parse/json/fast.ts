import type { DocApi as Api, Constraints, DocField as Field, ParseResult } from '../../model/types.js';
import { typeKind } from '../../model/type-kind.js';
import { cleanDescription } from './description.js';
import {
  API_NAME,
  CONSTRAINT_KEYS,
  constraintValue,
  docIdFrom,
  looksLikeDocKeys,
  PLAIN_NAME,
} from './rules.js';
import { MAX_JSON_DEPTH } from '../../json/scanner.js';
import { isRecognisedType, normaliseTypeName } from './type-name.js';

/**
 * The fast path of the doc-JSON reader, for the common case of a doc with nothing to report.
 *
 * The position-keeping scanner builds a node per value (with its line and column) so that a diagnostic can point
 * at it; for thousands of clean docs that tree is most of the reading time and most of its garbage. Here the
 * native `JSON.parse` reads the text and the model is built from plain values. The moment anything would need a
 * diagnostic (a syntax error, a duplicate key, a missing title, an odd name or type, …) this gives up and returns
 * undefined, and the caller reads the file again with the scanner, which reports it with its position. So the
 * result is always exactly what the scanner path returns for the same text, only sooner.
 */
export function readCleanDoc(text: string, file: string): ParseResult | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(root)) return undefined;
  const doc = looksLikeDocKeys((key) => own(root, key) !== undefined) ? root : envelopeDoc(root);
  if (doc === undefined) return undefined;

  const name = own(doc, 'name');
  if (typeof name !== 'string') return undefined;
  const api = name.trim();
  if (!API_NAME.test(api)) return undefined;
  const title = own(doc, 'apiChineseName');
  const description = own(doc, 'description');
  if (typeof title !== 'string' || typeof description !== 'string') return undefined;
  const requestNode = own(doc, 'requestParams');
  const responseNode = own(doc, 'responseParams');
  if (requestNode === undefined && responseNode === undefined) return undefined; // reported as no-params
  const request = readFields(requestNode, true, 0);
  const response = readFields(responseNode, false, 0);
  if (request === undefined || response === undefined) return undefined;
  // Last: JSON.parse keeps the last of two equal keys silently, the scanner warns about them.
  const keys = countKeys(root);
  if (keys === undefined || countMemberNames(text) !== keys) return undefined;

  const diagnostics: ParseResult['diagnostics'] = [];
  const docId = docIdFrom(own(doc, 'id'));
  const result: Api = {
    api,
    title: cleanDescription(title),
    description: cleanDescription(description),
    ...(docId === undefined ? {} : { docId }),
    request,
    response,
    source: { file, format: 'json' },
    diagnostics,
  };
  return { api: result, diagnostics };
}

/** Field nesting deeper than this is left to the scanner, which limits depth with a proper diagnostic. */
const MAX_FIELD_DEPTH = 64;

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own members only: a doc key such as `constructor` must not find Object.prototype's. */
const own = (object: JsonObject, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

function envelopeDoc(root: JsonObject): JsonObject | undefined {
  const data = own(root, 'data');
  const success = own(root, 'success');
  // As the scanner path: only `success: false` is a failed answer.
  if (success === undefined || success === false || !isObject(data)) return undefined;
  return looksLikeDocKeys((key) => own(data, key) !== undefined) ? data : undefined;
}

function readFields(node: unknown, request: boolean, depth: number): Field[] | undefined {
  if (node === undefined || node === null) return [];
  if (!Array.isArray(node) || depth > MAX_FIELD_DEPTH) return undefined;
  const fields: Field[] = [];
  const names = new Set<string>();
  for (const item of node as readonly unknown[]) {
    if (!isObject(item)) return undefined;
    const field = readField(item, request, depth);
    if (field === undefined || names.has(field.name)) return undefined;
    names.add(field.name);
    fields.push(field);
  }
  return fields;
}

function readField(item: JsonObject, request: boolean, depth: number): Field | undefined {
  const name = own(item, 'name');
  if (typeof name !== 'string' || !PLAIN_NAME.test(name)) return undefined;
  const children = readFields(own(item, 'subParams'), request, depth + 1);
  const rawType = own(item, 'type');
  if (children === undefined || typeof rawType !== 'string' || rawType.trim() === '') return undefined;
  const typeName = normaliseTypeName(rawType);
  const hasChildren = children.length > 0;
  if (!isRecognisedType(typeName, hasChildren)) return undefined;
  if (hasChildren) {
    const kind = typeKind({ type: typeName.type, array: typeName.array, children: [] });
    if (kind !== 'struct' && kind !== 'unknown') return undefined; // children-of-primitive
  }
  let required = false;
  if (request) {
    const flag = own(item, 'required');
    if (typeof flag === 'boolean') required = flag;
    else if (flag !== undefined && flag !== null) return undefined;
  }
  const field: { -readonly [K in keyof Field]: Field[K] } = {
    name,
    type: typeName.type,
    array: typeName.array,
    required,
    children,
  };
  const description = own(item, 'description');
  if (typeof description === 'string') {
    const text = cleanDescription(description);
    if (text !== '') field.description = text;
  } else if (description !== undefined && description !== null) return undefined;
  let constraints: { -readonly [K in keyof Constraints]: Constraints[K] } | undefined;
  for (const key of CONSTRAINT_KEYS) {
    const raw = own(item, key);
    if (raw === undefined || raw === null) continue;
    const value = constraintValue(raw);
    if (value === undefined) return undefined;
    constraints ??= {};
    constraints[key] = value;
  }
  if (constraints !== undefined) field.constraints = constraints;
  return field;
}

/**
 * Member names of every object in the parsed value, or undefined when arrays and objects nest deeper than the
 * scanner allows (it reports that; JSON.parse does not mind). Iterative, so deep nesting cannot overflow.
 */
function countKeys(root: unknown): number | undefined {
  let count = 0;
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() ?? 0;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return undefined;
    if (Array.isArray(value)) {
      for (const item of value as readonly unknown[])
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      continue;
    }
    for (const key in value) {
      count++;
      const inner = (value as JsonObject)[key];
      if (typeof inner === 'object' && inner !== null) {
        values.push(inner);
        depths.push(depth + 1);
      }
    }
  }
  return count;
}

/**
 * Member names written in a valid JSON text, counted at their colons: in valid JSON every unescaped `"` delimits
 * a string, so one followed by optional whitespace and a colon ends a member name. A string value that starts
 * with a colon (`": x"`) is counted too; that only overcounts, and the caller then reads the doc with the
 * scanner. One pass over the colons, the spaced form (`"name" : 1`) included.
 */
function countMemberNames(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    let code = text.charCodeAt(before);
    while (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) code = text.charCodeAt(--before);
    if (code === 0x22 && !isEscaped(text, before)) count++;
  }
  return count;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
  return backslashes % 2 === 1;
}
