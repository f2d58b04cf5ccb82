import type { Side, TableItem } from '../../model/passes/nesting/page-content.js';
import type { Diagnostic } from '../../model/types.js';
import { readBlocks } from '../text/blocks.js';
import type { Line } from '../text/lines.js';
import { checkName, emptyName, readConstraints, readRequired, readTypeCell } from './fields.js';
import type { HtmlBullet, ParamRow } from './table.js';

/**
 * The items of a flat-bullet table (table.ts) for the nesting pass: each `<tr>` is a top-level row with its own
 * cells, and its bullet items are grouped into field blocks by the same rules as the bullets of a text page
 * (src/parse/text/blocks.ts; docs/text-format.md §5.1). Lines are the lines of the `<tr>` and `<li>` elements
 * in the HTML file.
 *
 * Row cells are checked as in a table with DOM nesting (same codes); a row without a name is left out with its
 * bullets, since they cannot belong anywhere else.
 */
export function flatTableItems(
  rows: readonly ParamRow[],
  side: Side,
  file: string,
  out: Diagnostic[],
): TableItem[] {
  const items: TableItem[] = [];
  for (const row of rows) {
    const at = { file, line: row.line };
    if (row.name === '') {
      out.push(emptyName(side, at));
      continue;
    }
    const path = `${side}.${row.name}`;
    checkName(row.name, side, at, out);
    const { type, array } = readTypeCell(row, path, at, out);
    const constraints = readConstraints(row, path, at, out);
    items.push({
      kind: 'row',
      line: row.line,
      name: row.name,
      type,
      array,
      required: side === 'request' ? readRequired(row, path, at, out) : false,
      leaf: false,
      // The cells are apart in the DOM, so the example/description split is known (no guess).
      rest: row.example,
      constrained: true,
      descriptionBullet: row.description,
      ...(constraints === undefined ? {} : { constraints }),
    });
    const bullets = (row.bullets ?? []).map(bulletLine);
    // Past the last bullet comes the next row: lookahead there reads "not a bullet", as in a text page.
    const run = { from: 0, to: bullets.length, limit: Number.POSITIVE_INFINITY };
    items.push(...readBlocks(bullets, run, side, file, out, undefined, []));
  }
  return items;
}

/** An `<li>` as the bullet line a text copy of the page shows for it. */
function bulletLine(bullet: HtmlBullet): Line {
  return { no: bullet.line, raw: bullet.text, text: `• ${bullet.text}`, bullet: bullet.text };
}
