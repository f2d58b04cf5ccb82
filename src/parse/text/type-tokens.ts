/**
 * Type cells. A type is one token, or two when it is an array (`String []`, `Item []`; `byte[]` without the
 * space) or the JSON type `Field List` (docs/text-format.md §3). The model keeps the element type without `[]`.
 */
export interface TypeRef {
  readonly type: string;
  readonly array: boolean;
}

const STRUCT_OR_PRIMITIVE = /^[A-Z][A-Za-z0-9_$]*$/;
const ANY_TYPE_WORD = /^[A-Za-z][A-Za-z0-9_$]*$/;
const LOWERCASE_TYPES: ReadonlySet<string> = new Set(['byte']);

/**
 * Parses a bullet type line strictly: only shapes that are certainly types (`String`, `UserRegisterVo`,
 * `String []`, `byte[]`, `Field List`). Bullet blocks are found by their name and type lines, so a loose
 * test here would cut descriptions into phantom fields.
 */
export function parseTypeLine(text: string): TypeRef | undefined {
  let base = text;
  let array = false;
  if (base.endsWith('[]')) {
    array = true;
    base = base.slice(0, -2).trimEnd();
  }
  if (base === 'Field List' || LOWERCASE_TYPES.has(base) || STRUCT_OR_PRIMITIVE.test(base)) {
    return { type: base, array };
  }
  return undefined;
}

/**
 * Reads the type starting at token `index` of a table row. Rows are positional, so any word is accepted as a
 * type here (an unknown one is reported later with the field). Returns the index of the next token.
 */
export function readRowType(
  tokens: readonly string[],
  index: number,
): (TypeRef & { next: number }) | undefined {
  const first = tokens[index];
  if (first === undefined) return undefined;
  let base: string;
  let next = index + 1;
  if (first === 'Field' && tokens[next] === 'List') {
    base = 'Field List';
    next++;
  } else if (first.endsWith('[]') && ANY_TYPE_WORD.test(first.slice(0, -2))) {
    return { type: first.slice(0, -2), array: true, next };
  } else if (ANY_TYPE_WORD.test(first)) {
    base = first;
  } else {
    return undefined;
  }
  if (tokens[next] === '[]') return { type: base, array: true, next: next + 1 };
  return { type: base, array: false, next };
}
