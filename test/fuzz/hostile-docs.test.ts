// One hostile doc costs at most that doc: names too long for a file system or reserved on Windows, nesting
// thousands deep, parameters named like the protocol's own. The rest of the package is generated and compiles.
import { describe, expect, it } from 'vitest';
import type { GenerateResult, InputDoc } from '../../src/generate.js';
import { emitIsolatingFailures, generate, runDocPasses } from '../../src/generate.js';
import { MAX_FIELD_DEPTH } from '../../src/model/passes/depth.js';
import type { DocApi, DocField } from '../../src/model/types.js';
import { MAX_MODULE_STEM, moduleStem } from '../../src/naming/api-names.js';
import { emitPackage, TemplateError } from '../../src/emit/index.js';
import { loadRuntimeSources } from '../../src/assets/runtime-sources.js';
import { DEFAULT_EMIT, readDocs } from '../helpers/pipeline.js';
import { TEMPLATES } from '../helpers/templates.js';
import { typeCheck } from '../helpers/typecheck.js';

const options = { ...DEFAULT_EMIT, runtimeSources: loadRuntimeSources(), templates: TEMPLATES };
const typeCheckPackage = (files: ReadonlyMap<string, string>): readonly string[] => typeCheck(files).messages;

function jsonDoc(name: string, request: unknown[], response: unknown[] = []): InputDoc {
  return {
    file: `docs/${name.slice(0, 40)}.json`,
    content: JSON.stringify({
      name,
      apiChineseName: 't',
      description: 'd',
      requestParams: request,
      responseParams: response,
    }),
  };
}

const leaf = { name: 'ok', type: 'Boolean', description: 'b' };

/** A chain of `depth` nested struct fields in doc JSON. */
function nested(depth: number): unknown {
  let node: unknown = { name: 'leaf', type: 'String', description: 'leaf' };
  for (let i = depth - 1; i >= 1; i--)
    node = { name: `l${i}`, type: `Level${i}`, description: 'x', subParams: [node] };
  return node;
}

function depthOf(fields: readonly DocField[]): number {
  let max = 0;
  for (let level = fields, depth = 1; level.length > 0; depth++, level = level.flatMap((f) => f.children))
    max = depth;
  return max;
}

const names = [`taobao.${'verylongsegment.'.repeat(19)}get`, 'con.foo.get', 'com1.x', 'nul'];

/** The bundled docs plus APIs with long and reserved names and one nested 200 levels deep; built once. */
let built: GenerateResult | undefined;
function hostilePackage(): GenerateResult {
  built ??= generate(
    [
      ...readDocs(),
      ...names.map((name) => jsonDoc(name, [{ name: 'q', type: 'String', description: 'q' }], [leaf])),
      jsonDoc('taobao.deep.get', [nested(200)], [nested(200)]),
    ],
    options,
  );
  return built;
}

describe('module file names', () => {
  it('are bounded, stable and distinct for long API names', () => {
    const long = `taobao.${'segment.'.repeat(40)}get`;
    const other = `taobao.${'segment.'.repeat(40)}set`;
    expect(moduleStem(long).length).toBeLessThanOrEqual(MAX_MODULE_STEM);
    expect(moduleStem(long)).toMatch(/^taobao\.segment\..*~[0-9a-f]{8}$/);
    expect(moduleStem(long)).toBe(moduleStem(long));
    expect(moduleStem(long)).not.toBe(moduleStem(other));
    expect(moduleStem('taobao.user.seller.get')).toBe('taobao.user.seller.get');
  });

  it.each([
    ['con.foo.get', 'con~.foo.get'],
    ['NUL.a', 'NUL~.a'],
    ['aux', 'aux~'],
    ['com1.x', 'com1~.x'],
    ['lpt9.y', 'lpt9~.y'],
    ['taobao.con.get', 'taobao.con.get'],
    ['console.get', 'console.get'],
  ])('escape Windows device names: %s → %s', (api, stem) => {
    expect(moduleStem(api)).toBe(stem);
  });

  it('let the package with such APIs generate, each module reachable by its API name', () => {
    const result = hostilePackage();
    expect(result.failedFiles).toEqual([]);
    const pkg = JSON.parse(result.files.get('package.json') ?? '{}') as {
      exports: Record<string, { types: string }>;
    };
    for (const name of names) {
      const entry = pkg.exports[`./apis/${name}`];
      expect(entry, name).toBeDefined();
      expect(result.files.has(entry?.types.replace('./dist/', 'src/').replace('.d.ts', '.ts') ?? '')).toBe(
        true,
      );
    }
    for (const path of result.files.keys())
      expect(path.split('/').at(-1)?.length ?? 0).toBeLessThanOrEqual(110);
  });
});

describe('a package with every hostile doc above', () => {
  it('type-checks', () => {
    expect(typeCheckPackage(hostilePackage().files)).toEqual([]);
  }, 60_000);
});

describe('deep nesting', () => {
  it(`is cut at ${MAX_FIELD_DEPTH} levels with one warning per side, deep parts typed as JSON objects`, () => {
    const result = hostilePackage();
    const deep = result.apis.find((api) => api.api === 'taobao.deep.get');
    expect(deep).toBeDefined();
    expect(depthOf(deep?.request ?? [])).toBe(MAX_FIELD_DEPTH);
    expect(depthOf(deep?.response ?? [])).toBe(MAX_FIELD_DEPTH);
    const warnings = result.diagnostics.filter((d) => d.code === 'nesting-too-deep');
    expect(warnings.map((d) => d.field?.split('.')[0])).toEqual(['request', 'response']);
    expect(warnings[0]?.field?.split('.')).toHaveLength(MAX_FIELD_DEPTH + 1);
  });

  it('of thousands of levels (as a text or HTML page can hold) emits without recursing past the cut', () => {
    let field: DocField = { name: 'leaf', type: 'String', array: false, required: false, children: [] };
    for (let i = 0; i < 5000; i++)
      field = { name: `l${i}`, type: `L${i}`, array: i % 2 === 0, required: false, children: [field] };
    const api: DocApi = {
      api: 'taobao.very.deep',
      title: 't',
      description: 'd',
      request: [field],
      response: [field],
      source: { file: 'deep.txt', format: 'text' },
      diagnostics: [],
    };
    const { api: checked, added } = runDocPasses(api);
    expect(added.map((d) => d.code)).toEqual(['nesting-too-deep', 'nesting-too-deep']);
    let cut = checked.request[0];
    for (let depth = 1; depth < MAX_FIELD_DEPTH; depth++) cut = cut?.children[0];
    // l4984 (depth 16) was an array of structs: still an array, now of JSON objects.
    expect(cut).toMatchObject({ name: 'l4984', type: 'Map', array: true, children: [] });
    const files = emitPackage([checked], options);
    expect(files.get('src/apis/taobao.very.deep.ts')).toContain('Record<string,');
  });
});

describe('parameters named like common parameters', () => {
  it('are reported at generation, and the API is still generated', () => {
    const result = generate(
      [
        jsonDoc(
          'taobao.clash.get',
          [
            { name: 'sign', type: 'String', description: 's', required: true },
            { name: 'timestamp', type: 'String', description: 't' },
            { name: 'fine', type: 'String', description: 'f' },
          ],
          [leaf],
        ),
      ],
      options,
    );
    expect(result.failedFiles).toEqual([]);
    const clashes = result.diagnostics.filter((d) => d.code === 'reserved-param-name');
    expect(clashes.map((d) => [d.severity, d.field])).toEqual([
      ['warning', 'request.sign'],
      ['warning', 'request.timestamp'],
    ]);
    expect(clashes[0]?.message).toMatch(/cannot be called/);
    expect(clashes[1]?.message).not.toMatch(/cannot be called/);
    const strict = generate(
      [jsonDoc('taobao.clash.get', [{ name: 'method', type: 'String', description: 'm' }], [leaf])],
      {
        ...options,
        strict: true,
      },
    );
    expect(strict.failedFiles).toEqual(['docs/taobao.clash.get.json']);
  });
});

describe('a doc that makes the emitter fail', () => {
  it('costs only that doc: internal-error naming it, the rest emitted', () => {
    const result = generate(
      [jsonDoc('taobao.good.get', [], [leaf]), jsonDoc('taobao.cursed.get', [], [leaf])],
      options,
    );
    const model = { apis: result.apis, diagnostics: result.diagnostics, failedFiles: result.failedFiles };
    const emitted = emitIsolatingFailures(model, (apis) => {
      if (apis.some((api) => api.api === 'taobao.cursed.get')) throw new Error('boom');
      return emitPackage(apis, options);
    });
    expect(emitted.apis.map((api) => api.api)).toEqual(['taobao.good.get']);
    expect(emitted.failedFiles).toEqual(['docs/taobao.cursed.get.json']);
    expect(emitted.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'internal-error', file: 'docs/taobao.cursed.get.json' }),
    );
    expect([...emitted.files.keys()]).toContain('src/apis/taobao.good.get.ts');
    expect(() =>
      emitIsolatingFailures(model, () => {
        throw new Error('whole package');
      }),
    ).toThrow('whole package');
    // A template's mistake is the user's, even when only one API's module shows it: the run stops on it.
    expect(() =>
      emitIsolatingFailures(model, (apis) => {
        if (apis.some((api) => api.api === 'taobao.cursed.get'))
          throw new TemplateError('tpl/interface.ts.hbs:2:5: "nmae" is not defined here');
        return emitPackage(apis, options);
      }),
    ).toThrow(TemplateError);
  });
});
