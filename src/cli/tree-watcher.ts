import { lstatSync, readdirSync, statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { isGone } from './fs-errors.js';

export interface TreeWatchOptions {
  /** Entries (absolute paths) that are neither reported nor, for folders, watched. */
  readonly ignore: (path: string) => boolean;
  /** A change at `path`, or somewhere unknown (`undefined`): list everything again. */
  readonly onChange: (path: string | undefined) => void;
  /** A folder that could not be watched; watching goes on for the rest of the tree. */
  readonly onError: (error: Error) => void;
  /** How to watch; by default the system's recursive watch where it reports by path (macOS, Windows). */
  readonly strategy?: TreeWatchStrategy;
}

/**
 * `native-recursive`: one `fs.watch` with `recursive`, which on macOS (FSEvents) and Windows reports changes by
 * path. `per-folder`: a watcher on each folder, for Linux, where Node's `recursive` mode watches files by inode.
 */
export type TreeWatchStrategy = 'native-recursive' | 'per-folder';

const defaultStrategy: TreeWatchStrategy =
  process.platform === 'darwin' || process.platform === 'win32' ? 'native-recursive' : 'per-folder';

export interface TreeWatcher {
  /** The folders watched now, absolute. */
  readonly folders: () => readonly string[];
  close(): void;
}

interface WatchedFolder {
  readonly watcher: FSWatcher;
  /** Device and inode: a folder renamed over this one has the same path and another identity. */
  readonly identity: string;
}

const identityOf = (info: Stats): string => `${info.dev}:${info.ino}`;

function describeWatchError(folder: string, error: unknown): Error {
  const { code, message } = error as NodeJS.ErrnoException;
  const hint = code === 'ENOSPC' ? ' (the inotify watch limit, fs.inotify.max_user_watches, is reached)' : '';
  return new Error(`cannot watch ${folder}: ${message}${hint}`);
}

/**
 * Watches a folder and everything under it, reporting each changed entry by path, also when a file is saved by
 * renaming a new file over it. Throws when the root itself cannot be watched.
 */
export function watchTree(root: string, options: TreeWatchOptions): TreeWatcher {
  const rootPath = resolve(root);
  return (options.strategy ?? defaultStrategy) === 'native-recursive'
    ? watchRecursively(rootPath, options)
    : watchEachFolder(rootPath, options);
}

function watchRecursively(rootPath: string, options: TreeWatchOptions): TreeWatcher {
  let closed = false;
  /** Ignored when any entry on the way from the root is: the per-folder watcher never enters those. */
  const ignored = (name: string): boolean => {
    let path = rootPath;
    for (const segment of name.split(sep)) {
      path = join(path, segment);
      if (options.ignore(path)) return true;
    }
    return false;
  };
  const watcher = watch(rootPath, { recursive: true }, (_event, name) => {
    if (closed) return;
    if (name === null) options.onChange(undefined);
    else if (!ignored(name)) options.onChange(join(rootPath, name));
  });
  watcher.on('error', (error) => {
    options.onError(describeWatchError(rootPath, error));
    options.onChange(undefined);
  });
  return {
    folders: () => (closed ? [] : [rootPath]),
    close() {
      closed = true;
      watcher.close();
    },
  };
}

/**
 * Watches a folder and every folder under it, each with its own non-recursive watcher, adding and dropping
 * watchers as folders appear and go. A folder watcher reports an entry by name, so a file saved by renaming a
 * new file over it is reported on every save. Node's `recursive` mode on Linux watches each file by inode
 * instead, and after the first such save it watches the replaced file and stays silent. Symbolic links are not
 * followed, as the input listing does not follow them.
 */
function watchEachFolder(rootPath: string, options: TreeWatchOptions): TreeWatcher {
  const watched = new Map<string, WatchedFolder>();
  let closed = false;

  /** Closes the watchers of `folder` and of every folder under it. */
  const forget = (folder: string): void => {
    for (const [path, { watcher }] of watched)
      if (path === folder || path.startsWith(`${folder}${sep}`)) {
        watcher.close();
        watched.delete(path);
      }
  };

  /** Watches `folder` and the folders under it; a folder that vanished meanwhile is skipped. */
  const add = (folder: string, info: Stats): void => {
    if (closed) return;
    // Watched before it is listed: an entry made in between is listed, reported, or both.
    const watcher = watch(folder, (event, name) => onEvent(folder, event, name));
    watcher.on('error', (error) => {
      forget(folder);
      options.onError(describeWatchError(folder, error));
      options.onChange(undefined);
    });
    watched.set(folder, { watcher, identity: identityOf(info) });
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(folder, entry.name);
      if (!options.ignore(path)) addIfFolder(path);
    }
  };

  /** Brings the watchers for `path` in line with what is there now: a folder (new or replaced), or nothing. */
  const addIfFolder = (path: string): void => {
    let info: Stats;
    try {
      info = lstatSync(path);
    } catch (error) {
      if (!isGone(error)) options.onError(describeWatchError(path, error));
      forget(path);
      return;
    }
    const known = watched.get(path);
    if (info.isDirectory() && known?.identity === identityOf(info)) return;
    forget(path);
    if (!info.isDirectory()) return;
    try {
      add(path, info);
    } catch (error) {
      forget(path);
      if (!isGone(error)) options.onError(describeWatchError(path, error));
    }
  };

  const onEvent = (folder: string, event: string, name: string | null): void => {
    if (closed) return;
    if (name === null) {
      options.onChange(undefined);
      return;
    }
    const path = join(folder, name);
    if (options.ignore(path)) return;
    // A rename is an entry made, removed or replaced; a folder among them gains or loses its watchers.
    if (event === 'rename') addIfFolder(path);
    options.onChange(path);
  };

  try {
    add(rootPath, statSync(rootPath));
  } catch (error) {
    forget(rootPath);
    throw error;
  }
  return {
    folders: () => [...watched.keys()],
    close() {
      closed = true;
      forget(rootPath);
    },
  };
}
