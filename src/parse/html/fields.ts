import { diagnostic } from '../../model/diagnostics.js';
import { typeKind } from '../../model/type-kind.js';
import type { Constraints, Diagnostic, DocField as Field } from '../../model/types.js';
import {
  isRecognisedType,
  normaliseTypeName,
  RECOGNISED_TYPES_TEXT,
  type TypeName,
} from '../json/type-name.js';
import type { ParamRow } from './table.js';

/**
 * Turns DOM-nested parameter rows into model fields. The checks and diagnostic codes are the doc-JSON reader's
 * (same problems, same words), with the line of the row's `<tr>` in the HTML file.
 */

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** 更多限制 keys (text-format.md §3) and where they go in the model. */
const CONSTRAINT_KEYS: ReadonlyMap<string, keyof Constraints> = new Map([
  ['最大长度', 'maxLength'],
  ['最大列表长度', 'maxListSize'],
  ['最小值', 'minValue'],
  ['最大值', 'maxValue'],
  ['默认值', 'default'],
]);

const REQUIRED_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['必须', true],
  ['可选', false],
]);

export function rowsToFields(
  rows: readonly ParamRow[],
  side: 'request' | 'response',
  path: string,
  file: string,
  out: Diagnostic[],
): Field[] {
  const fields: Field[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const at = { file, line: row.line };
    if (row.name === '') {
      out.push(emptyName(path, at));
      continue;
    }
    const fieldPath = `${path}.${row.name}`;
    const firstLine = seen.get(row.name);
    if (firstLine !== undefined) {
      out.push(
        diagnostic(
          'warning',
          'duplicate-field',
          `Field \`${row.name}\` is documented twice in ${path} (first at line ${firstLine}); the later one is ignored.`,
          {
            ...at,
            field: fieldPath,
            expected: 'unique field names at one level',
            found: `a second \`${row.name}\``,
          },
        ),
      );
      continue;
    }
    seen.set(row.name, row.line);
    checkName(row.name, path, at, out);
    const children = rowsToFields(row.children, side, fieldPath, file, out);
    const typeName = readType(row, fieldPath, children.length > 0, at, out);
    const field: { -readonly [K in keyof Field]: Field[K] } = {
      name: row.name,
      type: typeName.type,
      array: typeName.array,
      required: side === 'request' ? readRequired(row, fieldPath, at, out) : false,
      children,
    };
    if (row.example !== '') field.example = row.example;
    if (row.description !== '') field.description = row.description;
    const constraints = readConstraints(row, fieldPath, at, out);
    if (constraints !== undefined) field.constraints = constraints;
    fields.push(field);
  }
  return fields;
}

export interface At {
  readonly file: string;
  readonly line: number;
}

export function emptyName(path: string, at: At): Diagnostic {
  return diagnostic(
    'warning',
    'empty-name',
    `A parameter row in ${path} has no name; it is left out of the API.`,
    {
      ...at,
      field: path,
      expected: 'a field name in the 名称 column',
      found: 'an empty cell',
    },
  );
}

/** A wire name that is not a plain identifier is kept, with a warning. */
export function checkName(name: string, path: string, at: At, out: Diagnostic[]): void {
  if (PLAIN_NAME.test(name)) return;
  out.push(
    diagnostic(
      'warning',
      'unusual-field-name',
      `Field name ${JSON.stringify(name)} in ${path} is not a plain identifier; it is kept as the wire name.`,
      {
        ...at,
        field: `${path}.${name}`,
        expected: 'letters, digits and _',
        found: JSON.stringify(name),
      },
    ),
  );
}

/** The 类型 cell as a type name; an empty cell is read as String, with a warning. */
export function readTypeCell(row: ParamRow, fieldPath: string, at: At, out: Diagnostic[]): TypeName {
  if (row.type !== '') return normaliseTypeName(row.type);
  out.push(
    diagnostic(
      'warning',
      'missing-type',
      `Field ${fieldPath} has no type; it is read as String (the most common TOP type), which may be wrong.`,
      {
        ...at,
        field: fieldPath,
        expected: 'a type in the 类型 column',
        found: 'an empty cell',
      },
    ),
  );
  return { type: 'String', array: false };
}

function readType(
  row: ParamRow,
  fieldPath: string,
  hasChildren: boolean,
  at: At,
  out: Diagnostic[],
): TypeName {
  const typeName = readTypeCell(row, fieldPath, at, out);
  if (row.type === '') return typeName;
  if (!isRecognisedType(typeName, hasChildren)) {
    out.push(
      diagnostic(
        'warning',
        'unknown-type',
        `Field ${fieldPath} has type ${JSON.stringify(row.type)}, which topgen does not know; its value is left untyped (unknown).`,
        {
          ...at,
          field: fieldPath,
          expected: RECOGNISED_TYPES_TEXT,
          found: JSON.stringify(row.type),
        },
      ),
    );
  } else if (hasChildren) {
    const kind = typeKind({ type: typeName.type, array: typeName.array, children: [] });
    if (kind !== 'struct' && kind !== 'unknown') {
      out.push(
        diagnostic(
          'warning',
          'children-of-primitive',
          `Field ${fieldPath} has primitive type ${typeName.type} but documents sub-fields; they are kept in the model, but the value is typed as ${typeName.type}.`,
          {
            ...at,
            field: fieldPath,
            expected: 'a struct type for a field with sub-fields',
            found: JSON.stringify(row.type),
          },
        ),
      );
    }
  }
  return typeName;
}

export function readRequired(row: ParamRow, fieldPath: string, at: At, out: Diagnostic[]): boolean {
  const value = REQUIRED_WORDS.get(row.required);
  if (value !== undefined) return value;
  out.push(
    diagnostic(
      'warning',
      'invalid-required',
      `The 是否必须 cell of ${fieldPath} is neither 必须 nor 可选; the field is read as optional.`,
      {
        ...at,
        field: fieldPath,
        expected: '必须 or 可选',
        found: row.required === '' ? 'an empty cell' : JSON.stringify(row.required),
      },
    ),
  );
  return false;
}

export function readConstraints(
  row: ParamRow,
  fieldPath: string,
  at: At,
  out: Diagnostic[],
): Constraints | undefined {
  let constraints: { -readonly [K in keyof Constraints]: Constraints[K] } | undefined;
  for (const item of row.constraints) {
    const m = /^([^:]+?)\s*:\s*(.*)$/.exec(item);
    const key = m?.[1] === undefined ? undefined : CONSTRAINT_KEYS.get(m[1]);
    const value = m?.[2] ?? '';
    if (key === undefined) {
      out.push(
        diagnostic(
          'warning',
          'unknown-constraint',
          `The 更多限制 item ${JSON.stringify(item)} of ${fieldPath} is not one topgen knows; it is ignored.`,
          {
            ...at,
            field: fieldPath,
            expected: [...CONSTRAINT_KEYS.keys()].map((k) => `${k}:<value>`).join(', '),
            found: JSON.stringify(item),
          },
        ),
      );
      continue;
    }
    if (key === 'default') {
      constraints ??= {};
      constraints.default = value;
      continue;
    }
    const n = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(n)) {
      out.push(
        diagnostic(
          'warning',
          'bad-constraint',
          `The 更多限制 item ${JSON.stringify(item)} of ${fieldPath} has no numeric value; it is ignored.`,
          {
            ...at,
            field: fieldPath,
            expected: 'a number',
            found: JSON.stringify(value),
          },
        ),
      );
      continue;
    }
    constraints ??= {};
    constraints[key] = n;
  }
  return constraints;
}
