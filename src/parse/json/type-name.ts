import { typeKind } from '../../model/type-kind.js';

/** A doc type name split into the element type and the array flag. */
export interface TypeName {
  readonly type: string;
  readonly array: boolean;
}

/** `X[]`, `X []` (the doc JSON writes both, the pages always the latter) and stray inner spaces. */
const ARRAY_SUFFIX = /^(.*?)\s*\[\s*\]$/s;
const WHITESPACE = /\s/;

/**
 * Normalises a doc type name: trims, collapses inner whitespace (so `Field  List` is `Field List`) and turns a
 * trailing `[]` (with or without a space before it) into `array: true`. Only one `[]` is removed; `X[][]` keeps
 * `X[]` as its element type, which no doc uses and which `isRecognisedType` therefore rejects.
 */
export function normaliseTypeName(raw: string): TypeName {
  // Nearly every doc type is one word (`String`, `Item[]`): no trimming or collapsing to do.
  if (!WHITESPACE.test(raw)) {
    const element = raw.endsWith('[]') ? raw.slice(0, -2) : '';
    return element === '' ? { type: raw, array: false } : { type: element, array: true };
  }
  const collapsed = raw.trim().replace(/\s+/g, ' ');
  const m = ARRAY_SUFFIX.exec(collapsed);
  if (m !== null && m[1] !== undefined && m[1] !== '') return { type: m[1], array: true };
  return { type: collapsed, array: false };
}

/**
 * True when topgen knows how to type a field of this type: a primitive from the type map, a CamelCase struct
 * name, or any name that has documented sub-fields (then it is a struct whatever it is called). Lowercase
 * `long`, `string`, `List<X>` and the like are not recognised.
 */
export function isRecognisedType(name: TypeName, hasChildren: boolean): boolean {
  return (
    typeKind({ type: name.type, array: name.array, children: hasChildren ? [placeholder] : [] }) !== 'unknown'
  );
}

/** Stands in for "has at least one child" when asking `typeKind`; never stored anywhere. */
const placeholder = { name: '', type: '', array: false, required: false, children: [] } as const;

/** The wording used in `unknown-type` diagnostics. */
export const RECOGNISED_TYPES_TEXT =
  'String, Number, Boolean, Date, Price, BigDecimal, Json, Field List, Map, byte, byte[], a CamelCase struct name, or one of these followed by []';
