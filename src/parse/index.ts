import { diagnostic } from '../model/diagnostics.js';
import { markDeprecated } from '../model/deprecation.js';
import type { Diagnostic, ParseResult } from '../model/types.js';
import { detectFormat } from './detect.js';
import { parseHtmlDoc } from './html/index.js';
import { parseJsonDoc } from './json/index.js';
import { readCleanDoc } from './json/fast.js';
import { parseTextDoc, type NestingOverride } from './text/index.js';

export { detectFormat, type DetectedFormat } from './detect.js';
export { parseJsonDoc } from './json/index.js';
export { parseHtmlDoc } from './html/index.js';

export interface ParseOptions {
  /** Nesting decisions for text and HTML pages, applied by the nesting pass (src/model/passes/nesting). */
  readonly override?: NestingOverride;
}

/**
 * Reads one input file into an `Api`, whatever its format: form-A text, saved HTML or doc JSON. The format is
 * detected from the content (a UTF-8 BOM is ignored); an input that is none of these, binary, empty or not UTF-8
 * gives a single `error` diagnostic and no `api`. Never throws on bad input.
 */
export function parseDocument(
  content: Uint8Array | string,
  file: string,
  options: ParseOptions = {},
): ParseResult {
  const detected = detectFormat(content);
  if (detected.format === 'unknown' || detected.format === 'binary') {
    return {
      diagnostics: [
        diagnostic('error', detected.code, detected.reason, {
          file,
          ...(detected.line === undefined ? {} : { line: detected.line }),
          expected: 'a TOP API doc: form-A text, saved HTML or doc JSON, in UTF-8',
          found: detected.found,
        }),
      ],
    };
  }
  const decoded = decode(content);
  const override = options.override;
  try {
    // JSON.parse rejects every raw control character that dropControlCharacters drops, so a doc the JSON fast
    // reader takes has none: the scan for them is left to the docs it does not take.
    const clean = detected.format === 'json' ? readCleanDoc(decoded, file) : undefined;
    if (clean !== undefined) return withDeprecations(clean);
    const { text, dropped } = dropControlCharacters(decoded, file);
    const result = readFormat(detected.format, text, file, override);
    if (dropped === undefined) return withDeprecations(result);
    return result.api === undefined
      ? { diagnostics: [dropped, ...result.diagnostics] }
      : {
          api: markDeprecated({ ...result.api, diagnostics: [dropped, ...result.api.diagnostics] }),
          diagnostics: [dropped, ...result.diagnostics],
        };
  } catch (error) {
    // The readers report bad input as diagnostics; an exception here is a defect in topgen. Turn it into a
    // diagnostic anyway so that one bad file does not abort a whole batch.
    const message = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        diagnostic(
          'error',
          'internal-error',
          `topgen failed while reading this ${detected.format} doc: ${message}`,
          { file },
        ),
      ],
    };
  }
}

function readFormat(
  format: 'json' | 'html' | 'text',
  text: string,
  file: string,
  override: NestingOverride | undefined,
): ParseResult {
  switch (format) {
    case 'json':
      return parseJsonDoc(text, file);
    case 'html':
      return parseHtmlDoc(text, file, override === undefined ? {} : { override });
    case 'text':
      return parseTextDoc(text, file, override === undefined ? {} : { override });
  }
}

/** Retirement read from the doc text the same way for every format. */
function withDeprecations(result: ParseResult): ParseResult {
  return result.api === undefined ? result : { ...result, api: markDeprecated(result.api) };
}

/** C0 controls other than tab, line feed and carriage return (DEL and C1 controls are valid, if odd, text). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * A stray NUL or other control character in otherwise valid text (some doc pages carry a `\u0000` in their
 * text) is dropped with a warning; it never means anything in a doc and must not reach generated code.
 */
function dropControlCharacters(text: string, file: string): { text: string; dropped?: Diagnostic } {
  CONTROL.lastIndex = 0;
  const first = CONTROL.exec(text);
  if (first === null) return { text };
  const matches = text.match(CONTROL) ?? [];
  const line = text.slice(0, first.index).split('\n').length;
  const codes = [...new Set(matches)].map(
    (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  const dropped = diagnostic(
    'warning',
    'control-characters-dropped',
    `${matches.length} control character${matches.length === 1 ? '' : 's'} (${codes.slice(0, 5).join(', ')}) in the text ${matches.length === 1 ? 'was' : 'were'} dropped; the first is on this line.`,
    {
      file,
      line,
      expected: 'text without NUL or other control characters',
      found: codes.slice(0, 5).join(', '),
    },
  );
  return { text: text.replace(CONTROL, ''), dropped };
}

/** UTF-8 bytes → string without a BOM (validity was checked by `detectFormat`). */
function decode(content: Uint8Array | string): string {
  const text =
    typeof content === 'string'
      ? content
      : // Buffer's decoder is quicker than a TextDecoder per file; the bytes are valid UTF-8, so both agree.
        Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
