import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { GeneratedFiles } from '../emit/index.js';
import {
  acquireLock,
  lockHolder,
  describeHolder,
  processAlive,
  removeDeadDrafts,
  type LockOptions,
} from './lock.js';
import {
  commitThroughJournal,
  describeInterruptedCommit,
  fitsJournal,
  recoverInterruptedCommit,
} from './journal.js';
import { besideOutput } from './beside-output.js';
import { realPath } from './real-path.js';
import { OutputError } from './output-error.js';
import { assertInside } from './inside-output.js';
import { isGone } from './fs-errors.js';
import { StagedTree } from './staged-tree.js';

export { OutputError } from './output-error.js';

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

/**
 * Every file under `root`, except in the build folders — but a build folder the tree itself holds
 * (`generate --build` writes dist/) is compared like the rest.
 */
async function listTree(
  root: string,
  ownFolders: ReadonlySet<string> = new Set(),
  prefix = '',
): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (prefix === '' && BUILD_FOLDERS.includes(entry.name) && !ownFolders.has(entry.name)) continue;
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listTree(root, ownFolders, rel)));
    else files.push(rel);
  }
  return files;
}

/**
 * Whether the file at `path` holds exactly `text` (UTF-8). Thousands of files are compared per run: the text is
 * encoded into, and the file read into, buffers reused from one call to the next, and the file is read no further
 * than one byte past the text's length, so that neither allocates nor asks for the file's size.
 */
const fileHolds = (() => {
  // Allocated on first use, not when a command loads this module.
  let encoded = Buffer.alloc(0);
  let read = Buffer.alloc(0);
  return (path: string, text: string): boolean => {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8; +1 to see a file longer than the text.
    const room = text.length * 3 + 1;
    if (encoded.length < room) {
      encoded = Buffer.allocUnsafe(room);
      read = Buffer.allocUnsafe(room);
    }
    const length = encoded.write(text, 'utf8');
    const fd = openSync(path, 'r');
    try {
      let got = 0;
      for (let n = -1; n !== 0 && got <= length; got += n)
        n = readSync(fd, read, got, length + 1 - got, null);
      return got === length && read.subarray(0, length).equals(encoded.subarray(0, length));
    } finally {
      closeSync(fd);
    }
  };
})();

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
  const ownFolders = new Set(
    BUILD_FOLDERS.filter((name) => [...files.keys()].some((path) => path.startsWith(`${name}/`))),
  );
  const onDisk = new Set(previous === undefined ? await listTree(outDir, ownFolders) : previous.keys());
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, text] of files) {
    if (!onDisk.has(path)) missing.push(path);
    else if (previous !== undefined ? previous.get(path) !== text : !fileHolds(join(outDir, path), text))
      changed.push(path);
  }
  const extra = [...onDisk].filter((path) => !files.has(path) && !PRESERVED.has(path));
  const sort = (list: string[]): string[] => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { changed: sort(changed), missing: sort(missing), extra: sort(extra) };
}

export const isUnchanged = (d: TreeDifference): boolean =>
  d.changed.length === 0 && d.missing.length === 0 && d.extra.length === 0;

/** Role of a run's temp folder, followed by the run's pid: recovery matches it to find leftovers. */
const TEMP_ROLE = 'tmp-';

function siblings(outDir: string): { temp: string; old: string; lock: string } {
  return {
    temp: besideOutput(outDir, `${TEMP_ROLE}${process.pid}`),
    old: besideOutput(outDir, 'old'),
    lock: besideOutput(outDir, 'lock'),
  };
}

/**
 * Where the output really goes. A symlinked `--out` is written through: the swap happens beside the link's
 * target, and the link itself stays. A dangling link or a file is a usage error.
 */
export function resolveOutputTarget(outDir: string): string {
  const out = resolve(outDir);
  let info;
  try {
    info = lstatSync(out);
  } catch {
    return out;
  }
  if (info.isSymbolicLink()) {
    try {
      const target = realpathSync(out);
      if (!statSync(target).isDirectory())
        throw new OutputError(`--out ${outDir} is a symlink to ${target}, which is not a folder.`);
      return target;
    } catch (error) {
      if (error instanceof OutputError) throw error;
      throw new OutputError(
        `--out ${outDir} is a symlink to a folder that does not exist; create the target folder or point --out elsewhere.`,
      );
    }
  }
  if (!info.isDirectory())
    throw new OutputError(`--out ${outDir} is a file, not a folder; choose another --out.`);
  return out;
}

/** Write permission as the user set it: mode bits too, since a folder marked read-only is meant to stay so even for root. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return (statSync(path).mode & 0o200) !== 0;
  } catch (error) {
    // Gone since it was listed: another run swapped the output meanwhile, which says nothing of permissions.
    return isGone(error);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

function nearestExisting(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Folders of the output tree (build folders excluded: npm owns them). */
function treeFolders(root: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    // Preflight runs without the output lock: another run may swap the tree away while it is walked.
    if (isGone(error)) return [];
    throw error;
  }
  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || (prefix === '' && BUILD_FOLDERS.includes(entry.name))) continue;
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    folders.push(rel, ...treeFolders(root, rel));
  }
  return folders;
}

/**
 * Checks `--out` before anything is parsed or written: a file, a dangling link, a folder (or one of its
 * subfolders, or the folder it sits in) that is read-only are usage errors. Returns the real output folder.
 */
export function preflightOutput(outDir: string, inputs: readonly string[] = []): string {
  const out = resolveOutputTarget(outDir);
  const parent = nearestExisting(dirname(out));
  if (!isFolder(parent))
    throw new OutputError(`cannot write ${outDir}: ${parent} is a file, so no folder can be made inside it.`);
  // Every run replaces the output folder whole: docs inside it would be deleted with the old tree.
  const realOut = realPath(out);
  for (const input of inputs) {
    if (isWithin(realPath(input), realOut))
      throw new OutputError(
        `input ${input} is inside --out ${outDir}, which each run replaces whole (the docs would be deleted); keep the docs outside the output folder.`,
      );
  }
  if (!writable(parent))
    throw new OutputError(
      `cannot write ${outDir}: the folder ${parent} is read-only (the new output is built beside ${basename(out)} and swapped in).`,
    );
  if (existsSync(out)) {
    const readOnly = ['', ...treeFolders(out)].find((rel) => !writable(join(out, rel)));
    if (readOnly !== undefined)
      throw new OutputError(
        `cannot write ${outDir}: ${readOnly === '' ? 'it' : readOnly} is read-only; make it writable or choose another --out.`,
      );
  }
  return out;
}

/** The pid of the run that made a temp folder `.<out>.topgen-tmp-<pid>`. */
function tempOwner(name: string, prefix: string): number {
  return Number(name.slice(prefix.length));
}

/**
 * A run killed between the two renames of a swap leaves `outDir` missing and the previous output in the
 * `.topgen-old` sibling; put it back. Leftover temp folders of dead runs are removed; the temp folder of a run
 * that is still alive is never touched (callers hold the output lock, this is the second guard), nor this
 * run's own staged tree (`keep`).
 */
export async function recoverInterruptedSwap(outDir: string, keep?: string): Promise<void> {
  const out = resolve(outDir);
  const { old, lock } = siblings(out);
  // A run killed while it wrote its lock file leaves the draft beside it.
  removeDeadDrafts(lock);
  if (!existsSync(out) && existsSync(old)) await rename(old, out);
  else if (existsSync(old)) await rm(old, { recursive: true, force: true });
  // A commit of a few changed files in place (journal.ts) that was interrupted.
  recoverInterruptedCommit(out);
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = basename(besideOutput(out, TEMP_ROLE));
  for (const entry of await readdir(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const owner = tempOwner(entry, prefix);
    if ((owner !== process.pid && processAlive(owner)) || join(parent, entry) === keep) continue;
    // Build folders already moved into the killed run's tree go back before it is removed.
    if (existsSync(out)) await moveBuildFolders(join(parent, entry), out);
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * For `check`: what a user should know about the output folder's state beyond stale files — a swap that was
 * interrupted (and how to recover), or a run writing it right now.
 */
export function describeOutputState(outDir: string): string[] {
  let out: string;
  try {
    out = resolveOutputTarget(outDir);
  } catch {
    return [];
  }
  const { old, lock } = siblings(out);
  const notes: string[] = [];
  if (!existsSync(out) && existsSync(old))
    notes.push(
      `${outDir} is missing and the previous output is in ${old}: a generate was interrupted while swapping the new output in. Run "topgen generate" to restore and update it (or rename ${old} back to ${outDir}).`,
    );
  notes.push(...describeInterruptedCommit(out, outDir));
  const holder = lockHolder(lock);
  if (holder !== undefined)
    notes.push(`${describeHolder(holder)} is writing ${outDir} right now; check again when it is done.`);
  return notes;
}

/** Moves the build folders present in `from` to `to`, where the new tree has none of its own. */
async function moveBuildFolders(from: string, to: string): Promise<void> {
  for (const name of BUILD_FOLDERS) {
    if (existsSync(join(from, name)) && !existsSync(join(to, name)))
      await rename(join(from, name), join(to, name));
  }
}

/**
 * For a run whose output folder does not exist yet: a StagedTree in the run's temp folder, to take the package's
 * files while they are emitted; writeTreeAtomic then completes it and renames it into place. Undefined when the
 * folder exists: its unchanged files are hard-linked into the new tree, which needs the finished file set.
 */
export function stageNewOutput(outDir: string): StagedTree | undefined {
  const out = resolveOutputTarget(outDir);
  const { temp, old } = siblings(out);
  if (existsSync(out) || existsSync(old)) return undefined;
  try {
    return new StagedTree(temp);
  } catch {
    // No worker (or no temp folder) to be had: the files are written after the emit, as for any other folder.
    return undefined;
  }
}

/** Options of writeTreeAtomic beyond the tree itself. */
export interface WriteOptions extends LockOptions {
  /** What this process wrote there last time (watch mode): saves reading every file back. */
  readonly previous?: GeneratedFiles | undefined;
  /**
   * Takes the removal of the old tree, to finish in the background (watch mode); the output lock is held until
   * it is done. Without it the removal is awaited.
   */
  readonly onCleanup?: (cleanup: Promise<void>) => void;
  /** The files already written to the temp folder while they were emitted (see stageNewOutput). */
  readonly staged?: StagedTree | undefined;
}

/**
 * Writes the package so that `outDir` is always either the previous output or the complete new one: the new
 * tree is built in a temporary folder beside it (unchanged files hard-linked, not rewritten) and swapped in
 * with two renames, under the output folder's lock (see lock.ts). Files that no longer belong disappear with
 * the old tree; the changelog, the lock file and the build folders are carried over. A symlinked `outDir`
 * stays a link: its target is what is swapped. Returns what changed.
 */
export async function writeTreeAtomic(
  outDir: string,
  files: GeneratedFiles,
  options: WriteOptions = {},
): Promise<TreeDifference> {
  for (const path of files.keys()) assertInside(path);
  const out = preflightOutput(outDir);
  const { lock } = siblings(out);
  await mkdir(dirname(out), { recursive: true });
  const release = await acquireLock(lock, options);
  let cleanup: Promise<void> = Promise.resolve();
  try {
    const { difference, old } = await swapIn(outDir, out, files, options.previous, options.staged);
    cleanup = old === undefined ? cleanup : rm(old, { recursive: true, force: true });
    return difference;
  } finally {
    const done = cleanup.finally(release);
    if (options.onCleanup === undefined) await done;
    else options.onCleanup(done);
  }
}

/**
 * Which output folder a set of files was last written to: device and inode (each swap brings a new folder)
 * and modification time (each commit in place moves it, see journal.ts), of the folder and of every folder
 * in it that holds the files (a file deleted or replaced there, by hand or by a git checkout, moves that
 * folder's time; an edit inside a file does not, and is for `topgen check` to find).
 */
const writtenFolder = new WeakMap<GeneratedFiles, string>();

function folderStamp(path: string): string {
  try {
    const info = statSync(path, { bigint: true });
    return `${info.dev}:${info.ino}:${info.mtimeNs}`;
  } catch {
    return '';
  }
}

function folderId(out: string, files: GeneratedFiles): string {
  const folders = new Set<string>();
  for (const path of files.keys()) {
    const slash = path.lastIndexOf('/');
    if (slash !== -1) folders.add(path.slice(0, slash));
  }
  let id = folderStamp(out);
  for (const folder of [...folders].sort()) id += `|${folderStamp(join(out, folder))}`;
  return id;
}

/** The part of writeTreeAtomic that runs under the lock; returns the old tree to remove, if any. */
async function swapIn(
  outDir: string,
  out: string,
  files: GeneratedFiles,
  previous: GeneratedFiles | undefined,
  stage: StagedTree | undefined,
): Promise<{ difference: TreeDifference; old?: string }> {
  const { temp, old } = siblings(out);
  const staged = stage === undefined ? undefined : await stage.claim();
  await recoverInterruptedSwap(out, staged === undefined ? undefined : temp);
  // `previous` describes the tree this process swapped in; another run may have swapped in its own since.
  if (previous !== undefined && writtenFolder.get(previous) !== folderId(out, previous)) previous = undefined;
  if (previous === undefined || !existsSync(join(out, OUTPUT_MARKER))) {
    previous = undefined;
    const existing = await listTree(out);
    if (existing.length > 0 && !existing.includes(OUTPUT_MARKER))
      throw new OutputError(
        `refusing to replace ${outDir}: it is not empty and does not look like topgen output (no ${OUTPUT_MARKER}). Remove it or choose another --out.`,
      );
  }
  const difference = await diffTree(out, files, previous);
  // Another run may have created the output since the stage began: then the tree is built the usual way, in a
  // temp folder emptied of the unused stage (or of what an earlier run of this process left).
  const fresh = staged !== undefined && !existsSync(out);
  if (!fresh) await rm(temp, { recursive: true, force: true });
  if (isUnchanged(difference)) {
    writtenFolder.set(files, folderId(out, files));
    return { difference };
  }

  // A few changed files of a tree this process wrote: committed in place through a journal, not swapped whole.
  const changes = { write: [...difference.changed, ...difference.missing], remove: difference.extra };
  if (previous !== undefined && fitsJournal(out, changes, previous)) {
    commitThroughJournal(out, files, changes);
    writtenFolder.set(files, folderId(out, files));
    return { difference };
  }

  try {
    if (fresh) completeStaged(temp, files, staged);
    else buildTemp(temp, out, files, new Set([...difference.changed, ...difference.missing]));
    for (const path of PRESERVED)
      if (!files.has(path) && existsSync(join(out, path))) await link(join(out, path), join(temp, path));
  } catch (error) {
    // Nothing was swapped: the output is untouched, and no half-built tree is left beside it.
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(out)) {
    await moveBuildFolders(out, temp);
    await rename(out, old);
  }
  try {
    await rename(temp, out);
  } catch (error) {
    if (!existsSync(out) && existsSync(old)) await rename(old, out);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  writtenFolder.set(files, folderId(out, files));
  return { difference, old };
}

/** Makes the folder a file goes in, each folder once per tree (thousands of files share a few folders). */
function folderMaker(): (target: string) => void {
  const made = new Set<string>();
  return (target) => {
    const dir = dirname(target);
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

/** Completes a staged tree for a new output: files it lacks or holds with other content written, extras removed. */
function completeStaged(temp: string, files: GeneratedFiles, staged: ReadonlyMap<string, string>): void {
  const makeFolder = folderMaker();
  for (const [path, text] of files) {
    if (staged.get(path) === text) continue;
    const target = join(temp, path);
    makeFolder(target);
    writeFileSync(target, text);
  }
  for (const path of staged.keys()) if (!files.has(path)) rmSync(join(temp, path), { force: true });
}

/** Fills the temporary tree: changed files written, unchanged ones hard-linked from the current output. */
function buildTemp(temp: string, out: string, files: GeneratedFiles, rewritten: ReadonlySet<string>): void {
  const makeFolder = folderMaker();
  for (const [path, text] of files) {
    const target = join(temp, path);
    makeFolder(target);
    if (rewritten.has(path)) writeFileSync(target, text);
    else {
      try {
        linkSync(join(out, path), target);
      } catch {
        writeFileSync(target, text);
      }
    }
  }
}
