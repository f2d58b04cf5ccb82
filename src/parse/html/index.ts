import { diagnostic } from '../../model/diagnostics.js';
import type { Api, Diagnostic, Field, ParseResult } from '../../model/types.js';
import { parseTextDoc, type NestingOverride } from '../text/index.js';
import { readHtmlPage, type Side } from './page.js';
import type { RenderedLine } from './render.js';

export { readHtmlPage, type HtmlPage } from './page.js';

export interface HtmlParseOptions {
  /** Passed to the text rules when a parameter table uses the flat-bullet layout. */
  readonly override?: NestingOverride;
}

/**
 * Reads a saved TOP doc page (HTML) into an `Api`.
 *
 * Parameter tables whose DOM shows the nesting (nested tables, tree rows) are read from the DOM: that is
 * evidence, so no nesting guess and no ambiguity warning. A table in the flat-bullet layout says no more than
 * the plain-text copy of the page, so the page is rendered to form-A text and read by the text rules, which use
 * the request/response samples to place nested fields; their diagnostics are moved to the HTML lines the text
 * came from. Never throws on bad input.
 */
export function parseHtmlDoc(html: string, file: string, options: HtmlParseOptions = {}): ParseResult {
  const page = readHtmlPage(html, file);
  if (page.api === undefined || page.bulletSides.length === 0) {
    return page.api === undefined
      ? { diagnostics: page.diagnostics }
      : { api: page.api, diagnostics: page.diagnostics };
  }
  const viaText = parseTextDoc(page.rendered.map((l) => l.text).join('\n'), file, options);
  const textDiagnostics = viaText.diagnostics.map((d) => relocate(d, page.rendered, file));
  const textApi = viaText.api;
  if (textApi === undefined) return { diagnostics: [...page.diagnostics, ...textDiagnostics] };

  const fromText = (side: Side): boolean => page.bulletSides.includes(side);
  const diagnostics: Diagnostic[] = [
    ...page.diagnostics,
    // The DOM-read sides have their own diagnostics already; the text reader's view of them is dropped.
    ...textDiagnostics.filter(
      (d) => !(['request', 'response'] as const).some((s) => !fromText(s) && isAbout(d, s)),
    ),
  ];
  for (const side of page.bulletSides) {
    const mismatch = topLevelMismatch(page.api[side], textApi[side]);
    if (mismatch !== undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          'html-text-mismatch',
          `The ${side} table rows and the text reading of this page disagree on the top-level fields.`,
          {
            file,
            field: side,
            expected: mismatch.dom,
            found: mismatch.text,
          },
        ),
      );
    }
  }
  const api: Api = {
    ...page.api,
    request: fromText('request') ? textApi.request : page.api.request,
    response: fromText('response') ? textApi.response : page.api.response,
    diagnostics,
  };
  return { api, diagnostics };
}

function isAbout(d: Diagnostic, side: Side): boolean {
  return d.field === side || (d.field?.startsWith(`${side}.`) ?? false);
}

/** A diagnostic about line N of the rendered text, pointed at the HTML line that text came from. */
function relocate(d: Diagnostic, rendered: readonly RenderedLine[], file: string): Diagnostic {
  const { column: _column, line, ...rest } = d;
  const htmlLine = line === undefined ? undefined : rendered[line - 1]?.htmlLine;
  return { ...rest, file, ...(htmlLine === undefined ? {} : { line: htmlLine }) };
}

function topLevelMismatch(
  dom: readonly Field[],
  text: readonly Field[],
): { dom: string; text: string } | undefined {
  const a = dom.map((f) => f.name).join(', ');
  const b = text.map((f) => f.name).join(', ');
  return a === b ? undefined : { dom: a || 'no fields', text: b || 'no fields' };
}
