// Module file names must be files TypeScript compiles: a `.d.` in a `.ts` file name makes it a declaration
// file, which is never emitted to dist/ (found by test/fuzz/import-safety.test.ts with API `taobao.d.get`).
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import { apiNames, DEFAULT_NAMING, moduleStem } from '../../src/naming/api-names.js';
import { api, contractRuntime, field } from './support/build.js';
import { TEMPLATES } from '../helpers/templates.js';

describe('moduleStem', () => {
  it.each([
    ['taobao.item.get', 'taobao.item.get'],
    ['taobao.d.get', 'taobao.d~.get'],
    ['taobao.item.d', 'taobao.item.d~'],
    ['a.d.d.b', 'a.d~.d~.b'],
    ['taobao.dd.get', 'taobao.dd.get'],
    ['taobao.D.get', 'taobao.D.get'],
  ])('%s → %s', (name, stem) => {
    expect(moduleStem(name)).toBe(stem);
    expect(apiNames(name, DEFAULT_NAMING).modulePath).toBe(`src/apis/${stem}.ts`);
    expect(apiNames(name, DEFAULT_NAMING).importPath).toBe(`./apis/${stem}.js`);
  });

  it('keeps stems of different APIs different', () => {
    const names = ['a.d.b', 'a.d~.b', 'a.d_.b', 'a.dd.b', 'a.d', 'a.d~'];
    expect(new Set(names.filter((n) => /^[A-Za-z0-9._-]+$/.test(n)).map(moduleStem)).size).toBe(4);
  });
});

/** Compiles the package as `tsc -p` would, in memory, and returns the paths it writes. */
function emittedPaths(files: ReadonlyMap<string, string>): string[] {
  const root = '/virtual/pkg';
  // What `npm run build` compiles with: tsconfig.json, and tsconfig.build.json's declaration options over it.
  const optionsOf = (path: string): object =>
    (JSON.parse(files.get(path) ?? '{}') as { compilerOptions?: object }).compilerOptions ?? {};
  const compilerOptions = { ...optionsOf('tsconfig.json'), ...optionsOf('tsconfig.build.json') };
  const options = {
    ...ts.convertCompilerOptionsFromJson(compilerOptions, root).options,
    types: [],
    typeRoots: [fileURLToPath(new URL('../../node_modules/@types', import.meta.url))],
  };
  const host = ts.createCompilerHost(options);
  const virtual = (path: string): string | undefined =>
    path.startsWith(`${root}/`) ? files.get(path.slice(root.length + 1)) : undefined;
  host.getCurrentDirectory = () => root;
  host.fileExists = (path) =>
    virtual(path) !== undefined || (!path.startsWith(root) && ts.sys.fileExists(path));
  host.readFile = (path) => virtual(path) ?? (path.startsWith(root) ? undefined : ts.sys.readFile(path));
  const written: string[] = [];
  host.writeFile = (path) => written.push(path.slice(root.length + 1));
  const roots = [...files.keys()]
    .filter((p) => p.startsWith('src/') && p.endsWith('.ts'))
    .map((p) => `${root}/${p}`);
  ts.createProgram(roots, options, host).emit();
  return written.sort();
}

describe('package with API names that contain a `d` segment', () => {
  const files = emitPackage(
    [
      api('taobao.d.get', { request: [field('a', 'String', { required: true })] }),
      api('taobao.item.d'),
      api('taobao.item.get'),
    ],
    {
      packageName: 'd-sdk',
      packageVersion: '1.0.0',
      runtimeSources: contractRuntime(),
      templates: TEMPLATES,
    },
  );

  it('emits JavaScript for every API module', () => {
    const written = emittedPaths(files);
    const modules = [...files.keys()].filter((p) => p.startsWith('src/apis/'));
    expect(modules).toHaveLength(3);
    for (const path of modules) expect(written).toContain(path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js'));
    for (const stem of ['taobao.d~.get', 'taobao.item.d~', 'taobao.item.get']) {
      expect(written).toContain(`dist/apis/${stem}.js`);
      expect(written).toContain(`dist/apis/${stem}.d.ts`);
    }
  });

  it('keeps `<package>/apis/<API name>` importable through explicit exports', () => {
    const exports = (JSON.parse(files.get('package.json') ?? '{}') as { exports: Record<string, unknown> })
      .exports;
    expect(exports['./apis/taobao.d.get']).toEqual({
      types: './dist/apis/taobao.d~.get.d.ts',
      default: './dist/apis/taobao.d~.get.js',
    });
    expect(exports['./apis/taobao.item.d']).toEqual({
      types: './dist/apis/taobao.item.d~.d.ts',
      default: './dist/apis/taobao.item.d~.js',
    });
    expect(exports['./apis/taobao.item.get']).toBeUndefined();
    // Exact subpaths come before the pattern, as Node expects them to be listed.
    const keys = Object.keys(exports);
    expect(keys.indexOf('./apis/taobao.d.get')).toBeLessThan(keys.indexOf('./apis/*'));
    // And for TypeScript's moduleResolution node10, through typesVersions.
    const versions = (
      JSON.parse(files.get('package.json') ?? '{}') as {
        typesVersions: Record<string, Record<string, string[]>>;
      }
    ).typesVersions['*'];
    expect(versions?.['apis/taobao.d.get']).toEqual(['./dist/apis/taobao.d~.get.d.ts']);
    expect(versions?.['apis/taobao.item.get']).toBeUndefined();
  });

  it('imports the renamed modules from the barrel and the client', () => {
    expect(files.get('src/all.ts')).toContain("'./apis/taobao.d~.get.js'");
    expect(files.get('src/api-client.ts')).toContain("'./apis/taobao.item.d~.js'");
    expect([...files.keys()].filter((p) => p.startsWith('src/apis/'))).toEqual([
      'src/apis/taobao.d~.get.ts',
      'src/apis/taobao.item.d~.ts',
      'src/apis/taobao.item.get.ts',
    ]);
  });
});
