/**
 * Checks an API's own parameters against the model: required presence, type and constraints, down into the
 * JSON of struct parameters. The first problem in document order is reported, with the dotted field path
 * (`param0.ptnr_token`, `items[1].sku_id`) in the sub_msg.
 *
 * Wire rules (see the type map in the project docs): top-level primitives are plain text, primitive arrays are
 * comma-joined, structs and struct arrays are JSON with wire keys, `byte[]` is a multipart file part.
 * Inside struct JSON, values must have their JSON type (strings as strings, booleans as booleans); Numbers and
 * Prices may also be decimal strings, which is how 64-bit values beyond 2^53 travel. Unknown keys are ignored,
 * as TOP ignores them; `null` counts as absent.
 */
import type { Api, Field, TypeKind } from '../model/types.js';
import { rejection, type TopErrorBody } from './errors.js';
import { getEntry, JsonSyntaxError, parseJsonValue, type JsonNode } from './json-tree.js';
import type { GatewayParams } from './request-params.js';
import { checkLength, checkListSize, checkRange, checkScalarText, DECIMAL, quote } from './scalars.js';
import { isWallClock } from './timestamp.js';

/** Returns the error answer for the first invalid or missing API parameter, or undefined when all are fine. */
export function checkApiParams(api: Api, input: GatewayParams): TopErrorBody | undefined {
  for (const field of api.request) {
    const problem = checkTopLevel(field, input);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

const missing = (path: string): TopErrorBody =>
  rejection('missingParameter', `missing required parameter ${path}`);
const invalid = (path: string, detail: string): TopErrorBody =>
  rejection('invalidParameter', `invalid parameter ${path}: ${detail}`);

function checkTopLevel(field: Field, input: GatewayParams): TopErrorBody | undefined {
  const kind = field.kind;
  const text = input.params.get(field.name);
  const present = text !== undefined && text !== '';
  if (kind === 'file') {
    if (input.files.has(field.name)) return undefined;
    if (present) return invalid(field.name, 'expected a multipart file part, found a text value');
    return field.required ? missing(field.name) : undefined;
  }
  if (input.files.has(field.name)) return invalid(field.name, 'expected a text value, found a file part');
  if (!present) return field.required ? missing(field.name) : undefined;
  return checkWireText(field, kind, text, field.name);
}

function checkWireText(field: Field, kind: TypeKind, text: string, path: string): TopErrorBody | undefined {
  if (kind === 'struct' || kind === 'json' || kind === 'map') {
    let node: JsonNode;
    try {
      node = parseJsonValue(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError)
        return invalid(path, `expected JSON, found invalid JSON (${error.message})`);
      throw error;
    }
    if (kind === 'json') return lengthProblem(path, text, field);
    return checkJsonField(field, node, path);
  }
  if (field.array) {
    const items = text.split(',');
    const sizeProblem = checkListSize(items.length, field.constraints);
    if (sizeProblem !== undefined) return invalid(path, sizeProblem);
    for (const [i, item] of items.entries()) {
      const detail = checkScalarText(kind, item, field.constraints);
      if (detail !== undefined) return invalid(`${path}[${i}]`, detail);
    }
    return undefined;
  }
  const detail = checkScalarText(kind, text, field.constraints);
  return detail === undefined ? undefined : invalid(path, detail);
}

function lengthProblem(path: string, text: string, field: Field): TopErrorBody | undefined {
  const detail = checkLength(text, field.constraints);
  return detail === undefined ? undefined : invalid(path, detail);
}

/** A field inside struct JSON (or a whole struct parameter). `node` undefined = key absent. */
function checkJsonField(field: Field, node: JsonNode | undefined, path: string): TopErrorBody | undefined {
  if (node === undefined || node.t === 'null') return field.required ? missing(path) : undefined;
  // `byte[]` is one file value, not a list.
  if (!field.array || field.kind === 'file') return checkJsonValue(field, node, path);
  if (node.t !== 'array') return invalid(path, `expected a JSON array, found ${describe(node)}`);
  const sizeProblem = checkListSize(node.items.length, field.constraints);
  if (sizeProblem !== undefined) return invalid(path, sizeProblem);
  for (const [i, item] of node.items.entries()) {
    const problem = checkJsonValue(field, item, `${path}[${i}]`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function checkJsonValue(field: Field, node: JsonNode, path: string): TopErrorBody | undefined {
  const kind = field.kind;
  switch (kind) {
    case 'struct': {
      if (node.t !== 'object')
        return invalid(path, `expected a JSON object (${field.type}), found ${describe(node)}`);
      for (const child of field.children) {
        const problem = checkJsonField(child, getEntry(node, child.name), `${path}.${child.name}`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'number':
    case 'price': {
      const literal =
        node.t === 'number'
          ? node.text
          : node.t === 'string' && DECIMAL.test(node.value)
            ? node.value
            : undefined;
      if (literal === undefined)
        return invalid(path, `expected a ${field.type} (number or decimal string), found ${describe(node)}`);
      const detail = checkRange(literal, field.constraints);
      return detail === undefined ? undefined : invalid(path, detail);
    }
    case 'boolean':
      return node.t === 'boolean'
        ? undefined
        : invalid(path, `expected true or false, found ${describe(node)}`);
    case 'date':
      return node.t === 'string' && isWallClock(node.value)
        ? undefined
        : invalid(path, `expected a date string yyyy-MM-dd HH:mm:ss, found ${describe(node)}`);
    case 'map':
      return node.t === 'object'
        ? undefined
        : invalid(path, `expected a JSON object (Map), found ${describe(node)}`);
    case 'string':
    case 'fieldList': {
      if (node.t !== 'string') return invalid(path, `expected a string, found ${describe(node)}`);
      const detail = checkLength(node.value, field.constraints);
      return detail === undefined ? undefined : invalid(path, detail);
    }
    case 'json':
    case 'file':
    case 'byte':
    case 'unknown':
      // No JSON shape is documented for these inside a struct; any value is accepted.
      return undefined;
  }
}

function describe(node: JsonNode): string {
  switch (node.t) {
    case 'string':
      return `the string ${quote(node.value)}`;
    case 'number':
      return `the number ${node.text}`;
    case 'boolean':
      return `${node.value}`;
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
  }
}
