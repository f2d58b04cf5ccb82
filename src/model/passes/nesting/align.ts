import type { Evidence, EvidenceNode } from './evidence.js';
import { looseKey, setterMatches, upperCamel } from './names.js';
import type { TableItem } from './page-content.js';

/**
 * Matches the items of one table side to the nodes of one evidence tree. A node can serve item k when its
 * name matches and its field-level parent node is matched to an object that comes before k under the same
 * top-level row (or, for a top-level row, is the root). That parent is the evidence: the caller turns it into a
 * depth fact, and may refuse it when the field order does not allow it.
 *
 * Samples list fields in the page's order, leaving out fields without an example. So within one top-level
 * field the match is the longest run of name matches that is increasing in both orders (`ordered` mode). A field
 * missing from the sample then cannot take the node of a later namesake: `error_code` of a list item must not
 * take `result.error_code` further down, which would pull every field in between out of place. Override files
 * list fields in any order, so they are matched one by one (`pinned` mode).
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
  readonly itemOf: ReadonlyMap<EvidenceNode, number>;
}

export type AlignMode = 'ordered' | 'pinned';

const ROOT = -1;

export function align(layout: SideLayout, evidence: Evidence, judge: Judge, mode: AlignMode): Alignment {
  return new Aligner(layout, evidence, judge).run(mode);
}

class Aligner {
  /** Nodes by their name as written (setter suffix for Java). */
  private readonly byName = new Map<string, EvidenceNode[]>();
  /** Nodes by `looseKey` of their name; built only when an exact name finds nothing. */
  private byLoose: Map<string, EvidenceNode[]> | undefined;
  private readonly nodeOf: (EvidenceNode | undefined)[];
  /** `upperCamel` of item names, for Java setters; filled on first use. */
  private readonly camel = new Map<TableItem, string>();
  private readonly itemOf = new Map<EvidenceNode, number>();
  /** List-element levels found under matched array fields (the XML's `<coupon_dto>`). */
  private readonly wrappers = new Set<EvidenceNode>();

  constructor(
    private readonly layout: SideLayout,
    private readonly evidence: Evidence,
    private readonly judge: Judge,
  ) {
    this.nodeOf = layout.items.map(() => undefined);
    for (const node of evidence.nodes) {
      if (node.wrapper || node.parent === undefined || node.name === '') continue;
      push(this.byName, node.name, node);
    }
  }

  run(mode: AlignMode): Alignment {
    const { items } = this.layout;
    if (mode === 'pinned') {
      for (let k = 0; k < items.length; k++) this.pinned(k);
    } else {
      for (let k = 0; k < items.length; k++) if (items[k]?.kind === 'row') this.matchRow(k);
      this.matchFloating();
      let start = 0;
      while (start < items.length) {
        let end = start + 1;
        while (end < items.length && items[end]?.kind !== 'row') end++;
        this.ordered(start, end);
        start = end;
      }
    }
    return { nodeOf: this.nodeOf, itemOf: this.itemOf };
  }

  private free(node: EvidenceNode): boolean {
    return !this.itemOf.has(node) && !this.wrappers.has(node);
  }

  /**
   * Candidate nodes by name: the exact name (for Java the setter, `auth_code` → `AuthCode`, and `…String` for
   * Json fields), else a case- and underscore-insensitive match.
   */
  private named(item: TableItem): EvidenceNode[] {
    const java = this.evidence.kind === 'java';
    let exactName = item.name;
    if (java) {
      exactName = this.camel.get(item) ?? upperCamel(item.name);
      this.camel.set(item, exactName);
    }
    const exact = (this.byName.get(exactName) ?? []).filter((n) => this.free(n));
    if (java && item.type === 'Json') {
      for (const n of this.byName.get(`${exactName}String`) ?? []) if (this.free(n)) exact.push(n);
    }
    if (exact.length > 0) return exact;
    const pool = (this.loose().get(looseKey(item.name)) ?? []).filter((n) => this.free(n));
    return java ? pool.filter((n) => setterMatches(n.name, item.name, item.type)) : pool;
  }

  private loose(): Map<string, EvidenceNode[]> {
    if (this.byLoose === undefined) {
      const byLoose = new Map<string, EvidenceNode[]>();
      for (const [name, nodes] of this.byName) {
        const key = looseKey(name);
        for (const node of nodes) {
          push(byLoose, key, node);
          // `setParamsString` serves the Json field `params`: index it under both keys.
          if (this.evidence.kind === 'java' && key.endsWith('string')) push(byLoose, key.slice(0, -6), node);
        }
      }
      this.byLoose = byLoose;
    }
    return this.byLoose;
  }

  /** The item a node's field-level parent is matched to, ROOT for top-level nodes, else undefined. */
  private fieldParent(node: EvidenceNode): number | undefined {
    const parent = node.parent;
    if (parent === undefined) return undefined;
    if (parent === this.evidence.root) return ROOT;
    const direct = this.itemOf.get(parent);
    if (direct !== undefined) return direct;
    const grand = parent.parent;
    const listItem = grand === undefined ? undefined : this.itemOf.get(grand);
    if (
      listItem !== undefined &&
      (parent.wrapper || this.wrappers.has(parent)) &&
      this.layout.items[listItem]?.array
    ) {
      return listItem;
    }
    return undefined;
  }

  /** The proposal node gives for item k, or undefined when its parent is not an earlier object of k's row. */
  private proposal(k: number, node: EvidenceNode): Proposal | undefined {
    const item = this.layout.items[k];
    if (item === undefined || this.wrappers.has(node)) return undefined;
    const parent = this.fieldParent(node);
    if (parent === undefined) return undefined;
    if (item.kind === 'row') return parent === ROOT ? { kind: 'row' } : undefined;
    const row = this.layout.rowOf[k] ?? k;
    if (parent === ROOT || parent >= k || parent < row) return undefined;
    const parentItem = this.layout.items[parent];
    if (parentItem === undefined || (parentItem.kind === 'bullet' && parentItem.leaf)) return undefined;
    return { kind: 'child', parent };
  }

  private commit(k: number, node: EvidenceNode, proposal: Proposal): boolean {
    if (!this.judge(k, node, proposal)) return false;
    this.nodeOf[k] = node;
    this.itemOf.set(node, k);
    if (this.layout.items[k]?.array === true) for (const child of node.children) this.wrappers.add(child);
    return true;
  }

  private matchRow(k: number): void {
    const item = this.layout.items[k];
    if (item === undefined) return;
    for (const node of this.named(item)) {
      if (node.parent === this.evidence.root && this.commit(k, node, { kind: 'row' })) return;
    }
  }

  /** Java variables the cut sample never attached: placed by their class, when exactly one object has it. */
  private matchFloating(): void {
    for (const node of this.evidence.floating) {
      const hits: number[] = [];
      this.layout.items.forEach((item, k) => {
        const hint = `${item.type}${item.array ? '[]' : ''}`;
        if (node.typeHint === hint && !(item.kind === 'bullet' && item.leaf) && this.nodeOf[k] === undefined)
          hits.push(k);
      });
      const only = hits.length === 1 ? hits[0] : undefined;
      if (only !== undefined) this.commit(only, node, { kind: 'floating' });
    }
  }

  /**
   * Matches the bullets of one row (items `[start + 1, end)`): longest chain of name matches increasing in item
   * order and in node order, among nodes under a top-level node already matched inside this row.
   */
  private ordered(start: number, end: number): void {
    const { items } = this.layout;
    const tops = new Set<EvidenceNode>();
    for (let k = start; k < end; k++) {
      const node = this.nodeOf[k];
      if (node?.top !== undefined) tops.add(node.top);
    }
    if (tops.size === 0) return;
    // Patience sorting over (item, node order) pairs; each item's candidates go in decreasing node order so
    // that one chain never takes two nodes for the same item.
    interface Pair {
      readonly k: number;
      readonly node: EvidenceNode;
      readonly prev: Pair | undefined;
    }
    const tails: Pair[] = [];
    for (let k = start; k < end; k++) {
      const item = items[k];
      if (item === undefined || item.kind === 'row' || this.nodeOf[k] !== undefined) continue;
      const candidates = this.named(item)
        .filter((n) => n.top !== undefined && tops.has(n.top))
        .sort((a, b) => b.order - a.order);
      for (const node of candidates) {
        let lo = 0;
        let hi = tails.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((tails[mid]?.node.order ?? 0) < node.order) lo = mid + 1;
          else hi = mid;
        }
        tails[lo] = { k, node, prev: lo > 0 ? tails[lo - 1] : undefined };
      }
    }
    const chain: Pair[] = [];
    for (let at = tails[tails.length - 1]; at !== undefined; at = at.prev) chain.push(at);
    chain.reverse();
    // Commit in document order, so each node's parent is matched before the node is looked at.
    for (const pair of chain) {
      const proposal = this.proposal(pair.k, pair.node);
      if (proposal !== undefined) this.commit(pair.k, pair.node, proposal);
    }
  }

  /** Override mode: the first free node of the item's name whose parent is an earlier object of its row. */
  private pinned(k: number): void {
    const item = this.layout.items[k];
    if (item === undefined) return;
    for (const node of this.named(item)) {
      const proposal = this.proposal(k, node);
      if (proposal !== undefined) {
        this.commit(k, node, proposal);
        return;
      }
    }
  }
}

function push(map: Map<string, EvidenceNode[]>, key: string, node: EvidenceNode): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [node]);
  else list.push(node);
}
