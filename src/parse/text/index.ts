import { diagnostic } from '../../model/diagnostics.js';
import type { DocApi as Api, Diagnostic, ParseResult } from '../../model/types.js';
import {
  resolveNesting,
  type Evidence,
  type NestingOverride,
  type PageContent,
  type SideContent,
} from '../../model/passes/nesting/index.js';
import { CODES } from './codes.js';
import { readTextPage, type TextPage } from './page.js';
import type { Table } from './table.js';

export { parseOverride, type NestingOverride, type OverrideEntry } from '../override.js';
export { readPageErrors, readTextPage, type PageErrors, type TextPage } from './page.js';
export type { ErrorCodeRow, ErrorExample } from './errors-section.js';
export { CODES as TEXT_DIAGNOSTIC_CODES, type TextCode } from './codes.js';

export interface TextParseOptions {
  /** Pins nesting for the fields it lists (docs/overrides.md). */
  readonly override?: NestingOverride;
}

/**
 * Reads one plain-text ("form A") TOP doc page into the API model. Never throws: bad input yields `error`
 * diagnostics (and no `api` when the page has no header), doubtful input yields warnings naming the line, the
 * field and what was expected.
 */
export function parseTextDoc(text: string, file: string, options?: TextParseOptions): ParseResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const page = readTextPage(text, file, diagnostics);
    const api = buildApi(page, file, options?.override, diagnostics);
    sortDiagnostics(diagnostics, file);
    return api === undefined ? { diagnostics } : { api: { ...api, diagnostics }, diagnostics };
  } catch (error) {
    // Only a defect in this reader gets here; report it as a value instead of failing the whole run.
    const cause = error instanceof Error ? (error.stack ?? error.message) : String(error);
    diagnostics.push(
      diagnostic('error', CODES.parserBug, `The text reader failed on this page: ${cause}`, { file }),
    );
    return { diagnostics };
  }
}

function buildApi(
  page: TextPage,
  file: string,
  override: NestingOverride | undefined,
  out: Diagnostic[],
): Omit<Api, 'diagnostics'> | undefined {
  const header = page.header;
  if (header === undefined) return undefined;
  const nested = resolveNesting(pageContent(page, header.api, file), override);
  out.push(...nested.diagnostics);
  return {
    api: header.api,
    title: header.title,
    description: header.description,
    request: nested.request,
    response: nested.response,
    source: { file, format: 'text' },
  };
}

/** What the nesting pass needs from a text page: its two tables and their samples. */
export function pageContent(page: TextPage, api: string, file: string): PageContent {
  const side = (
    table: Table | undefined,
    sample: Evidence | undefined,
    noSample: string,
  ): SideContent | undefined =>
    table === undefined
      ? undefined
      : { items: table.items, noSample, ...(sample === undefined ? {} : { sample }) };
  const request = side(page.request, page.requestSample, page.noSample.request);
  const response = side(page.response, page.responseSample, page.noSample.response);
  return {
    file,
    api,
    ...(request === undefined ? {} : { request }),
    ...(response === undefined ? {} : { response }),
  };
}

/** Page diagnostics by line (stable, so same-line ones keep their order), then those about other files. */
function sortDiagnostics(diagnostics: Diagnostic[], file: string): void {
  diagnostics.sort((a, b) => {
    const fa = a.file === file ? 0 : 1;
    const fb = b.file === file ? 0 : 1;
    return fa !== fb ? fa - fb : (a.line ?? 0) - (b.line ?? 0);
  });
}
