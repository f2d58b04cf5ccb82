// The folder watcher behind `generate --watch` on a folder input, against a real file system: editor-style
// saves, folders made, replaced and removed while watching, ignored entries, and closing.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchTree, type TreeWatcher, type TreeWatchStrategy } from '../../src/cli/tree-watcher.js';
import { until as poll } from '../helpers/poll.js';

/** Generous: these are limits on a busy machine, not sleeps. */
const WAIT_MS = 20_000;

const until = (ready: () => boolean, what: string, state: () => string): Promise<void> =>
  poll(ready, what, state, { timeoutMs: WAIT_MS, intervalMs: 20 });

/** A new file renamed over `path`, as many editors save. */
function saveByRename(path: string, text: string): void {
  const temp = join(path, '..', `.${basename(path)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
}

let open: TreeWatcher | undefined;
afterEach(() => open?.close());

/** Watches a fresh folder `root`, recording what it reports. */
function start(
  prepare: (root: string) => void = () => {},
  ignore: (path: string) => boolean = (path) => basename(path).startsWith('.'),
  strategy: TreeWatchStrategy = 'per-folder',
) {
  const root = mkdtempSync(join(tmpdir(), 'topgen-tree-'));
  prepare(root);
  const reported: (string | undefined)[] = [];
  const errors: Error[] = [];
  const watcher = watchTree(root, {
    ignore,
    onChange: (path) => reported.push(path),
    onError: (error) => errors.push(error),
    strategy,
  });
  open = watcher;
  const state = () =>
    `reported: ${JSON.stringify(reported)}\nwatching: ${JSON.stringify(watcher.folders())}\nerrors: ${errors.join('\n')}`;
  /** Runs `act`, then waits until `path` is reported. */
  const expectReport = async (path: string, act: () => void): Promise<void> => {
    reported.length = 0;
    act();
    await until(() => reported.includes(path), `a report of ${path}`, state);
  };
  return { root, reported, errors, watcher, state, expectReport };
}

describe('watchTree', () => {
  it('reports every editor-style save of a file, at the top and in subfolders', async () => {
    const { root, errors, expectReport } = start((root) => {
      mkdirSync(join(root, 'a', 'b'), { recursive: true });
      writeFileSync(join(root, 'top.txt'), 'v1');
      writeFileSync(join(root, 'a', 'b', 'deep.txt'), 'v1');
    });
    for (const file of [join(root, 'top.txt'), join(root, 'a', 'b', 'deep.txt')])
      for (const edition of ['v2', 'v3', 'v4']) await expectReport(file, () => saveByRename(file, edition));
    // Writes in place are reported as well.
    const top = join(root, 'top.txt');
    await expectReport(top, () => writeFileSync(top, 'v5'));
    expect(errors).toEqual([]);
  });

  it('watches folders made while watching and drops the watchers of folders removed', async () => {
    const { root, errors, watcher, state, expectReport } = start();
    const deep = join(root, 'new', 'deeper');
    await expectReport(join(root, 'new'), () => mkdirSync(deep, { recursive: true }));
    await until(() => watcher.folders().includes(deep), 'the nested folder watched', state);
    const file = join(deep, 'doc.txt');
    await expectReport(file, () => writeFileSync(file, 'v1'));
    for (const edition of ['v2', 'v3']) await expectReport(file, () => saveByRename(file, edition));

    await expectReport(join(root, 'new'), () => rmSync(join(root, 'new'), { recursive: true }));
    await until(() => watcher.folders().length === 1, 'the removed folders unwatched', state);
    expect(watcher.folders()).toEqual([root]);
    expect(errors).toEqual([]);
  });

  it('follows a folder renamed over another: the new one is watched, not the one it replaced', async () => {
    const { root, errors, watcher, state, expectReport } = start((root) => {
      mkdirSync(join(root, 'docs'));
      mkdirSync(join(root, 'incoming'));
      writeFileSync(join(root, 'incoming', 'doc.txt'), 'v1');
    });
    const docs = join(root, 'docs');
    await expectReport(docs, () => renameSync(join(root, 'incoming'), docs));
    await until(() => watcher.folders().length === 2, 'one watcher per folder', state);
    expect([...watcher.folders()].sort()).toEqual([root, docs]);
    const file = join(docs, 'doc.txt');
    for (const edition of ['v2', 'v3']) await expectReport(file, () => saveByRename(file, edition));
    expect(errors).toEqual([]);
  });

  it('neither reports nor watches ignored entries', async () => {
    const { root, reported, watcher, expectReport } = start(
      (root) => {
        mkdirSync(join(root, '.hidden'));
        mkdirSync(join(root, 'out'));
        mkdirSync(join(root, 'docs'));
      },
      (path) => basename(path).startsWith('.') || basename(path) === 'out',
    );
    expect([...watcher.folders()].sort()).toEqual([root, join(root, 'docs')]);
    writeFileSync(join(root, '.hidden', 'x.txt'), 'x');
    writeFileSync(join(root, 'out', 'x.txt'), 'x');
    saveByRename(join(root, 'out', 'y.txt'), 'y');
    mkdirSync(join(root, '.later'));
    // Reports arrive in order: once this one is in, the ignored writes before it would have been too.
    const marker = join(root, 'docs', 'marker.txt');
    await expectReport(marker, () => writeFileSync(marker, 'm'));
    expect(new Set(reported)).toEqual(new Set([marker]));
    expect([...watcher.folders()].sort()).toEqual([root, join(root, 'docs')]);
  });

  it('with the native recursive watch, skips whatever lies under an ignored entry', async () => {
    const { root, reported, watcher, expectReport } = start(
      (root) => {
        mkdirSync(join(root, '.hidden', 'inner'), { recursive: true });
        mkdirSync(join(root, 'out', 'apis'), { recursive: true });
        mkdirSync(join(root, 'docs'));
      },
      (path) => basename(path).startsWith('.') || basename(path) === 'out',
      'native-recursive',
    );
    expect(watcher.folders()).toEqual([root]);
    writeFileSync(join(root, '.hidden', 'inner', 'x.txt'), 'x');
    writeFileSync(join(root, 'out', 'apis', 'x.ts'), 'x');
    const doc = join(root, 'docs', 'doc.txt');
    await expectReport(doc, () => writeFileSync(doc, 'v1'));
    expect(new Set(reported)).toEqual(new Set([doc]));
    watcher.close();
    expect(watcher.folders()).toEqual([]);
  });

  it('stops reporting and releases every watcher on close', async () => {
    const { root, reported, watcher, expectReport } = start((root) => mkdirSync(join(root, 'a')));
    const file = join(root, 'a', 'doc.txt');
    await expectReport(file, () => writeFileSync(file, 'v1'));
    watcher.close();
    expect(watcher.folders()).toEqual([]);
    reported.length = 0;
    writeFileSync(file, 'v2');
    mkdirSync(join(root, 'b'));
    // Give a stray report the chance to arrive; none may.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reported).toEqual([]);
  });

  it('throws when the root cannot be watched', () => {
    expect(() =>
      watchTree(join(tmpdir(), 'topgen-tree-missing', 'nowhere'), {
        ignore: () => false,
        onChange: () => {},
        onError: () => {},
      }),
    ).toThrow(/ENOENT/);
  });
});
