import { diagnostic } from '../../model/diagnostics.js';
import type { Constraints, Diagnostic } from '../../model/types.js';
import { readBlocks } from './blocks.js';
import { bulletText, leafName, opensObjectBlock } from './bullets.js';
import { CODES } from './codes.js';
import { parseConstraint, withConstraint } from './constraints.js';
import type { TableItem } from '../../model/passes/nesting/page-content.js';
import { excerpt, type Line, type TextLimit } from './lines.js';
import { parseRow, type Side } from './rows.js';
import type { Section } from './sections.js';

/**
 * One parameter table (请求参数 or 响应参数): its top-level rows, their 更多限制 bullets, and the bullet blocks
 * under them, read into a flat list of items in document order (item.ts). Depth is not decided here.
 */
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
      type: cells.type,
      array: cells.array,
      required: cells.required ?? false,
      leaf: false,
      rest: cells.rest,
      ...(row.hasConstraints ? { constrained: true } : {}),
      ...(Object.keys(row.constraints).length > 0 ? { constraints: row.constraints } : {}),
      ...(row.description === undefined ? {} : { descriptionBullet: row.description }),
    });
    row = undefined;
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
    // The rest of this run of bullets is field blocks; a run that reaches the cut of a truncated page is cut too.
    let runEnd = i + 1;
    while (runEnd < end && bulletText(lines[runEnd]) !== undefined) runEnd++;
    const cutAt = runEnd >= end && runsToCut ? { partial: limit.partial } : undefined;
    items.push(...readBlocks(lines, { from: i, to: runEnd, limit: end }, side, file, out, cutAt, dropped));
    i = runEnd - 1;
  }
  flushRow();
  return { items, cut: !closed && runsToCut };
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
