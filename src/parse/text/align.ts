import type { Evidence, EvidenceNode } from './evidence.js';
import { looseKey, setterMatches } from './names.js';
import type { TableItem } from './table.js';

/**
 * Matches the items of one table side to the nodes of one evidence tree, in document order. A node can serve
 * item k when its name matches and its field-level parent node is already matched to an object that comes
 * before k under the same top-level row (or, for top-level rows, is the root). That parent is the evidence:
 * the caller turns it into a depth fact, and may refuse it when the field order does not allow it.
 */
export interface SideLayout {
  readonly items: readonly TableItem[];
  /** Item index of the top-level row each item belongs to (itself for rows). */
  readonly rowOf: readonly number[];
}

export type Proposal =
  | { readonly kind: 'row' }
  | { readonly kind: 'child'; readonly parent: number }
  | { readonly kind: 'floating' };

/** The caller's verdict on a proposed match: accept it, or refuse it (the node stays free). */
export type Judge = (item: number, node: EvidenceNode, proposal: Proposal) => boolean;

export interface Alignment {
  /** Per item: the node it was matched to. */
  readonly nodeOf: readonly (EvidenceNode | undefined)[];
  /** Per node order: the item it was matched to. */
  readonly itemOf: ReadonlyMap<EvidenceNode, number>;
}

const ROOT = -1;

function nameMatches(evidence: Evidence, node: EvidenceNode, item: TableItem): 'exact' | 'loose' | undefined {
  if (evidence.kind === 'java') {
    if (setterMatches(node.name, item.name, item.type)) return node.name.length > 0 ? 'exact' : undefined;
    return undefined;
  }
  if (node.name === item.name) return 'exact';
  return looseKey(node.name) === looseKey(item.name) ? 'loose' : undefined;
}

export function align(layout: SideLayout, evidence: Evidence, judge: Judge): Alignment {
  const { items, rowOf } = layout;
  const byKey = new Map<string, EvidenceNode[]>();
  for (const node of evidence.nodes) {
    if (node.wrapper || node.parent === undefined || node.name === '') continue;
    const key = looseKey(node.name);
    if (evidence.kind === 'java' && key.endsWith('string')) {
      // `setParamsString` serves the Json field `params`; index it under both keys.
      const short = key.slice(0, -'string'.length);
      const list = byKey.get(short);
      if (list === undefined) byKey.set(short, [node]);
      else list.push(node);
    }
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [node]);
    else list.push(node);
  }
  const nodeOf: (EvidenceNode | undefined)[] = items.map(() => undefined);
  const itemOf = new Map<EvidenceNode, number>();
  const wrappersOf = new Set<EvidenceNode>();

  /** The item that a node's field-level parent is matched to, ROOT for top-level nodes, else undefined. */
  const fieldParent = (node: EvidenceNode): number | undefined => {
    const parent = node.parent;
    if (parent === undefined) return undefined;
    if (parent === evidence.root) return ROOT;
    const direct = itemOf.get(parent);
    if (direct !== undefined) return direct;
    const grand = parent.parent;
    if (grand === undefined) return undefined;
    const listItem = itemOf.get(grand);
    if (listItem !== undefined && (parent.wrapper || wrappersOf.has(parent)) && items[listItem]?.array === true) {
      return listItem;
    }
    return undefined;
  };

  let cursor = -1;
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item === undefined) continue;
    const row = rowOf[k] ?? k;
    const pool = byKey.get(looseKey(item.name)) ?? [];
    let best: { node: EvidenceNode; proposal: Proposal; exact: boolean } | undefined;
    for (const node of pool) {
      if (itemOf.has(node) || wrappersOf.has(node)) continue;
      const how = nameMatches(evidence, node, item);
      if (how === undefined) continue;
      const parent = fieldParent(node);
      let proposal: Proposal;
      if (item.kind === 'row') {
        if (parent !== ROOT) continue;
        proposal = { kind: 'row' };
      } else {
        if (parent === undefined || parent === ROOT || parent >= k || parent < row) continue;
        const parentItem = items[parent];
        if (parentItem === undefined || (parentItem.kind === 'bullet' && parentItem.leaf)) continue;
        proposal = { kind: 'child', parent };
      }
      const exact = how === 'exact';
      if (best === undefined || better(node, exact, best.node, best.exact, cursor)) best = { node, proposal, exact };
    }
    if (best === undefined && !item.leaf) {
      const hint = `${item.type}${item.array ? '[]' : ''}`;
      const floating = evidence.floating.find((f) => f.typeHint === hint && !itemOf.has(f));
      if (floating !== undefined) best = { node: floating, proposal: { kind: 'floating' }, exact: true };
    }
    if (best === undefined || !judge(k, best.node, best.proposal)) continue;
    nodeOf[k] = best.node;
    itemOf.set(best.node, k);
    if (item.array) for (const child of best.node.children) wrappersOf.add(child);
    cursor = best.node.order;
  }
  return { nodeOf, itemOf };
}

/** Prefers exact names, then the first node after the last match (document order), then the earliest. */
function better(node: EvidenceNode, exact: boolean, than: EvidenceNode, thanExact: boolean, cursor: number): boolean {
  if (exact !== thanExact) return exact;
  const ahead = node.order > cursor;
  const thanAhead = than.order > cursor;
  if (ahead !== thanAhead) return ahead;
  return node.order < than.order;
}
