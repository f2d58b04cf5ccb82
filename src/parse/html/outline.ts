import type { Document } from 'domhandler';
import { HEADINGS } from '../text/sections.js';
import {
  INVISIBLE,
  isElement,
  normaliseText,
  tagName,
  walkElements,
  type AnyNode,
  type Element,
} from './dom.js';

/**
 * Finds the landmarks of a saved doc page: the section headings (请求参数, 响应参数, …, whatever element the page
 * uses for them) and the parameter table that follows each of the two parameter headings.
 */

/** Section headings of the doc page template, in page order: the same list the text reader uses. */
export const SECTION_NAMES: readonly string[] = HEADINGS;
const SECTION_SET: ReadonlySet<string> = new Set(SECTION_NAMES);
const LONGEST_SECTION_NAME = Math.max(...SECTION_NAMES.map((s) => s.length));

export interface PageOutline {
  /** Heading elements and the section each one names, in document order. */
  readonly headings: ReadonlyMap<Element, string>;
  /** The parameter table under 请求参数 / 响应参数, when there is one before the next heading. */
  readonly requestTable?: Element;
  readonly responseTable?: Element;
  /** The first code block (`<pre>`) under 请求示例 / 响应示例: the Java request sample and the response example. */
  readonly requestSample?: Element;
  readonly responseSample?: Element;
  /** The document `<title>` text, used when no heading carries the API name. */
  readonly title?: string;
}

export function outlinePage(doc: Document): PageOutline {
  const headings = new Map<Element, string>();
  let section: string | undefined;
  let requestTable: Element | undefined;
  let responseTable: Element | undefined;
  let requestSample: Element | undefined;
  let responseSample: Element | undefined;
  let title: string | undefined;
  walkElements(doc, (el) => {
    const name = tagName(el);
    if (name === 'title') {
      title ??= normaliseText(el.children.map((c) => (c.type === 'text' ? c.data : '')).join(''));
      return false;
    }
    // <title> lives in <head> (or anywhere, in sloppy markup); nothing else there is page text.
    if (name === 'head') return true;
    if (name !== undefined && INVISIBLE.has(name)) return false;
    if (name === 'table') {
      if (section === '请求参数' && requestTable === undefined) requestTable = el;
      if (section === '响应参数' && responseTable === undefined) responseTable = el;
      return false;
    }
    if (name === 'pre') {
      if (section === '请求示例') requestSample ??= el;
      if (section === '响应示例') responseSample ??= el;
      return false;
    }
    const text = boundedText(el, LONGEST_SECTION_NAME * 4);
    if (text !== undefined) {
      const normalised = normaliseText(text);
      if (SECTION_SET.has(normalised)) {
        headings.set(el, normalised);
        section = normalised;
        return false;
      }
    }
    return true;
  });
  return {
    headings,
    ...(requestTable === undefined ? {} : { requestTable }),
    ...(responseTable === undefined ? {} : { responseTable }),
    ...(requestSample === undefined ? {} : { requestSample }),
    ...(responseSample === undefined ? {} : { responseSample }),
    ...(title === undefined || title === '' ? {} : { title }),
  };
}

/**
 * The raw text of `el`, or undefined as soon as it exceeds `max` characters: looking for short headings must not
 * cost a full text extraction of every large container on the page.
 */
function boundedText(el: Element, max: number): string | undefined {
  let out = '';
  const visit = (node: AnyNode): boolean => {
    if (node.type === 'text') {
      out += node.data;
      return out.length <= max;
    }
    if (!isElement(node)) return true;
    if (INVISIBLE.has(node.name.toLowerCase())) return true;
    for (const child of node.children) if (!visit(child)) return false;
    return true;
  };
  return visit(el) ? out : undefined;
}
