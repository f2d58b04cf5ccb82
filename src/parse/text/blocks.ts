import { diagnostic } from '../../model/diagnostics.js';
import type { Diagnostic } from '../../model/types.js';
import { bulletText, leafName, opensObjectBlock } from './bullets.js';
import { CODES } from './codes.js';
import type { TableItem } from '../../model/passes/nesting/page-content.js';
import { excerpt, type Line } from './lines.js';
import { REQUIRED_WORDS, type Side } from './rows.js';
import { parseTypeLine } from './type-tokens.js';

/**
 * One bullet block (docs/text-format.md §5.1): `name`, `type`, `必须|可选` (requests), then the example and
 * description cells that are not empty. table.ts finds where blocks start; this reads one.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Reads a run of bullet lines `[from, to)` that holds only field blocks (the bullets after a row and its
 * 更多限制 bullets) into items. `limit` bounds the lookahead that tells an object's name line from a cell; lines
 * past the run that are not bullets end a block like the end of the run does. `cutAt` is set when the run is
 * cut by the end of a truncated page: it applies to the last block.
 */
export function readBlocks(
  lines: readonly Line[],
  run: { readonly from: number; readonly to: number; readonly limit: number },
  side: Side,
  file: string,
  out: Diagnostic[],
  cutAt: { readonly partial: string | undefined } | undefined,
  dropped: string[],
): TableItem[] {
  const items: TableItem[] = [];
  let block: Line[] = [];
  const flush = (last: boolean): void => {
    const item = readBlock(block, side, file, out, last ? cutAt : undefined, dropped);
    if (item !== undefined) items.push(item);
    block = [];
  };
  for (let k = run.from; k < run.to; k++) {
    const line = lines[k];
    if (line === undefined) break;
    const content = bulletText(line) ?? '';
    const starts =
      leafName(content) !== undefined || (block.length >= 2 && opensObjectBlock(lines, k, run.limit, side));
    if (starts && block.length > 0) flush(false);
    block.push(line);
  }
  if (block.length > 0) flush(true);
  return items;
}

/**
 * Turns the lines of one bullet block into an item, or drops it (with a note) when it has no type line.
 * `cutAt` is set for the last block of a table that a truncated page cuts; `partial` is the left-out last line.
 */
export function readBlock(
  block: readonly Line[],
  side: Side,
  file: string,
  out: Diagnostic[],
  cutAt: { readonly partial: string | undefined } | undefined,
  dropped: string[],
): TableItem | undefined {
  const atEnd = cutAt !== undefined;
  const first = block[0];
  if (first === undefined) return undefined;
  const nameText = bulletText(first) ?? '';
  const leaf = leafName(nameText);
  const name = leaf ?? nameText;
  const typeText = bulletText(block[1]);
  if (typeText === undefined || name === '') {
    const what = `the field block "${excerpt(nameText, 30)}" at line ${first.no}`;
    if (atEnd) {
      dropped.push(`${what} has no type line before the cut and was left out`);
      out.push(
        diagnostic(
          'info',
          CODES.partialFieldDropped,
          `The truncated page cuts ${what}; it was left out of the model.`,
          {
            file,
            line: first.no,
            expected: 'a name line followed by a type line',
            found: `"${excerpt(nameText)}" and the end of the page`,
          },
        ),
      );
    } else {
      out.push(
        diagnostic(
          'warning',
          CODES.badBulletBlock,
          `A bullet block of the ${side} table has no type line; it was skipped.`,
          {
            file,
            line: first.no,
            expected: 'a name line followed by a type line',
            found: `"${excerpt(nameText)}"`,
          },
        ),
      );
    }
    return undefined;
  }
  const parsedType = parseTypeLine(typeText);
  const type = parsedType?.type ?? (typeText.endsWith('[]') ? typeText.slice(0, -2).trimEnd() : typeText);
  const array = parsedType?.array ?? typeText.endsWith('[]');
  let next = 2;
  let required = false;
  if (side === 'request') {
    const requiredText = bulletText(block[2]);
    const value = requiredText === undefined ? undefined : REQUIRED_WORDS.get(requiredText);
    if (value === undefined) {
      if (block.length > 2 || !atEnd) {
        out.push(
          diagnostic(
            'warning',
            CODES.badBulletBlock,
            `The request field "${name}" has no 必须/可选 cell; it is taken as optional.`,
            {
              file,
              line: block[2]?.no ?? first.no,
              expected: '"必须" or "可选" on the third line of the block',
              found: requiredText === undefined ? 'the end of the block' : `"${excerpt(requiredText)}"`,
            },
          ),
        );
      }
    } else {
      required = value;
      next = 3;
    }
  }
  const cells: string[] = [];
  for (let k = next; k < block.length; k++) cells.push(bulletText(block[k]) ?? '');
  let doubtfulDropped = false;
  if (
    cutAt !== undefined &&
    cells.length > 0 &&
    IDENTIFIER.test(cells[cells.length - 1] ?? '') &&
    typeMayFollow(cutAt.partial)
  ) {
    doubtfulDropped = true;
    // At the cut, a last word-like line may be this field's description or the name of a field whose type line
    // was cut off (the partial line after it could start a type); neither reading is safe, so it is not used.
    const doubtful = block[block.length - 1];
    const text = cells.pop() ?? '';
    dropped.push(
      `line ${doubtful?.no ?? first.no} ("${excerpt(text, 30)}") could be the description of "${name}" or the name of a cut-off field and was left out`,
    );
  }
  if (atEnd)
    dropped.push(
      `the last field "${name}" (line ${first.no}) is cut, so its example or description may be missing`,
    );
  if (cells.length > 2) {
    out.push(
      diagnostic(
        'warning',
        CODES.badBulletBlock,
        `The block of "${name}" has ${cells.length} example/description lines; the first is taken as the example and the rest as the description.`,
        {
          file,
          line: first.no,
          expected: 'at most an example line and a description line',
          found: `${cells.length} lines`,
        },
      ),
    );
    const [head, ...tail] = cells;
    cells.length = 0;
    cells.push(head ?? '', tail.join('\n'));
  }
  return {
    kind: 'bullet',
    line: first.no,
    name,
    type,
    array,
    required,
    leaf: leaf !== undefined,
    cells,
    // When a doubtful last line was dropped the block may well be complete, so it is not marked as cut.
    ...(atEnd && !doubtfulDropped ? { cut: true } : {}),
  };
}

/** True unless the partial line after the cut certainly does not start a type line (`• Stri`, `• F`, `•`). */
function typeMayFollow(partial: string | undefined): boolean {
  if (partial === undefined) return true;
  const content = partial.startsWith('•') ? partial.slice(1).trim() : undefined;
  return content !== undefined && (content === '' || /^[A-Za-z]/.test(content));
}
