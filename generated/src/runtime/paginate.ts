// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Page-by-page iteration of the APIs that page with `page_no` / `page_size` and tell the end by `has_next` or
 * `total_results` (`total_count`): `for await (const page of client.paginate(request)) …`.
 */
import { ownValue } from './validate.js';

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

/** Number of items on a page: the elements of its top-level lists. */
function itemCount(page: Record<string, unknown>): number {
  let count = 0;
  for (const key of Object.keys(page)) {
    const value = page[key];
    if (Array.isArray(value)) count += value.length;
  }
  return count;
}

/**
 * Whether another page follows `page` (the page `cursor.pageNo`), updating `cursor.pageSize` from the first
 * page when the request did not set it. In order: a page without items is the last (whatever else it says, so
 * a wrong `has_next` cannot loop forever); `has_next` when the answer has it; otherwise `total_results` (or
 * `total_count`) against the pages fetched; otherwise a page shorter than the page size is the last.
 */
export function hasNextPage(page: Record<string, unknown>, cursor: PageCursor): boolean {
  const items = itemCount(page);
  if (items === 0) return false;
  cursor.pageSize ??= items;
  const hasNext = ownValue(page, 'has_next');
  if (typeof hasNext === 'boolean') return hasNext;
  const total = Number(ownValue(page, 'total_results') ?? ownValue(page, 'total_count'));
  if (Number.isFinite(total)) return cursor.pageNo * cursor.pageSize < total;
  return items >= cursor.pageSize;
}
