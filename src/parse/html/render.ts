import type { Document } from 'domhandler';
import {
  childElements,
  firstTextLine,
  INVISIBLE,
  isElement,
  lineOf,
  normaliseText,
  rawText,
  tagName,
  textOf,
  type AnyNode,
  type Element,
} from './dom.js';
import type { ParamRow, ParamTable } from './table.js';

/**
 * Renders a saved doc page as form-A text (text-format.md §1), the same text a browser copy of the page gives:
 * block elements on their own lines, a table row as its non-empty cells joined by one space, list items as
 * `  • item` bullets, `<pre>` code line by line, a blank line around each section heading, and all text
 * NFKC-normalised. Each rendered line remembers the HTML line it came from. The header and description are read
 * from the rendering, and so are parameter sections and samples that have no `<table>` or `<pre>` to read
 * (content.ts); whatever is read from it points into the HTML file.
 */

export interface RenderedLine {
  readonly text: string;
  /** 1-based line in the HTML file. */
  readonly htmlLine: number;
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const HEADING = /^h[1-6]$/;
const BULLET = '  • ';

export function renderPage(
  doc: Document,
  headings: ReadonlySet<Element>,
  paramTables: ReadonlyMap<Element, ParamTable>,
): RenderedLine[] {
  const r = new Renderer(headings, paramTables);
  r.children(doc);
  return r.finish();
}

class Renderer {
  private readonly lines: RenderedLine[] = [];
  private buffer = '';
  private bufferLine = 1;
  private bufferHasText = false;
  private bufferPrefix = '';

  constructor(
    private readonly headings: ReadonlySet<Element>,
    private readonly paramTables: ReadonlyMap<Element, ParamTable>,
  ) {}

  finish(): RenderedLine[] {
    this.flush();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1]?.text === '') this.lines.pop();
    return this.lines;
  }

  children(node: Element | Document): void {
    for (const child of node.children) this.node(child);
  }

  private node(node: AnyNode): void {
    if (node.type === 'text') {
      // A line starts where its first visible text is, not where the whitespace before it is.
      if (!this.bufferHasText && node.data.trim() !== '') {
        this.bufferLine = lineOf(node);
        this.bufferHasText = true;
      }
      this.buffer += node.data;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (INVISIBLE.has(name)) return;
    if (name === 'br') {
      this.flush();
      return;
    }
    if (this.headings.has(node) || HEADING.test(name)) {
      this.blank();
      this.emit(textOf(node), lineOf(node));
      this.blank();
      return;
    }
    if (name === 'pre') {
      this.pre(node);
      return;
    }
    if (name === 'table') {
      this.flush();
      const param = this.paramTables.get(node);
      if (param !== undefined && param.mode === 'dom') this.paramRows(node, param.rows);
      else this.tableRows(node);
      return;
    }
    // Tab strips are lists on some pages and `role="tab"` elements on others; both read as bullets.
    if (name === 'li' || node.attribs['role'] === 'tab') {
      this.flush();
      this.bufferPrefix = BULLET;
      for (const child of node.children) {
        if (isElement(child) && (child.name === 'ul' || child.name === 'ol')) this.flush();
        this.node(child);
      }
      this.flush();
      this.bufferPrefix = '';
      return;
    }
    if (BLOCK.has(name)) {
      this.flush();
      this.children(node);
      this.flush();
      return;
    }
    this.children(node);
  }

  private flush(): void {
    const text = normaliseText(this.buffer);
    this.buffer = '';
    this.bufferHasText = false;
    if (text === '') return;
    // The bullet prefix of an <li> belongs to its first line only.
    this.lines.push({ text: this.bufferPrefix + text, htmlLine: this.bufferLine });
    this.bufferPrefix = '';
  }

  private emit(text: string, htmlLine: number): void {
    this.flush();
    if (text !== '') this.lines.push({ text, htmlLine });
  }

  /** One blank line, never two and never at the start. */
  private blank(): void {
    this.flush();
    const last = this.lines[this.lines.length - 1];
    if (last !== undefined && last.text !== '') this.lines.push({ text: '', htmlLine: last.htmlLine });
  }

  /** Code samples keep their lines and indentation (the XML indentation is what nests the response example). */
  private pre(node: Element): void {
    this.flush();
    // The children's text: the <pre> element's own block edges are not code.
    const lines = node.children
      .map((child) => rawText(child))
      .join('')
      .replace(/\r\n?/g, '\n')
      .split('\n');
    // Blank lines at either end (including the newline right after <pre>) are layout, not content.
    while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
    let offset = 0;
    while (lines.length > 0 && (lines[0] ?? '').trim() === '') {
      lines.shift();
      offset++;
    }
    const contentLine = firstTextLine(node) + offset;
    lines.forEach((line, i) => {
      this.lines.push({ text: line.normalize('NFKC').replace(/\s+$/, ''), htmlLine: contentLine + i });
    });
  }

  /** A table the parameter reader could not read as nested rows: each row as form A shows it. */
  private tableRows(table: Element): void {
    for (const tr of rowsOf(table)) {
      const cells = childElements(tr).filter((c) => c.name === 'td' || c.name === 'th');
      const inline: string[] = [];
      const bullets: RenderedLine[] = [];
      let afterList = false;
      for (const td of cells) {
        const own = textOf(td, (el) => isList(el) || tagName(el) === 'table');
        if (own !== '') {
          // Once a cell has shown a bullet list, the renderer puts the following cells on bullets too
          // (the 更多限制 layout, text-format.md §3: the description moves to the last bullet).
          if (afterList) bullets.push({ text: BULLET + own, htmlLine: lineOf(td) });
          else inline.push(own);
        }
        for (const li of listItems(td)) {
          const text = textOf(li, isList);
          if (text !== '') bullets.push({ text: BULLET + text, htmlLine: lineOf(li) });
          afterList = true;
        }
        for (const nested of nestedTablesIn(td)) {
          for (const row of rowsOf(nested)) {
            const text = normaliseText(rawText(row));
            if (text !== '') bullets.push({ text: BULLET + text, htmlLine: lineOf(row) });
          }
        }
      }
      if (inline.length > 0) this.lines.push({ text: inline.join(' '), htmlLine: lineOf(tr) });
      this.lines.push(...bullets);
    }
  }

  /** Rows whose nesting the DOM gave, rendered back in the form-A shape (nested fields as bullet blocks). */
  private paramRows(table: Element, rows: readonly ParamRow[]): void {
    const header = rowsOf(table).find((tr) => childElements(tr).every((c) => c.name === 'th'));
    if (header !== undefined) {
      const words = childElements(header).map((th) => textOf(th));
      this.lines.push({ text: join(words), htmlLine: lineOf(header) });
    }
    for (const row of rows) {
      const cells = [row.name, row.type, row.required, row.example];
      if (row.constraints.length === 0) {
        this.lines.push({ text: join([...cells, row.description]), htmlLine: row.line });
      } else {
        this.lines.push({ text: join(cells), htmlLine: row.line });
        for (const c of [...row.constraints, row.description]) {
          if (c !== '') this.lines.push({ text: BULLET + c, htmlLine: row.line });
        }
      }
      this.bulletBlocks(row.children);
    }
  }

  private bulletBlocks(rows: readonly ParamRow[]): void {
    for (const row of rows) {
      const name = row.children.length === 0 ? `└ ${row.name}` : row.name;
      for (const cell of [name, row.type, row.required, row.example, row.description]) {
        if (cell !== '') this.lines.push({ text: BULLET + cell, htmlLine: row.line });
      }
      this.bulletBlocks(row.children);
    }
  }
}

function join(cells: readonly string[]): string {
  return cells.filter((c) => c !== '').join(' ');
}

function isList(el: Element): boolean {
  return el.name === 'ul' || el.name === 'ol';
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      rows.push(...childElements(child).filter((tr) => tr.name === 'tr'));
    }
  }
  return rows;
}

/** `<li>`s of the lists in a cell (nested lists flattened in document order), not of nested tables. */
function listItems(cell: Element): Element[] {
  const items: Element[] = [];
  const visit = (el: Element): void => {
    for (const child of childElements(el)) {
      if (child.name === 'table') continue;
      if (child.name === 'li') items.push(child);
      visit(child);
    }
  };
  visit(cell);
  return items;
}

function nestedTablesIn(cell: Element): Element[] {
  const found: Element[] = [];
  const visit = (el: Element): void => {
    for (const child of childElements(el)) {
      if (child.name === 'table') found.push(child);
      else visit(child);
    }
  };
  visit(cell);
  return found;
}
