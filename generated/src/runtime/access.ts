// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * Read or write: whether sending an API call twice can do harm. A read (`taobao.trade.get`) can be repeated
 * freely; a write (`taobao.trade.memo.add`, an order, an SMS) repeated after an unknown outcome may happen twice.
 * The retry policy (./retry.ts) follows this class.
 *
 * The class comes from the last segment of the API name, where TOP puts the verb. Anything not recognised as a
 * read is a write: guessing "read" wrongly could charge a customer twice, guessing "write" wrongly only costs a
 * retry. Generated specs carry the class (overridable per API in the generator's config and override files).
 */
export type ApiAccess = 'read' | 'write';

/** Last segments that are reads as they stand. */
const READ_VERBS: ReadonlySet<string> = new Set([
  'get',
  'query',
  'search',
  'list',
  'count',
  'check',
  'find',
  'exists',
  'view',
  'stat',
  'stats',
  'detail',
  'details',
  'info',
  'download',
]);

/** Segments starting with one of these read verbs are reads too: `getbyorder`, `queryorder`, `findbyid`. */
const READ_PREFIX = /^(?:get|query|search|list|find|count)(?:[a-z0-9]|$)/;
/** …and so are batch reads: `multiget`, `batchget`, `batchquery`. */
const READ_SUFFIX = /(?:get|query|search)$/;

/** Read or write, from the verb in the last segment of an API name (`taobao.trade.get` → read). */
export function accessFromName(method: string): ApiAccess {
  const last = method.slice(method.lastIndexOf('.') + 1).toLowerCase();
  return READ_VERBS.has(last) || READ_PREFIX.test(last) || READ_SUFFIX.test(last) ? 'read' : 'write';
}

export function isApiAccess(value: unknown): value is ApiAccess {
  return value === 'read' || value === 'write';
}
