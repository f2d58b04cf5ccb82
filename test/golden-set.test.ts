/**
 * The golden set: 20 real doc JSONs (test/fixtures/golden/docs) chosen to cover every type kind the docs use,
 * list wrappers at several depths, struct name collisions inside one API, file uploads and nesting seven levels
 * deep. Their generated package is committed under test/fixtures/golden/out (update with `npx vitest run
 * test/golden-set.test.ts -u`); it must type-check, and every API must be callable against `topgen mock`.
 *
 * Files that do not depend on the APIs (runtime, request base, tsconfig, .gitignore) are locked by the seed
 * package (generated/); here they are only compared with it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeTranspiled } from './helpers/transpile.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from '../src/mock/index.js';
import type { ApiSpec, ParamSpec } from '../src/runtime/index.js';
import { typeCheck } from './helpers/typecheck.js';
import { GENERATED, ROOT } from './helpers/paths.js';
import { generateInMemory, readDocs } from './helpers/pipeline.js';

const DOCS = join(ROOT, 'test', 'fixtures', 'golden', 'docs');
const result = generateInMemory(readDocs(DOCS, 'test/fixtures/golden/docs'));
const API_INDEPENDENT = (path: string): boolean =>
  path.startsWith('src/runtime/') || ['src/request-base.ts', 'tsconfig.json', '.gitignore'].includes(path);

describe('golden set: generated output', () => {
  it('generates all 20 APIs without errors', () => {
    expect(result.apis).toHaveLength(20);
    expect(result.failedFiles).toEqual([]);
  });

  it.each([...result.files.keys()].filter((path) => !API_INDEPENDENT(path)))(
    '%s is byte-identical to the committed file',
    async (path) => {
      await expect(result.files.get(path)).toMatchFileSnapshot(`fixtures/golden/out/${path}`);
    },
  );

  it('shares every API-independent file with generated/', () => {
    for (const [path, text] of result.files)
      if (API_INDEPENDENT(path)) expect(text, path).toBe(readFileSync(join(GENERATED, path), 'utf8'));
  });

  it('type-checks (strict, NodeNext)', () => {
    expect(typeCheck(result.files).messages).toEqual([]);
  });
});

/** A value the runtime accepts for a param: the smallest one its kind and constraints allow. */
function sampleValue(param: ParamSpec): unknown {
  const one = ((): unknown => {
    switch (param.kind) {
      case 'number':
        return param.minValue ?? 1;
      case 'boolean':
        return true;
      case 'date':
        return '2024-01-02 03:04:05';
      case 'price':
        return '1.00';
      case 'json':
        return '{}';
      case 'file':
        return new Uint8Array([1, 2, 3]);
      case 'map':
        return {};
      case 'struct':
        return sampleInit(param.children ?? []);
      default:
        return 'x';
    }
  })();
  return param.array === true ? [one] : one;
}

/** Every required param (at every depth) with a sample value. */
function sampleInit(params: readonly ParamSpec[]): Record<string, unknown> {
  return Object.fromEntries(params.filter((p) => p.required === true).map((p) => [p.name, sampleValue(p)]));
}

type Method = (request: object, options?: object) => Promise<Record<string, unknown>>;

describe('golden set: every API called against topgen mock', () => {
  const APP_KEY = '12345678';
  const APP_SECRET = 'helloworld';
  let dir: string;
  let gateway: MockGateway;
  let client: (simplify: boolean) => Record<string, Method>;
  let modules: Map<string, Record<string, unknown>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'topgen-golden-'));
    writeTranspiled(result.files, dir);
    const sdk = (await import(pathToFileURL(join(dir, 'src/all.js')).href)) as {
      TopClient: new (options: object) => Record<string, Method>;
    };
    gateway = await startMockGateway({ apis: result.apis, appKey: APP_KEY, appSecret: APP_SECRET });
    client = (simplify) =>
      new sdk.TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url, simplify });
    modules = new Map(
      await Promise.all(
        result.apis.map(async (api) => {
          const url = pathToFileURL(join(dir, `src/apis/${api.api}.js`)).href;
          return [api.api, (await import(url)) as Record<string, unknown>] as const;
        }),
      ),
    );
  });

  afterAll(async () => {
    await gateway?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(result.apis.map((api) => api.api))('%s', async (name) => {
    const module = modules.get(name) ?? {};
    const [specName, spec] =
      Object.entries(module).find(
        (entry): entry is [string, ApiSpec] =>
          typeof entry[1] === 'object' && entry[1] !== null && 'responseKey' in entry[1],
      ) ?? [];
    if (specName === undefined || spec === undefined) throw new Error(`${name}: no spec exported`);
    const init = sampleInit(spec.params);
    const wrapped = client(false);
    const simplified = client(true);
    // The client method is the one the client's table pairs with this module's spec.
    const clientText = result.files.get('src/api-client.ts') ?? '';
    const method = new RegExp(`^ +(\\w+): \\w+\\.${specName},$`, 'm').exec(clientText)?.[1];
    if (method === undefined) throw new Error(`${name}: no client method sends ${specName}`);
    const viaWrapped = await (wrapped[method] as Method).call(wrapped, init);
    const viaSimplified = await (simplified[method] as Method).call(simplified, init);
    expect(typeof viaWrapped.request_id).toBe('string');
    const { request_id: _wrappedId, ...wrappedRest } = viaWrapped;
    const { request_id: _simplifiedId, ...simplifiedRest } = viaSimplified;
    // TOP wraps lists unless simplify is set; the runtime must hand back the same plain arrays either way.
    expect(wrappedRest).toStrictEqual(simplifiedRest);
    for (const field of spec.response ?? [])
      if (field.array === true && field.name in wrappedRest)
        expect(Array.isArray(wrappedRest[field.name]), field.name).toBe(true);
  });
});
