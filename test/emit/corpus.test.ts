// The emitter over the real doc JSON corpus (skipped when ../shared is absent): the whole package type-checks,
// and emitting thousands of APIs stays well under a second.
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import type { Api } from '../../src/model/types.js';
import { contractRuntime } from './support/build.js';
import { corpusApis, HAS_CORPUS } from './support/corpus.js';
import { typeCheck } from './support/typecheck.js';

const options = { packageName: 'corpus-sdk', packageVersion: '1.0.0', runtimeSources: contractRuntime() };

/** `copies` renamed copies of the corpus (`bench3.taobao.x.get`): as many APIs as a large doc set. */
function scaled(apis: readonly Api[], copies: number): Api[] {
  return Array.from({ length: copies }, (_, i) =>
    apis.map((a) => ({ ...a, api: `bench${i}.${a.api}` })),
  ).flat();
}

describe.skipIf(!HAS_CORPUS)('doc JSON corpus', () => {
  it('emits a package that type-checks', () => {
    const apis = corpusApis();
    expect(apis.length).toBeGreaterThan(300);
    const files = emitPackage(apis, options);
    expect(typeCheck(files).messages).toEqual([]);
  });

  it('emits 5,000+ APIs in well under a second', () => {
    const apis = scaled(corpusApis(), 13);
    emitPackage(apis.slice(0, 500), options);
    const start = performance.now();
    const files = emitPackage(apis, options);
    const ms = performance.now() - start;
    console.log(
      `emitPackage: ${apis.length} APIs in ${ms.toFixed(0)} ms (${((ms * 1000) / apis.length).toFixed(0)} µs per API), ${files.size} files`,
    );
    expect(files.size).toBe(apis.length + 6 + options.runtimeSources.size);
    // The target is well under a second on an idle machine; the bound leaves room for a loaded test runner and
    // still fails on anything quadratic in the number of APIs.
    expect(ms).toBeLessThan(6000);
  });
});
