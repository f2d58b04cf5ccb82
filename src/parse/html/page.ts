import { diagnostic } from '../../model/diagnostics.js';
import type { Side } from '../../model/passes/nesting/page-content.js';
import type { DocApi as Api, Diagnostic, DocField as Field } from '../../model/types.js';
import { HEADER_LINE } from '../detect.js';
import { estimateDepth, isElement, loadHtml, type AnyNode, type Element } from './dom.js';
import { rowsToFields } from './fields.js';
import { outlinePage, SECTION_NAMES } from './outline.js';
import { renderPage, type RenderedLine } from './render.js';
import { flatContent, type FlatContent } from './content.js';
import { readParamTable, type ParamTable } from './table.js';

export type { Side } from '../../model/passes/nesting/page-content.js';

/**
 * Everything the DOM of a saved doc page says by itself. Parameter tables with real DOM nesting become fields
 * here. A table in the flat-bullet layout (see table.ts), or a parameter section laid out without a `<table>`,
 * does not write its depth: such a side is listed in `flatSides`, and `content` holds its rows, bullet blocks and
 * sample for the nesting pass (src/model/passes/nesting), which parseHtmlDoc runs.
 */
export interface HtmlPage {
  /** Absent when the page has no API header or is missing a parameter section (see diagnostics). */
  readonly api?: Api;
  readonly diagnostics: readonly Diagnostic[];
  /** Sides whose depth the DOM does not show; their `api` fields are only the top-level rows, if any. */
  readonly flatSides: readonly Side[];
  /** The flat sides as page content, with lines of the HTML file; present when `api` is and a side is flat. */
  readonly flat?: FlatContent;
  /** The doc part of the page as form-A text, one entry per line (see `docText`): header and description. */
  readonly rendered: readonly RenderedLine[];
}

/** Deeper element nesting than this is not a doc page; refusing it keeps the recursive readers safe. */
export const MAX_HTML_DEPTH = 400;

const NOTICE = /^(?:注意:|文档中心 >)/;
const SECTION_SET: ReadonlySet<string> = new Set(SECTION_NAMES);
/** Sections a form-A copy shows as a bare heading (text-format.md §1). */
const EMPTY_SECTIONS: ReadonlySet<string> = new Set(['公共参数', 'API工具', '如何获得此API']);
/** The header anywhere in a longer string, as a `<title>` writes it (`name (title) - 开放平台`). */
const HEADER_IN_TITLE = /([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+) \((.*)\)/;

export function readHtmlPage(html: string, file: string): HtmlPage {
  // The estimate refuses hostile nesting before a tree is built (that would be slow); the exact depth of the
  // built tree then bounds the recursive readers below.
  const estimate = estimateDepth(html);
  const doc = estimate > MAX_HTML_DEPTH * 4 ? undefined : loadHtml(html);
  const depth = doc === undefined ? estimate : elementDepth(doc);
  if (doc === undefined || depth > MAX_HTML_DEPTH) {
    return {
      diagnostics: [
        diagnostic(
          'error',
          'html-too-deep',
          `The HTML nests elements ${doc === undefined ? 'about ' : ''}${depth} levels deep; a doc page never does.`,
          {
            file,
            expected: `at most ${MAX_HTML_DEPTH} levels of nested elements`,
            found: `${depth} levels`,
          },
        ),
      ],
      flatSides: [],
      rendered: [],
    };
  }
  const outline = outlinePage(doc);
  const diagnostics: Diagnostic[] = [];
  const tables = new Map<Element, ParamTable>();
  const sides: Partial<Record<Side, ParamTable>> = {};
  for (const [side, table] of [
    ['request', outline.requestTable],
    ['response', outline.responseTable],
  ] as const) {
    if (table === undefined) continue;
    const read = readParamTable(table, side);
    tables.set(table, read);
    sides[side] = read;
    for (const jump of read.levelJumps) {
      diagnostics.push(
        diagnostic(
          'warning',
          'html-level-jump',
          `A ${side} row jumps from depth ${jump.from} to depth ${jump.to}; it is read as depth ${jump.from + 1}.`,
          {
            file,
            line: jump.line,
            expected: `depth ${jump.from + 1} or less`,
            found: `depth ${jump.to}`,
          },
        ),
      );
    }
  }
  const rendered = docText(renderPage(doc, new Set(outline.headings.keys()), tables));
  const flatSides = (['request', 'response'] as const).filter((s) =>
    sides[s] === undefined
      ? hasContent(rendered, s === 'request' ? '请求参数' : '响应参数')
      : sides[s].mode === 'bullets',
  );

  const headingOf = new Map<string, Element>();
  for (const [el, name] of outline.headings) if (!headingOf.has(name)) headingOf.set(name, el);
  let missingSection = false;
  for (const name of ['请求参数', '响应参数']) {
    if (headingOf.has(name)) continue;
    missingSection = true;
    diagnostics.push(
      diagnostic(
        'error',
        'missing-section',
        `The page has no ${name} section; without it the API cannot be modelled.`,
        {
          file,
          line: rendered[rendered.length - 1]?.htmlLine ?? 1,
          expected: `a ${name} heading followed by its table`,
          found: `sections ${[...headingOf.keys()].join(', ') || 'none'}`,
        },
      ),
    );
  }

  const header = findHeader(rendered, outline.title);
  if (header === undefined) {
    diagnostics.push(
      diagnostic('error', 'missing-header', 'The page has no API header line.', {
        file,
        line: rendered[0]?.htmlLine ?? 1,
        expected: 'an element (normally <h1>) reading "<api.name> (<title>)"',
        found: rendered[0] === undefined ? 'no text' : JSON.stringify(rendered[0].text.slice(0, 60)),
      }),
    );
  }

  const request = fieldsOf(sides.request, 'request', file, diagnostics);
  const response = fieldsOf(sides.response, 'response', file, diagnostics);
  if (header === undefined || missingSection) return { diagnostics, flatSides, rendered };
  const api: Api = {
    api: header.api,
    title: header.title,
    description: header.description,
    request,
    response,
    source: { file, format: 'html' },
    diagnostics,
  };
  if (flatSides.length === 0) return { api, diagnostics, flatSides, rendered };
  const flat = flatContent({ file, api: header.api, outline, tables: sides, rendered, flatSides });
  return { api, diagnostics, flatSides, flat, rendered };
}

/** Column header lines of the parameter tables (text-format.md §3, §4), which are not content. */
const TABLE_HEADER = /^名称 类型( 是否必须)? 示例值( 更多限制)? 描述$/;

/**
 * True when a parameter section without a `<table>` still has lines of its own (rows laid out with `<div>`s,
 * for instance): then it is read from the rendering by the text table rules (content.ts), or the side would
 * silently come out empty.
 */
function hasContent(lines: readonly RenderedLine[], heading: string): boolean {
  const start = lines.findIndex((l) => l.text.trim() === heading);
  if (start === -1) return false;
  for (const line of lines.slice(start + 1)) {
    const text = line.text.trim();
    if (SECTION_SET.has(text)) return false;
    if (text !== '' && !TABLE_HEADER.test(text)) return true;
  }
  return false;
}

/**
 * The doc itself out of the rendered page, in the shape of a form-A copy:
 * - from the API header line on (site navigation before it is not part of the doc);
 * - the sections form A always shows empty (公共参数, API工具, 如何获得此API) reduced to their heading: pages may
 *   carry the collapsed common-parameter table or tool links there;
 * - up to the FAQ heading, followed by the `返回` / `顶部` pair every complete form-A copy ends with. A saved
 *   HTML page is complete when it reaches the FAQ heading, whatever site chrome (footer links, a back-to-top
 *   widget or none) follows it; without that heading the text is left as it is, and reads as cut short.
 */
function docText(lines: readonly RenderedLine[]): RenderedLine[] {
  const header = lines.findIndex((l) => HEADER_LINE.test(l.text.trim()));
  const out: RenderedLine[] = [];
  let skipping = false;
  for (const line of lines.slice(Math.max(header, 0))) {
    const text = line.text.trim();
    if (SECTION_SET.has(text)) {
      skipping = EMPTY_SECTIONS.has(text);
      out.push(line);
      if (text === 'FAQ') {
        out.push(
          { text: '', htmlLine: line.htmlLine },
          { text: '返回', htmlLine: line.htmlLine },
          { text: '顶部', htmlLine: line.htmlLine },
        );
        return out;
      }
      continue;
    }
    if (skipping && text !== '') continue;
    // Dropped content leaves its blank lines behind; keep one, as between any two form-A sections.
    if (text === '' && out[out.length - 1]?.text.trim() === '') continue;
    out.push(line);
  }
  return out;
}

function fieldsOf(table: ParamTable | undefined, side: Side, file: string, out: Diagnostic[]): Field[] {
  if (table === undefined) return [];
  // For the flat-bullet layout only the top-level rows are known here; the nesting pass supplies the fields.
  // The rows' diagnostics come from content.ts (flat-table.ts), with the same checks, so they are not doubled.
  if (table.mode === 'bullets') return rowsToFields(table.rows, side, side, file, []);
  return rowsToFields(table.rows, side, side, file, out);
}

interface Header {
  readonly api: string;
  readonly title: string;
  readonly description: string;
}

/**
 * The header line and the description under it (the lines up to the first section heading), as in form A.
 * Falls back to `<title>` when no element of the body carries the header.
 */
function findHeader(lines: readonly RenderedLine[], title: string | undefined): Header | undefined {
  const firstSection = lines.findIndex((l) => SECTION_SET.has(l.text.trim()));
  const end = firstSection === -1 ? lines.length : firstSection;
  for (let i = 0; i < end; i++) {
    const m = HEADER_LINE.exec(lines[i]?.text.trim() ?? '');
    if (m?.[1] !== undefined && m[2] !== undefined) {
      return { api: m[1], title: m[2], description: descriptionOf(lines.slice(i + 1, end)) };
    }
  }
  const m = title === undefined ? null : HEADER_IN_TITLE.exec(title);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  return {
    api: m[1],
    title: m[2],
    description: descriptionOf(lines.slice(0, end).filter((l) => !NOTICE.test(l.text))),
  };
}

function descriptionOf(lines: readonly RenderedLine[]): string {
  return lines
    .map((l) => l.text.trim())
    .filter((t) => t !== '')
    .join('\n');
}

/** Maximum element depth, computed without recursion (the input may be hostile). */
function elementDepth(root: AnyNode): number {
  let max = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > max) max = depth;
    if (depth > MAX_HTML_DEPTH) return depth;
    const children = isElement(node) || node.type === 'root' ? (node as Element).children : [];
    for (const child of children) if (isElement(child)) stack.push([child, depth + 1]);
  }
  return max;
}
