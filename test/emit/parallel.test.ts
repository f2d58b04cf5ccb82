// The module worker emits exactly the bytes the main thread would. It runs the compiled module, so this test
// uses the build in dist/ (`npm test` builds it first) and is skipped without one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InputDoc } from '../../src/generate.js';
import { DEFAULT_EMIT, readDocs } from '../helpers/pipeline.js';
import { ROOT } from '../helpers/paths.js';

const DIST = join(ROOT, 'dist');
const built = existsSync(join(DIST, 'emit', 'module-worker.js'));
const fromDist = async <T>(path: string): Promise<T> =>
  (await import(pathToFileURL(join(DIST, path)).href)) as T;

type PipelineModule = typeof import('../../src/pipeline.js');
type ParallelModule = typeof import('../../src/emit/parallel.js');
type AssetsModule = typeof import('../../src/assets/index.js');
type EmitModule = typeof import('../../src/emit/index.js');
type StructsModule = typeof import('../../src/model/passes/structs.js');

/** The seed pages and the golden doc JSON: text and JSON docs, structs, repeated names, numbers. */
function inputs(): InputDoc[] {
  const json = join(ROOT, 'test', 'fixtures', 'golden', 'docs');
  return [
    ...readDocs(),
    ...readdirSync(json)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ file: `fixtures/${name}`, content: readFileSync(join(json, name)) })),
  ];
}

describe.skipIf(!built)('emitting modules on a worker thread', () => {
  it('yields the same modules and the same package as one thread', async () => {
    const { Pipeline } = await fromDist<PipelineModule>('pipeline.js');
    const { startModuleWorker } = await fromDist<ParallelModule>('emit/parallel.js');
    const { loadRuntimeSources, loadTemplates, loadTemplateSources } =
      await fromDist<AssetsModule>('assets/index.js');
    const { apiModuleContext, emitApiModule } = await fromDist<EmitModule>('emit/index.js');
    const { planStructs } = await fromDist<StructsModule>('model/passes/structs.js');
    const options = { ...DEFAULT_EMIT, runtimeSources: loadRuntimeSources(), templates: loadTemplates() };
    const docs = inputs();
    const alone = new Pipeline(options).run(docs);
    expect(alone.apis.length).toBeGreaterThan(10);

    const worker = startModuleWorker({ templateSources: loadTemplateSources(), numbers: undefined });
    if (worker === undefined) throw new Error('the built worker is missing');
    try {
      const ctx = apiModuleContext(options.templates);
      expect(await worker.emit(alone.apis)).toEqual(
        alone.apis.map((api) => emitApiModule(api, planStructs(api, ctx), ctx)),
      );

      const pipeline = new Pipeline(options);
      const model = pipeline.model(docs.map((doc) => pipeline.parse(doc)));
      await pipeline.emitModulesAhead(model.apis, worker, 1);
      expect(pipeline.emit(model.apis)).toEqual(alone.files);
    } finally {
      worker.close();
    }
  });

  it('falls back to the calling thread when the worker is gone', async () => {
    const { Pipeline } = await fromDist<PipelineModule>('pipeline.js');
    const { startModuleWorker } = await fromDist<ParallelModule>('emit/parallel.js');
    const { loadRuntimeSources, loadTemplates, loadTemplateSources } =
      await fromDist<AssetsModule>('assets/index.js');
    const options = { ...DEFAULT_EMIT, runtimeSources: loadRuntimeSources(), templates: loadTemplates() };
    const docs = inputs();
    const worker = startModuleWorker({ templateSources: loadTemplateSources(), numbers: undefined });
    if (worker === undefined) throw new Error('the built worker is missing');
    worker.close();
    const pipeline = new Pipeline(options);
    const model = pipeline.model(docs.map((doc) => pipeline.parse(doc)));
    await pipeline.emitModulesAhead(model.apis, worker, 1);
    expect(pipeline.emit(model.apis)).toEqual(new Pipeline(options).run(docs).files);
  });
});
