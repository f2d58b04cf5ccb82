import { isRecognisedType, normaliseTypeName } from '../json/type-name.js';
import {
  childElements,
  hasClassMatching,
  lineOf,
  tagName,
  textOf,
  walkElements,
  type Element,
} from './dom.js';

/**
 * Reads a 请求参数 / 响应参数 table of a saved doc page into rows, keeping whatever nesting the DOM itself shows.
 *
 * Doc pages show nested parameters in one of three ways:
 * - **nested tables**: a struct row carries its fields as a `<table>` inside one of its cells, or in a following
 *   full-width row that holds only that table;
 * - **tree rows**: one flat table whose rows say their depth (`aria-level="2"` as in an ARIA treegrid, or a
 *   `…row-level-1` class as Ant Design tree tables write it);
 * - **flat bullets**: the nested fields are bullet lists after their top-level row, in document order, with no
 *   depth at all — the shape the plain-text copy keeps (text-format.md §5).
 * The first two are real nesting and are read directly. The third cannot be read without the samples (the
 * request/response samples decide the nesting): its rows carry their bullet items, and the caller hands them to
 * the nesting pass (content.ts, src/model/passes/nesting).
 */

export type TableMode = 'dom' | 'bullets';

/** One parameter row as the page shows it; cell texts are normalised, empty cells are ''. */
export interface ParamRow {
  readonly name: string;
  readonly type: string;
  readonly required: string;
  readonly example: string;
  /** 更多限制 items (`最大长度:64`, `默认值:1`), in page order. */
  readonly constraints: readonly string[];
  readonly description: string;
  /** 1-based line of the row's `<tr>` in the HTML file. */
  readonly line: number;
  readonly children: ParamRow[];
  /** Flat-bullet layout only: the row's bullet items (its nested fields, depth unwritten), in page order. */
  readonly bullets?: readonly HtmlBullet[];
}

/** One `<li>` of a flat-bullet list: its text (normalised, nested lists left out) and its line in the file. */
export interface HtmlBullet {
  readonly text: string;
  readonly line: number;
}

export interface ParamTable {
  readonly mode: TableMode;
  /** Top-level rows with their DOM-nested children (empty children for flat bullets: the DOM does not say). */
  readonly rows: readonly ParamRow[];
  /** Depth jumps in tree rows (1-based depths: a depth-3 row right after a depth-1 row), reported by the caller. */
  readonly levelJumps: readonly { readonly line: number; readonly from: number; readonly to: number }[];
}

/** `other` is a column with a header word this reader does not know; it is never read. */
type Column = 'name' | 'type' | 'required' | 'example' | 'constraints' | 'description' | 'other';

const HEADER_WORDS: ReadonlyMap<string, Column> = new Map([
  ['名称', 'name'],
  ['参数名', 'name'],
  ['参数名称', 'name'],
  ['类型', 'type'],
  ['是否必须', 'required'],
  ['必须', 'required'],
  ['必填', 'required'],
  ['示例值', 'example'],
  ['示例', 'example'],
  ['更多限制', 'constraints'],
  ['限制', 'constraints'],
  ['描述', 'description'],
  ['说明', 'description'],
]);

/** Column order of the doc site when a table has no header row (text-format.md §3, §4). */
const DEFAULT_COLUMNS: Readonly<Record<'request' | 'response', readonly Column[]>> = {
  request: ['name', 'type', 'required', 'example', 'constraints', 'description'],
  response: ['name', 'type', 'example', 'description'],
};

const LEVEL_CLASS = /^[\w-]*row-level-(\d+)$/;
const CONSTRAINT_SPLIT = /(?=(?:最大长度|最大列表长度|最小值|最大值|默认值)\s*:)/;

export function readParamTable(table: Element, side: 'request' | 'response'): ParamTable {
  const { columns, rows } = splitHeader(table, DEFAULT_COLUMNS[side]);
  const levelJumps: { line: number; from: number; to: number }[] = [];
  const hasLevels = rows.some((tr) => rowLevel(tr) !== undefined);
  const hasNestedTables = rows.some((tr) => cellsOf(tr).some((td) => nestedTables(td).length > 0));
  if (!hasLevels && !hasNestedTables && rows.some((tr) => hasBulletCells(tr, columns))) {
    return {
      mode: 'bullets',
      rows: rows.filter((tr) => !isSpacerRow(tr)).map((tr) => readRow(tr, columns, true)),
      levelJumps,
    };
  }
  const top = hasLevels ? treeFromLevels(rows, columns, levelJumps) : rowsWithNestedTables(rows, columns);
  return { mode: 'dom', rows: top, levelJumps };
}

/** Separates header rows (`<th>` cells, or the 名称/类型 words) from data rows and maps columns. */
function splitHeader(
  table: Element,
  fallback: readonly Column[],
): { columns: readonly Column[]; rows: Element[] } {
  const all = directRows(table);
  let columns = fallback;
  const rows: Element[] = [];
  for (const tr of all) {
    const header = headerColumns(tr);
    if (header !== undefined) {
      columns = header;
      continue;
    }
    rows.push(tr);
  }
  return { columns, rows };
}

function headerColumns(tr: Element): Column[] | undefined {
  const cells = childElements(tr).filter((c) => c.name === 'th' || c.name === 'td');
  if (cells.length === 0) return undefined;
  const words = cells.map((c) => textOf(c));
  const mapped = words.map((w) => HEADER_WORDS.get(w));
  const isHeader =
    cells.every((c) => c.name === 'th') || (mapped.includes('name') && mapped.includes('type'));
  if (!isHeader) return undefined;
  return mapped.map((m) => m ?? 'other');
}

/** The `<tr>`s that belong to this table itself, not to a table nested in one of its cells. */
function directRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    const name = tagName(child);
    if (name === 'tr') rows.push(child);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (const tr of childElements(child)) if (tagName(tr) === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function cellsOf(tr: Element): Element[] {
  return childElements(tr).filter((c) => c.name === 'td' || c.name === 'th');
}

/** Tables inside a cell that are not themselves inside another table of that cell. */
function nestedTables(cell: Element): Element[] {
  const found: Element[] = [];
  walkElements(cell, (el) => {
    if (tagName(el) === 'table') {
      found.push(el);
      return false;
    }
    return true;
  });
  return found;
}

function lists(cell: Element): Element[] {
  const found: Element[] = [];
  walkElements(cell, (el) => {
    const name = tagName(el);
    if (name === 'table') return false;
    if (name === 'ul' || name === 'ol') {
      found.push(el);
      return false;
    }
    return true;
  });
  return found;
}

/**
 * True when a cell other than 更多限制 holds field bullets: the nested fields of the flat-bullet rendering. A
 * list that is part of a description (`可选值: <ul><li>WAIT_BUYER_PAY…`) is not: field bullets start with
 * `└ name`, or with a name followed by a type.
 */
function hasBulletCells(tr: Element, columns: readonly Column[]): boolean {
  return cellsOf(tr).some((td, i) => columns[i] !== 'constraints' && lists(td).some(isFieldBulletList));
}

function isFieldBulletList(list: Element): boolean {
  const items = childElements(list)
    .filter((li) => tagName(li) === 'li')
    .map((li) => textOf(li));
  const [first, second] = items;
  if (first === undefined) return false;
  if (first.startsWith('└')) return true;
  if (second === undefined || !FIELD_NAME.test(first)) return false;
  const type = normaliseTypeName(second);
  return isRecognisedType(type, false);
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A 0-based depth when the row states one. */
function rowLevel(tr: Element): number | undefined {
  const aria = tr.attribs['aria-level'];
  if (aria !== undefined && /^\d+$/.test(aria.trim())) return Math.max(0, Number(aria.trim()) - 1);
  const m = hasClassMatching(tr, LEVEL_CLASS);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** A row with no text of its own that only carries nested tables (the "sub-row" of the row before it). */
function isSpacerRow(tr: Element): boolean {
  return textOf(tr, (el) => tagName(el) === 'table') === '';
}

const isTable = (el: Element): boolean => tagName(el) === 'table';
const isTableOrList = (el: Element): boolean => {
  const name = tagName(el);
  return name === 'table' || name === 'ul' || name === 'ol';
};

/**
 * One row's cells. Nested tables are never cell text; lists are cell text (a description's own list) except in
 * the flat-bullet layout, where they hold the nested fields.
 */
function readRow(tr: Element, columns: readonly Column[], listsAreFields = false): ParamRow {
  const skip = listsAreFields ? isTableOrList : isTable;
  const values: Record<Exclude<Column, 'other' | 'constraints'>, string> = {
    name: '',
    type: '',
    required: '',
    example: '',
    description: '',
  };
  let constraints: string[] = [];
  const bullets: HtmlBullet[] = [];
  cellsOf(tr).forEach((td, i) => {
    const column = columns[i];
    if (column === 'constraints') {
      constraints = constraintItems(td);
      return;
    }
    if (listsAreFields) bullets.push(...bulletItems(td));
    if (column === undefined || column === 'other') return;
    values[column] = textOf(td, skip);
  });
  return {
    name: values.name.replace(/^└\s*/, ''),
    type: values.type,
    required: values.required,
    example: values.example,
    constraints,
    description: values.description,
    line: lineOf(tr),
    children: [],
    ...(listsAreFields ? { bullets } : {}),
  };
}

/** The `<li>`s of the lists in a cell, nested lists flattened in document order, as bullets. */
function bulletItems(cell: Element): HtmlBullet[] {
  const items: HtmlBullet[] = [];
  walkElements(cell, (el) => {
    const name = tagName(el);
    if (name === 'table') return false;
    if (name === 'li') {
      const text = textOf(el, isList);
      if (text !== '') items.push({ text, line: lineOf(el) });
    }
    return true;
  });
  return items;
}

function isList(el: Element): boolean {
  const name = tagName(el);
  return name === 'ul' || name === 'ol';
}

/** 更多限制 items: one per `<li>`, or split at the known keys when the cell is plain text. */
function constraintItems(td: Element): string[] {
  const items = lists(td).flatMap((list) => childElements(list).filter((li) => tagName(li) === 'li'));
  const texts = items.length > 0 ? items.map((li) => textOf(li)) : textOf(td).split(CONSTRAINT_SPLIT);
  return texts.map((t) => t.trim()).filter((t) => t !== '');
}

function rowsWithNestedTables(rows: readonly Element[], columns: readonly Column[]): ParamRow[] {
  const out: ParamRow[] = [];
  for (const tr of rows) {
    const tables = cellsOf(tr).flatMap(nestedTables);
    const previous = out[out.length - 1];
    if (isSpacerRow(tr)) {
      // A full-width row holding only the fields of the struct row above it.
      if (previous !== undefined)
        for (const t of tables) previous.children.push(...nestedTableRows(t, columns));
      continue;
    }
    const row = readRow(tr, columns);
    for (const t of tables) row.children.push(...nestedTableRows(t, columns));
    out.push(row);
  }
  return out;
}

function nestedTableRows(table: Element, parentColumns: readonly Column[]): ParamRow[] {
  const { columns, rows } = splitHeader(table, parentColumns);
  return rowsWithNestedTables(rows, columns);
}

function treeFromLevels(
  rows: readonly Element[],
  columns: readonly Column[],
  jumps: { line: number; from: number; to: number }[],
): ParamRow[] {
  const top: ParamRow[] = [];
  const stack: ParamRow[] = [];
  for (const tr of rows) {
    if (isSpacerRow(tr)) continue;
    const row = readRow(tr, columns);
    let level = rowLevel(tr) ?? 0;
    if (level > stack.length) {
      jumps.push({ line: row.line, from: stack.length, to: level + 1 });
      level = stack.length;
    }
    stack.length = level;
    const parent = stack[level - 1];
    if (parent === undefined) top.push(row);
    else parent.children.push(row);
    stack.push(row);
  }
  return top;
}
