import { load } from 'cheerio';
import type { AnyNode, Document, Element } from 'domhandler';

/**
 * DOM access for saved doc pages. cheerio (parse5) builds the tree with source locations, so every element knows
 * the line it starts on in the HTML file; the rest of the HTML reader walks that tree directly (document order
 * matters more here than selectors).
 */

export type { AnyNode, Element } from 'domhandler';

export function loadHtml(html: string): Document {
  const $ = load(html, { sourceCodeLocationInfo: true });
  // `root()` is the Document node parse5 produced.
  return $.root()[0] as Document;
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function tagName(node: AnyNode): string | undefined {
  return isElement(node) ? node.name.toLowerCase() : undefined;
}

export function childElements(node: Element): Element[] {
  return node.children.filter(isElement);
}

/** 1-based line where the node starts in the HTML file (falls back to its nearest located ancestor). */
export function lineOf(node: AnyNode | null): number {
  for (let n: AnyNode | null = node; n !== null; n = n.parent) {
    const line = n.sourceCodeLocation?.startLine;
    if (line !== undefined) return line;
  }
  return 1;
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
  return raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Raw text content of a node, skipping invisible elements and any element `skip` says no to (nested tables and
 * lists of a table cell, for instance). `<br>` reads as a space, as it renders.
 */
export function rawText(node: AnyNode, skip: (el: Element) => boolean = () => false): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) && node.type !== 'root') return '';
  if (isElement(node)) {
    const name = node.name.toLowerCase();
    if (name === 'br') return ' ';
    if (INVISIBLE.has(name) || skip(node)) return '';
  }
  let out = '';
  for (const child of (node as Element | Document).children) out += rawText(child, skip);
  return out;
}

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
