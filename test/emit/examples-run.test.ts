// Every example in the README of the package generated from the 399 real doc JSON files (skipped when
// ../shared is absent) is sent by the real runtime to `topgen mock` serving the same APIs, and must succeed:
// the values pass the client's validation and the gateway's checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/cli/load.js';
import { emitPackage, type GeneratedFiles } from '../../src/emit/index.js';
import { loadRuntimeSources } from '../../src/assets/index.js';
import { TEMPLATES } from '../helpers/templates.js';
import { moduleStem } from '../../src/naming/api-names.js';
import { startMockGateway, type MockGateway } from '../../src/mock/index.js';
import type { Api } from '../../src/model/types.js';
import { API_SPEC, TopClientBase } from '../../src/runtime/client.js';
import type { ApiSpec } from '../../src/runtime/spec.js';
import { evaluate, specOfModule } from '../helpers/generated-spec.js';
import { CORPUS_JSON, HAS_CORPUS } from './support/corpus.js';

const PACKAGE = 'corpus-sdk';

interface Example {
  readonly api: string;
  readonly args: string;
}

/** The per-API examples of the README: `import … from '<package>/apis/<api>'` and `new X(<args>)`. */
function readmeExamples(readme: string): Example[] {
  const pattern = new RegExp(
    `from '${PACKAGE}/apis/([^']+)';\\n\\nconst request = new \\w+\\(([\\s\\S]*?)\\);\\nconst response`,
    'g',
  );
  return [...readme.matchAll(pattern)].map((m) => ({ api: m[1] ?? '', args: m[2] ?? '' }));
}

function specOf(files: GeneratedFiles, api: string): ApiSpec {
  return specOfModule<ApiSpec>(files.get(`src/apis/${moduleStem(api)}.ts`) ?? '');
}

describe.skipIf(!HAS_CORPUS)('README examples of the doc JSON corpus package', () => {
  let apis: readonly Api[] = [];
  let gateway: MockGateway;

  beforeAll(async () => {
    apis = (await loadModel([CORPUS_JSON], false)).apis;
    gateway = await startMockGateway({ apis, appKey: 'k', appSecret: 's' });
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('every one succeeds against topgen mock', async () => {
    const files = emitPackage(apis, {
      packageName: PACKAGE,
      packageVersion: '1.0.0',
      runtimeSources: loadRuntimeSources(),
      templates: TEMPLATES,
      readmeExamplesLimit: Infinity, // every API's example, not only a small package's
    });
    const examples = readmeExamples(files.get('README.md') ?? '');
    expect(examples.length).toBeGreaterThanOrEqual(399);
    const client = new TopClientBase({ appKey: 'k', appSecret: 's', gateway: gateway.url, retries: 0 });
    const failures: string[] = [];
    for (const { api, args } of examples) {
      const init = args === '' ? {} : (evaluate(args) as object);
      try {
        await client.execute({ ...init, [API_SPEC]: specOf(files, api) });
      } catch (error) {
        failures.push(`${api}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
