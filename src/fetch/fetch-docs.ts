// `topgen fetch`: bring the docs folder up to date with the doc site, one atomically written file per API.
import { compareCodeUnits } from '../diff/order.js';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CATALOGUE_PATH,
  CATALOGUE_QUERY,
  choose,
  readCatalogue,
  type Catalogue,
  type CatalogueEntry,
} from './catalogue.js';
import {
  NODE_FILE_OPS,
  readIfPresent,
  removeStaleTempFiles,
  writeFileAtomic,
  type FileOps,
} from './files.js';
import { mapLimited } from './limit.js';
import {
  MANIFEST_FILE,
  docFileName,
  manifestText,
  readManifest,
  type Manifest,
  type ManifestEntry,
} from './manifest.js';
import { docFileText } from './serialise.js';
import { SiteClient, type SiteClientOptions } from './site-client.js';

export const DOC_PATH = '/handler/document/getDocument.json';

/** What to fetch; `fromManifest` refreshes the APIs fetched into the folder before. */
export type FetchSelection =
  | {
      readonly apis: readonly string[];
      readonly categories: readonly string[];
      readonly all: boolean;
    }
  | 'fromManifest';

export interface FetchOptions extends Omit<SiteClientOptions, 'onRetry'> {
  readonly out: string;
  readonly selection: FetchSelection;
  readonly concurrency: number;
  /** Compare only: nothing is written or deleted. */
  readonly dryRun: boolean;
  /** Delete the files of APIs the catalogue lists no more. */
  readonly prune: boolean;
  readonly fileOps?: FileOps;
  readonly onRetry?: SiteClientOptions['onRetry'];
  /** Called once the number of docs is known, then after each doc. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * How often, at most, the manifest is saved while docs arrive (default 2 s), so that a run stopped part way
   * leaves the docs it wrote listed in the manifest, for the next run to refresh and --prune to see.
   */
  readonly manifestSaveMs?: number;
}

export type DocStatus = 'unchanged' | 'changed' | 'added' | 'failed';

export interface DocOutcome {
  readonly name: string;
  readonly id: number;
  readonly file: string;
  readonly status: DocStatus;
  /** Why a doc failed. */
  readonly reason?: string;
}

/** An API fetched into the folder before that the catalogue lists no more. */
export interface GoneApi {
  readonly name: string;
  readonly file: string;
  /** The catalogue lists the same id under this name now. */
  readonly renamedTo?: string;
  readonly pruned: boolean;
}

export type FetchReport =
  | {
      readonly ok: true;
      readonly docs: readonly DocOutcome[];
      readonly gone: readonly GoneApi[];
      /** A problem with the manifest that was worked around. */
      readonly notes: readonly string[];
      /** The manifest could not be written (the docs were): the next run cannot tell what is gone. */
      readonly manifestError?: string;
    }
  /** Nothing could be fetched: the catalogue itself failed. */
  | { readonly ok: false; readonly reason: string };

/** The user asked for APIs or categories the catalogue does not have, or for nothing at all. */
export class FetchSelectionError extends Error {}

export async function fetchDocs(options: FetchOptions): Promise<FetchReport> {
  const { out, dryRun } = options;
  const ops = options.fileOps ?? NODE_FILE_OPS;
  const { manifest, problem } = await readManifest(out);
  const notes = problem === undefined ? [] : [`${problem}; it is rebuilt from this run`];
  if (options.selection === 'fromManifest' && manifest.size === 0)
    throw new FetchSelectionError(
      `nothing to fetch: name APIs, --category or --all (or set fetch.apis / fetch.categories in the config); ${join(out, MANIFEST_FILE)} lists no APIs fetched before`,
    );

  const client = new SiteClient(options);
  const answer = await client.getJson(CATALOGUE_PATH, CATALOGUE_QUERY, 'catalogue');
  if (!answer.ok) return { ok: false, reason: `the catalogue could not be fetched: ${answer.reason}` };
  const catalogue = readCatalogue(answer.data);
  if ('error' in catalogue) return { ok: false, reason: catalogue.error };
  notes.push(...catalogue.skipped);

  const chosen = chooseEntries(catalogue, manifest, options.selection);
  if (!dryRun) {
    await mkdir(out, { recursive: true });
    await removeStaleTempFiles(out);
  }

  let done = 0;
  options.onProgress?.(0, chosen.length);
  const saver = dryRun
    ? undefined
    : progressSaver(join(out, MANIFEST_FILE), manifest, options.manifestSaveMs, ops);
  const docs = await mapLimited(chosen, options.concurrency, async (entry) => {
    const outcome = await fetchOne(client, entry, out, dryRun, ops);
    saver?.record(entry, outcome);
    options.onProgress?.(++done, chosen.length);
    return outcome;
  });
  await saver?.settled();

  const gone = await settleGone(catalogue.entries, manifest, options, ops);
  if (dryRun) return { ok: true, docs, gone, notes };
  const path = join(out, MANIFEST_FILE);
  try {
    const text = manifestText(nextManifest(manifest, chosen, docs, gone));
    if ((await readIfPresent(path)) !== text) await writeFileAtomic(path, text, ops);
  } catch (error) {
    return {
      ok: true,
      docs,
      gone,
      notes,
      manifestError: `${path} cannot be written: ${(error as Error).message}`,
    };
  }
  return { ok: true, docs, gone, notes };
}

function chooseEntries(
  catalogue: Catalogue,
  manifest: Manifest,
  selection: FetchSelection,
): readonly CatalogueEntry[] {
  if (selection !== 'fromManifest') {
    const chosen = choose(catalogue, selection);
    // A name fetched before is reported as gone (below), not as a typo.
    const unknownApis = chosen.unknownApis.filter((name) => !manifest.has(name));
    const problems = [
      ...unknownApis.map((name) => `API "${name}" is not in the site's catalogue`),
      ...chosen.unknownCategories.map((name) => `category "${name}" is not in the site's catalogue`),
    ];
    if (problems.length > 0) throw new FetchSelectionError(problems.join('; '));
    return chosen.entries;
  }
  // Refresh what was fetched before, following an API to its new name when the catalogue renamed it.
  const ids = new Set([...manifest.values()].map((e) => e.id));
  return catalogue.entries
    .filter((e) => manifest.has(e.name) || ids.has(e.id))
    .sort((a, b) => compareCodeUnits(a.name, b.name));
}

async function fetchOne(
  client: SiteClient,
  entry: CatalogueEntry,
  out: string,
  dryRun: boolean,
  ops: FileOps,
): Promise<DocOutcome> {
  const file = docFileName(entry.name);
  const base = { name: entry.name, id: entry.id, file: file ?? '' };
  if (file === undefined)
    return {
      ...base,
      status: 'failed',
      reason: 'the API name cannot be a file name (it has characters no API name has)',
    };
  const query = { isEn: 'false', treeId: '', docId: String(entry.id), docType: '2' };
  const answer = await client.getJson(DOC_PATH, query, entry.name);
  if (!answer.ok) return { ...base, status: 'failed', reason: answer.reason };
  const text = docFileText(answer.data, entry);
  const path = join(out, file);
  try {
    const before = await readIfPresent(path);
    if (before === text) return { ...base, status: 'unchanged' };
    if (!dryRun) await writeFileAtomic(path, text, ops);
    return { ...base, status: before === undefined ? 'added' : 'changed' };
  } catch (error) {
    return { ...base, status: 'failed', reason: `${path} cannot be written: ${(error as Error).message}` };
  }
}

async function settleGone(
  entries: readonly CatalogueEntry[],
  manifest: Manifest,
  options: FetchOptions,
  ops: FileOps,
): Promise<GoneApi[]> {
  const listed = new Set(entries.map((e) => e.name));
  const nameOfId = new Map(entries.map((e) => [e.id, e.name]));
  const gone: GoneApi[] = [];
  for (const [name, entry] of [...manifest].sort(([a], [b]) => compareCodeUnits(a, b))) {
    if (listed.has(name)) continue;
    let pruned = false;
    if (options.prune && !options.dryRun) {
      await ops.unlink(join(options.out, entry.file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      pruned = true;
    }
    const renamedTo = nameOfId.get(entry.id);
    gone.push({ name, file: entry.file, pruned, ...(renamedTo === undefined ? {} : { renamedTo }) });
  }
  return gone;
}

/** A doc the run wrote (or found unchanged) into the manifest; a failed one keeps the entry it had. */
function recordFetched(manifest: Map<string, ManifestEntry>, entry: CatalogueEntry, doc: DocOutcome): void {
  if (doc.status !== 'failed')
    manifest.set(doc.name, { id: entry.id, categories: entry.categories, file: doc.file });
}

/**
 * Saves the manifest with the docs written so far, at most every `intervalMs` and one save at a time; a failed
 * save is left to the final one, which reports it.
 */
function progressSaver(
  path: string,
  manifest: Manifest,
  intervalMs = 2000,
  ops: FileOps,
): { record(entry: CatalogueEntry, outcome: DocOutcome): void; settled(): Promise<void> } {
  const progress = new Map<string, ManifestEntry>(manifest);
  let lastSave = Date.now();
  let saving: Promise<void> | undefined;
  return {
    record(entry, outcome) {
      if (outcome.status === 'failed') return;
      recordFetched(progress, entry, outcome);
      if (saving !== undefined || Date.now() - lastSave < intervalMs) return;
      lastSave = Date.now();
      saving = writeFileAtomic(path, manifestText(progress), ops)
        .catch(() => undefined)
        .finally(() => {
          saving = undefined;
        });
    },
    async settled() {
      await saving;
    },
  };
}

/** Fetched docs get fresh entries; failed and unselected ones keep theirs; pruned ones are dropped. */
function nextManifest(
  manifest: Manifest,
  chosen: readonly CatalogueEntry[],
  docs: readonly DocOutcome[],
  gone: readonly GoneApi[],
): Manifest {
  const next = new Map<string, ManifestEntry>(manifest);
  docs.forEach((doc, i) => recordFetched(next, chosen[i] as CatalogueEntry, doc));
  for (const api of gone) if (api.pruned) next.delete(api.name);
  return next;
}
