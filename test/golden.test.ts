import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED, ROOT } from './helpers/paths.js';
import { generateInMemory } from './helpers/pipeline.js';

function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    return statSync(join(dir, rel)).isDirectory() ? listTree(dir, rel) : [rel];
  });
}

describe('generated/ (the committed output for docs-input/)', () => {
  const result = generateInMemory();

  it('parses both seed APIs without errors', () => {
    expect(result.apis.map((api) => api.api)).toEqual([
      'alibaba.damai.maizuo.openapi.user.register.byauthcode',
      'alitrip.merchant.galaxy.member.login.derby',
    ]);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('locks the model of both seed APIs', async () => {
    for (const api of result.apis)
      await expect(`${JSON.stringify(api, null, 2)}\n`).toMatchFileSnapshot(
        `__snapshots__/model/${api.api}.json`,
      );
  });

  it('is exactly what generate writes today (byte for byte, no missing or extra files)', () => {
    const onDisk = listTree(GENERATED)
      .filter((path) => path !== 'CHANGELOG.md')
      .sort();
    expect(onDisk).toEqual([...result.files.keys()].sort());
    for (const [path, text] of result.files)
      expect(readFileSync(join(GENERATED, path), 'utf8'), path).toBe(text);
  });

  it('is deterministic: a second run gives byte-identical files', () => {
    const again = generateInMemory();
    expect([...again.files.entries()]).toEqual([...result.files.entries()]);
  });

  it('type-checks with tsc --strict and zero errors', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', GENERATED, '--noEmit', '--strict'], {
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('does not depend on topgen or any other package at run time', () => {
    const manifest = JSON.parse(readFileSync(join(GENERATED, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const [path, text] of result.files)
      if (path.endsWith('.ts')) expect(text, path).not.toMatch(/from ['"](?!\.{1,2}\/|node:)/);
  });
});
