import { isUtf8 } from 'node:buffer';

/**
 * Input format detection by content (never by file name: saved pages are often `.txt`, `.htm`, or nothing).
 *
 * Only a prefix is inspected for the format itself, so a 50 MB input costs no more than a small one; the one
 * whole-input check is UTF-8 validity of byte input, done natively by `isUtf8`.
 */

export type DetectedFormat = { readonly format: 'text' | 'html' | 'json' } | UndetectedFormat;

export interface UndetectedFormat {
  readonly format: 'unknown' | 'binary';
  /** A sentence saying what was expected and what was found. */
  readonly reason: string;
  /** Diagnostic code for the reason. */
  readonly code: 'unknown-format' | 'binary-file' | 'empty-file' | 'invalid-utf8';
  /** What the start of the input (or the bad bytes) looks like, escaped and short, for the diagnostic's `found`. */
  readonly found: string;
  /** 1-based line of the first invalid byte of a text file that is not UTF-8. */
  readonly line?: number;
}

/** How much of the input is looked at to tell formats apart. */
export const DETECT_PREFIX_CHARS = 64 * 1024;
/** Like git, NUL bytes near the start mark a binary file… */
const NUL_SCAN_BYTES = 8 * 1024;
/**
 * …but only many of them: images, archives and UTF-16 text are full of NULs, while a doc saved from a page whose
 * text carries a stray `\u0000` has one or two (dropped with a warning when the doc is read).
 */
const BINARY_NUL_PER_MILLE = 10;

/** The offset of the first NUL when NULs make up more than 1% of the first bytes; undefined otherwise. */
function binaryNulOffset(head: Uint8Array | string): number | undefined {
  const find = (from: number): number =>
    typeof head === 'string' ? head.indexOf('\u0000', from) : head.indexOf(0, from);
  const first = find(0);
  if (first === -1) return undefined;
  let count = 0;
  for (let at = first; at !== -1; at = find(at + 1)) count++;
  return count * 1000 > head.length * BINARY_NUL_PER_MILLE ? first : undefined;
}
/** The form-A header may come after a notice and a breadcrumb line (text-format.md §1). */
const HEADER_SCAN_LINES = 40;

/** Form-A header (text-format.md §2). */
export const HEADER_LINE = /^([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+) \((.*)\)$/;
const SECTION_HEADING = /^[ \t]*(?:公共参数|请求参数|响应参数)[ \t]*\r?$/m;
const HTML_START = /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>]|!--)/i;
const HTML_ELEMENT = /<(?:div|table|h1|h2|section|main|article|ul|pre)[\s>]/i;
const MARKDOWN_TABLE = /\|\s*名称\s*\|\s*类型\s*\|/;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export const EXPECTED_FORMATS =
  'a TOP API doc page as UTF-8 text (a line "<api.name> (<title>)" and the sections 请求参数/响应参数), saved HTML, or doc JSON';

export function detectFormat(content: Uint8Array | string): DetectedFormat {
  let prefix: string;
  if (typeof content === 'string') {
    prefix = content.slice(0, DETECT_PREFIX_CHARS);
    if (prefix.charCodeAt(0) === 0xfeff) prefix = prefix.slice(1);
    const nul = binaryNulOffset(prefix.slice(0, NUL_SCAN_BYTES));
    if (nul !== undefined) return binary(quoteStart(prefix), nul);
  } else {
    const bytes = content;
    const utf16 = utf16Bom(bytes);
    if (utf16 !== undefined) {
      return {
        format: 'binary',
        code: 'invalid-utf8',
        reason: `The input is ${utf16} (it starts with a UTF-16 byte order mark); topgen reads UTF-8. Re-save the file as UTF-8.`,
        found: hexBytes(bytes),
      };
    }
    const nul = binaryNulOffset(bytes.subarray(0, NUL_SCAN_BYTES));
    if (nul !== undefined) return binary(hexBytes(bytes), nul);
    if (!isUtf8(bytes)) {
      const at = firstInvalidUtf8(bytes);
      return {
        format: 'binary',
        code: 'invalid-utf8',
        reason: `The input is not valid UTF-8 (first bad byte at offset ${at}); it may be GBK or another legacy encoding. Re-save it as UTF-8.`,
        found: hexBytes(bytes.subarray(at, at + 8)),
        line: lineAtByte(bytes, at),
      };
    }
    const start = startsWith(bytes, UTF8_BOM) ? 3 : 0;
    // Doc JSON, by far the most common input in bulk, is told by its first byte: no need to decode anything.
    const first = bytes[firstNonBlank(bytes, start)];
    if (first === 0x7b /* { */ || first === 0x5b /* [ */) return { format: 'json' };
    // `stream: true` keeps a multi-byte character cut at the end of the prefix from becoming U+FFFD noise.
    prefix = new TextDecoder('utf-8').decode(bytes.subarray(start, start + DETECT_PREFIX_CHARS), {
      stream: true,
    });
  }
  return detectText(prefix);
}

/** Classifies the decoded, BOM-less start of an input. */
function detectText(prefix: string): DetectedFormat {
  const trimmed = prefix.trimStart();
  if (trimmed === '') {
    return {
      format: 'unknown',
      code: 'empty-file',
      reason: prefix === '' ? 'The input is empty.' : 'The input contains only whitespace.',
      found: prefix === '' ? 'no content' : `${prefix.length} whitespace characters`,
    };
  }
  const first = trimmed.charCodeAt(0);
  // Doc JSON is an object; an array or a broken object still goes to the JSON reader, which then reports the
  // exact line and column of the problem instead of a vague "unknown format".
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) return { format: 'json' };
  if (first === 0x3c /* < */) {
    if (HTML_START.test(trimmed) || HTML_ELEMENT.test(trimmed)) return { format: 'html' };
    return unknown(
      trimmed,
      trimmed.startsWith('<?xml')
        ? 'The input is an XML document (a response example?), not a doc page.'
        : 'The input starts with markup that is not an HTML doc page.',
    );
  }
  if (MARKDOWN_TABLE.test(prefix)) {
    return unknown(
      trimmed,
      'The input looks like a markdown-table copy of a doc page; that rendering drops nested fields. Save the page as plain text (the copy of the rendered page) or as HTML.',
    );
  }
  if (hasHeaderLine(trimmed) || SECTION_HEADING.test(prefix)) return { format: 'text' };
  return unknown(trimmed, 'The input is not a recognisable TOP API doc page.');
}

function hasHeaderLine(text: string): boolean {
  let start = 0;
  for (let n = 0; n < HEADER_SCAN_LINES && start < text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (HEADER_LINE.test(text.slice(start, end).trim())) return true;
    start = end + 1;
  }
  return false;
}

function unknown(text: string, reason: string): UndetectedFormat {
  return {
    format: 'unknown',
    code: 'unknown-format',
    reason: `${reason} Expected ${EXPECTED_FORMATS}.`,
    found: quoteStart(text),
  };
}

/** A binary file has no lines worth pointing at; the offset of the NUL byte is in the reason. */
function binary(found: string, offset: number): UndetectedFormat {
  return {
    format: 'binary',
    code: 'binary-file',
    reason: `The input is binary (NUL bytes, the first at offset ${offset}), not a doc page. Expected ${EXPECTED_FORMATS}.`,
    found,
  };
}

/** Index of the first byte that is not JSON whitespace (space, tab, CR, LF). */
function firstNonBlank(bytes: Uint8Array, from: number): number {
  let at = from;
  for (let b = bytes[at]; b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d; b = bytes[++at]);
  return at;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let k = bytes.indexOf(0x0a); k !== -1 && k < offset; k = bytes.indexOf(0x0a, k + 1)) line++;
  return line;
}

/** The first characters, JSON-quoted so that control characters are visible. */
function quoteStart(text: string): string {
  const head = [...text.slice(0, 60)].slice(0, 40).join('');
  return `${JSON.stringify(head)}${text.length > head.length ? '…' : ''}`;
}

function hexBytes(bytes: Uint8Array): string {
  const head = Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `bytes ${head}${bytes.length > 16 ? ' …' : ''}`;
}

function startsWith(bytes: Uint8Array, head: readonly number[]): boolean {
  return head.every((b, i) => bytes[i] === b);
}

function utf16Bom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
 * Only called once `isUtf8` has said the input is invalid, to point at the place.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
