import { diagnostic } from '../../model/diagnostics.js';
import { typeKind } from '../../model/type-kind.js';
import type { Constraints, Diagnostic, DocField as Field } from '../../model/types.js';
import { cleanDescription } from './description.js';
import { CONSTRAINT_KEYS, constraintValue, PLAIN_NAME } from './rules.js';
import { describeKind, member, type JsonNode, type JsonObjectNode, type Pos } from '../../json/scanner.js';
import { isRecognisedType, normaliseTypeName, RECOGNISED_TYPES_TEXT, type TypeName } from './type-name.js';

export type Side = 'request' | 'response';

/** Collects diagnostics for one file; every diagnostic carries the file and a line. */
export class JsonDiagnostics {
  readonly list: Diagnostic[] = [];
  constructor(readonly file: string) {}

  add(
    severity: Diagnostic['severity'],
    code: string,
    message: string,
    at: Pos,
    extra: { field?: string; expected?: string; found?: string } = {},
  ): void {
    this.list.push(
      diagnostic(severity, code, message, { file: this.file, line: at.line, column: at.column, ...extra }),
    );
  }
}

/**
 * Reads a `requestParams` / `responseParams` / `subParams` array into fields, in document order.
 * `path` is the dotted path of the owner (`request`, `request.param0`).
 */
export function readParams(
  node: JsonNode | undefined,
  side: Side,
  path: string,
  key: string,
  out: JsonDiagnostics,
): Field[] {
  if (node === undefined || node.kind === 'null') return [];
  if (node.kind !== 'array') {
    out.add('error', 'invalid-params', `\`${key}\` of ${path} must be an array of parameter objects.`, node, {
      field: path,
      expected: 'an array',
      found: describeKind(node),
    });
    return [];
  }
  const fields: Field[] = [];
  const seen = new Map<string, Pos>();
  for (const item of node.items) {
    const field = readParam(item, side, path, key, out);
    if (field === undefined) continue;
    const first = seen.get(field.name);
    if (first !== undefined) {
      // Two fields with one wire name cannot both exist in a request or a response object; keep the first
      // so that generated types stay valid, and say so.
      out.add(
        'warning',
        'duplicate-field',
        `Field \`${field.name}\` is documented twice in ${path} (first at line ${first.line}); the later one is ignored.`,
        item,
        {
          field: `${path}.${field.name}`,
          expected: 'unique field names at one level',
          found: `a second \`${field.name}\``,
        },
      );
      continue;
    }
    seen.set(field.name, item);
    fields.push(field);
  }
  return fields;
}

function readParam(
  item: JsonNode,
  side: Side,
  path: string,
  key: string,
  out: JsonDiagnostics,
): Field | undefined {
  if (item.kind !== 'object') {
    out.add('error', 'invalid-param', `An entry of \`${key}\` in ${path} is not a parameter object.`, item, {
      field: path,
      expected: 'an object with name and type',
      found: describeKind(item),
    });
    return undefined;
  }
  const name = readName(item, path, key, out);
  if (name === undefined) return undefined;
  const fieldPath = `${path}.${name}`;

  const subNode = member(item, 'subParams');
  const children = readParams(subNode, side, fieldPath, 'subParams', out);
  const typeName = readType(item, fieldPath, children.length > 0, out);

  const field: { -readonly [K in keyof Field]: Field[K] } = {
    name,
    type: typeName.type,
    array: typeName.array,
    // Doc JSON marks many response fields `required: true` (946 in the corpus), but TOP omits empty fields from
    // every response whatever the doc says, so the model keeps all response fields optional.
    required: side === 'request' ? readRequired(item, fieldPath, out) : false,
    children,
  };
  const description = readDescription(item, fieldPath, out);
  if (description !== undefined) field.description = description;
  const constraints = readConstraints(item, fieldPath, out);
  if (constraints !== undefined) field.constraints = constraints;
  return field;
}

function readName(item: JsonObjectNode, path: string, key: string, out: JsonDiagnostics): string | undefined {
  const node = member(item, 'name');
  if (node === undefined) {
    // A nameless parameter cannot be sent or read, but the rest of the API can: it is left out, not the doc.
    out.add(
      'warning',
      'missing-name',
      `A parameter in \`${key}\` of ${path} has no \`name\`; it is left out of the API.`,
      item,
      { field: path, expected: 'a "name" member', found: keysOf(item) },
    );
    return undefined;
  }
  if (node.kind !== 'string') {
    out.add('error', 'invalid-name', `A parameter name in ${path} is not a string.`, node, {
      field: path,
      expected: 'a string',
      found: describeKind(node),
    });
    return undefined;
  }
  const name = node.value.trim();
  if (name === '') {
    out.add(
      'warning',
      'empty-name',
      `A parameter in \`${key}\` of ${path} has an empty name; it is left out of the API.`,
      node,
      { field: path, expected: 'a non-empty field name', found: JSON.stringify(node.value) },
    );
    return undefined;
  }
  if (!PLAIN_NAME.test(node.value)) {
    out.add(
      'warning',
      'unusual-field-name',
      `Field name ${JSON.stringify(node.value)} in ${path} is not a plain identifier; it is kept as the wire name${name === node.value ? '' : ' without its surrounding whitespace'}.`,
      node,
      { field: `${path}.${name}`, expected: 'letters, digits and _', found: JSON.stringify(node.value) },
    );
  }
  return name;
}

function readType(
  item: JsonObjectNode,
  fieldPath: string,
  hasChildren: boolean,
  out: JsonDiagnostics,
): TypeName {
  const node = member(item, 'type');
  if (node === undefined || (node.kind === 'string' && node.value.trim() === '')) {
    out.add(
      'warning',
      'missing-type',
      `Field ${fieldPath} has no type; it is read as String (the most common TOP type), which may be wrong.`,
      node ?? item,
      { field: fieldPath, expected: 'a "type" member', found: node === undefined ? keysOf(item) : '""' },
    );
    return { type: 'String', array: false };
  }
  if (node.kind !== 'string') {
    out.add('error', 'invalid-type', `The type of ${fieldPath} is not a string.`, node, {
      field: fieldPath,
      expected: 'a type name string',
      found: describeKind(node),
    });
    return { type: 'String', array: false };
  }
  const typeName = normaliseTypeName(node.value);
  if (!isRecognisedType(typeName, hasChildren)) {
    out.add(
      'warning',
      'unknown-type',
      `Field ${fieldPath} has type ${JSON.stringify(node.value)}, which topgen does not know; its value is left untyped (unknown).`,
      node,
      { field: fieldPath, expected: RECOGNISED_TYPES_TEXT, found: JSON.stringify(node.value) },
    );
  } else if (hasChildren && isPrimitive(typeName)) {
    out.add(
      'warning',
      'children-of-primitive',
      `Field ${fieldPath} has primitive type ${typeName.type} but documents sub-fields; they are kept in the model, but the value is typed as ${typeName.type}.`,
      node,
      {
        field: fieldPath,
        expected: 'a struct type for a field with sub-fields',
        found: JSON.stringify(node.value),
      },
    );
  }
  return typeName;
}

/** True for primitive types (`Price`, `Map`, …), which stay primitive even when sub-fields are documented. */
function isPrimitive(name: TypeName): boolean {
  const kind = typeKind({ type: name.type, array: name.array, children: [] });
  return kind !== 'struct' && kind !== 'unknown';
}

function readRequired(item: JsonObjectNode, fieldPath: string, out: JsonDiagnostics): boolean {
  const node = member(item, 'required');
  if (node === undefined || node.kind === 'null') return false;
  if (node.kind === 'boolean') return node.value;
  out.add(
    'warning',
    'invalid-required',
    `\`required\` of ${fieldPath} is not true or false; the field is read as optional.`,
    node,
    {
      field: fieldPath,
      expected: 'true or false',
      found: describeKind(node),
    },
  );
  return false;
}

function readDescription(item: JsonObjectNode, fieldPath: string, out: JsonDiagnostics): string | undefined {
  const node = member(item, 'description');
  if (node === undefined || node.kind === 'null') return undefined;
  if (node.kind !== 'string') {
    out.add(
      'warning',
      'invalid-description',
      `The description of ${fieldPath} is not a string; it is ignored.`,
      node,
      {
        field: fieldPath,
        expected: 'a string',
        found: describeKind(node),
      },
    );
    return undefined;
  }
  const text = cleanDescription(node.value);
  return text === '' ? undefined : text;
}

function readConstraints(
  item: JsonObjectNode,
  fieldPath: string,
  out: JsonDiagnostics,
): Constraints | undefined {
  let constraints: { -readonly [K in keyof Constraints]: Constraints[K] } | undefined;
  for (const key of CONSTRAINT_KEYS) {
    const node = member(item, key);
    if (node === undefined || node.kind === 'null') continue;
    const value = constraintValue(node.kind === 'number' || node.kind === 'string' ? node.value : undefined);
    if (value === undefined) {
      out.add(
        'warning',
        'bad-constraint',
        `\`${key}\` of ${fieldPath} is not a number; the constraint is ignored.`,
        node,
        {
          field: fieldPath,
          expected: 'a finite number',
          found: describeKind(node),
        },
      );
      continue;
    }
    constraints ??= {};
    constraints[key] = value;
  }
  return constraints;
}

function keysOf(node: JsonObjectNode): string {
  if (node.members.length === 0) return 'an empty object';
  return `an object with ${node.members.map((m) => JSON.stringify(m.key)).join(', ')}`;
}
