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

const BULLET = '•';
const LEAF_MARK = '└';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Bullet text without the marker, or undefined when the line is not a bullet. */
export function bulletText(line: Line | undefined): string | undefined {
  if (line === undefined || !line.text.startsWith(BULLET)) return undefined;
  return line.text.slice(BULLET.length).trim();
}

/** `└ name` → `name`; undefined when the text has no leaf mark. */
export function leafName(text: string): string | undefined {
  return text.startsWith(LEAF_MARK) ? text.slice(LEAF_MARK.length).trim() : undefined;
}

/** Most lines a block can have: name, type, required (requests), example, description. */
export function maxBlockLines(side: Side): number {
  return side === 'request' ? 5 : 4;
}

/**
 * True when bullet line `index` opens an object block: an identifier, then a type line, then (requests) the
 * required cell. `limit` is one past the last readable line, so a lookahead never reads cut-off text.
 */
export function opensObjectBlock(lines: readonly Line[], index: number, limit: number, side: Side): boolean {
  const name = bulletText(lines[index]);
  if (name === undefined || !IDENTIFIER.test(name)) return false;
  if (index + 1 >= limit) return false;
  const type = bulletText(lines[index + 1]);
  if (type === undefined || parseTypeLine(type) === undefined) return false;
  if (side === 'response') return true;
  if (index + 2 >= limit) return true;
  const required = bulletText(lines[index + 2]);
  return required !== undefined && REQUIRED_WORDS.has(required);
}
