import type { DocField, TypeKind } from './types.js';

/** Doc type names with a fixed meaning. Anything else that looks like a Java class name is a struct. */
const PRIMITIVE_KINDS: ReadonlyMap<string, TypeKind> = new Map<string, TypeKind>([
  ['String', 'string'],
  ['Number', 'number'],
  ['Boolean', 'boolean'],
  ['Date', 'date'],
  ['Price', 'price'],
  ['BigDecimal', 'price'],
  ['Json', 'json'],
  ['Field List', 'fieldList'],
  ['Map', 'map'],
]);

/** A struct type name: one Java-style identifier starting with a capital letter. */
const STRUCT_NAME = /^[A-Z][A-Za-z0-9_$]*$/;

/**
 * The value kind of a field, from what its doc says. The kinds pass (passes/kinds.ts) stores it on every
 * model field; readers use it only to report type names TOP does not have. `byte[]` is a file upload (multipart part); a single `byte` is a small integer in
 * every real doc (`add_bed`, `status`), so it is a number.
 */
export function typeKind(field: Pick<DocField, 'type' | 'array' | 'children'>): TypeKind {
  if (field.type === 'byte') return field.array ? 'file' : 'number';
  const primitive = PRIMITIVE_KINDS.get(field.type);
  if (primitive !== undefined) return primitive;
  if (field.children.length > 0 || STRUCT_NAME.test(field.type)) return 'struct';
  return 'unknown';
}

/** True for the type names topgen knows without looking at children. */
export function isKnownPrimitive(type: string): boolean {
  return type === 'byte' || PRIMITIVE_KINDS.has(type);
}
