import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic } from '../../types.js';
import { align, type Judge, type SideLayout } from './align.js';
import { CODES } from './codes.js';
import { addParentFact, createChain, parentCandidates } from './depth-solver.js';
import type { Evidence, EvidenceNode } from './evidence.js';
import { decideGroup, type OrderGroup } from './field-order.js';
import { looseKey } from './names.js';
import type { Side } from './page-content.js';
import type { TableItem } from './page-content.js';

/**
 * Decides the parent of every item of one table side (docs/text-format.md §5.3–5.4):
 *  1. an override file, when given, pins parents (align.ts against the override tree);
 *  2. the page's sample (Java request code, XML or JSON response example) adds the parents it shows;
 *  3. the depth constraints (depth-solver.ts) spread those facts along the field order;
 *  4. what is still open is decided by the field-order rule (field-order.ts) and reported as
 *     `ambiguous-nesting`, naming the other possible parents. Nothing is placed by a guess without a warning.
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

type Group = OrderGroup;

export function decideParents(input: NestingInput, out: Diagnostic[]): Nesting {
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
  /** Sample placements the order refused: item → the parent the sample gave and the sample line. */
  const conflicts = new Map<number, { readonly parent: number; readonly line: number }>();
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
            field: `${side}.${overridePath(node)}`,
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
      conflicts.set(k, { parent: proposal.parent, line: node.line });
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

  for (const [k, conflict] of conflicts) {
    const label = sample?.label ?? 'the sample';
    out.push(
      diagnostic(
        'warning',
        CODES.nestingEvidenceConflict,
        `${capital(label)} places ${side} field "${items[k]?.name}" under "${paths[conflict.parent]}", which ` +
          'contradicts the order of fields in the table or other evidence; the sample was not used for this field.',
        {
          file,
          line: items[k]?.line ?? conflict.line,
          field: `${side}.${paths[k]}`,
          expected: 'a parent that is an object listed before the field and still open at it',
          found: `"${paths[conflict.parent]}" in the sample at line ${conflict.line}`,
        },
      ),
    );
  }

  for (let k = 0; k < items.length; k++) {
    const options = candidates[k];
    const item = items[k];
    if (options === undefined || options.length < 2 || item === undefined) continue;
    const chosen = parents[k] ?? -1;
    const others = options.filter((p) => p !== chosen).map((p) => `"${paths[p]}"`);
    const conflict = conflicts.get(k);
    const reason =
      conflict === undefined
        ? missingReason(input, item)
        : `${sample?.label ?? 'the sample'} puts it under "${paths[conflict.parent]}" (line ${conflict.line}), which the field order does not allow`;
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

function missingReason(input: NestingInput, item: TableItem): string {
  const sample = input.sample;
  if (sample === undefined) return input.noSample;
  const key = looseKey(item.name);
  const names = sample.looseNames();
  const named = names.has(key) || names.has(`${key}string`);
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
