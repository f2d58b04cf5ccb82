import { existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { GeneratedFiles } from '../emit/index.js';

/** A file every topgen output has; its absence means `--out` points at something else. */
const OUTPUT_MARKER = 'src/runtime/client.ts';

/** Kept across regenerations: written by `generate --changelog-from`, owned by the package's maintainers. */
export const CHANGELOG = 'CHANGELOG.md';
/** Files kept across regenerations: the changelog, and the lock file `npm install` writes in the package. */
const PRESERVED = new Set([CHANGELOG, 'package-lock.json']);
/**
 * Top-level folders that belong to the package's own build (`cd generated && npm install && npm run build`):
 * never compared, and moved over to each new tree, so publishing from the output folder keeps working.
 */
const BUILD_FOLDERS: readonly string[] = ['dist', 'node_modules'];

export interface TreeDifference {
  /** Files that generate would write with other content. */
  readonly changed: readonly string[];
  /** Files that generate would write but are not on disk. */
  readonly missing: readonly string[];
  /** Files on disk that generate would not write (they would be removed). */
  readonly extra: readonly string[];
}

export class OutputError extends Error {}

async function listTree(root: string, prefix = ''): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (prefix === '' && BUILD_FOLDERS.includes(entry.name)) continue;
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listTree(root, rel)));
    else files.push(rel);
  }
  return files;
}

/** Output paths come from the emitter; still, nothing may land outside `--out`. */
function assertInside(path: string): void {
  if (
    path === '' ||
    path.startsWith('/') ||
    path.split('/').some((part) => part === '..' || part === '.' || part === '')
  )
    throw new OutputError(`refusing to write ${JSON.stringify(path)}: output paths must stay inside --out`);
}

const sameBytes = (disk: Buffer, text: string): boolean => disk.equals(Buffer.from(text, 'utf8'));

/**
 * Compares what generate would write with what is in `outDir`. `previous` (what this process wrote there last
 * time, in watch mode) saves reading every file back. Synchronous reads: thousands of small files are read
 * faster one after another than through thousands of promises.
 */
export async function diffTree(
  outDir: string,
  files: GeneratedFiles,
  previous?: GeneratedFiles,
): Promise<TreeDifference> {
  const onDisk = new Set(previous === undefined ? await listTree(outDir) : previous.keys());
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, text] of files) {
    if (!onDisk.has(path)) missing.push(path);
    else if (
      previous !== undefined
        ? previous.get(path) !== text
        : !sameBytes(readFileSync(join(outDir, path)), text)
    )
      changed.push(path);
  }
  const extra = [...onDisk].filter((path) => !files.has(path) && !PRESERVED.has(path));
  const sort = (list: string[]): string[] => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { changed: sort(changed), missing: sort(missing), extra: sort(extra) };
}

export const isUnchanged = (d: TreeDifference): boolean =>
  d.changed.length === 0 && d.missing.length === 0 && d.extra.length === 0;

function siblings(outDir: string): { temp: string; old: string } {
  const dir = dirname(outDir);
  const name = basename(outDir);
  return { temp: join(dir, `.${name}.topgen-tmp-${process.pid}`), old: join(dir, `.${name}.topgen-old`) };
}

/**
 * A run killed between the two renames of a swap leaves `outDir` missing and the previous output in the
 * `.topgen-old` sibling; put it back. Leftover temp folders of killed runs are removed.
 */
export async function recoverInterruptedSwap(outDir: string): Promise<void> {
  const out = resolve(outDir);
  const { old } = siblings(out);
  if (!existsSync(out) && existsSync(old)) await rename(old, out);
  else if (existsSync(old)) await rm(old, { recursive: true, force: true });
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(out)}.topgen-tmp-`;
  for (const entry of await readdir(parent)) {
    if (!entry.startsWith(prefix)) continue;
    // Build folders already moved into the killed run's tree go back before it is removed.
    if (existsSync(out)) await moveBuildFolders(join(parent, entry), out);
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/** Moves the build folders present in `from` to `to`, where the new tree has none of its own. */
async function moveBuildFolders(from: string, to: string): Promise<void> {
  for (const name of BUILD_FOLDERS) {
    if (existsSync(join(from, name)) && !existsSync(join(to, name)))
      await rename(join(from, name), join(to, name));
  }
}

/**
 * Writes the package so that `outDir` is always either the previous output or the complete new one: the new
 * tree is built in a temporary folder beside it (unchanged files hard-linked, not rewritten) and swapped in
 * with two renames. Files that no longer belong disappear with the old tree; the changelog, the lock file and
 * the build folders are carried over. Returns what changed.
 */
export async function writeTreeAtomic(
  outDir: string,
  files: GeneratedFiles,
  previous?: GeneratedFiles,
  onCleanup?: (cleanup: Promise<void>) => void,
): Promise<TreeDifference> {
  const out = resolve(outDir);
  await recoverInterruptedSwap(out);
  for (const path of files.keys()) assertInside(path);
  if (previous === undefined || !existsSync(join(out, OUTPUT_MARKER))) {
    previous = undefined;
    const existing = await listTree(out);
    if (existing.length > 0 && !existing.includes(OUTPUT_MARKER))
      throw new OutputError(
        `refusing to replace ${outDir}: it is not empty and does not look like topgen output (no ${OUTPUT_MARKER}). Remove it or choose another --out.`,
      );
  }
  const difference = await diffTree(out, files, previous);
  if (isUnchanged(difference)) return difference;

  const { temp, old } = siblings(out);
  await rm(temp, { recursive: true, force: true });
  const rewritten = new Set([...difference.changed, ...difference.missing]);
  const madeDirs = new Set<string>();
  for (const [path, text] of files) {
    const target = join(temp, path);
    const dir = dirname(target);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    if (rewritten.has(path)) writeFileSync(target, text);
    else {
      try {
        linkSync(join(out, path), target);
      } catch {
        writeFileSync(target, text);
      }
    }
  }
  for (const path of PRESERVED)
    if (!files.has(path) && existsSync(join(out, path))) await link(join(out, path), join(temp, path));
  await mkdir(dirname(out), { recursive: true });
  if (existsSync(out)) {
    await moveBuildFolders(out, temp);
    await rename(out, old);
  }
  await rename(temp, out);
  // The swap is done; removing the old tree can go on in the background when the caller (watch mode) takes
  // the promise and waits for it before the next write.
  const cleanup = rm(old, { recursive: true, force: true });
  if (onCleanup === undefined) await cleanup;
  else onCleanup(cleanup);
  return difference;
}
