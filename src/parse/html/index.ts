import { resolveNesting, type NestingOverride } from '../../model/passes/nesting/index.js';
import type { DocApi as Api, Diagnostic, ParseResult } from '../../model/types.js';
import { readHtmlPage } from './page.js';

export { readHtmlPage, type HtmlPage } from './page.js';

export interface HtmlParseOptions {
  /** Pins the nesting of flat-bullet tables (docs/overrides.md); tables with DOM nesting need none. */
  readonly override?: NestingOverride;
}

/**
 * Reads a saved TOP doc page (HTML) into an `Api`.
 *
 * Parameter tables whose DOM shows the nesting (nested tables, tree rows) are read from the DOM: that is
 * evidence, so no nesting guess and no ambiguity warning. A table in the flat-bullet layout says no more than
 * the plain-text copy of the page: its rows, bullet blocks and the page's samples, read from the DOM with their
 * HTML lines, go through the nesting pass (src/model/passes/nesting), the one the text reader uses, which
 * places nested fields by the request/response samples. Never throws on bad input.
 */
export function parseHtmlDoc(html: string, file: string, options: HtmlParseOptions = {}): ParseResult {
  const page = readHtmlPage(html, file);
  if (page.api === undefined) return { diagnostics: page.diagnostics };
  if (page.flat === undefined) return { api: page.api, diagnostics: page.diagnostics };
  const nested = resolveNesting(page.flat.content, options.override);
  const flatSides = new Set(page.flatSides);
  const diagnostics: Diagnostic[] = [
    ...page.diagnostics,
    ...byLine([...page.flat.diagnostics, ...nested.diagnostics], file),
  ];
  const api: Api = {
    ...page.api,
    request: flatSides.has('request') ? nested.request : page.api.request,
    response: flatSides.has('response') ? nested.response : page.api.response,
    diagnostics,
  };
  return { api, diagnostics };
}

/** Diagnostics about the page by line (stable), then those about other files (an override file). */
function byLine(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  const rank = (d: Diagnostic): number => (d.file === file ? 0 : 1);
  return diagnostics.sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
}
