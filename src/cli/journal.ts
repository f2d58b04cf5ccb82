/**
 * Commits a small change set to the output folder in place, with the same guarantee as the full swap (see
 * output.ts): after a crash at any point, the next topgen run finds either the complete old tree or the
 * complete new one. Watch mode changes a few files of thousands per save; building a whole new tree of hard
 * links for that costs more than everything else a regeneration does.
 *
 * The protocol, all beside the output folder and under its lock:
 * 1. the new files are written into a staging folder `.<out>.topgen-stage`;
 * 2. a journal naming each staged file's destination and each file to remove is written to a temp file and
 *    renamed to `.<out>.topgen-journal`: that rename is the commit point;
 * 3. staged files are renamed into place and removed files deleted;
 * 4. the journal, then the staging folder, is deleted.
 * Recovery (at the start of every write, under the lock) rolls a committed journal forward (each step can be
 * repeated: a staged file already moved is skipped) and discards staging that was never committed.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { GeneratedFiles } from '../emit/index.js';
import { besideOutput } from './beside-output.js';
import { OutputError } from './output-error.js';

/**
 * Above this many changed files a change set goes through the full swap: while a journal is applied, a reader
 * of the folder can see some new files beside old ones, so the window is kept to a handful of renames.
 */
export const JOURNAL_MAX_FILES = 64;

/** The change set of one write, as paths relative to the output folder. */
export interface ChangeSet {
  /** Files to write (changed or new). */
  readonly write: readonly string[];
  /** Files to remove. */
  readonly remove: readonly string[];
}

interface Journal {
  readonly version: 1;
  /** Staged file name (in the staging folder) → path in the output folder. */
  readonly writes: readonly (readonly [string, string])[];
  readonly removes: readonly string[];
}

function journalPaths(out: string): { stage: string; journal: string; pending: string } {
  return {
    stage: besideOutput(out, 'stage'),
    journal: besideOutput(out, 'journal'),
    pending: besideOutput(out, 'journal.tmp'),
  };
}

/**
 * Whether a change set can be committed through the journal: few enough files, and no file that turns into a
 * folder or the other way round (a rename cannot replace one with the other).
 */
export function fitsJournal(out: string, changes: ChangeSet, previous: GeneratedFiles): boolean {
  if (changes.write.length + changes.remove.length > JOURNAL_MAX_FILES) return false;
  const removed = new Set(changes.remove);
  return changes.write.every((path) => {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (previous.has(folder) || removed.has(folder)) return false;
    }
    return !previous.has(path) ? !existsSync(join(out, path)) : true;
  });
}

/**
 * Steps the tests interrupt, to check that recovery never leaves a mix of old and new files (`moved`: after the
 * first staged file is renamed into place).
 */
export type CommitStep = 'staged' | 'committed' | 'moved' | 'applied';

/** Test hook: throws (as a crash would stop) after the given step. */
let interruptAfter: CommitStep | undefined;
export function interruptCommitForTesting(step: CommitStep | undefined): void {
  interruptAfter = step;
}
function reached(step: CommitStep): void {
  if (interruptAfter === step) throw new Error(`commit interrupted after step "${step}" (test)`);
}

/** Writes `changes` into `out` (an existing topgen output folder); the caller holds the output lock. */
export function commitThroughJournal(out: string, files: GeneratedFiles, changes: ChangeSet): void {
  const { stage, journal, pending } = journalPaths(out);
  const writes = changes.write.map((path, index): [string, string] => [String(index), path]);
  const committed: Journal = { version: 1, writes, removes: changes.remove };
  rmSync(stage, { recursive: true, force: true });
  try {
    mkdirSync(stage);
    for (const [staged, path] of writes) writeFileSync(join(stage, staged), files.get(path) ?? '');
    reached('staged');
    writeFileSync(pending, `${JSON.stringify(committed)}\n`);
    renameSync(pending, journal);
  } catch (error) {
    // Not committed: the output is untouched; the staging goes.
    rmSync(pending, { force: true });
    rmSync(stage, { recursive: true, force: true });
    throw error;
  }
  reached('committed');
  apply(out, committed);
}

function readJournal(journal: string): Journal {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(journal, 'utf8'));
  } catch (error) {
    throw new OutputError(
      `cannot read ${journal} (${(error as Error).message}): a generate was interrupted while committing its changes and the journal is damaged. Remove it and run "topgen generate" again.`,
    );
  }
  const journalValue = value as Partial<Journal>;
  if (
    journalValue.version !== 1 ||
    !Array.isArray(journalValue.writes) ||
    !Array.isArray(journalValue.removes) ||
    !journalValue.writes.every(
      (entry) =>
        Array.isArray(entry) && entry.length === 2 && entry.every((part) => typeof part === 'string'),
    ) ||
    !journalValue.removes.every((path) => typeof path === 'string')
  )
    throw new OutputError(
      `${journal} is not a journal this topgen wrote; remove it and run "topgen generate" again.`,
    );
  return journalValue as Journal;
}

/** `path` resolved inside `root`, or an error: a journal is read back from disk, so its paths are checked. */
function inside(root: string, path: string): string {
  const target = resolve(root, path);
  if (!target.startsWith(`${root}${sep}`))
    throw new OutputError(`refusing to follow the journal: ${JSON.stringify(path)} is outside ${root}`);
  return target;
}

/** Moves the staged files into place and deletes the removed ones; every step can be repeated. */
function apply(out: string, journal: Journal): void {
  const paths = journalPaths(out);
  for (const [staged, path] of journal.writes) {
    const from = inside(paths.stage, staged);
    // Already moved by the run that was interrupted.
    if (!existsSync(from)) continue;
    const target = inside(out, path);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(from, target);
    reached('moved');
  }
  for (const path of journal.removes) {
    const target = inside(out, path);
    rmSync(target, { force: true });
    pruneEmptyFolders(out, dirname(target));
  }
  markChanged(out);
  reached('applied');
  rmSync(paths.journal, { force: true });
  rmSync(paths.stage, { recursive: true, force: true });
}

/**
 * Moves the folder's modification time forward. A swap gives the output a new folder; a commit keeps the
 * folder, so this is how a watcher sees that another run changed the files since it last wrote them.
 */
function markChanged(out: string): void {
  const { atime, mtimeMs } = statSync(out);
  try {
    // Strictly later than before, however coarse the clock.
    utimesSync(out, atime, new Date(Math.max(Date.now(), Math.floor(mtimeMs) + 1)));
  } catch {
    // Setting times needs the folder's owner; adding and removing an entry needs only write access, and the
    // system then sets the time itself.
    const entry = join(out, `.topgen-commit-${process.pid}`);
    mkdirSync(entry, { recursive: true });
    rmdirSync(entry);
  }
}

/** A tree swapped in whole has no empty folders; neither does one changed in place. */
function pruneEmptyFolders(out: string, folder: string): void {
  for (let at = folder; at !== out && at.startsWith(`${out}${sep}`); at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return; // not empty (or already gone)
    }
  }
}

/**
 * Finishes what an interrupted commit left: a committed journal is rolled forward, staging without one is
 * discarded. Call with the output lock held.
 */
export function recoverInterruptedCommit(out: string): void {
  const { stage, journal, pending } = journalPaths(out);
  // With the output folder gone there is nothing to roll forward onto; the next write makes a whole new tree,
  // which a journal left behind must never be applied to.
  if (existsSync(out) && existsSync(journal)) apply(out, readJournal(journal));
  rmSync(journal, { force: true });
  rmSync(pending, { force: true });
  rmSync(stage, { recursive: true, force: true });
}

/** For `check`: an interrupted commit, and what the next generate does about it. */
export function describeInterruptedCommit(out: string, outDir: string): string[] {
  const { stage, journal } = journalPaths(out);
  if (existsSync(out) && existsSync(journal))
    return [
      `${outDir} is partly updated: a generate was interrupted while moving its changed files into place (${journal} lists them). Run "topgen generate" to finish it.`,
    ];
  if (existsSync(stage))
    return [
      `${stage} holds files of a generate that was interrupted before changing ${outDir}; the output is the previous one, and the next "topgen generate" removes them.`,
    ];
  return [];
}
