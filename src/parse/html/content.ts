import { diagnostic } from '../../model/diagnostics.js';
import type { PageContent, Side, SideContent, TableItem } from '../../model/passes/nesting/page-content.js';
import type { Evidence } from '../../model/passes/nesting/evidence.js';
import type { Diagnostic } from '../../model/types.js';
import type { SampleBody } from '../samples/body.js';
import { readRequestSample, readResponseSample, unreadableSample } from '../samples/index.js';
import type { Line, TextLimit } from '../text/lines.js';
import { sampleBody } from '../text/sample-body.js';
import { findSections, type Heading, type SectionMap } from '../text/sections.js';
import { readTable } from '../text/table.js';
import { lineOf } from './dom.js';
import { flatTableItems } from './flat-table.js';
import type { PageOutline } from './outline.js';
import type { RenderedLine } from './render.js';
import { preBody } from './samples.js';
import type { ParamTable } from './table.js';

/**
 * The page content of the sides of a saved page whose depth the DOM does not show, for the nesting pass:
 * - a flat-bullet table: its rows' own cells and their bullet items (flat-table.ts);
 * - the request and response samples: the first `<pre>` of 请求示例 / 响应示例 (samples.ts).
 * Everything keeps the line of its element in the HTML file.
 *
 * A parameter section without a `<table>` (rows laid out with `<div>`s), or a sample section without a
 * `<pre>`, has no cells or code block to read; it is read from the page's rendering (render.ts), whose lines
 * also carry their HTML line, by the text page's rules.
 */
export interface FlatContent {
  readonly content: PageContent;
  /** Problems found while reading the flat sides (not yet those of the nesting pass). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface FlatPage {
  readonly file: string;
  readonly api: string;
  readonly outline: PageOutline;
  readonly tables: Partial<Record<Side, ParamTable>>;
  readonly rendered: readonly RenderedLine[];
  readonly flatSides: readonly Side[];
}

const TABLE_HEADING: Readonly<Record<Side, Heading>> = { request: '请求参数', response: '响应参数' };
const SAMPLE_HEADING: Readonly<Record<Side, Heading>> = { request: '请求示例', response: '响应示例' };
const SAMPLE_WHAT: Readonly<Record<Side, string>> = {
  request: 'request code sample',
  response: 'response example',
};

export function flatContent(page: FlatPage): FlatContent {
  const out: Diagnostic[] = [];
  const { file, outline, flatSides } = page;
  const headings = [...outline.headings.entries()];
  // Every doc page ends with its FAQ section: a saved page without it was cut, and so is whatever section the
  // cut falls in (the last one).
  const cut = !headings.some(([, name]) => name === 'FAQ');
  if (cut) {
    const last = headings[headings.length - 1];
    out.push(
      diagnostic(
        'warning',
        'truncated-page',
        'The page has no FAQ section, the last section of every doc page: it was cut when saved. Fields ' +
          'and samples after the cut are missing, and nesting near it may be guessed.',
        {
          file,
          line: page.rendered[page.rendered.length - 1]?.htmlLine ?? 1,
          expected: 'the FAQ section at the end of the page',
          found: last === undefined ? 'no section headings' : `the page ends in its ${last[1]} section`,
        },
      ),
    );
  }
  let rendering: RenderedText | undefined;
  const rendered = (): RenderedText => (rendering ??= renderedText(page.rendered));

  const side = (which: Side): SideContent => {
    const table = page.tables[which];
    const items =
      table === undefined
        ? renderedTable(rendered(), which, file, out)
        : flatTableItems(table.rows, which, file, out);
    const heading = headings.findIndex(([, name]) => name === SAMPLE_HEADING[which]);
    const headingEl = headings[heading]?.[0];
    if (headingEl === undefined) {
      const noSample = cut
        ? `the page is cut before its ${SAMPLE_WHAT[which]}`
        : `the page has no ${SAMPLE_WHAT[which]}`;
      return { items, noSample };
    }
    const pre = which === 'request' ? outline.requestSample : outline.responseSample;
    const sampleCut = cut && heading === headings.length - 1;
    const body =
      pre === undefined
        ? renderedSample(rendered(), SAMPLE_HEADING[which], sampleCut)
        : preBody(pre, lineOf(headingEl), sampleCut);
    const sample = readSample(which, body);
    if (sample !== undefined) return { items, sample, noSample: '' };
    return { items, noSample: unreadableSample(body, which, file, out) };
  };
  const request = flatSides.includes('request') ? side('request') : undefined;
  const response = flatSides.includes('response') ? side('response') : undefined;
  const content: PageContent = {
    file,
    api: page.api,
    ...(request === undefined ? {} : { request }),
    ...(response === undefined ? {} : { response }),
  };
  return { content, diagnostics: out };
}

function readSample(side: Side, body: SampleBody): Evidence | undefined {
  return side === 'request' ? readRequestSample(body).evidence : readResponseSample(body);
}

/** The page's rendering as text-page lines numbered by their HTML line, and its sections. */
interface RenderedText {
  readonly lines: readonly Line[];
  readonly sections: SectionMap;
  readonly limit: TextLimit;
}

function renderedText(rendered: readonly RenderedLine[]): RenderedText {
  const lines = rendered.map((r): Line => {
    const text = r.text.trim();
    return {
      no: r.htmlLine,
      raw: r.text,
      text,
      bullet: text.startsWith('•') ? text.slice(1).trim() : undefined,
    };
  });
  return {
    lines,
    sections: findSections(lines, lines.length),
    limit: { end: lines.length, truncated: false },
  };
}

function renderedTable(text: RenderedText, side: Side, file: string, out: Diagnostic[]): TableItem[] {
  const section = text.sections.get(TABLE_HEADING[side]);
  if (section === undefined) return [];
  return [...readTable(text.lines, section, side, text.limit, file, out, []).items];
}

function renderedSample(text: RenderedText, heading: Heading, cut: boolean): SampleBody {
  const section = text.sections.get(heading);
  const body =
    section === undefined
      ? { text: '', lineNos: [], cut: false, headingLine: 1 }
      : sampleBody(text.lines, section, text.limit);
  return { ...body, cut };
}
