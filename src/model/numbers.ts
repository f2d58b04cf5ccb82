/**
 * Which `Number` fields are 64-bit ids. TOP ids (`tid`, `oid`, `num_iid`, `item_id`, order and refund ids) are
 * Java longs and exceed 2^53; counts, amounts, codes and flags never come near it. An id is delivered exactly
 * (a decimal string, or a bigint by option), everything else as a JS number. The evidence is the field name,
 * else the description; a generator option can override the choice per field (docs/runtime.md).
 */
import type { Field } from './types.js';

export type NumberRole = 'id' | 'number';

/** Short id names TOP uses on their own: `tid` trade, `oid` order, `iid` item, `cid` category, `shid` hotel… */
const ID_WORDS: ReadonlySet<string> = new Set([
  'id',
  'iid',
  'tid',
  'oid',
  'cid',
  'pid',
  'rid',
  'gid',
  'hid',
  'uid',
  'nid',
  'sid',
  'shid',
  'srid',
]);

/** The last word of a snake_case or camelCase name, lower-cased: `num_iid` → `iid`, `userId` → `id`. */
function lastWord(name: string): string {
  const words = name.split(/_|(?=[A-Z][a-z])/).filter((word) => word !== '');
  return (words[words.length - 1] ?? '').toLowerCase();
}

/** Description evidence: the first clause names an id (`商品id`, `Item ID`, `委托订单号`, `商品数字编号`). */
const ID_CLAUSE = /(?:^|[^A-Za-z])(?:id|ID|Id)$|(?:单号|编号)$/;
const CLAUSE_END = /[，。,.;；:：(（\s]/;

/** The role of a `Number` field, from its name, else the first clause of its description. */
export function numberRole(field: Pick<Field, 'name' | 'description'>): NumberRole {
  const word = lastWord(field.name);
  // Plurals name lists of ids: `num_iids`, `tids`.
  if (ID_WORDS.has(word) || (word.endsWith('s') && ID_WORDS.has(word.slice(0, -1)))) return 'id';
  const clause = (field.description ?? '').trim().split(CLAUSE_END)[0] ?? '';
  return ID_CLAUSE.test(clause) ? 'id' : 'number';
}
