import { diagnostic } from '../../model/diagnostics.js';
import type { Constraints, Diagnostic } from '../../model/types.js';
import { bulletText, leafName, opensObjectBlock } from './bullets.js';
import { CODES } from './codes.js';
import { parseConstraint, withConstraint } from './constraints.js';
import { excerpt, type Line } from './lines.js';
import { looseKey } from './names.js';
import { parseRow, REQUIRED_WORDS, type Side } from './rows.js';
import type { Section } from './sections.js';
import { parseTypeLine } from './type-tokens.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * One parameter table (请求参数 or 响应参数) read into a flat list of items in document order: top-level rows
 * and the bullet blocks under them. Depth is not decided here: bullets carry only their leaf mark, and
 * nesting.ts decides which object each belongs to.
 */
export interface TableItem {
  readonly kind: 'row' | 'bullet';
  /** 1-based line of the row or of the block's name line. */
  readonly line: number;
  readonly name: string;
  /** `looseKey(name)`, computed once: samples are matched by it. */
  readonly key: string;
  readonly type: string;
  readonly array: boolean;
  /** Request rows and blocks: 必须. Response items: false. */
  readonly required: boolean;
  /** Bullets: written with `└`, i.e. a field without sub-fields. Rows: false. */
  readonly leaf: boolean;
  /** Rows: example and description, unsplit ('' when both are empty). */
  readonly rest?: string;
  /** Rows with 更多限制: `rest` holds only the example; the description came on its own bullet. */
  readonly constrained?: boolean;
  readonly descriptionBullet?: string;
  readonly constraints?: Constraints;
  /** Bullets: the example/description cells after the type (and required) cell: 0, 1 or 2 entries. */
  readonly cells?: readonly string[];
  /** The last block of a table that a truncated page cuts: cells after the ones read are lost. */
  readonly cut?: boolean;
}

export interface Table {
  readonly items: readonly TableItem[];
  /** True when the table runs to the end of the readable text (a truncated page cut inside it). */
  readonly cut: boolean;
}

const HEADER_LINE: Readonly<Record<Side, string>> = {
  request: '名称 类型 是否必须 示例值 更多限制 描述',
  response: '名称 类型 示例值 描述',
};

interface OpenRow {
  readonly line: Line;
  readonly cells: NonNullable<ReturnType<typeof parseRow>>;
  constraints: Constraints;
  hasConstraints: boolean;
  description?: string;
  /** Still reading 更多限制 bullets (and the description bullet that follows them). */
  limits: boolean;
}

/** Where the readable text of a page stops. */
export interface TextLimit {
  /** One past the last readable line index (the partial last line of a truncated page is excluded). */
  readonly end: number;
  /** The page was cut: whatever runs up to `end` may be incomplete. */
  readonly truncated: boolean;
  /** Text of the partial last line that was left out, when there is one. */
  readonly partial?: string;
}

/**
 * Reads the table of `section`. Problems are appended to `out`; `dropped` collects the notes about cut-off
 * blocks for the truncation warning.
 */
export function readTable(
  lines: readonly Line[],
  section: Section,
  side: Side,
  limit: TextLimit,
  file: string,
  out: Diagnostic[],
  dropped: string[],
): Table {
  const end = Math.min(section.end, limit.end);
  const runsToCut = limit.truncated && section.end >= limit.end;
  const items: TableItem[] = [];
  let i = section.start;
  while (i < end && lines[i]?.text === '') i++;
  const headerLine = lines[i];
  if (headerLine !== undefined && i < end) {
    if (headerLine.text === HEADER_LINE[side]) i++;
    else if (!(i === end - 1 && runsToCut && HEADER_LINE[side].startsWith(headerLine.text))) {
      out.push(
        diagnostic(
          'error',
          CODES.badTableHeader,
          `The ${side} table does not start with its column header line.`,
          {
            file,
            line: headerLine.no,
            expected: `"${HEADER_LINE[side]}"`,
            found: `"${excerpt(headerLine.text)}"`,
          },
        ),
      );
      if (parseRow(headerLine.text, side) === undefined) i++;
    }
  }

  let row: OpenRow | undefined;
  let block: Line[] = [];
  /** Bullets are skipped until the next row after an unreadable row (they would land in the wrong group). */
  let skipping = true;
  let orphanReported = false;
  const flushRow = (): void => {
    if (row === undefined) return;
    const { cells, line } = row;
    items.push({
      kind: 'row',
      line: line.no,
      name: cells.name,
      key: looseKey(cells.name),
      type: cells.type,
      array: cells.array,
      required: cells.required ?? false,
      leaf: false,
      rest: cells.rest,
      ...(row.hasConstraints ? { constrained: true, constraints: row.constraints } : {}),
      ...(row.description === undefined ? {} : { descriptionBullet: row.description }),
    });
    row = undefined;
  };
  const flushBlock = (atEnd: boolean): void => {
    if (block.length === 0) return;
    const item = blockItem(block, side, file, out, atEnd ? { partial: limit.partial } : undefined, dropped);
    if (item !== undefined) items.push(item);
    block = [];
  };

  let closed = false;
  for (; i < end; i++) {
    const line = lines[i];
    if (line === undefined) break;
    if (line.text === '') {
      reportTrailing(lines, i + 1, end, side, file, out);
      closed = true;
      break;
    }
    const content = bulletText(line);
    if (content === undefined) {
      flushBlock(false);
      flushRow();
      const cells = parseRow(line.text, side);
      skipping = cells === undefined;
      if (cells === undefined) {
        out.push(
          diagnostic(
            'warning',
            CODES.unrecognizedRow,
            `A line of the ${side} table is not a parameter row; it and its bullets were skipped.`,
            {
              file,
              line: line.no,
              expected:
                side === 'request'
                  ? '"<name> <type> <必须|可选> [<example>] [<description>]"'
                  : '"<name> <type> [<example>] [<description>]"',
              found: `"${excerpt(line.text)}"`,
            },
          ),
        );
      } else {
        row = { line, cells, constraints: {}, hasConstraints: false, limits: side === 'request' };
      }
      continue;
    }
    if (skipping) {
      if (items.length === 0 && !orphanReported) {
        orphanReported = true;
        out.push(
          diagnostic(
            'warning',
            CODES.orphanBullet,
            `A bullet in the ${side} table comes before any parameter row; it was skipped.`,
            {
              file,
              line: line.no,
              expected: 'a top-level parameter row before the first bullet',
              found: `"${excerpt(line.text)}"`,
            },
          ),
        );
      }
      continue;
    }
    if (row !== undefined && row.limits) {
      const constraint = parseConstraint(content);
      if (constraint !== undefined) {
        if ('invalid' in constraint) {
          out.push(
            diagnostic(
              'warning',
              CODES.badConstraint,
              `The ${constraint.key} limit of "${row.cells.name}" is not a number; it was ignored.`,
              {
                file,
                line: line.no,
                field: `${side}.${row.cells.name}`,
                expected: 'a number after the colon',
                found: `"${excerpt(content)}"`,
              },
            ),
          );
        } else {
          row.constraints = withConstraint(row.constraints, constraint);
        }
        row.hasConstraints = true;
        continue;
      }
      row.limits = false;
      if (row.hasConstraints && leafName(content) === undefined && !opensObjectBlock(lines, i, end, side)) {
        row.description = content;
        continue;
      }
    }
    flushRow();
    if (leafName(content) !== undefined || (block.length >= 2 && opensObjectBlock(lines, i, end, side))) {
      flushBlock(false);
    }
    block.push(line);
  }
  const cut = !closed && runsToCut;
  flushBlock(cut);
  flushRow();
  return { items, cut };
}

/** Turns the lines of one bullet block into an item, or drops it (with a note) when it has no type line. */
function blockItem(
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
    key: looseKey(name),
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

function reportTrailing(
  lines: readonly Line[],
  from: number,
  end: number,
  side: Side,
  file: string,
  out: Diagnostic[],
): void {
  for (let k = from; k < end; k++) {
    const line = lines[k];
    if (line === undefined || line.text === '') continue;
    out.push(
      diagnostic('warning', CODES.unexpectedLine, `Text after the end of the ${side} table was ignored.`, {
        file,
        line: line.no,
        expected: 'the next section heading',
        found: `"${excerpt(line.text)}"`,
      }),
    );
    return;
  }
}
