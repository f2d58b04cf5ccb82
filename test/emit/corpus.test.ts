// The emitter over the real doc JSON corpus (skipped when ../shared is absent): the whole package type-checks,
// and thousands of APIs emit without collisions.
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import type { Api } from '../../src/model/types.js';
import { contractRuntime } from './support/build.js';
import { corpusApis, HAS_CORPUS } from './support/corpus.js';
import { typeCheck } from '../helpers/typecheck.js';
import { TEMPLATES } from '../helpers/templates.js';

const options = {
  packageName: 'corpus-sdk',
  packageVersion: '1.0.0',
  runtimeSources: contractRuntime(),
  templates: TEMPLATES,
};

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

  // Speed is measured by `npm run bench`, not asserted here; this checks that thousands of APIs with repeated
  // struct names still emit one module each, without collisions.
  it('emits 5,000+ APIs, one module each', () => {
    const apis = scaled(corpusApis(), 13);
    const files = emitPackage(apis, options);
    // Per API one module; besides: .gitignore, README, package.json, two tsconfigs, index, all, client, api-client,
    // request-base.
    expect(files.size).toBe(apis.length + 10 + options.runtimeSources.size);
  });
});
