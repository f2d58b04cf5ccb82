import type { ApiAccess } from '../../types.js';
import { draft, freeze, type DraftNode, type Evidence } from './evidence.js';

/**
 * Nesting overrides (docs/overrides.md): a JSON file next to a page (`<page>.overrides.json`, read by
 * src/parse/override.ts) that lists, per side, the direct children of objects by path:
 *
 *   { "api": "…", "response": { "result": ["result_msg", "data", "result_code", "success"],
 *                               "result.data": ["user_token", "user_id"] } }
 *
 * Every listed field is pinned under the object its entry names, and its `ambiguous-nesting` warning goes away.
 * Fields the file does not list are placed as usual.
 */
export interface OverrideEntry {
  /** Dotted path of the parent object, starting at a top-level field: `result`, `result.data`. */
  readonly parent: string;
  /** Names of its direct children, as the page writes them. */
  readonly children: readonly string[];
  /** 1-based line of the entry in the override file. */
  readonly line: number;
}

export interface NestingOverride {
  /** Where the override was read from; diagnostics about it point there. */
  readonly file: string;
  /** When present, must equal the page's API name. */
  readonly api?: string;
  /** Read or write for the retry policy, over what the API name says. */
  readonly access?: ApiAccess;
  readonly request: readonly OverrideEntry[];
  readonly response: readonly OverrideEntry[];
}

/** The override entries of one side as an evidence tree (paths are created as needed, in file order). */
export function overrideEvidence(entries: readonly OverrideEntry[]): Evidence | undefined {
  if (entries.length === 0) return undefined;
  const root = draft('', 1);
  const childNamed = (node: DraftNode, name: string, line: number): DraftNode => {
    let child = node.children.find((c) => c.name === name);
    if (child === undefined) {
      child = draft(name, line);
      node.children.push(child);
    }
    return child;
  };
  for (const entry of entries) {
    let node = root;
    for (const segment of entry.parent.split('.')) node = childNamed(node, segment, entry.line);
    for (const name of entry.children) childNamed(node, name, entry.line);
  }
  return freeze('override', 'the override file', root, [], true);
}
