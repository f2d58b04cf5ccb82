// The generated README: one section per API with an example that imports that API alone, and every example
// type-checks against the package it documents, whatever the docs and the package name contain.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitPackage, type EmitOptions } from '../../src/emit/index.js';
import { loadRuntimeSources } from '../../src/assets/index.js';
import type { Api } from '../../src/model/types.js';
import { api, field, seedApis } from '../emit/support/build.js';
import { corpusApis, HAS_CORPUS } from '../emit/support/corpus.js';
import { hostileApis } from '../emit/support/hostile.js';
import { typeCheck } from '../helpers/typecheck.js';
import { TEMPLATES } from '../helpers/templates.js';

const options: EmitOptions = {
  packageName: 'seed-sdk',
  packageVersion: '1.0.0',
  runtimeSources: loadRuntimeSources(),
  templates: TEMPLATES,
};

function readmeOf(apis: readonly Api[], overrides: Partial<EmitOptions> = {}): string {
  return emitPackage(apis, { ...options, ...overrides }).get('README.md') ?? '';
}

/** The fenced `ts` blocks of a Markdown text, in order. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})ts\n([\s\S]*?)^\1$/gm)].map((match) => match[2] ?? '');
}

/** Module specifiers of a code block's imports, as TypeScript reads them (escapes resolved). */
function importSpecifiers(code: string): string[] {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  return source.statements
    .filter(ts.isImportDeclaration)
    .map((declaration) => (declaration.moduleSpecifier as ts.StringLiteral).text);
}

/**
 * The block with its package imports pointed at the package's own sources, so it can be type-checked as a file
 * of src/: `<pkg>` → ./index.js, `<pkg>/runtime` → ./runtime/index.js, `<pkg>/apis/<api>` → ./apis/<api>.js.
 */
function localised(code: string, packageName: string): string {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  let text = code;
  const imports = source.statements.filter(ts.isImportDeclaration).reverse();
  for (const declaration of imports) {
    const specifier = declaration.moduleSpecifier as ts.StringLiteral;
    const target = specifier.text;
    let local: string;
    if (target === packageName) local = './index.js';
    else if (target === `${packageName}/runtime`) local = './runtime/index.js';
    else if (target.startsWith(`${packageName}/apis/`))
      local = `./apis/${target.slice(`${packageName}/apis/`.length)}.js`;
    else throw new Error(`example imports ${JSON.stringify(target)}, which is not part of ${packageName}`);
    text = `${text.slice(0, specifier.getStart(source))}${JSON.stringify(local)}${text.slice(specifier.getEnd())}`;
  }
  return text;
}

/** The README's examples as extra source files; blocks that use `client` without making one get the setup. */
function exampleFiles(readme: string, packageName: string): Map<string, string> {
  const blocks = tsBlocks(readme);
  const setup = blocks.find((block) => importSpecifiers(block).includes(`${packageName}/runtime`));
  if (setup === undefined) throw new Error('README has no runtime setup example');
  return new Map(
    blocks.map((block, i) => {
      const needsSetup = /\bclient\b/.test(block) && !/\bconst client\b/.test(block);
      return [
        `src/readme-example-${i}.ts`,
        localised(needsSetup ? `${setup}\n${block}` : block, packageName),
      ];
    }),
  );
}

/** The API names of the README's per-API section headings, in order. */
function sectionApis(readme: string): string[] {
  return [...readme.matchAll(/^### `([^`]+)`$/gm)].map((match) => match[1] ?? '');
}

/** The API names of the README's table, in order. */
function tableApis(readme: string): string[] {
  return [...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1] ?? '');
}

describe('README per-API examples', () => {
  it('gives every API a section, in table order, each with one example importing only that API', () => {
    const apis = seedApis();
    const readme = readmeOf(apis);
    const names = apis.map((a) => a.api).sort();
    expect(tableApis(readme)).toEqual(names);
    expect(sectionApis(readme)).toEqual(names);
    const blocks = tsBlocks(readme);
    // The full usage example, the runtime setup, then one per API.
    expect(blocks).toHaveLength(2 + apis.length);
    expect(blocks.slice(2).map(importSpecifiers)).toEqual(names.map((name) => [`seed-sdk/apis/${name}`]));
    for (const block of blocks.slice(2))
      expect(block).toMatch(/^const response = await client\.execute\(request\);$/m);
  });

  it('builds the client for those examples from the runtime subpath alone', () => {
    const setup = tsBlocks(readmeOf(seedApis()))[1] ?? '';
    expect(importSpecifiers(setup)).toEqual(['seed-sdk/runtime']);
    expect(setup).toContain('const client = new TopClientBase({');
  });

  it('spells out the default gateway of the package, since the runtime client base does not know it', () => {
    const withGateway = readmeOf(seedApis(), { defaultGateway: "https://gw.example/router/rest?x='1'" });
    expect(tsBlocks(withGateway)[1]).toContain("  gateway: 'https://gw.example/router/rest?x=\\'1\\'',\n");
    expect(tsBlocks(readmeOf(seedApis()))[1]).not.toContain('gateway');
  });

  it('shows the doc example values, and no argument for an API whose params are all optional', () => {
    const readme = readmeOf([
      api('taobao.sample.get', {
        request: [field('num_iid', 'Number', { required: true, example: '9007199254740993' })],
      }),
      api('taobao.empty.get'),
    ]);
    expect(readme).toContain("const request = new SampleGetRequest({\n  num_iid: '9007199254740993',\n});\n");
    expect(readme).toContain('const request = new EmptyGetRequest();\n');
  });

  it('leaves out the title line of an API without a title, and ends the file with one line end', () => {
    const readme = readmeOf([api('taobao.untitled.get', { title: '' })]);
    expect(readme).toContain('### `taobao.untitled.get`\n\n```ts\n');
    expect(readme.endsWith('```\n')).toBe(true);
  });

  it('keeps hostile titles and names inside their Markdown and their string literals', () => {
    const packageName = "@evil/it's-`sdk`";
    const apis = hostileApis();
    const readme = readmeOf(apis, { packageName });
    const names = apis.map((a) => a.api).sort();
    expect(sectionApis(readme)).toEqual(names);
    // Every line outside code blocks that starts like a heading is one of ours.
    const outside = readme.replace(/^(`{3,})ts\n[\s\S]*?^\1$/gm, '');
    expect(outside.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(
      1 + 4 + apis.length, // title; Build, Usage, Importing one API at a time, APIs; one per API
    );
    const blocks = tsBlocks(readme);
    expect(blocks.slice(2).map(importSpecifiers)).toEqual(
      names.map((name) => [`${packageName}/apis/${name}`]),
    );
    expect(importSpecifiers(blocks[1] ?? '')).toEqual([`${packageName}/runtime`]);
  });
});

describe('README examples type-check against the package they document', () => {
  it.each([
    ['the seed APIs', 'seed-sdk', seedApis()],
    ['hostile APIs and package name', "@evil/it's-`sdk`", hostileApis()],
  ])('for %s', (_, packageName, apis) => {
    const files = emitPackage(apis, { ...options, packageName, defaultGateway: 'https://gw.example/rest' });
    const extra = exampleFiles(files.get('README.md') ?? '', packageName);
    expect(extra.size).toBe(2 + apis.length);
    expect(typeCheck(files, extra).messages).toEqual([]);
  });

  it('fails when an example does not fit its API (the check can fail)', () => {
    const files = emitPackage(seedApis(), options);
    const extra = exampleFiles(files.get('README.md') ?? '', 'seed-sdk');
    const [path, text] = [...extra].at(-1) ?? ['', ''];
    extra.set(path, text.replace('const request = new ', 'const request: number = new '));
    expect(typeCheck(files, extra).messages.join('\n')).toMatch(/readme-example-\d+\.ts:\d+: error TS2322/);
  });

  it.skipIf(!HAS_CORPUS)(
    'for every API of the doc JSON corpus',
    () => {
      const apis = corpusApis();
      const files = emitPackage(apis, options);
      const extra = exampleFiles(files.get('README.md') ?? '', 'seed-sdk');
      expect(extra.size).toBe(2 + apis.length);
      expect(typeCheck(files, extra).messages).toEqual([]);
    },
    600_000,
  );
});
