/**
 * One writer per output folder. `generate` (and each write of `--watch`) holds a lock file beside the output
 * folder while it recovers, builds and swaps the tree, so two runs into one folder never delete or swap in each
 * other's half-written trees. A second run waits for the holder (saying so once); a lock left by a process
 * that no longer exists is taken over.
 *
 * The lock is a file created exclusively (`wx`), holding the holder's pid, host and start time as JSON. Taking
 * over a stale lock is itself guarded by a second exclusive file, so two waiting runs cannot both remove the
 * stale lock and then each other's fresh one.
 */
import { hostname } from 'node:os';
import { linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DEFAULTS } from './options.js';
import { OutputError } from './output-error.js';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** The command line that holds it, for the message a waiting run prints. */
  readonly command: string;
}

export interface LockOptions {
  /** How long to wait for a live holder before giving up with an OutputError (exit code 2). */
  readonly timeoutMs?: number;
  /** Said once when the lock is busy and this run starts waiting. */
  readonly onWait?: (message: string) => void;
  /** Stops the waiting (watch mode's Ctrl-C): the wait rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

const POLL_MS = 50;

const THIS_HOST = hostname();

/** The process is running (or exists under another user: EPERM). Only meaningful on this host. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string')
      return {
        pid: value.pid,
        host: value.host,
        since: String(value.since ?? '?'),
        command: String(value.command ?? '?'),
      };
  } catch {
    // A holder killed between creating and writing the file leaves it empty: treat as the dead process it is.
  }
  return { pid: 0, host: THIS_HOST, since: '?', command: '?' };
}

/** A holder on another host (shared folder) cannot be checked, so it counts as alive. */
const isStale = (holder: LockHolder): boolean => holder.host === THIS_HOST && !processAlive(holder.pid);

export function describeHolder(holder: LockHolder): string {
  const where = holder.host === THIS_HOST ? '' : ` on ${holder.host}`;
  return `process ${holder.pid}${where} (${holder.command}, since ${holder.since})`;
}

/** File systems that cannot make hard links; there the lock is created and written in two steps. */
const NO_HARD_LINKS: ReadonlySet<string> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates the lock file `path` naming `holder`, unless it exists. The content is written to a draft beside it
 * first and the draft linked into place, so the lock never exists empty: an empty lock (a disk that filled up
 * between the create and the write, or another run reading in between) would read as a dead holder's, and
 * could be taken over while its owner writes.
 */
function tryCreate(path: string, holder: LockHolder): boolean {
  const text = `${JSON.stringify(holder)}\n`;
  const draft = `${path}.${process.pid}.draft`;
  try {
    writeFileSync(draft, text);
    linkSync(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  try {
    writeFileSync(path, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    rmSync(path, { force: true });
    throw error;
  }
}

/**
 * Removes `path` if it still names the same dead holder. Only the run that owns `<path>.takeover` does this,
 * so the check and the removal cannot interleave with another run's takeover.
 */
function takeOverStale(path: string, stale: LockHolder, me: LockHolder): void {
  const guard = `${path}.takeover`;
  if (!tryCreate(guard, me)) {
    const guardHolder = readHolder(guard);
    // A run killed inside the few statements below leaves the guard behind; it is as stale as its owner.
    if (guardHolder !== undefined && guardHolder !== 'unreadable' && isStale(guardHolder))
      rmSync(guard, { force: true });
    return;
  }
  try {
    const current = readHolder(path);
    if (
      current !== undefined &&
      current !== 'unreadable' &&
      current.pid === stale.pid &&
      current.since === stale.since &&
      isStale(current)
    )
      rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drafts (see tryCreate) of runs that died between writing one and removing it; the recovery that runs under
 * the lock before each write (output.ts) calls this.
 */
export function removeDeadDrafts(path: string): void {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const match = /\.(\d+)\.draft$/.exec(name);
    if (!name.startsWith(prefix) || match === null) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !processAlive(pid)) rmSync(join(dirname(path), name), { force: true });
  }
}

/** Takes the lock at `path`, waiting for a live holder; returns the function that releases it. */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<() => void> {
  const me: LockHolder = {
    pid: process.pid,
    host: THIS_HOST,
    since: new Date().toISOString(),
    command: `topgen ${process.argv.slice(2).join(' ')}`.trim(),
  };
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULTS.lockWaitSeconds * 1000);
  let announced = false;
  for (;;) {
    options.signal?.throwIfAborted();
    if (tryCreate(path, me)) break;
    const holder = readHolder(path);
    if (holder === 'unreadable')
      throw new OutputError(`cannot read the lock file ${path}; remove it if no topgen run is writing.`);
    if (holder !== undefined && isStale(holder)) {
      takeOverStale(path, holder, me);
      continue;
    }
    if (holder !== undefined) {
      if (Date.now() >= deadline)
        throw new OutputError(
          `another topgen run is writing the same output: ${describeHolder(holder)} holds ${path}. Wait for it to finish, or stop it.`,
        );
      if (!announced) {
        announced = true;
        options.onWait?.(`topgen: waiting for ${describeHolder(holder)}, which is writing the same output`);
      }
    }
    await sleep(POLL_MS);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Only our own lock is removed: a lock file that is not ours any more (taken over after a pause) stays.
    const holder = readHolder(path);
    if (holder !== undefined && holder !== 'unreadable' && holder.pid === me.pid && holder.since === me.since)
      rmSync(path, { force: true });
  };
}

/** The live holder of the lock at `path`, if any (for `check`, which reads without locking). */
export function lockHolder(path: string): LockHolder | undefined {
  const holder = readHolder(path);
  return holder === undefined || holder === 'unreadable' || isStale(holder) ? undefined : holder;
}
