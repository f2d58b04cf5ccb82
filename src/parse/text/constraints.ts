import type { Constraints } from '../../model/types.js';

/**
 * 更多限制 bullets of a request row (docs/text-format.md §3): `默认值:<v>`, `最大长度:<n>`,
 * `最大列表长度:<n>`, `最小值:<n>`, `最大值:<n>`. They look like nested-field bullets; what tells them apart is
 * their place (right after a top-level row) and this `key:value` shape with one of these keys.
 */
type NumericKey = 'maxLength' | 'maxListSize' | 'minValue' | 'maxValue';

const KEYS: ReadonlyMap<string, NumericKey | 'default'> = new Map([
  ['默认值', 'default'],
  ['最大长度', 'maxLength'],
  ['最大列表长度', 'maxListSize'],
  ['最小值', 'minValue'],
  ['最大值', 'maxValue'],
]);

const NUMBER = /^-?\d+(?:\.\d+)?$/;

export type ConstraintBullet =
  | { readonly key: 'default'; readonly value: string }
  | { readonly key: NumericKey; readonly value: number }
  | { readonly key: NumericKey; readonly invalid: string };

/** Undefined when the bullet text is not a constraint. */
export function parseConstraint(text: string): ConstraintBullet | undefined {
  let colon = text.indexOf(':');
  const wide = text.indexOf('：');
  if (colon === -1 || (wide !== -1 && wide < colon)) colon = wide;
  if (colon <= 0) return undefined;
  const key = KEYS.get(text.slice(0, colon));
  if (key === undefined) return undefined;
  const value = text.slice(colon + 1).trim();
  if (key === 'default') return { key, value };
  return NUMBER.test(value) ? { key, value: Number(value) } : { key, invalid: value };
}

/** Adds one constraint to a record; a later bullet with the same key wins, as on the rendered page. */
export function withConstraint(into: Constraints, bullet: ConstraintBullet): Constraints {
  if ('invalid' in bullet) return into;
  return { ...into, [bullet.key]: bullet.value };
}
