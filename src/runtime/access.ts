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

/**
 * Last segments that are reads as they stand. Not `check`: TOP uses it for reads (`tracecode.check`) and for
 * decisions (`taobao.rdc.aligenius.refunds.check` approves refunds), so it stays a write.
 */
const READ_VERBS: ReadonlySet<string> = new Set([
  'get',
  'query',
  'search',
  'list',
  'count',
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

/**
 * Segments starting with a read verb are reads too (`getbyorder`, `queryorder`, `listuserroles`, `findbyid`),
 * but not the English words that merely start like one: `listing` (`taobao.item.update.listing` puts an item on
 * sale), `listen`. `count` is left out as a prefix: `countersign`, `counteroffer`.
 */
const READ_PREFIX = /^(?:get|query|search|list(?!ing|en)|find)(?:[a-z0-9]|$)/;
/**
 * …and so are batch reads ending in a read verb (`multiget`, `batchget`, `batchquery`, `flightsearch`), but not
 * the English words that end like one: `target`, `budget`, `widget`, `gadget`, `nugget`, `forget`, `research`.
 */
const READ_SUFFIX = /(?:query|(?<!re)search|(?<!tar|bud|wid|gad|nug|for)get)$/;

/** Read or write, from the verb in the last segment of an API name (`taobao.trade.get` → read). */
export function accessFromName(method: string): ApiAccess {
  const last = method.slice(method.lastIndexOf('.') + 1).toLowerCase();
  return READ_VERBS.has(last) || READ_PREFIX.test(last) || READ_SUFFIX.test(last) ? 'read' : 'write';
}

export function isApiAccess(value: unknown): value is ApiAccess {
  return value === 'read' || value === 'write';
}
