// Small change sets of watch mode are committed in place through a journal (src/cli/journal.ts). Whatever step
// a write stops at, the next run finds the whole old tree or the whole new one, never a mix.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { interruptCommitForTesting, JOURNAL_MAX_FILES, type CommitStep } from '../../src/cli/journal.js';
import {
  describeOutputState,
  OutputError,
  recoverInterruptedSwap,
  writeTreeAtomic,
} from '../../src/cli/output.js';
import { ROOT } from '../helpers/paths.js';
import { snapshotTree } from '../helpers/tree.js';

type Files = ReadonlyMap<string, string>;
const files = (entries: Record<string, string>): Files => new Map(Object.entries(entries));
const base = {
  'package.json': '{}\n',
  'src/index.ts': 'index\n',
  'src/runtime/client.ts': 'runtime\n',
  'src/apis/a.ts': 'a\n',
  'src/apis/b.ts': 'b\n',
  'src/old/gone.ts': 'gone\n',
};
/** A change of a few files: one changed, one added in a new folder, one removed with its folder. */
const { 'src/old/gone.ts': _gone, ...kept } = base;
const next = { ...kept, 'src/apis/a.ts': 'a v2\n', 'src/extra/new.ts': 'new\n' };

const asMap = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

/** An output folder holding `base`, written by this process (so `previous` is trusted). */
async function written(): Promise<{ parent: string; out: string; previous: Files }> {
  const parent = mkdtempSync(join(tmpdir(), 'topgen-journal-'));
  const out = join(parent, 'generated');
  const previous = files(base);
  await writeTreeAtomic(out, previous);
  return { parent, out, previous };
}

afterEach(() => interruptCommitForTesting(undefined));

describe('a small change set', () => {
  it('is committed in place: same folder, new files, removed files and their empty folders gone', async () => {
    const { parent, out } = await written();
    writeFileSync(join(out, 'CHANGELOG.md'), '# Changelog\n');
    mkdirSync(join(out, 'node_modules'));
    writeFileSync(join(out, 'node_modules', 'kept.js'), 'kept\n');
    // Files added to the folder since: the next write compares with the disk, and then trusts what it wrote.
    const previous = files(base);
    await writeTreeAtomic(out, previous);
    const folder = statSync(out).ino;
    const untouched = statSync(join(out, 'src/apis/b.ts')).ino;
    const result = await writeTreeAtomic(out, files(next), { previous });
    expect(result).toEqual({
      changed: ['src/apis/a.ts'],
      missing: ['src/extra/new.ts'],
      extra: ['src/old/gone.ts'],
    });
    expect(statSync(out).ino).toBe(folder);
    expect(statSync(join(out, 'src/apis/b.ts')).ino).toBe(untouched);
    expect(snapshotTree(out)).toEqual(
      asMap({ ...next, 'CHANGELOG.md': '# Changelog\n', 'node_modules/kept.js': 'kept\n' }),
    );
    expect(existsSync(join(out, 'src/old'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('goes through the full swap when it is large or when the previous tree is unknown', async () => {
    const { out, previous } = await written();
    const many = Object.fromEntries(
      Array.from({ length: JOURNAL_MAX_FILES + 1 }, (_, i) => [`src/apis/n${i}.ts`, `${i}\n`]),
    );
    const large = files({ ...base, ...many });
    let folder = statSync(out).ino;
    await writeTreeAtomic(out, large, { previous });
    expect(statSync(out).ino).not.toBe(folder);
    folder = statSync(out).ino;
    await writeTreeAtomic(out, files(base));
    expect(statSync(out).ino).not.toBe(folder);
    expect(snapshotTree(out)).toEqual(asMap(base));
  });

  it('is not trusted to describe the folder once another run committed its own changes', async () => {
    const { out, previous } = await written();
    const mine = files({ ...base, 'src/index.ts': 'mine\n' });
    await writeTreeAtomic(out, mine, { previous });
    // Another watcher, whose last write was `previous` too, commits in place after us.
    const theirs = files({ ...base, 'src/apis/b.ts': 'theirs\n' });
    await writeTreeAtomic(out, theirs, { previous: mine });
    // What we would write is compared with the disk, not with what we wrote last.
    const result = await writeTreeAtomic(out, mine, { previous: mine });
    expect(result.changed).toEqual(['src/apis/b.ts', 'src/index.ts']);
    expect(snapshotTree(out)).toEqual(asMap({ ...base, 'src/index.ts': 'mine\n' }));
  });
});

describe('a commit stopped part-way', () => {
  it('before the commit point leaves the old tree and nothing beside it', async () => {
    const { parent, out, previous } = await written();
    interruptCommitForTesting('staged');
    await expect(writeTreeAtomic(out, files(next), { previous })).rejects.toThrow(/interrupted/);
    expect(snapshotTree(out)).toEqual(asMap(base));
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('leaves staged files of a killed run, which the next run discards', async () => {
    const { parent, out } = await written();
    mkdirSync(join(parent, '.generated.topgen-stage'));
    writeFileSync(join(parent, '.generated.topgen-stage', '0'), 'staged\n');
    writeFileSync(join(parent, '.generated.topgen-journal.tmp'), '{"version":1,');
    expect(describeOutputState(out).join('\n')).toMatch(/interrupted before changing/);
    await recoverInterruptedSwap(out);
    expect(snapshotTree(out)).toEqual(asMap(base));
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  const outcomes: CommitStep[] = ['committed', 'moved', 'applied'];
  for (const step of outcomes)
    it(`after "${step}" leaves, once recovered, the new tree`, async () => {
      const { parent, out, previous } = await written();
      interruptCommitForTesting(step);
      await expect(writeTreeAtomic(out, files(next), { previous })).rejects.toThrow(/interrupted/);
      interruptCommitForTesting(undefined);
      expect(describeOutputState(out).join('\n')).toMatch(/partly updated/);
      // The next run recovers under the lock before anything else.
      await recoverInterruptedSwap(out);
      expect(snapshotTree(out)).toEqual(asMap(next));
      expect(readdirSync(parent)).toEqual(['generated']);
      expect(describeOutputState(out)).toEqual([]);
    });

  it('is finished by the next write, which then applies its own changes', async () => {
    const { out, previous } = await written();
    interruptCommitForTesting('moved');
    await expect(writeTreeAtomic(out, files(next), { previous })).rejects.toThrow(/interrupted/);
    interruptCommitForTesting(undefined);
    const third = { ...next, 'src/index.ts': 'index v3\n' };
    const result = await writeTreeAtomic(out, files(third), { previous });
    expect(result.changed).toEqual(['src/index.ts']);
    expect(snapshotTree(out)).toEqual(asMap(third));
  });

  it('is dropped, not applied later, when the output folder was removed meanwhile', async () => {
    const { parent, out, previous } = await written();
    interruptCommitForTesting('committed');
    await expect(writeTreeAtomic(out, files(next), { previous })).rejects.toThrow(/interrupted/);
    interruptCommitForTesting(undefined);
    rmSync(out, { recursive: true });
    await writeTreeAtomic(out, files(base));
    expect(readdirSync(parent)).toEqual(['generated']);
    await recoverInterruptedSwap(out);
    expect(snapshotTree(out)).toEqual(asMap(base));
  });

  it('refuses a journal naming paths outside the output folder', async () => {
    const { parent, out } = await written();
    writeFileSync(
      join(parent, '.generated.topgen-journal'),
      JSON.stringify({ version: 1, writes: [['0', '../escaped.ts']], removes: [] }),
    );
    mkdirSync(join(parent, '.generated.topgen-stage'));
    writeFileSync(join(parent, '.generated.topgen-stage', '0'), 'x\n');
    await expect(recoverInterruptedSwap(out)).rejects.toBeInstanceOf(OutputError);
    expect(existsSync(join(parent, 'escaped.ts'))).toBe(false);
  });
});

describe('a writer killed at any moment', () => {
  it('leaves the old or the new tree after recovery, never a mix', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'topgen-journal-kill-'));
    const out = join(parent, 'generated');
    // Two trees of 40 files that differ in 20 of them (and in which files exist): each write is a journal
    // commit of about 30 files.
    const tree = (edition: number): Record<string, string> => ({
      ...base,
      ...Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [
          `src/apis/m${i % 2 === 0 ? i : `${i}-${edition}`}.ts`,
          `${i} ${i % 4 === 0 ? edition : ''}\n`.repeat(200),
        ]),
      ),
    });
    const editions = [asMap(tree(0)), asMap(tree(1))];
    const script = join(parent, 'writer.mjs');
    writeFileSync(
      script,
      `import { writeTreeAtomic } from ${JSON.stringify(join(ROOT, 'dist/cli/output.js'))};
const editions = ${JSON.stringify(editions.map((edition) => [...edition]))}.map((e) => new Map(e));
let previous;
for (let i = 0; ; i++) {
  const files = editions[i % 2];
  await writeTreeAtomic(${JSON.stringify(out)}, files, { previous });
  previous = files;
  if (i === 0) process.send('ready');
}
`,
    );
    for (const delay of [0, 3, 7, 13, 20, 31]) {
      const child = fork(script, { stdio: 'ignore' });
      await new Promise((resolve) => child.once('message', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      await recoverInterruptedSwap(out);
      const state = snapshotTree(out);
      expect(
        editions.some(
          (edition) => [...edition].every(([k, v]) => state.get(k) === v) && state.size === edition.size,
        ),
        `killed ${delay} ms in, the output is neither tree`,
      ).toBe(true);
      // The killed writer's lock stays until the next writer takes it over.
      const beside = readdirSync(parent).filter((name) => name !== '.generated.topgen-lock');
      expect(beside.sort()).toEqual(['generated', 'writer.mjs']);
    }
  }, 60_000);
});
