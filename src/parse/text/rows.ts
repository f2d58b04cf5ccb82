import type { Side } from '../../model/passes/nesting/page-content.js';
import { readRowType, type TypeRef } from './type-tokens.js';

/**
 * Top-level table rows: one line, cells joined by one space, empty cells omitted (docs/text-format.md §3–4).
 * Request: `<name> <type>[ []] <必须|可选> [<example>] [<description>]`; response: the same without the
 * required cell. Example and description may both contain spaces, so they are returned unsplit as `rest`.
 */
export interface RowCells extends TypeRef {
  readonly name: string;
  /** Request rows only: `必须` → true, `可选` → false. */
  readonly required?: boolean;
  /** Everything after the type (response) or the required cell (request), verbatim; '' when empty. */
  readonly rest: string;
}

export type { Side } from '../../model/passes/nesting/page-content.js';

const NAME = /^[A-Za-z_$][A-Za-z0-9_$.-]*$/;
export const REQUIRED_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['必须', true],
  ['可选', false],
]);

/** Undefined when the line does not have the row shape. */
export function parseRow(text: string, side: Side): RowCells | undefined {
  // Split off at most the first six tokens (name, `Field List []`, required); the remainder is kept verbatim as `rest`.
  const tokens: string[] = [];
  const starts: number[] = [];
  let pos = 0;
  while (tokens.length < 6 && pos < text.length) {
    while (pos < text.length && text.charCodeAt(pos) === 32) pos++;
    if (pos >= text.length) break;
    const space = text.indexOf(' ', pos);
    const end = space === -1 ? text.length : space;
    starts.push(pos);
    tokens.push(text.slice(pos, end));
    pos = end;
  }
  const name = tokens[0];
  if (name === undefined || !NAME.test(name)) return undefined;
  const typeRef = readRowType(tokens, 1);
  if (typeRef === undefined) return undefined;
  let next = typeRef.next;
  let required: boolean | undefined;
  if (side === 'request') {
    required = REQUIRED_WORDS.get(tokens[next] ?? '');
    if (required === undefined) return undefined;
    next++;
  }
  const restStart = starts[next];
  const rest = restStart === undefined ? '' : text.slice(restStart).trim();
  const base = { name, type: typeRef.type, array: typeRef.array, rest };
  return required === undefined ? base : { ...base, required };
}
