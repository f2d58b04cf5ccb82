// The generated README: one section per API with an example that imports that API alone, and every example
// type-checks against the package it documents, whatever the docs and the package name contain.
import { describe, expect, it } from 'vitest';
import { emitPackage, type EmitOptions } from '../../src/emit/index.js';
import { loadRuntimeSources } from '../../src/assets/index.js';
import type { Api } from '../../src/model/types.js';
import { api, field, seedApis } from '../emit/support/build.js';
import { corpusApis, HAS_CORPUS } from '../emit/support/corpus.js';
import { hostileApis } from '../emit/support/hostile.js';
import { typeCheck } from '../helpers/typecheck.js';
import { TEMPLATES } from '../helpers/templates.js';
import { importSpecifiers, localised, runnableExamples, tsBlocks } from '../helpers/readme-examples.js';

const options: EmitOptions = {
  packageName: 'seed-sdk',
  packageVersion: '1.0.0',
  runtimeSources: loadRuntimeSources(),
  templates: TEMPLATES,
};

function readmeOf(apis: readonly Api[], overrides: Partial<EmitOptions> = {}): string {
  return emitPackage(apis, { ...options, ...overrides }).get('README.md') ?? '';
}

/** The README's examples as extra source files of the package. */
function exampleFiles(readme: string, packageName: string): Map<string, string> {
  return new Map(
    runnableExamples(readme, packageName).map((code, i) => [
      `src/readme-example-${i}.ts`,
      localised(code, packageName),
    ]),
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
    // The usage example, the client of `/all`, then one per API.
    expect(blocks).toHaveLength(2 + apis.length);
    expect(blocks.slice(2).map(importSpecifiers)).toEqual(names.map((name) => [`seed-sdk/apis/${name}`]));
    for (const block of blocks.slice(2))
      expect(block).toMatch(/^const response = await client\.execute\(request\);$/m);
  });

  it('makes the client for those examples from the package root, which imports no API', () => {
    const [usage = '', all = ''] = tsBlocks(readmeOf(seedApis()));
    const first = 'alibaba.damai.maizuo.openapi.user.register.byauthcode';
    expect(importSpecifiers(usage)).toEqual(['seed-sdk', `seed-sdk/apis/${first}`]);
    expect(usage).toContain('const client = new TopClient({');
    expect(usage).toMatch(/^const response = await client\.execute\(new \w+Request\(/m);
    expect(importSpecifiers(all)).toEqual(['seed-sdk/all']);
    expect(all).toMatch(/^const response = await client\.alibabaDamaiMaizuoOpenapiUserRegisterByauthcode\(/m);
  });

  it("leaves the default gateway to the package's client", () => {
    const withGateway = readmeOf(seedApis(), { defaultGateway: "https://gw.example/router/rest?x='1'" });
    expect(tsBlocks(withGateway).join('\n')).not.toContain('gateway');
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
      1 + 4 + apis.length, // title; Build, Usage, One method per API, APIs; one per API
    );
    const blocks = tsBlocks(readme);
    expect(blocks.slice(2).map(importSpecifiers)).toEqual(
      names.map((name) => [`${packageName}/apis/${name}`]),
    );
    expect(importSpecifiers(blocks[1] ?? '')).toEqual([`${packageName}/all`]);
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
      const files = emitPackage(apis, { ...options, readmeExamplesLimit: Infinity });
      const extra = exampleFiles(files.get('README.md') ?? '', 'seed-sdk');
      expect(extra.size).toBe(2 + apis.length);
      expect(typeCheck(files, extra).messages).toEqual([]);
    },
    600_000,
  );
});
