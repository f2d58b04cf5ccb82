// Property: whatever the docs say, the generated package type-checks under its own strict tsconfig with zero
// errors — through the whole pipeline (doc JSON and form-A pages → generate) and straight from model values
// holding what no doc format can (payload field names, repeated wire names, odd struct type names).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbDocs } from './support/doc-arbitrary.js';
import { hostileText } from './support/hostile-text.js';
import { emitModel, generatePackage, modelApis } from './support/package.js';
import { withPayloads } from './support/payloads.js';
import { params, timeoutFor } from './support/runs.js';
import { typeCheck } from '../helpers/typecheck.js';

const typeCheckPackage = (files: ReadonlyMap<string, string>): readonly string[] => typeCheck(files).messages;

/** Type checks cost ~0.1–0.5 s each, so these properties run fewer cases, each with several APIs. */
const WEIGHT = 0.5;

describe('generated packages type-check', () => {
  it(
    'for doc JSON and form-A pages through generate()',
    () => {
      fc.assert(
        fc.property(
          arbDocs({ profile: 'json', maxDocs: 3, maxDepth: 4 }),
          arbDocs({ profile: 'text', maxDocs: 2, maxDepth: 4 }),
          (json, text) => {
            // One API name in both lists would be a duplicate-api skip, tested elsewhere.
            const taken = new Set(json.map((d) => d.api.toLowerCase()));
            const pages = text.filter((d) => !taken.has(d.api.toLowerCase()));
            const result = generatePackage({ json, text: pages });
            expect(result.failedFiles).toEqual([]);
            expect(result.apis).toHaveLength(json.length + pages.length);
            expect(typeCheckPackage(result.files)).toEqual([]);
          },
        ),
        params(WEIGHT),
      );
    },
    timeoutFor(WEIGHT, 800),
  );

  it(
    'for model values no doc format can carry, with payloads in every text and a hostile gateway',
    () => {
      fc.assert(
        fc.property(
          arbDocs({ profile: 'model', maxDocs: 3, maxDepth: 5 }),
          fc.nat(),
          hostileText,
          (docs, offset, gateway) => {
            const hostile = docs.map((doc, i) =>
              withPayloads(doc, { offset: offset + i, flat: false, names: true }),
            );
            const files = emitModel(
              modelApis(hostile, (i) => `docs/${gateway}/${i}.json`),
              `https://gw/${gateway}`,
            );
            expect(typeCheckPackage(files)).toEqual([]);
          },
        ),
        params(WEIGHT),
      );
    },
    timeoutFor(WEIGHT, 800),
  );
});

describe('the type check itself', () => {
  const files = emitModel(
    modelApis(
      [{ api: 'taobao.canary.get', title: 't', description: '', request: [], response: [] }],
      () => 'c.json',
    ),
  );

  it('passes the canary package and reports a type error put into it', () => {
    expect(typeCheckPackage(files)).toEqual([]);
    const broken = new Map([...files, ['src/broken.ts', "export const n: number = 'x';\n"]]);
    expect(typeCheckPackage(broken)).toEqual([expect.stringMatching(/^src\/broken\.ts:1: error TS2322: /)]);
  });

  it('reports a module TypeScript would read as a declaration file (and never emit)', () => {
    const broken = new Map([...files, ['src/apis/taobao.d.get.ts', 'export const x = 1;\n']]);
    expect(typeCheckPackage(broken)).toEqual([
      expect.stringContaining('src/apis/taobao.d.get.ts: error: read as a declaration file'),
    ]);
  });
});
