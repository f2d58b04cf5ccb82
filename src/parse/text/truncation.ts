import { diagnostic } from '../../model/diagnostics.js';
import type { Diagnostic } from '../../model/types.js';
import { CODES } from './codes.js';
import { excerpt, type Line } from './lines.js';
import { HEADING_ROLE, sectionAt, type Heading, type SectionMap } from './sections.js';

/**
 * Truncation: most saved pages stop at 2,000 bytes mid-token (docs/text-format.md §0.1). A complete page ends
 * with `FAQ`, a blank line, `返回` and `顶部` (possibly indented by the 4-space shift); anything else was cut.
 */
export interface Truncation {
  /** Index of the last line that has any visible text: where the page ends. */
  readonly lastIndex: number;
  /** Lines `[0, parseEnd)` are read; a last line without its `\n` is partial and left out. */
  readonly parseEnd: number;
  /** The partial last line that was left out, when it had visible text. */
  readonly dropped?: Line;
}

const FOOTER = ['FAQ', '返回', '顶部'] as const;

/** Undefined for a complete page. */
export function detectTruncation(content: string, lines: readonly Line[]): Truncation | undefined {
  const visible: number[] = [];
  for (let i = lines.length - 1; i >= 0 && visible.length < FOOTER.length; i--) {
    if (lines[i]?.text !== '') visible.unshift(i);
  }
  const complete =
    visible.length === FOOTER.length && visible.every((index, k) => lines[index]?.text === FOOTER[k]);
  if (complete) return undefined;
  const lastIndex = visible[visible.length - 1] ?? 0;
  if (content.endsWith('\n') || lines.length === 0) return { lastIndex, parseEnd: lines.length };
  const last = lines[lines.length - 1];
  const parseEnd = lines.length - 1;
  return last !== undefined && last.text !== ''
    ? { lastIndex, parseEnd, dropped: last }
    : { lastIndex, parseEnd };
}

/** What a cut in each section leaves unknown, in the words of the model. */
function consequence(heading: Heading | undefined, lineNo: number): string {
  switch (heading) {
    case undefined:
    case '公共参数':
      return 'the request and response tables are missing, so the model has no fields';
    case '请求参数':
      return (
        `request parameters after line ${lineNo} are missing and the last one may be incomplete; ` +
        'the response table, code sample and response example are missing, so the response is empty and ' +
        'request nesting has no sample to confirm it'
      );
    case '响应参数':
      return (
        `response fields after line ${lineNo} and their nesting are unknown; the code sample and response ` +
        'example are missing, so nesting comes from field order alone'
      );
    case '请求示例':
      return (
        `the request code sample stops at line ${lineNo}, so request fields it does not reach have no sample ` +
        'evidence; the response example is missing, so response nesting comes from field order alone'
      );
    case '响应示例':
      return (
        `the response example stops at line ${lineNo}, so response fields it does not reach have no sample ` +
        'evidence for their nesting or example values'
      );
    default:
      return 'the request and response tables and samples are complete; only the error example, error codes or links are cut';
  }
}

/** The `truncated-page` warning: where the page ends and which parts of the model are therefore uncertain. */
export function truncationDiagnostic(
  file: string,
  lines: readonly Line[],
  truncation: Truncation,
  sections: SectionMap,
  droppedBlocks: readonly string[],
): Diagnostic {
  const lastLine = lines[truncation.lastIndex];
  const lineNo = lastLine?.no ?? 1;
  const section = sectionAt(sections, truncation.lastIndex);
  const where =
    section === undefined
      ? 'before the first section heading'
      : `in section ${section.heading} (${HEADING_ROLE[section.heading]})`;
  const dropped: string[] = [];
  if (truncation.dropped !== undefined) {
    dropped.push(`the partial last line "${excerpt(truncation.dropped.text, 40)}" was left out`);
  }
  for (const block of droppedBlocks) dropped.push(block);
  const tail = dropped.length > 0 ? ` ${capitalise(dropped.join('; '))}.` : '';
  return diagnostic(
    'warning',
    CODES.truncatedPage,
    `Page is truncated: it ends at line ${lineNo} ${where} without the closing "FAQ / 返回 / 顶部" footer; ` +
      `${consequence(section?.heading, lineNo)}.${tail}`,
    {
      file,
      line: lineNo,
      expected: 'the page footer "FAQ", "返回", "顶部"',
      found: `end of text at line ${lineNo}: "${excerpt(lastLine?.text ?? '', 40)}"`,
    },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
