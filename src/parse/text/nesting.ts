import { diagnostic } from '../../model/diagnostics.js';
import type { Diagnostic } from '../../model/types.js';
import { align, type Judge, type SideLayout } from './align.js';
import { CODES } from './codes.js';
import {
  addParentFact,
  createChain,
  fixDepth,
  fixedDepth,
  parentCandidates,
  type DepthChain,
} from './depth-solver.js';
import type { Evidence, EvidenceNode } from './evidence.js';
import type { Side } from './rows.js';
import type { TableItem } from './table.js';

/**
 * Decides the parent of every item of one table side (docs/text-format.md §5.3–5.4):
 *  1. an override file, when given, pins parents (align.ts against the override tree);
 *  2. the page's sample (Java request code, XML or JSON response example) adds the parents it shows;
 *  3. the depth constraints (depth-solver.ts) spread those facts along the field order;
 *  4. what is still open is decided by the field-order rule below and reported as `ambiguous-nesting`,
 *     naming the other possible parents. Nothing is placed by a guess without a warning.
 *
 * The rule for an open choice was measured on the 399 doc JSON files of the corpus (7,986 nested items laid out
 * as the page would show them, no samples): "stay with the previous item's object" 79.7 % correct parents,
 * "latest object" 79.3 %, "consecutive objects nest, otherwise sibling of the latest object" 79.9 %; adding
 * "leave an object that already has a field of this name", "leave an object whose type, seen earlier on the
 * page, has no field of this name" and "do not nest an object in one of its own type" gives 81.8 %, the rule
 * used here.
 */
export interface NestingInput {
  readonly side: Side;
  readonly items: readonly TableItem[];
  readonly file: string;
  readonly override?: { readonly evidence: Evidence; readonly file: string };
  readonly sample?: Evidence;
  /** Why this side has no sample, for messages ("the page has no response example"). */
  readonly noSample: string;
}

export interface Nesting {
  /** Per item: index of the parent item, -1 for top-level rows. */
  readonly parents: readonly number[];
  /** Per item: the sample node it was matched to (values for example/description splitting). */
  readonly sampleNode: readonly (EvidenceNode | undefined)[];
  /** Per item: dotted path without the side (`param0.auth_code`). */
  readonly paths: readonly string[];
}

interface Group {
  readonly start: number;
  readonly chain: DepthChain;
}

export function resolveNesting(input: NestingInput, out: Diagnostic[]): Nesting {
  const { items, side, file } = input;
  const rowOf: number[] = [];
  const groups: Group[] = [];
  const groupOf: number[] = [];
  let flags: boolean[] = [];
  let start = -1;
  const closeGroup = (): void => {
    if (start >= 0) groups.push({ start, chain: createChain(flags) });
  };
  items.forEach((item, k) => {
    if (item.kind === 'row' || start < 0) {
      closeGroup();
      start = k;
      flags = [];
    }
    flags.push(k === start ? true : !item.leaf);
    rowOf.push(start);
    groupOf.push(groups.length);
  });
  closeGroup();
  const layout: SideLayout = { items, rowOf };

  const factParent: (number | undefined)[] = items.map(() => undefined);
  const conflicts = new Map<number, string>();
  const chainOf = (k: number): Group | undefined => groups[groupOf[k] ?? -1];

  const tryFact = (k: number, p: number): boolean => {
    const group = chainOf(k);
    if (group === undefined) return false;
    if (!addParentFact(group.chain, k - group.start, p - group.start)) return false;
    factParent[k] = p;
    return true;
  };

  // 1. Override.
  if (input.override !== undefined) {
    const { evidence, file: overrideFile } = input.override;
    const judge: Judge = (k, node, proposal) => {
      if (proposal.kind !== 'child') return true;
      if (tryFact(k, proposal.parent)) return true;
      out.push(
        diagnostic(
          'error',
          CODES.overrideConflict,
          `The override places ${side} field "${items[k]?.name}" (page line ${items[k]?.line}) under ` +
            `"${items[proposal.parent]?.name}", which the order of fields on the page does not allow.`,
          {
            file: overrideFile,
            line: node.line,
            field: `${side}.${items[proposal.parent]?.name}.${items[k]?.name}`,
            expected: 'a parent that is an object listed before the field and still open at it',
            found: `"${items[proposal.parent]?.name}" (page line ${items[proposal.parent]?.line})`,
          },
        ),
      );
      return false;
    };
    const matched = align(layout, evidence, judge, 'pinned');
    reportUnused(evidence, matched.itemOf, side, overrideFile, out);
  }

  // 2. Sample.
  let sampleNode: readonly (EvidenceNode | undefined)[] = items.map(() => undefined);
  const sample = input.sample;
  if (sample !== undefined) {
    const judge: Judge = (k, node, proposal) => {
      if (proposal.kind !== 'child') return true;
      if (factParent[k] !== undefined) return true;
      if (tryFact(k, proposal.parent)) return true;
      conflicts.set(
        k,
        `${sample.label} puts it under "${items[proposal.parent]?.name}" (line ${node.line}), which the field order does not allow`,
      );
      out.push(
        diagnostic(
          'warning',
          CODES.nestingEvidenceConflict,
          `${capital(sample.label)} places ${side} field "${items[k]?.name}" under "${items[proposal.parent]?.name}", ` +
            'which contradicts the order of fields in the table or other evidence; the sample was not used for this field.',
          {
            file,
            line: items[k]?.line ?? node.line,
            expected: 'a parent that is an object listed before the field and still open at it',
            found: `"${items[proposal.parent]?.name}" in the sample at line ${node.line}`,
          },
        ),
      );
      return false;
    };
    sampleNode = align(layout, sample, judge, 'ordered').nodeOf;
  }

  // 3. What the facts force, before any choice is made.
  const candidates: (number[] | undefined)[] = items.map((item, k) => {
    const group = chainOf(k);
    if (item.kind === 'row' || group === undefined || factParent[k] !== undefined) return undefined;
    return parentCandidates(group.chain, k - group.start).map((local) => local + group.start);
  });

  // 4. Decide the open choices.
  const parents: number[] = items.map(() => -1);
  const rules: (string | undefined)[] = items.map(() => undefined);
  for (const group of groups) decideGroup(items, group, parents, rules);

  const paths: string[] = [];
  items.forEach((item, k) => {
    const parent = parents[k] ?? -1;
    paths.push(parent < 0 ? item.name : `${paths[parent] ?? ''}.${item.name}`);
  });

  for (let k = 0; k < items.length; k++) {
    const options = candidates[k];
    const item = items[k];
    if (options === undefined || options.length < 2 || item === undefined) continue;
    const chosen = parents[k] ?? -1;
    const others = options.filter((p) => p !== chosen).map((p) => `"${paths[p]}"`);
    const reason = conflicts.get(k) ?? missingReason(input, item);
    out.push(
      diagnostic(
        'warning',
        CODES.ambiguousNesting,
        `The page does not show which object ${side} field "${item.name}" (line ${item.line}) belongs to: ${reason}. ` +
          `It was placed under "${paths[chosen]}" (${rules[k] ?? 'nearest open object'}); it may instead belong to ` +
          `${others.join(' or ')}. An override file next to the page can pin it.`,
        {
          file,
          line: item.line,
          field: `${side}.${paths[k]}`,
          expected: 'a code sample or response example that places the field',
          found: `possible parents ${options.map((p) => `"${paths[p]}"`).join(', ')}`,
        },
      ),
    );
  }
  return { parents, sampleNode, paths };
}

/**
 * Fixes the depths of one group left to right. Forced depths are taken as they are; an open one prefers the
 * previous item's object, leaving it (upwards, inside the allowed interval) when that object already has a field
 * of the same name, or when its type was seen earlier on the page without such a field.
 */
function decideGroup(
  items: readonly TableItem[],
  group: Group,
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

function missingReason(input: NestingInput, item: TableItem): string {
  const sample = input.sample;
  if (sample === undefined) return input.noSample;
  const key = item.key;
  const named = sample.looseNames.has(key) || sample.looseNames.has(`${key}string`);
  if (!named) {
    return sample.complete
      ? `the field is not in ${sample.label} (fields without an example value are left out of it)`
      : `${sample.label} is cut off before this field`;
  }
  return `${sample.label} does not place "${item.name}" under any object that can hold it here`;
}

function reportUnused(
  evidence: Evidence,
  itemOf: ReadonlyMap<EvidenceNode, number>,
  side: Side,
  file: string,
  out: Diagnostic[],
): void {
  for (const node of evidence.nodes) {
    if (node.parent === undefined || itemOf.has(node)) continue;
    const parent = node.parent;
    if (parent !== evidence.root && !itemOf.has(parent)) continue;
    out.push(
      diagnostic(
        'warning',
        CODES.overrideUnused,
        `The override entry "${overridePath(node)}" matches no ${side} field of the page.`,
        {
          file,
          line: node.line,
          field: `${side}.${overridePath(node)}`,
          expected: `a ${side} field named "${node.name}" after its parent in the page`,
          found: 'no such field',
        },
      ),
    );
  }
}

function overridePath(node: EvidenceNode): string {
  const names: string[] = [];
  for (let at: EvidenceNode | undefined = node; at?.parent !== undefined; at = at.parent)
    names.unshift(at.name);
  return names.join('.');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
