/**
 * Entry of the module worker (see parallel.ts): a worker thread that emits API modules for the APIs it is sent,
 * with the same templates and number options as the main thread. Modules are pure functions of their API, so
 * which thread emits one does not change a byte of it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planStructs } from '../model/passes/structs.js';
import type { Api } from '../model/types.js';
import { emitApiModule, type ApiModule } from './api-module.js';
import { apiModuleContext } from './context.js';
import { compileTemplates } from './templates.js';
import type { ModuleWorkerData, ModuleWorkerResult } from './parallel.js';

const { templateSources, numbers } = workerData as ModuleWorkerData;
const ctx = apiModuleContext(compileTemplates(templateSources), numbers);

parentPort?.on('message', (apis: readonly Api[]) => {
  const results: ModuleWorkerResult[] = apis.map((api) => {
    try {
      const module: ApiModule = emitApiModule(api, planStructs(api, ctx), ctx);
      return module;
    } catch {
      // The main thread emits this API itself, and reports its failure as it would for any other.
      return undefined;
    }
  });
  parentPort?.postMessage(results);
});
