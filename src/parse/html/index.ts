import { diagnostic } from '../../model/diagnostics.js';
import type { DocApi as Api, Diagnostic, DocField as Field, ParseResult } from '../../model/types.js';
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
  if (page.api === undefined || page.textSides.length === 0) {
    return page.api === undefined
      ? { diagnostics: page.diagnostics }
      : { api: page.api, diagnostics: page.diagnostics };
  }
  const viaText = parseTextDoc(page.rendered.map((l) => l.text).join('\n'), file, options);
  const textDiagnostics = viaText.diagnostics.map((d) => relocate(d, page.rendered, file));
  const textApi = viaText.api;
  if (textApi === undefined) return { diagnostics: [...page.diagnostics, ...textDiagnostics] };

  const fromText = (side: Side): boolean => page.textSides.includes(side);
  const domSide = (side: Side): SideFields => ({ fields: page.api?.[side] ?? [], settled: [] });
  const request = fromText('request')
    ? withRowCells(textApi.request, page.api.request, 'request')
    : domSide('request');
  const response = fromText('response')
    ? withRowCells(textApi.response, page.api.response, 'response')
    : domSide('response');
  const settled = new Set([...request.settled, ...response.settled]);
  const diagnostics: Diagnostic[] = [
    ...page.diagnostics,
    ...textDiagnostics.filter(
      (d) =>
        // The DOM-read sides have their own diagnostics already; the text reader's view of them is dropped,
        // and so are its example/description guesses for rows whose cells the DOM separates.
        !(['request', 'response'] as const).some((s) => !fromText(s) && isAbout(d, s)) &&
        !(d.code === 'example-guessed' && d.field !== undefined && settled.has(d.field)),
    ),
  ];
  for (const side of page.textSides) {
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
  const api: Api = { ...page.api, request: request.fields, response: response.fields, diagnostics };
  return { api, diagnostics };
}

interface SideFields {
  readonly fields: readonly Field[];
  /** Paths (`request.param0`) of top-level fields whose cells came from the DOM. */
  readonly settled: readonly string[];
}

/**
 * In the flat-bullet layout the nested fields need the text rules, but each top-level row still has its own
 * 示例值, 更多限制 and 描述 cells in the DOM, which the text copy runs together (text-format.md §3: the
 * example/description boundary is not in the text). Those cells replace the text reader's split.
 */
function withRowCells(text: readonly Field[], dom: readonly Field[], side: Side): SideFields {
  const rows = new Map(dom.map((f) => [f.name, f]));
  const settled: string[] = [];
  const fields = text.map((f): Field => {
    const row = rows.get(f.name);
    if (row === undefined) return f;
    settled.push(`${side}.${f.name}`);
    const { example: _example, description: _description, constraints: _constraints, ...rest } = f;
    const constraints = row.constraints ?? f.constraints;
    return {
      ...rest,
      ...(row.example === undefined ? {} : { example: row.example }),
      ...(row.description === undefined ? {} : { description: row.description }),
      ...(constraints === undefined ? {} : { constraints }),
    };
  });
  return { fields, settled };
}

function isAbout(d: Diagnostic, side: Side): boolean {
  return d.field === side || (d.field?.startsWith(`${side}.`) ?? false);
}

/**
 * A diagnostic about line N of the rendered text, pointed at the HTML line that text came from (columns of the
 * rendered text mean nothing in the HTML). Diagnostics about other files (an override file) are left alone.
 */
function relocate(d: Diagnostic, rendered: readonly RenderedLine[], file: string): Diagnostic {
  if (d.file !== undefined && d.file !== file) return d;
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
