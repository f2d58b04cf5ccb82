import { fixDepth, fixedDepth, type DepthChain } from './depth-solver.js';
import type { TableItem } from './page-content.js';

/**
 * The field-order rule: where a field goes when neither the samples nor the depth constraints decide it.
 *
 * Measured on the 399 doc JSON files of the corpus laid out as pages without samples (7,986 nested fields):
 * "stay with the previous field's object" gets 79.7 % of parents right, the "latest object" rule of
 * docs/text-format.md §5.3 79.3 %, "consecutive objects nest, otherwise sibling of the latest object" 79.9 %.
 * Adding three exits from the previous field's object (it already has a field of this name; objects of its type
 * seen earlier on the page have no field of this name; the field is an object of that same type) gives 81.6 %,
 * the rule used here; test/parse/text/nesting-corpus.test.ts measures it on every run.
 */
export interface OrderGroup {
  /** Item index of the group's top-level row. */
  readonly start: number;
  readonly chain: DepthChain;
}

/**
 * Fixes the depths of one group left to right. Forced depths are taken as they are; an open one prefers the
 * previous item's object and leaves it (upwards, inside the allowed interval) on one of the three exits above.
 * `rules[k]` gets the reason for a choice, for the warning.
 */
export function decideGroup(
  items: readonly TableItem[],
  group: OrderGroup,
  parents: number[],
  rules: (string | undefined)[],
): void {
  const { chain, start } = group;
  const n = chain.object.length;
  const depth: number[] = [0];
  const open: number[] = [0];
  const childNames = new Map<number, Set<string>>();
  const typeFields = new Map<string, Set<string>>();
  const typeCount = new Map<string, number>();
  const typeOf = (local: number): string => items[start + local]?.type ?? '';
  typeCount.set(typeOf(0), 1);
  for (let i = 1; i < n; i++) {
    const item = items[start + i];
    if (item === undefined) break;
    let v = fixedDepth(chain, i);
    let rule: string | undefined;
    if (v === undefined) {
      const lo = chain.lo[i] ?? 1;
      const hi = chain.hi[i] ?? 1;
      const stay = Math.min(Math.max(depth[i - 1] ?? 1, lo), hi);
      const duplicate = (c: number): boolean => childNames.get(open[c - 1] ?? -1)?.has(item.name) === true;
      const foreign = (c: number): boolean => {
        const type = typeOf(open[c - 1] ?? 0);
        if (!item.leaf && type === item.type) return true;
        const known = typeFields.get(type);
        return (
          (typeCount.get(type) ?? 0) > 1 && known !== undefined && known.size > 0 && !known.has(item.name)
        );
      };
      v = stay;
      rule = "it follows that object's fields";
      let fallback: number | undefined;
      for (let c = stay; c >= lo; c--) {
        if (duplicate(c)) continue;
        fallback ??= c;
        if (foreign(c)) continue;
        v = c;
        fallback = undefined;
        break;
      }
      if (fallback !== undefined) v = fallback;
      if (v !== stay) {
        const left = items[start + (open[stay - 1] ?? 0)]?.name ?? '';
        const leftType = typeOf(open[stay - 1] ?? 0);
        rule = duplicate(stay)
          ? `"${left}" already has a field "${item.name}"`
          : !item.leaf && leftType === item.type
            ? `a "${item.type}" object is not placed inside another "${item.type}"`
            : `other "${leftType}" objects on the page have no field "${item.name}"`;
      }
      fixDepth(chain, i, v);
    }
    const parentLocal = open[v - 1] ?? 0;
    depth.push(v);
    parents[start + i] = start + parentLocal;
    rules[start + i] = rule;
    let names = childNames.get(parentLocal);
    if (names === undefined) childNames.set(parentLocal, (names = new Set()));
    names.add(item.name);
    const parentType = typeOf(parentLocal);
    let fields = typeFields.get(parentType);
    if (fields === undefined) typeFields.set(parentType, (fields = new Set()));
    fields.add(item.name);
    open.length = v;
    if (chain.object[i] === true) {
      open[v] = i;
      typeCount.set(item.type, (typeCount.get(item.type) ?? 0) + 1);
    }
  }
}
