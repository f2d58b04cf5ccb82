/**
 * Which `Number` fields are 64-bit ids. TOP ids (`tid`, `oid`, `num_iid`, `item_id`, order and refund ids) are
 * Java longs and exceed 2^53; counts, amounts, codes and flags never come near it. An id is delivered exactly
 * (a decimal string, or a bigint by option), everything else as a JS number. The evidence is the field name,
 * else the description; a generator option can override the choice per field (docs/runtime.md).
 *
 * Each response `Number` is delivered in one form (README type map, docs/runtime.md): a JS `number`, or for
 * 64-bit ids the exact decimal text (`Int64String`, the default) or a `bigint` (`numbers.int64: "bigint"`).
 * The runtime converts every value to this form, so a field's declared type always holds.
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
const CLAUSE_END = /[，。,.;；:：(（]/;
/** Chinese descriptions often end their first clause with a space instead (`商品id 多个用逗号分隔`). */
const WORD_END = /\s/;

/** The role of a `Number` field, from its name, else the first clause of its description. */
export function numberRole(field: Pick<Field, 'name' | 'description'>): NumberRole {
  const word = lastWord(field.name);
  // Plurals name lists of ids: `num_iids`, `tids`.
  if (ID_WORDS.has(word) || (word.endsWith('s') && ID_WORDS.has(word.slice(0, -1)))) return 'id';
  const clause = (field.description ?? '').trim().split(CLAUSE_END, 1)[0] ?? '';
  // The whole clause, for English (`Seller's master account ID`), and its first word, for the spaced form.
  return ID_CLAUSE.test(clause) || ID_CLAUSE.test(clause.split(WORD_END, 1)[0] ?? '') ? 'id' : 'number';
}

export type Int64Form = 'string' | 'bigint';
export type NumberForm = 'number' | Int64Form;

export interface NumberOptions {
  /** How 64-bit ids are delivered. Default `string`. */
  readonly int64?: Int64Form;
  /**
   * Role overrides by API name, then by field name (at any depth of that API's response): `"id"` or `"number"`.
   * For the fields whose name and description mislead the default rule.
   */
  readonly fields?: Readonly<Record<string, Readonly<Record<string, NumberRole>>>>;
}

export const DEFAULT_NUMBER_OPTIONS: NumberOptions = Object.freeze({});

/** The delivered form of a response field of kind `number`; undefined for other kinds. `byte` is never an id. */
export function responseNumberForm(
  api: string,
  field: Field,
  options: NumberOptions,
): NumberForm | undefined {
  if (field.kind !== 'number') return undefined;
  if (field.type === 'byte') return 'number';
  const override = Object.hasOwn(options.fields ?? {}, api) ? options.fields?.[api] : undefined;
  const role =
    override !== undefined && Object.hasOwn(override, field.name) ? override[field.name] : numberRole(field);
  return role === 'id' ? (options.int64 ?? 'string') : 'number';
}
