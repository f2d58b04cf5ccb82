/**
 * The TOP → TypeScript type map (docs/model.md): what a field is as request input and as response output.
 * Struct fields are named by the module plan; everything else is a fixed type expression.
 */
import type { Field, TypeKind } from '../model/types.js';
import type { NumberForm } from '../model/numbers.js';

/** Runtime type names the type expressions below refer to; a module imports the ones it uses. */
const RUNTIME_TYPES = ['Int64String', 'JsonValue', 'TopFile', 'TopNumberInput'] as const;

interface TypeExpression {
  readonly text: string;
  /** Runtime type names in `text`. */
  readonly uses: readonly string[];
}

function expression(text: string): TypeExpression {
  const words = text.split(/[^A-Za-z0-9]+/);
  return { text, uses: RUNTIME_TYPES.filter((name) => words.includes(name)) };
}

type KindTable = Readonly<Record<Exclude<TypeKind, 'struct'>, TypeExpression>>;

/** Request-side (input) type of one element, by kind. Struct is resolved by the caller. */
const INPUT_TYPES: KindTable = {
  string: expression('string'),
  number: expression('TopNumberInput'),
  byte: expression('TopNumberInput'),
  boolean: expression('boolean'),
  date: expression('Date | string'),
  price: expression('string | number'),
  json: expression('string | JsonValue'),
  file: expression('TopFile'),
  fieldList: expression('string | readonly string[]'),
  map: expression('Readonly<Record<string, JsonValue>>'),
  unknown: expression('unknown'),
};

/** Response-side (output) type of one element, by kind; `number` is refined by its NumberForm. */
const OUTPUT_TYPES: KindTable = {
  string: expression('string'),
  number: expression('number'),
  byte: expression('number'),
  boolean: expression('boolean'),
  date: expression('string'),
  price: expression('string'),
  json: expression('string'),
  file: expression('string'),
  fieldList: expression('string'),
  map: expression('Record<string, unknown>'),
  unknown: expression('unknown'),
};

function elementType(field: Field, table: KindTable, struct: () => string, uses: Set<string>): string {
  const kind = field.kind;
  if (kind === 'struct') return struct();
  const type = table[kind];
  for (const name of type.uses) uses.add(name);
  return type.text;
}

/**
 * True when the field is a list of elements (`X[]`). `byte[]` is one file, and a `Field List` is already a
 * list of names (a string or string array), so neither is a list of its element type.
 */
export function isList(field: Field): boolean {
  if (!field.array) return false;
  const kind = field.kind;
  return kind !== 'file' && kind !== 'fieldList';
}

function listOf(element: string, prefix: string): string {
  return `${prefix}${element.includes(' ') ? `(${element})` : element}[]`;
}

/** Request-side type of a field; runtime type names it uses are added to `uses`. */
export function inputType(field: Field, struct: () => string, uses: Set<string>): string {
  const element = elementType(field, INPUT_TYPES, struct, uses);
  return isList(field) ? listOf(element, 'readonly ') : element;
}

const NUMBER_TYPES: Readonly<Record<NumberForm, TypeExpression>> = {
  number: expression('number'),
  string: expression('Int64String'),
  bigint: expression('bigint'),
};

/**
 * Response-side type of a field; runtime type names it uses are added to `uses`. `numberForm` is how a
 * `Number` field is delivered (ids as `Int64String` or `bigint`, the rest as `number`).
 */
export function outputType(
  field: Field,
  struct: () => string,
  uses: Set<string>,
  numberForm: NumberForm | undefined,
): string {
  let element: string;
  if (numberForm === undefined) element = elementType(field, OUTPUT_TYPES, struct, uses);
  else {
    const type = NUMBER_TYPES[numberForm];
    for (const name of type.uses) uses.add(name);
    element = type.text;
  }
  return isList(field) ? listOf(element, '') : element;
}
