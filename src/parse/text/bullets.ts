import type { Line } from './lines.js';
import { REQUIRED_WORDS, type Side } from './rows.js';
import { parseTypeLine } from './type-tokens.js';

/**
 * Bullet lines (`  • text`, `    • text` after the 4-space shift) and the rules that group them into field
 * blocks (docs/text-format.md §5.1). A block is `name, type, [必须|可选], [example], [description]`; empty
 * cells are dropped, so blocks shrink and cannot be split by counting. A block therefore starts at its name
 * line: `└ name` for a leaf, or an identifier followed by a type line (and, in requests, by `必须|可选`) for
 * an object.
 */

const LEAF_MARK = '└';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Bullet text without the marker, or undefined when the line is not a bullet (or there is no line). */
export function bulletText(line: Line | undefined): string | undefined {
  return line?.bullet;
}

/** `└ name` → `name`; undefined when the text has no leaf mark. */
export function leafName(text: string): string | undefined {
  return text.startsWith(LEAF_MARK) ? text.slice(LEAF_MARK.length).trim() : undefined;
}

/**
 * True when bullet line `index` opens an object block: an identifier, then a type line, then (requests) the
 * required cell. `limit` is one past the last readable line, so a lookahead never reads cut-off text.
 *
 * A response block has no required cell, and `example: v50, description: Country` would pass the first two
 * tests. So a response object must also have a cell of its own after its type line: every one of the 525 nested
 * response objects of the corpus doc JSON has a description, while a mistaken split is followed at once by the
 * next block.
 */
export function opensObjectBlock(lines: readonly Line[], index: number, limit: number, side: Side): boolean {
  if (!namesAndTypes(lines, index, limit)) return false;
  if (index + 2 >= limit) return true;
  const third = bulletText(lines[index + 2]);
  if (side === 'request') return third !== undefined && REQUIRED_WORDS.has(third);
  return third !== undefined && leafName(third) === undefined && !namesAndTypes(lines, index + 2, limit);
}

/** Line `index` is an identifier bullet and the next one a type bullet. */
function namesAndTypes(lines: readonly Line[], index: number, limit: number): boolean {
  const name = bulletText(lines[index]);
  if (name === undefined || !IDENTIFIER.test(name) || index + 1 >= limit) return false;
  const type = bulletText(lines[index + 1]);
  return type !== undefined && parseTypeLine(type) !== undefined;
}
