/**
 * A new output tree written while it is emitted (src/cli/staged-tree.ts): what the worker writes, how
 * writeTreeAtomic completes or abandons a staged folder, and a whole `topgen generate` large enough to stage.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { besideOutput } from '../../src/cli/beside-output.js';
import { OutputError, stageNewOutput, writeTreeAtomic } from '../../src/cli/output.js';
import { StagedTree } from '../../src/cli/staged-tree.js';
import { topgen } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { snapshotTree } from '../helpers/tree.js';

const readTree = (dir: string): Record<string, string> => Object.fromEntries(snapshotTree(dir));

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'topgen-stage-'));
const files = (entries: Record<string, string>): ReadonlyMap<string, string> =>
  new Map(Object.entries(entries));
const base = { 'src/runtime/client.ts': 'runtime\n', 'src/index.ts': 'index\n', 'package.json': '{}\n' };
/** The hidden folders a run leaves beside `out` (there should be none once it is done). */
const leftovers = (out: string): string[] =>
  readdirSync(dirname(out)).filter((name) => name.startsWith(`.${basename(out)}.topgen-`));

describe('StagedTree', () => {
  it('writes every queued file, creating folders, and reports what the folder holds', async () => {
    const dir = join(freshDir(), 'stage');
    const stage = new StagedTree(dir);
    const texts = new Map<string, string>();
    for (let i = 0; i < 150; i++) texts.set(`src/apis/api${i}.ts`, `// 接口 ${i}\n`);
    texts.set('README.md', 'readme\n');
    for (const [path, text] of texts) stage.add(path, text);
    const held = await stage.claim();
    expect(held).toEqual(texts);
    for (const [path, text] of texts) expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
  });

  it('refuses a path that leaves the folder before anything is written', async () => {
    const root = freshDir();
    const stage = new StagedTree(join(root, 'stage'));
    expect(() => stage.add('../escaped.ts', 'x')).toThrow(OutputError);
    expect(() => stage.add('/etc/passwd', 'x')).toThrow(OutputError);
    await stage.discard();
    expect(readdirSync(root)).toEqual([]);
  });

  it('reports a failed write as a failed stage instead of throwing', async () => {
    const dir = join(freshDir(), 'stage');
    const stage = new StagedTree(dir);
    stage.add('a', 'a file\n');
    stage.add('a/b.ts', 'cannot live under a file\n');
    expect(await stage.claim()).toBeUndefined();
  });

  it('empties a folder left by an earlier process with the same pid before writing', async () => {
    const dir = join(freshDir(), 'stage');
    mkdirSync(dir);
    writeFileSync(join(dir, 'stale.ts'), 'stale\n');
    const stage = new StagedTree(dir);
    stage.add('new.ts', 'new\n');
    await stage.claim();
    expect(readdirSync(dir)).toEqual(['new.ts']);
  });

  it('discard removes an unclaimed folder', async () => {
    const dir = join(freshDir(), 'stage');
    const stage = new StagedTree(dir);
    stage.add('x.ts', 'x\n');
    await stage.discard();
    expect(existsSync(dir)).toBe(false);
  });
});

/** The stage of an output folder that does not exist yet. */
function newStage(out: string): StagedTree {
  const stage = stageNewOutput(out);
  if (stage === undefined) throw new Error('expected a stage for a new output folder');
  return stage;
}

describe('writeTreeAtomic with a staged tree', () => {
  it('stages only an output folder that does not exist yet', async () => {
    const out = join(freshDir(), 'generated');
    await writeTreeAtomic(out, files(base));
    expect(stageNewOutput(out)).toBeUndefined();
    const stage = stageNewOutput(join(dirname(out), 'other'));
    expect(stage?.dir).toBe(besideOutput(join(dirname(out), 'other'), `tmp-${process.pid}`));
    await stage?.discard();
  });

  it('completes the staged folder: missing files written, changed ones rewritten, extras removed', async () => {
    const out = join(freshDir(), 'generated');
    const stage = newStage(out);
    stage.add('src/apis/kept.ts', 'kept\n');
    stage.add('src/apis/changed.ts', 'first emit\n');
    stage.add('src/apis/dropped.ts', 'an API whose emit failed later\n');
    const final = files({ ...base, 'src/apis/kept.ts': 'kept\n', 'src/apis/changed.ts': 'second emit\n' });
    const result = await writeTreeAtomic(out, final, { staged: stage });
    expect(result.missing).toEqual([...final.keys()].sort());
    expect(readTree(out)).toEqual(Object.fromEntries(final));
    expect(leftovers(out)).toEqual([]);
    // Discarding after the hand-over leaves the swapped-in output alone.
    await stage.discard();
    expect(readTree(out)).toEqual(Object.fromEntries(final));
  });

  it('builds the tree the usual way when the output appeared while staging', async () => {
    const out = join(freshDir(), 'generated');
    const stage = newStage(out);
    stage.add('src/apis/a.ts', 'a\n');
    // Another run swaps in its output first.
    await writeTreeAtomic(out, files({ ...base, 'src/apis/b.ts': 'b\n' }));
    const packageJsonInode = statSync(join(out, 'package.json')).ino;
    const result = await writeTreeAtomic(out, files({ ...base, 'src/apis/a.ts': 'a\n' }), { staged: stage });
    expect(result).toEqual({ changed: [], missing: ['src/apis/a.ts'], extra: ['src/apis/b.ts'] });
    expect(readTree(out)).toEqual({ ...base, 'src/apis/a.ts': 'a\n' });
    // Unchanged files are still hard-linked from the previous output, not taken from the stage.
    expect(statSync(join(out, 'package.json')).ino).toBe(packageJsonInode);
    expect(leftovers(out)).toEqual([]);
  });

  it('falls back to writing every file when staging failed', async () => {
    const out = join(freshDir(), 'generated');
    const stage = newStage(out);
    stage.add('src', 'a file where a folder belongs\n');
    stage.add('src/apis/a.ts', 'a\n');
    await writeTreeAtomic(out, files({ ...base, 'src/apis/a.ts': 'a\n' }), { staged: stage });
    expect(readTree(out)).toEqual({ ...base, 'src/apis/a.ts': 'a\n' });
    expect(leftovers(out)).toEqual([]);
  });
});

describe('topgen generate into a new output folder, large enough to stage', () => {
  it('writes the same package as a generate into an existing folder', async () => {
    const root = freshDir();
    const docs = join(root, 'docs');
    mkdirSync(docs);
    // 210 distinct APIs: the seed page under other API names.
    const seed = readFileSync(
      join(ROOT, 'docs-input', 'alitrip_merchant_galaxy_member_login_derby.txt'),
      'utf8',
    );
    for (let i = 0; i < 210; i++) {
      const api = `alitrip.merchant.galaxy.member.login.derby${i}`;
      writeFileSync(
        join(docs, `${api.replaceAll('.', '_')}.txt`),
        seed.replaceAll('alitrip.merchant.galaxy.member.login.derby', api),
      );
    }
    const staged = join(root, 'staged');
    const add = vi.spyOn(StagedTree.prototype, 'add');
    const first = await topgen(['generate', '-i', docs, '-o', staged], root);
    // Every API module went through the stage; the shared files were written when the run completed it.
    expect(add).toHaveBeenCalledTimes(210);
    add.mockRestore();
    expect(first.stderr).toContain('210 APIs from 210 docs');
    expect(first.status).toBe(0);
    expect(leftovers(staged)).toEqual([]);

    // The same docs into a folder that already holds a package: no stage, every file compared and swapped.
    const existing = join(root, 'existing');
    await writeTreeAtomic(existing, files(base));
    const second = await topgen(['generate', '-i', docs, '-o', existing], root);
    expect(second.status).toBe(0);
    expect(readTree(staged)).toEqual(readTree(existing));
    expect(Object.keys(readTree(staged))).toContain(
      'src/apis/alitrip.merchant.galaxy.member.login.derby209.ts',
    );
  }, 60_000);
});
