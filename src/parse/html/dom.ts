import { createRequire } from 'node:module';
import type { AnyNode, Document, Element } from 'domhandler';

/**
 * DOM access for saved doc pages. The tree is built by htmlparser2 (through cheerio) rather than parse5:
 * parse5 takes tens of seconds on a 50 MB text node or deep nesting, htmlparser2 a fraction of a second, and a
 * doc page needs no spec-exact tree repair. htmlparser2 records each node's start offset; `lineOf` turns it
 * into a line of the HTML file. The rest of the HTML reader walks the tree directly (document order matters
 * more here than selectors).
 */

export type { AnyNode, Element } from 'domhandler';

/** A parsed page that knows the offsets where each of its lines starts (for `lineOf`). */
interface LineIndexedDocument extends Document {
  readonly lineStarts: readonly number[];
}

/**
 * cheerio is loaded on the first HTML page, not at startup: most runs read doc JSON or text only, and loading
 * it costs more than parsing a thousand JSON docs. The slim entry is the htmlparser2 build without parse5 and
 * the URL loaders, which this reader never uses.
 */
let cheerio: typeof import('cheerio/slim') | undefined;

export function loadHtml(html: string): Document {
  cheerio ??= createRequire(import.meta.url)('cheerio/slim') as typeof import('cheerio/slim');
  const $ = cheerio.load(html, { xml: { xmlMode: false, withStartIndices: true, decodeEntities: true } });
  // `root()` is the Document node htmlparser2 produced.
  const doc = $.root()[0] as Document;
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // Kept on the document itself: the index lives and dies with the page it describes.
  return Object.assign(doc, { lineStarts }) satisfies LineIndexedDocument;
}

/** 1-based line where the node starts in the HTML file. */
export function lineOf(node: AnyNode | null): number {
  if (node === null) return 1;
  let root: AnyNode = node;
  while (root.parent !== null) root = root.parent;
  const starts = 'lineStarts' in root ? (root as LineIndexedDocument).lineStarts : undefined;
  const offset = node.startIndex;
  if (starts === undefined || offset === null) return 1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Line of the first text inside `node` (a `<pre>`'s content, which may start on the line after the tag). */
export function firstTextLine(node: Element): number {
  const first = node.children[0];
  return first === undefined ? lineOf(node) : lineOf(first);
}

/**
 * Estimated element nesting depth from the tags alone, before building a tree: deep nesting makes tree
 * builders slow (each close tag searches the open-element stack), so hostile input is refused up front. Void
 * elements and elements whose end tag may be omitted are not counted, so the estimate never exceeds the real
 * depth of well-formed markup by much.
 */
export function estimateDepth(html: string): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = (m[2] ?? '').toLowerCase();
    if (UNCOUNTED.has(name)) continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>/g;
const UNCOUNTED = new Set([
  // void elements
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  // end tag may be omitted
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
]);

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function tagName(node: AnyNode): string | undefined {
  return isElement(node) ? node.name.toLowerCase() : undefined;
}

export function childElements(node: Element): Element[] {
  return node.children.filter(isElement);
}

/** Elements whose content is never page text. */
export const INVISIBLE = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'input',
  'select',
]);

/**
 * The text a reader sees: NFKC-normalised (full-width `，（）：` become `,():`, NBSP a space) with whitespace
 * runs collapsed to one space, exactly like the plain-text copy of a page (text-format.md §0.2). Doing the same
 * here makes an HTML page and its text copy give the same model.
 */
export function normaliseText(raw: string): string {
  // Both steps are identities on most text; testing first avoids copying large text nodes needlessly.
  const normalised = PRINTABLE_ASCII.test(raw) ? raw : raw.normalize('NFKC');
  return normalised.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** Text NFKC leaves unchanged for sure: printable ASCII and the three common layout characters. */
const PRINTABLE_ASCII = /^[ -~\t\n\r]*$/;
/** Whitespace runs other than a lone space (a lone space is already collapsed; matching it costs time). */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/**
 * Raw text content of a node, skipping invisible elements and any element `skip` says no to (nested tables and
 * lists of a table cell, for instance). `<br>` and the edges of block elements read as a space, as they render
 * on separate lines: `<li>A</li><li>B</li>` is `A B`, not `AB`.
 */
export function rawText(node: AnyNode, skip: (el: Element) => boolean = () => false): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) && node.type !== 'root') return '';
  let edge = '';
  if (isElement(node)) {
    const name = node.name.toLowerCase();
    if (name === 'br') return ' ';
    if (INVISIBLE.has(name) || skip(node)) return '';
    if (BLOCK_EDGES.has(name)) edge = ' ';
  }
  let out = edge;
  for (const child of (node as Element | Document).children) out += rawText(child, skip);
  return out + edge;
}

/** Elements that start on a line of their own when rendered. */
const BLOCK_EDGES = new Set([
  'div',
  'p',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

export function textOf(node: AnyNode, skip?: (el: Element) => boolean): string {
  return normaliseText(rawText(node, skip));
}

/** Calls `visit` on every element in document order; `visit` returning false skips that element's subtree. */
export function walkElements(node: AnyNode, visit: (el: Element) => boolean | void): void {
  const children = isElement(node) || node.type === 'root' ? (node as Element | Document).children : [];
  for (const child of children) {
    if (!isElement(child)) continue;
    if (visit(child) === false) continue;
    walkElements(child, visit);
  }
}

export function hasClassMatching(el: Element, pattern: RegExp): RegExpExecArray | undefined {
  const classes = el.attribs['class'];
  if (classes === undefined) return undefined;
  for (const c of classes.split(/\s+/)) {
    const m = pattern.exec(c);
    if (m !== null) return m;
  }
  return undefined;
}
