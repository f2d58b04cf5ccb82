/**
 * APIs that page the TOP way: a top-level `page_no` parameter, and an answer that says whether more follows
 * (`has_next`) or how many items there are (`total_results`, `total_count`). Their request classes carry the
 * `__pageable` brand that `TopClientBase.paginate` asks for.
 */
import type { Api } from '../model/types.js';

const END_MARKERS: ReadonlyMap<string, string> = new Map([
  ['has_next', 'boolean'],
  ['total_results', 'number'],
  ['total_count', 'number'],
]);

export function isPageable(api: Api): boolean {
  const pageNo = api.request.find((field) => field.name === 'page_no');
  if (pageNo === undefined || pageNo.array || pageNo.kind !== 'number') return false;
  return api.response.some((field) => !field.array && END_MARKERS.get(field.name) === field.kind);
}
