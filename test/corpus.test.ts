// The whole pipeline over the real corpus in ../shared (skipped when absent): every doc JSON generates, the
// package type-checks with tsc and zero errors; every saved text page parses without an error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, type InputDoc } from '../src/generate.js';
import { loadRuntimeSources } from '../src/assets/runtime-sources.js';
import { HAS_SHARED, ROOT, SHARED } from './helpers/paths.js';
import { DEFAULT_EMIT } from './helpers/pipeline.js';
import { TEMPLATES } from './helpers/templates.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

function read(dir: string, suffix: string): InputDoc[] {
  return listFiles(dir)
    .filter((path) => path.endsWith(suffix))
    .map((path) => ({ file: relative(SHARED, path), content: readFileSync(path) }));
}

describe.skipIf(!HAS_SHARED)('real corpus through the whole pipeline', () => {
  it('generates all 399 doc JSON APIs with no failures, and the package type-checks', () => {
    const inputs = read(join(SHARED, 'corpus', 'json'), '.json');
    expect(inputs).toHaveLength(399);
    const result = generate(inputs, {
      ...DEFAULT_EMIT,
      runtimeSources: loadRuntimeSources(),
      templates: TEMPLATES,
    });
    expect(result.failedFiles).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.apis).toHaveLength(399);

    const out = mkdtempSync(join(tmpdir(), 'topgen-corpus-'));
    for (const [path, text] of result.files) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    // The package's own devDependencies (typescript, @types/node) are topgen's too.
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', out, '--noEmit'], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 240_000);

  it('reads every saved text page: complete ones cleanly, truncated ones with a truncated-page warning', () => {
    const index = readFileSync(join(SHARED, 'corpus', 'pages', 'INDEX.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const status = new Map(index.map(([api, , state]) => [api, state ?? '']));
    const inputs = read(join(SHARED, 'corpus', 'pages'), '.txt');
    const result = generate(inputs, {
      ...DEFAULT_EMIT,
      runtimeSources: loadRuntimeSources(),
      templates: TEMPLATES,
    });
    expect(result.apis.length).toBe(inputs.length);
    for (const api of result.apis) {
      const truncated = api.diagnostics.some((d) => d.code === 'truncated-page');
      expect(truncated, api.api).toBe(status.get(api.api) !== 'complete');
      expect(
        api.diagnostics.filter((d) => d.severity === 'error'),
        api.api,
      ).toEqual([]);
    }
  });
});
