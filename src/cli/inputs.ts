import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { diagnostic } from '../model/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import type { InputDoc } from '../generate.js';
import { realPath } from './real-path.js';

/** Real doc pages are well under 1 MB; anything this large is a wrong file, not a doc. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const OVERRIDE_SUFFIX = '.overrides.json';

export interface CollectedInputs {
  readonly inputs: readonly InputDoc[];
  /** Problems with files that could not be read at all. */
  readonly diagnostics: readonly Diagnostic[];
  readonly unreadable: readonly string[];
}

/** Paths relative to the working directory, with '/' separators, so diagnostics and output are stable. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  const shown = rel === '' || rel.startsWith('..') ? path : rel;
  return shown.split(sep).join('/');
}

/**
 * What displayPath gives every file of the folder `dir` before the file's name: `displayPath(join(dir, name))`
 * is `prefix + name` for a name that is not `.` or `..`. Worked out once per folder, not once per file (a
 * folder of the whole platform is 5,000 files). test/cli/display-path.test.ts holds it to displayPath.
 */
export function displayPrefix(dir: string, cwd = process.cwd()): string {
  const rel = relative(cwd, dir);
  if (rel === '') return '';
  // Outside the working directory a file is shown by its path as given, which join() normalises (`./a` → `a`).
  const shown = rel.startsWith('..') ? normalize(dir) : rel;
  if (shown === '.' || shown === `.${sep}`) return '';
  return (shown.endsWith(sep) ? shown : `${shown}${sep}`).split(sep).join('/');
}

/** Both spellings of a folder: as given, and with links resolved. */
function folderIdentities(path: string): string[] {
  const given = resolve(path);
  try {
    return [given, realpathSync(given)];
  } catch {
    return [given];
  }
}

/** A file found in an input folder: its path as given (joined), and as diagnostics show it. */
interface FoundFile {
  readonly path: string;
  readonly file: string;
}

/**
 * Every file under `dir`, dotfiles and `skip` folders left out. Synchronous: a folder of thousands of docs is
 * listed sooner than through promises, and nothing else runs meanwhile.
 */
function listFiles(
  dir: string,
  skip: ReadonlySet<string>,
  found: FoundFile[],
  // Real paths of the folders being listed, outermost first: a link back to one of them is a cycle.
  ancestors: readonly string[] = [realPath(dir)],
): void {
  const prefix = displayPrefix(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (isNotADoc(entry.name)) continue;
    const path = join(dir, entry.name);
    // A link is followed to what it names; a dangling one is listed as a file, so reading it reports it.
    const kind = entry.isSymbolicLink()
      ? linkedKind(path)
      : entry.isDirectory()
        ? 'folder'
        : entry.isFile()
          ? 'file'
          : undefined;
    if (kind === 'folder') {
      const real = realPath(path);
      if (!ancestors.includes(real) && !folderIdentities(path).some((id) => skip.has(id)))
        listFiles(path, skip, found, [...ancestors, real]);
    } else if (kind === 'file') found.push({ path, file: `${prefix}${entry.name}` });
  }
}

/** Dot-entries, and editors' backup and autosave copies (`page.json~`, `#page.json#`), which would duplicate a doc. */
export function isNotADoc(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));
}

/** What a symbolic link names: a folder, a file (also when it names nothing), or something else (a socket). */
function linkedKind(path: string): 'folder' | 'file' | undefined {
  try {
    const info = statSync(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : undefined;
  } catch {
    return 'file';
  }
}

/** `page.txt` → `page.overrides.json` in the same folder. */
export function overridePathFor(pagePath: string): string {
  return join(dirname(pagePath), `${basename(pagePath, extname(pagePath))}${OVERRIDE_SUFFIX}`);
}

/** A doc file found on disk, not read yet. */
export interface InputEntry {
  readonly path: string;
  /** Path as shown in diagnostics. */
  readonly file: string;
  readonly overridePath?: string;
  /** Size, modification time and inode when found: a change of any means the doc must be read again. */
  readonly stamp?: string;
}

export interface DiscoveredInputs {
  readonly entries: readonly InputEntry[];
  /** Problems with files that cannot be read at all. */
  readonly diagnostics: readonly Diagnostic[];
  readonly unreadable: readonly string[];
}

function fileTooLarge(file: string, size: number): Diagnostic {
  return diagnostic(
    'error',
    'file-too-large',
    `${file} is ${size} bytes; doc pages are far smaller, so it is skipped.`,
    {
      file,
      expected: `at most ${MAX_INPUT_BYTES} bytes`,
      found: `${size} bytes`,
    },
  );
}

function unreadableFile(file: string, error: unknown): Diagnostic {
  return diagnostic('error', 'unreadable-file', `${file} cannot be read: ${(error as Error).message}`, {
    file,
    expected: 'a readable file',
    found: (error as NodeJS.ErrnoException).code ?? 'an I/O error',
  });
}

/**
 * Finds every doc under the given files or folders (recursively, dotfiles skipped, sorted by path). Nesting
 * override files are attached to their page instead of being docs. `skipFolders` (the output folder) are never
 * read, even when they sit inside an input folder. With `stamps` (watch mode) each doc is stat-ed for the stamp
 * that tells a changed file, and files too large to be a doc are reported here; without, a run that reads each
 * doc once leaves both to readInput, which learns the size from the open file (a stat call per doc less).
 */
export async function discoverInputs(
  paths: readonly string[],
  skipFolders: readonly string[] = [],
  { stamps = true }: { readonly stamps?: boolean } = {},
): Promise<DiscoveredInputs> {
  const skip = new Set(skipFolders.flatMap(folderIdentities));
  const found: FoundFile[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) listFiles(path, skip, found);
    else {
      found.push({ path, file: displayPath(path) });
      // A page given by itself brings the override file next to it, as it would from its folder.
      const override = overridePathFor(path);
      if (!path.endsWith(OVERRIDE_SUFFIX) && existsSync(override))
        found.push({ path: override, file: displayPath(override) });
    }
  }
  // One entry per path (an input may be given twice, or inside another input), sorted by path.
  const sorted = [...new Map(found.map((entry) => [entry.path, entry.file]))].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const overrides = new Set(sorted.map(([path]) => path).filter((path) => path.endsWith(OVERRIDE_SUFFIX)));
  const entries: InputEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const unreadable: string[] = [];
  const pages = new Set<string>();
  for (const [path, file] of sorted) {
    if (overrides.has(path)) continue;
    // Most inputs have no override file at all: then no page needs the name of its own.
    const overridePath = overrides.size === 0 ? undefined : overridePathFor(path);
    if (overridePath !== undefined) pages.add(overridePath);
    const override = overridePath !== undefined && overrides.has(overridePath) ? { overridePath } : {};
    if (!stamps) {
      entries.push({ path, file, ...override });
      continue;
    }
    let size: number;
    let stamp: string;
    try {
      const info = statSync(path);
      size = info.size;
      stamp = fileStamp(info);
    } catch (error) {
      diagnostics.push(unreadableFile(file, error));
      unreadable.push(file);
      continue;
    }
    if (size > MAX_INPUT_BYTES) {
      diagnostics.push(fileTooLarge(file, size));
      unreadable.push(file);
      continue;
    }
    entries.push({ path, file, ...override, stamp });
  }
  for (const path of overrides)
    if (!pages.has(path))
      diagnostics.push(
        diagnostic(
          'warning',
          'orphan-override',
          `${displayPath(path)} has no page next to it and is ignored.`,
          {
            file: displayPath(path),
            expected: `a page named ${basename(path, OVERRIDE_SUFFIX)}.<ext> in the same folder`,
            found: 'no such page',
          },
        ),
      );
  return { entries, diagnostics, unreadable };
}

/** A file's bytes, or its size when it is too large to be a doc: one open, one fstat, the reads, one close. */
function readDocBytes(path: string): Uint8Array | number {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_INPUT_BYTES) return size;
    // A size of 0 may be a file whose size the system does not know (a pipe, /proc): read it to its end.
    if (size === 0) return readFileSync(fd);
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, null);
      if (read === 0) break; // the file shrank since the fstat
      filled += read;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Reads one doc and its override. Synchronous: thousands of small reads finish sooner than as promises. */
export function readInput(entry: InputEntry): { input: InputDoc } | { error: Diagnostic } {
  try {
    const content = readDocBytes(entry.path);
    if (typeof content === 'number') return { error: fileTooLarge(entry.file, content) };
    if (entry.overridePath === undefined) return { input: { file: entry.file, content } };
    const override = {
      file: displayPath(entry.overridePath),
      content: readFileSync(entry.overridePath, 'utf8'),
    };
    return { input: { file: entry.file, content, override } };
  } catch (error) {
    return { error: unreadableFile(entry.file, error) };
  }
}

/** Finds and reads every doc (see discoverInputs). */
export async function collectInputs(
  paths: readonly string[],
  skipFolders: readonly string[] = [],
): Promise<CollectedInputs> {
  const discovered = await discoverInputs(paths, skipFolders);
  const inputs: InputDoc[] = [];
  const diagnostics = [...discovered.diagnostics];
  const unreadable = [...discovered.unreadable];
  for (const entry of discovered.entries) {
    const read = readInput(entry);
    if ('input' in read) inputs.push(read.input);
    else {
      diagnostics.push(read.error);
      unreadable.push(entry.file);
    }
  }
  return { inputs, diagnostics, unreadable };
}

/** What tells a changed file from an unchanged one in watch mode: size, modification time and inode. */
function fileStamp(info: Stats): string {
  return `${info.size}:${info.mtimeMs}:${info.ino}`;
}

function overrideStamp(path: string): string {
  try {
    const info = statSync(path);
    return fileStamp(info);
  } catch {
    return '?';
  }
}

/** What the last full listing found, for re-reading only the files a watcher reports. */
interface Listing {
  readonly key: string;
  /** Each doc's entry, in listing order, by its absolute path (as a watcher reports it). */
  readonly entries: ReadonlyMap<string, InputEntry>;
}

/**
 * Re-reads only the docs whose size or modification time changed since the last call (watch mode); unchanged
 * docs come back as the same InputDoc objects, which a Pipeline recognises without hashing.
 */
export class InputReader {
  readonly #last = new Map<string, { readonly stamp: string; readonly input: InputDoc }>();
  #listing: Listing | undefined;

  /**
   * `changed` (absolute paths a file watcher reported since the last call) lets the reader skip listing and
   * stat-ing every input: when each of them is a doc it already knows that is still a plain readable file
   * (no override, nothing added, removed or unreadable before), only those are re-read. Anything else falls
   * back to the full listing, which is always right.
   */
  async read(
    paths: readonly string[],
    skipFolders: readonly string[] = [],
    changed?: ReadonlySet<string>,
  ): Promise<CollectedInputs> {
    const key = JSON.stringify([paths, skipFolders]);
    const listing = this.#listing;
    if (changed !== undefined && listing?.key === key) {
      const quick = this.#reread(listing, changed);
      if (quick !== undefined) return quick;
    }
    const discovered = await discoverInputs(paths, skipFolders);
    this.#listing =
      discovered.diagnostics.length === 0 && discovered.unreadable.length === 0
        ? { key, entries: new Map(discovered.entries.map((entry) => [resolve(entry.path), entry])) }
        : undefined;
    const inputs: InputDoc[] = [];
    const diagnostics = [...discovered.diagnostics];
    const unreadable = [...discovered.unreadable];
    const seen = new Set<string>();
    for (const entry of discovered.entries) {
      seen.add(entry.path);
      const stamp =
        entry.overridePath === undefined
          ? (entry.stamp ?? '?')
          : `${entry.stamp ?? '?'}|${overrideStamp(entry.overridePath)}`;
      const last = this.#last.get(entry.path);
      if (last !== undefined && entry.stamp !== undefined && last.stamp === stamp) {
        inputs.push(last.input);
        continue;
      }
      const read = readInput(entry);
      if ('input' in read) {
        inputs.push(read.input);
        this.#last.set(entry.path, { stamp, input: read.input });
      } else {
        diagnostics.push(read.error);
        unreadable.push(entry.file);
        this.#last.delete(entry.path);
        this.#listing = undefined;
      }
    }
    for (const path of [...this.#last.keys()]) if (!seen.has(path)) this.#last.delete(path);
    return { inputs, diagnostics, unreadable };
  }

  /** The inputs with only `changed` re-read, or undefined when the change needs the full listing. */
  #reread(listing: Listing, changed: ReadonlySet<string>): CollectedInputs | undefined {
    const fresh = new Map<string, { readonly stamp: string; readonly input: InputDoc }>();
    for (const changedPath of changed) {
      const entry = listing.entries.get(resolve(changedPath));
      if (entry === undefined || entry.overridePath !== undefined) return undefined;
      const { path } = entry;
      let stamp: string;
      try {
        const info = statSync(path);
        if (!info.isFile() || info.size > MAX_INPUT_BYTES) return undefined;
        stamp = fileStamp(info);
      } catch {
        return undefined;
      }
      const last = this.#last.get(path);
      if (last?.stamp === stamp) continue;
      const read = readInput(entry);
      if (!('input' in read)) return undefined;
      fresh.set(path, { stamp, input: read.input });
    }
    for (const [path, state] of fresh) this.#last.set(path, state);
    const inputs: InputDoc[] = [];
    for (const { path } of listing.entries.values()) {
      const state = this.#last.get(path);
      if (state === undefined) return undefined;
      inputs.push(state.input);
    }
    return { inputs, diagnostics: [], unreadable: [] };
  }
}
