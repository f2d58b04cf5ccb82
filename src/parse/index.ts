import { diagnostic } from '../model/diagnostics.js';
import type { ParseResult } from '../model/types.js';
import { detectFormat } from './detect.js';
import { parseHtmlDoc } from './html/index.js';
import { parseJsonDoc } from './json/index.js';
import { parseTextDoc, type NestingOverride } from './text/index.js';

export { detectFormat, type DetectedFormat } from './detect.js';
export { parseJsonDoc } from './json/index.js';
export { parseHtmlDoc } from './html/index.js';

export interface ParseOptions {
  /** Nesting decisions for form-A text (and HTML pages read through the text rules); see src/parse/text. */
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
  const text = decode(content);
  const override = options.override;
  try {
    switch (detected.format) {
      case 'json':
        return parseJsonDoc(text, file);
      case 'html':
        return parseHtmlDoc(text, file, override === undefined ? {} : { override });
      case 'text':
        return parseTextDoc(text, file, override === undefined ? {} : { override });
    }
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

/** UTF-8 bytes → string without a BOM (validity was checked by `detectFormat`). */
function decode(content: Uint8Array | string): string {
  const text =
    typeof content === 'string'
      ? content
      : // Buffer's decoder is quicker than a TextDecoder per file; the bytes are valid UTF-8, so both agree.
        Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
