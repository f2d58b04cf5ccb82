// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Page-by-page iteration of the APIs that page with `page_no` / `page_size` and tell the end by `has_next` or
 * `total_results` (`total_count`): `for await (const page of client.paginate(request)) …`.
 */
import { isRecord, ownValue } from './validate.js';

/** Paging parameters that a pageable request may set (wire names, as the docs spell them). */
export interface PageParams {
  readonly page_no?: number | bigint | `${bigint}` | undefined;
  readonly page_size?: number | bigint | `${bigint}` | undefined;
}

/** Where to start and when to stop, read once from the first request. */
export interface PageCursor {
  /** The page to fetch next. */
  pageNo: number;
  /** Items per page: the request's `page_size`, else the size of the first page (the gateway's default). */
  pageSize: number | undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'bigint' || typeof value === 'string'
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function firstCursor(params: object): PageCursor {
  return {
    pageNo: positiveInteger(ownValue(params, 'page_no')) ?? 1,
    pageSize: positiveInteger(ownValue(params, 'page_size')),
  };
}

/** How far below the answer's top level a page's list and totals are looked for (`result.model_list`). */
const MAX_PAGE_DEPTH = 3;

/**
 * The record holding the page's lists: the answer itself when it has a list at its top level, else the first
 * record below it that has one (newer APIs answer `{ result: { total_count, model_list: [...] } }`), else the
 * answer.
 */
function pageBody(page: Record<string, unknown>): Record<string, unknown> {
  let level: Record<string, unknown>[] = [page];
  for (let depth = 0; depth <= MAX_PAGE_DEPTH && level.length > 0; depth++) {
    const next: Record<string, unknown>[] = [];
    for (const record of level) {
      for (const key of Object.keys(record)) {
        const value = record[key];
        if (Array.isArray(value)) return record;
        if (isRecord(value)) next.push(value);
      }
    }
    level = next;
  }
  return page;
}

/** Number of items on a page: the elements of the lists of its body. */
function itemCount(body: Record<string, unknown>): number {
  let count = 0;
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (Array.isArray(value)) count += value.length;
  }
  return count;
}

/** A paging marker of the answer's top level, else of the record holding its lists. */
function marker(page: Record<string, unknown>, body: Record<string, unknown>, name: string): unknown {
  return ownValue(page, name) ?? (body === page ? undefined : ownValue(body, name));
}

/**
 * Whether another page follows `page` (the page `cursor.pageNo`), updating `cursor.pageSize` from the first
 * page when the request did not set it. In order: a page without items is the last (whatever else it says, so
 * a wrong `has_next` cannot loop forever); `has_next` when the answer has it; otherwise `total_results` (or
 * `total_count`) against the pages fetched; otherwise a page shorter than the page size is the last. Items
 * are those of the answer's top-level lists, or, when it has none, of the first record below that has lists,
 * whose `has_next` and totals count too.
 */
export function hasNextPage(page: Record<string, unknown>, cursor: PageCursor): boolean {
  const body = pageBody(page);
  const items = itemCount(body);
  if (items === 0) return false;
  cursor.pageSize ??= items;
  const hasNext = marker(page, body, 'has_next');
  if (typeof hasNext === 'boolean') return hasNext;
  const total = Number(marker(page, body, 'total_results') ?? marker(page, body, 'total_count'));
  if (Number.isFinite(total)) return cursor.pageNo * cursor.pageSize < total;
  return items >= cursor.pageSize;
}
