/**
 * The TOP → TypeScript type map (docs/model.md): what a field is as request input and as response output.
 * Struct fields are named by the module plan; everything else is a fixed type expression.
 */
import { typeKind } from '../model/type-kind.js';
import type { Field, TypeKind } from '../model/types.js';

/** Request-side (input) type of one element, by kind. Struct is resolved by the caller. */
const INPUT_TYPES: Readonly<Record<Exclude<TypeKind, 'struct'>, string>> = {
  string: 'string',
  number: 'TopNumberInput',
  byte: 'TopNumberInput',
  boolean: 'boolean',
  date: 'Date | string',
  price: 'string | number',
  json: 'string | JsonValue',
  file: 'TopFile',
  fieldList: 'string | readonly string[]',
  map: 'Readonly<Record<string, JsonValue>>',
  unknown: 'unknown',
};

/** Response-side (output) type of one element, by kind. */
const OUTPUT_TYPES: Readonly<Record<Exclude<TypeKind, 'struct'>, string>> = {
  string: 'string',
  number: 'TopNumber',
  byte: 'TopNumber',
  boolean: 'boolean',
  date: 'string',
  price: 'string',
  json: 'string',
  file: 'string',
  fieldList: 'string',
  map: 'Record<string, unknown>',
  unknown: 'unknown',
};

/** Runtime type names the type expressions above refer to; a module imports the ones it uses. */
const RUNTIME_TYPES = ['JsonValue', 'TopFile', 'TopNumber', 'TopNumberInput'] as const;

function elementType(
  field: Field,
  table: Readonly<Record<Exclude<TypeKind, 'struct'>, string>>,
  struct: () => string,
  uses: Set<string>,
): string {
  const kind = typeKind(field);
  if (kind === 'struct') return struct();
  const type = table[kind];
  for (const name of RUNTIME_TYPES) if (type.split(/[^A-Za-z]/).includes(name)) uses.add(name);
  return type;
}

/**
 * True when the field is a list of elements (`X[]`). `byte[]` is one file, and a `Field List` is already a
 * list of names (a string or string array), so neither is a list of its element type.
 */
export function isList(field: Field): boolean {
  if (!field.array) return false;
  const kind = typeKind(field);
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

/** Response-side type of a field; runtime type names it uses are added to `uses`. */
export function outputType(field: Field, struct: () => string, uses: Set<string>): string {
  const element = elementType(field, OUTPUT_TYPES, struct, uses);
  return isList(field) ? listOf(element, '') : element;
}
