import { looseKey } from './names.js';

/**
 * Evidence trees: what a page's samples (Java request code, XML/JSON response example, qimen JSON bodies) and a
 * user's override file say about nesting, reduced to one shape so one aligner (align.ts) can use them all.
 * A node is a named field occurrence; list elements are unnamed `wrapper` nodes between a list field and its
 * item's fields (the XML's `<coupon_dto>` level, a JSON array element, a Java `list.add(obj)`).
 */
export type EvidenceKind = 'override' | 'java' | 'json' | 'xml';

export interface EvidenceNode {
  /** Field name as the source writes it: wire name (XML, JSON, override) or setter suffix (Java). */
  readonly name: string;
  /** 1-based line in the page (or override file) where the node is written. */
  readonly line: number;
  /** Text value of a leaf (XML text, JSON scalar, Java literal), unescaped. */
  readonly value?: string;
  readonly children: readonly EvidenceNode[];
  readonly parent: EvidenceNode | undefined;
  /** A list element level: never matched to a field itself. */
  readonly wrapper: boolean;
  /** Java only: the inner class of a variable (`Inner`, or `Inner[]` for a list), used to place variables a
   * truncated sample never attached. */
  readonly typeHint?: string;
  /** Preorder position in its tree; document order. */
  readonly order: number;
  /** One past the order of its last descendant: the subtree is `[order, end)`. */
  readonly end: number;
  /** Its top-level ancestor (a child of the root, or a floating variable); itself at that level. */
  readonly top: EvidenceNode | undefined;
}

export interface Evidence {
  readonly kind: EvidenceKind;
  /** Names the source in messages: "the XML response example". */
  readonly label: string;
  readonly root: EvidenceNode;
  /** Java variables that were filled but never attached to the request (the sample was cut). */
  readonly floating: readonly EvidenceNode[];
  /** False when the source was cut short: a field missing from it says nothing about the field. */
  readonly complete: boolean;
  /** Every node, in preorder (root first, then floating trees). */
  readonly nodes: readonly EvidenceNode[];
  /** `looseKey` of every node name (built on first use): is this field anywhere in the sample? */
  readonly looseNames: () => ReadonlySet<string>;
}

/** The mutable form sources build before `freeze` links parents and numbers nodes. */
export interface DraftNode {
  name: string;
  line: number;
  value?: string;
  children: DraftNode[];
  wrapper: boolean;
  typeHint?: string;
}

export function draft(name: string, line: number, wrapper = false): DraftNode {
  return { name, line, children: [], wrapper };
}

/** Upper bound on nodes per tree: hostile samples (shared Java variables) must not blow up. */
const MAX_NODES = 20_000;

interface Mutable {
  name: string;
  line: number;
  value?: string;
  children: Mutable[];
  parent: Mutable | undefined;
  wrapper: boolean;
  typeHint?: string;
  order: number;
  end: number;
  top: Mutable | undefined;
}

/**
 * Copies draft trees into linked, numbered evidence. Drafts may share child arrays (a Java variable attached
 * twice) and may even contain cycles (hostile input); a draft already on the current path is not entered again,
 * and copying stops at MAX_NODES (the tree is then marked incomplete).
 */
export function freeze(
  kind: EvidenceKind,
  label: string,
  root: DraftNode,
  floating: readonly DraftNode[],
  complete: boolean,
): Evidence {
  const nodes: Mutable[] = [];
  let overflow = false;
  const copy = (top: DraftNode, parent: Mutable | undefined): Mutable => {
    const made = make(top, parent);
    // Depth-first with an explicit stack; `onPath` holds the child arrays of the drafts being copied, so a draft
    // that contains itself (through shared Java variables) is not entered again.
    const stack: { source: DraftNode; target: Mutable; next: number }[] = [
      { source: top, target: made, next: 0 },
    ];
    const onPath = new Set<DraftNode[]>([top.children]);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) break;
      const child = frame.source.children[frame.next++];
      if (child === undefined) {
        onPath.delete(frame.source.children);
        stack.pop();
        continue;
      }
      if (nodes.length >= MAX_NODES) {
        overflow = true;
        break;
      }
      if (onPath.has(child.children)) continue;
      const target = make(child, frame.target);
      frame.target.children.push(target);
      onPath.add(child.children);
      stack.push({ source: child, target, next: 0 });
    }
    return made;
  };
  const make = (source: DraftNode, parent: Mutable | undefined): Mutable => {
    const node: Mutable = {
      name: source.name,
      line: source.line,
      children: [],
      parent,
      wrapper: source.wrapper,
      order: nodes.length,
      end: nodes.length + 1,
      top: undefined,
      ...(source.value === undefined ? {} : { value: source.value }),
      ...(source.typeHint === undefined ? {} : { typeHint: source.typeHint }),
    };
    nodes.push(node);
    return node;
  };
  const frozenRoot = copy(root, undefined);
  const frozenFloating = floating.map((f) => copy(f, undefined));
  // Top-level ancestors: the root's children and the floating variables head their own subtrees.
  for (const node of nodes) {
    if (node.parent === undefined) node.top = node === frozenRoot ? undefined : node;
    else if (node.parent === frozenRoot) node.top = node;
    else node.top = node.parent.top;
  }
  // Subtree ends: children follow their parent in preorder, so a reverse sweep sees every child first.
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k];
    const parent = node?.parent;
    if (node !== undefined && parent !== undefined && parent.end < node.end) parent.end = node.end;
  }
  let names: Set<string> | undefined;
  const looseNames = (): ReadonlySet<string> => {
    if (names === undefined) {
      names = new Set<string>();
      for (const node of nodes) if (node.name !== '') names.add(looseKey(node.name));
    }
    return names;
  };
  return {
    kind,
    label,
    root: frozenRoot,
    floating: frozenFloating,
    complete: complete && !overflow,
    nodes,
    looseNames,
  };
}

/** Values a node gives for its field: its own text, or for a list of scalars its items' texts. */
export function nodeValues(node: EvidenceNode): string[] {
  if (node.value !== undefined) return [node.value];
  const items: string[] = [];
  for (const child of node.children) {
    if (child.value !== undefined && child.children.length === 0) items.push(child.value);
  }
  if (items.length === 0) return [];
  const joined = items.join(',');
  return items.length === 1 ? [joined] : [joined, items[0] ?? ''];
}
