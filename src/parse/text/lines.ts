/**
 * Line records for a form-A page. Every structural decision in this reader works on `text` (the line with its
 * surrounding whitespace removed): the "更多限制 shift" indents everything after a constrained request row by four
 * spaces, so indentation never carries meaning (docs/text-format.md §1.1).
 */
export interface Line {
  /** 1-based line number in the input file. */
  readonly no: number;
  /** The line as written, without its `\n` (and without a trailing `\r`). */
  readonly raw: string;
  /** `raw` with leading and trailing whitespace removed. */
  readonly text: string;
  /** For a bullet line (`• x`, at any indentation): the text after the marker, else undefined. */
  readonly bullet: string | undefined;
}

const BULLET = '•';

/** Where the readable text of a page stops. */
export interface TextLimit {
  /** One past the last readable line index (the partial last line of a truncated page is excluded). */
  readonly end: number;
  /** The page was cut: whatever runs up to `end` may be incomplete. */
  readonly truncated: boolean;
  /** Text of the partial last line that was left out, when there is one. */
  readonly partial?: string;
}

/** Removes surrounding whitespace, including the ideographic space some pages keep. */
export function strip(value: string): string {
  return value.trim();
}

/** Splits a page into line records. A leading byte-order mark is dropped; line numbering is unaffected. */
export function splitLines(content: string): Line[] {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const lines: Line[] = [];
  let start = 0;
  let no = 1;
  for (;;) {
    const end = body.indexOf('\n', start);
    const piece = end === -1 ? body.slice(start) : body.slice(start, end);
    const raw = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    const text = strip(raw);
    lines.push({
      no,
      raw,
      text,
      bullet: text.startsWith(BULLET) ? text.slice(BULLET.length).trim() : undefined,
    });
    if (end === -1) break;
    start = end + 1;
    no++;
  }
  return lines;
}

/** A short, single-line rendering of a line for `found` in diagnostics. */
export function excerpt(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
