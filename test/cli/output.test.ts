import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  existsSync,
  renameSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTree, recoverInterruptedSwap, writeTreeAtomic, OutputError } from '../../src/cli/output.js';

const files = (entries: Record<string, string>): ReadonlyMap<string, string> =>
  new Map(Object.entries(entries));
const base = { 'src/runtime/client.ts': 'runtime\n', 'src/index.ts': 'index\n', 'package.json': '{}\n' };

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'topgen-output-'));
}

describe('writeTreeAtomic', () => {
  it('writes a new tree and reports every file as added', async () => {
    const out = join(freshDir(), 'generated');
    const result = await writeTreeAtomic(out, files(base));
    expect(result.missing).toEqual(['package.json', 'src/index.ts', 'src/runtime/client.ts']);
    expect(readFileSync(join(out, 'src/index.ts'), 'utf8')).toBe('index\n');
  });

  it('rewrites only changed files and removes files that no longer belong', async () => {
    const out = join(freshDir(), 'generated');
    await writeTreeAtomic(out, files({ ...base, 'src/apis/old.ts': 'old\n' }));
    const untouchedInode = statSync(join(out, 'package.json')).ino;
    const result = await writeTreeAtomic(out, files({ ...base, 'src/index.ts': 'index v2\n' }));
    expect(result).toEqual({ changed: ['src/index.ts'], missing: [], extra: ['src/apis/old.ts'] });
    expect(existsSync(join(out, 'src/apis/old.ts'))).toBe(false);
    expect(statSync(join(out, 'package.json')).ino).toBe(untouchedInode);
    expect(readFileSync(join(out, 'src/index.ts'), 'utf8')).toBe('index v2\n');
  });

  it('does not touch the folder when nothing changed', async () => {
    const out = join(freshDir(), 'generated');
    await writeTreeAtomic(out, files(base));
    const before = statSync(out).ino;
    const result = await writeTreeAtomic(out, files(base));
    expect(result).toEqual({ changed: [], missing: [], extra: [] });
    expect(statSync(out).ino).toBe(before);
  });

  it('refuses to replace a folder that is not topgen output', async () => {
    const out = join(freshDir(), 'project');
    mkdirSync(out);
    writeFileSync(join(out, 'important.txt'), 'keep me');
    await expect(writeTreeAtomic(out, files(base))).rejects.toBeInstanceOf(OutputError);
    expect(readFileSync(join(out, 'important.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses paths that leave the output folder', async () => {
    const out = join(freshDir(), 'generated');
    await expect(writeTreeAtomic(out, files({ ...base, '../escape.ts': 'x' }))).rejects.toThrow(
      /inside --out/,
    );
    await expect(writeTreeAtomic(out, files({ ...base, '/abs.ts': 'x' }))).rejects.toThrow(/inside --out/);
    expect(existsSync(join(out, '..', 'escape.ts'))).toBe(false);
  });

  it('keeps CHANGELOG.md across regenerations', async () => {
    const out = join(freshDir(), 'generated');
    await writeTreeAtomic(out, files(base));
    writeFileSync(join(out, 'CHANGELOG.md'), '# Changelog\n');
    await writeTreeAtomic(out, files({ ...base, 'src/index.ts': 'v2\n' }));
    expect(readFileSync(join(out, 'CHANGELOG.md'), 'utf8')).toBe('# Changelog\n');
    expect((await diffTree(out, files({ ...base, 'src/index.ts': 'v2\n' }))).extra).toEqual([]);
  });

  it('leaves no temporary folders behind', async () => {
    const parent = freshDir();
    const out = join(parent, 'generated');
    await writeTreeAtomic(out, files(base));
    await writeTreeAtomic(out, files({ ...base, 'src/index.ts': 'v2\n' }));
    expect(readdirSync(parent)).toEqual(['generated']);
  });
});

describe('diffTree', () => {
  it('finds every file whose bytes differ from the text, however they differ', async () => {
    const out = join(freshDir(), 'generated');
    const big = `${'接口说明 '.repeat(30_000)}\n`; // ~390 KB of UTF-8, past any fixed read buffer
    const onDisk = {
      'same.ts': 'same\n',
      'same-multibyte.ts': '租户标识 😀\n',
      'same-big.ts': big,
      'same-empty.ts': '',
      'longer.ts': 'text\nand more\n',
      'shorter.ts': 'te',
      'same-length.ts': 'abcd\n',
      'big-one-byte-off.ts': `${big.slice(0, -2)}!\n`,
      'now-empty.ts': 'x',
    };
    await writeTreeAtomic(out, files({ ...base, ...onDisk }));
    const expected = {
      ...base,
      ...onDisk,
      'longer.ts': 'text\n',
      'shorter.ts': 'text\n',
      'same-length.ts': 'abce\n',
      'big-one-byte-off.ts': big,
      'now-empty.ts': '',
    };
    const difference = await diffTree(out, files(expected));
    expect(difference.changed).toEqual([
      'big-one-byte-off.ts',
      'longer.ts',
      'now-empty.ts',
      'same-length.ts',
      'shorter.ts',
    ]);
    expect(difference.missing).toEqual([]);
  });
});

describe('recoverInterruptedSwap', () => {
  it('restores the previous output when a run died between the two renames', async () => {
    const parent = freshDir();
    const out = join(parent, 'generated');
    await writeTreeAtomic(out, files(base));
    renameSync(out, join(parent, '.generated.topgen-old'));
    mkdirSync(join(parent, '.generated.topgen-tmp-999999'));
    await recoverInterruptedSwap(out);
    expect(readFileSync(join(out, 'src/index.ts'), 'utf8')).toBe('index\n');
    expect(readdirSync(parent)).toEqual(['generated']);
  });
});

describe('writeTreeAtomic with the previous tree of this process', () => {
  it('does not trust it once another run has swapped in its own tree', async () => {
    const out = join(freshDir(), 'generated');
    const mine = files(base);
    await writeTreeAtomic(out, mine);
    await writeTreeAtomic(out, files({ ...base, 'src/index.ts': 'theirs\n' }));
    const result = await writeTreeAtomic(out, mine, { previous: mine });
    expect(result.changed).toEqual(['src/index.ts']);
    expect(readFileSync(join(out, 'src/index.ts'), 'utf8')).toBe('index\n');
  });
});

describe('a write that fails while the new tree is built', () => {
  it('leaves the output as it was and no temp folder behind', async () => {
    const parent = freshDir();
    const out = join(parent, 'generated');
    await writeTreeAtomic(out, files(base));
    const tooLong = `src/apis/${'x'.repeat(300)}.ts`;
    await expect(writeTreeAtomic(out, files({ ...base, [tooLong]: 'x\n' }))).rejects.toThrow(/ENAMETOOLONG/);
    expect(readdirSync(parent)).toEqual(['generated']);
    expect(readFileSync(join(out, 'src/index.ts'), 'utf8')).toBe('index\n');
  });
});
