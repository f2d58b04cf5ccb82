// `.topgen-fetch.json` in the docs folder: which files fetch wrote, for which API id and category. A dotfile, so
// `generate` (which skips dotfiles) never reads it as a doc.
import { compareCodeUnits } from '../diff/order.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MANIFEST_FILE = '.topgen-fetch.json';

export interface ManifestEntry {
  readonly id: number;
  readonly categories: readonly string[];
  /** File name inside the docs folder. */
  readonly file: string;
}

/** API name → entry. */
export type Manifest = ReadonlyMap<string, ManifestEntry>;

function isEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'number' &&
    Number.isSafeInteger(e.id) &&
    Array.isArray(e.categories) &&
    e.categories.every((c) => typeof c === 'string') &&
    typeof e.file === 'string' &&
    isDocFileName(e.file)
  );
}

/** A file fetch may create or delete: a plain name in the folder itself, never a dotfile or a path. */
export function isDocFileName(file: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.json$/.test(file) && !file.includes('..');
}

/** The file an API's doc is saved as, or undefined when the name could not be a file of its own. */
export function docFileName(api: string): string | undefined {
  const file = `${api}.json`;
  return isDocFileName(file) ? file : undefined;
}

/**
 * Reads the manifest; a missing one is empty. A damaged one is reported and treated as empty: the docs
 * themselves are intact, and the next fetch writes a good manifest again.
 */
export async function readManifest(dir: string): Promise<{ manifest: Manifest; problem?: string }> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: new Map() };
    return { manifest: new Map(), problem: `${path} cannot be read: ${(error as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { manifest: new Map(), problem: `${path} is not valid JSON: ${(error as Error).message}` };
  }
  const apis = (parsed as { apis?: unknown } | null)?.apis;
  if (typeof apis !== 'object' || apis === null || Array.isArray(apis))
    return { manifest: new Map(), problem: `${path}: expected {"apis": {…}}` };
  const manifest = new Map<string, ManifestEntry>();
  const bad: string[] = [];
  for (const [name, entry] of Object.entries(apis))
    if (isEntry(entry)) manifest.set(name, { id: entry.id, categories: entry.categories, file: entry.file });
    else bad.push(name);
  return bad.length === 0
    ? { manifest }
    : { manifest, problem: `${path}: entries ignored (expected {id, categories, file}): ${bad.join(', ')}` };
}

/** Deterministic text: APIs by name, no timestamps, so an unchanged fetch leaves the manifest unchanged too. */
export function manifestText(manifest: Manifest): string {
  const names = [...manifest.keys()].sort(compareCodeUnits);
  const apis: Record<string, ManifestEntry> = {};
  for (const name of names) {
    const entry = manifest.get(name) as ManifestEntry;
    apis[name] = { id: entry.id, categories: entry.categories, file: entry.file };
  }
  return `${JSON.stringify({ apis }, null, 2)}\n`;
}
