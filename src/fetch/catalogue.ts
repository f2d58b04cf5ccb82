// The site's list of APIs (doc-site.md §2) and choosing from it.
import { compareCodeUnits } from '../diff/order.js';
import { member, type JsonNode, type JsonObjectNode } from '../json/scanner.js';

export interface CatalogueEntry {
  /** The API's id: the `docId` of its doc request. */
  readonly id: number;
  readonly name: string;
  /** Names of the categories (`catelogTrees`) that list it, in the site's order. */
  readonly categories: readonly string[];
}

export interface Catalogue {
  /** One entry per API name, in the site's order. */
  readonly entries: readonly CatalogueEntry[];
  readonly categories: ReadonlySet<string>;
  /** Entries left out, and why: names that differ only in case, or a second name for the same doc id. */
  readonly skipped: readonly string[];
}

export const CATALOGUE_PATH = '/handler/document/getApiCatelogConfig.json';
export const CATALOGUE_QUERY = Object.freeze({
  scopeId: '',
  treeId: '',
  docId: '285',
  docType: '2',
  tag: '',
});

function list(node: JsonNode | undefined): readonly JsonNode[] {
  return node?.kind === 'array' ? node.items : [];
}

function text(node: JsonObjectNode, key: string): string | undefined {
  const value = member(node, key);
  return value?.kind === 'string' && value.value.trim() !== '' ? value.value.trim() : undefined;
}

/**
 * Reads the catalogue's `data`. Only the first of `treeCategories` holds the API categories; an entry without a
 * numeric id or a name cannot be fetched and is left out. An API listed in two categories is one entry.
 */
export function readCatalogue(data: JsonObjectNode): Catalogue | { readonly error: string } {
  const first = list(member(data, 'treeCategories'))[0];
  if (first?.kind !== 'object')
    return { error: 'the catalogue has no "treeCategories" list (doc-site.md §2 describes its shape)' };
  const byName = new Map<string, { id: number; name: string; categories: string[] }>();
  const categories = new Set<string>();
  const conflicts = new Set<string>();
  for (const tree of list(member(first, 'catelogTrees'))) {
    if (tree.kind !== 'object') continue;
    const category = text(tree, 'name');
    if (category === undefined) continue;
    categories.add(category);
    for (const item of list(member(tree, 'catelogList'))) {
      if (item.kind !== 'object') continue;
      const id = member(item, 'id');
      const name = text(item, 'name');
      if (id?.kind !== 'number' || !Number.isSafeInteger(id.value) || name === undefined) continue;
      const known = byName.get(name);
      if (known === undefined) byName.set(name, { id: id.value, name, categories: [category] });
      else if (known.id !== id.value)
        conflicts.add(
          `the catalogue lists ${name} as doc ids ${known.id} and ${id.value}; the first is fetched`,
        );
      else if (!known.categories.includes(category)) known.categories.push(category);
    }
  }
  // generate takes API names that differ only in case for one API (their modules would be one file on macOS
  // and Windows), and one doc id is one doc: the first entry is kept, the others said.
  const entries: CatalogueEntry[] = [];
  const skipped: string[] = [...conflicts];
  const byFolded = new Map<string, string>();
  const byId = new Map<number, string>();
  for (const entry of byName.values()) {
    const twin = byFolded.get(entry.name.toLowerCase());
    const sameDoc = byId.get(entry.id);
    if (twin !== undefined)
      skipped.push(
        `the catalogue lists both ${twin} and ${entry.name}, which differ only in case; ${entry.name} is left out`,
      );
    else if (sameDoc !== undefined)
      skipped.push(
        `the catalogue lists doc id ${entry.id} as ${sameDoc} and as ${entry.name}; ${entry.name} is left out`,
      );
    else {
      byFolded.set(entry.name.toLowerCase(), entry.name);
      byId.set(entry.id, entry.name);
      entries.push(entry);
    }
  }
  if (entries.length === 0) return { error: 'the catalogue lists no APIs' };
  return { entries, categories, skipped };
}

/** What to fetch: API names and category names (either may be empty), or everything. */
export interface Selection {
  readonly apis: readonly string[];
  readonly categories: readonly string[];
  readonly all: boolean;
}

export interface Chosen {
  /** Sorted by API name. */
  readonly entries: readonly CatalogueEntry[];
  /** Asked-for API names the catalogue does not list. */
  readonly unknownApis: readonly string[];
  readonly unknownCategories: readonly string[];
}

export function choose(catalogue: Catalogue, selection: Selection): Chosen {
  const byName = new Map(catalogue.entries.map((e) => [e.name, e]));
  const wantedCategories = new Set(selection.categories);
  const chosen = new Map<string, CatalogueEntry>();
  for (const entry of catalogue.entries)
    if (selection.all || entry.categories.some((c) => wantedCategories.has(c))) chosen.set(entry.name, entry);
  const unknownApis: string[] = [];
  for (const name of selection.apis) {
    const entry = byName.get(name);
    if (entry === undefined) unknownApis.push(name);
    else chosen.set(name, entry);
  }
  return {
    entries: [...chosen.values()].sort((a, b) => compareCodeUnits(a.name, b.name)),
    unknownApis,
    unknownCategories: selection.categories.filter((c) => !catalogue.categories.has(c)),
  };
}
