/**
 * Emitting API modules on both cores: a worker thread (module-worker.ts) emits every other API's module while
 * the calling thread emits the rest. A module depends only on its API, the templates and the number options,
 * so the output is byte-for-byte what one thread would write. The worker gets the APIs as plain data (a
 * structured clone) and sends back module texts; should it fail in any way, the caller emits those modules
 * itself.
 *
 * The worker runs the compiled module (dist/emit/module-worker.js); from the TypeScript sources (tests) there
 * is none, and everything is emitted on the calling thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Api } from '../model/types.js';
import type { ApiModule } from './api-module.js';
import type { NumberOptions } from '../model/numbers.js';
import type { TemplateSources } from './templates.js';

/** What the worker needs to build the same module context as the caller. */
export interface ModuleWorkerData {
  /** The template texts the caller compiled its own templates from. */
  readonly templateSources: TemplateSources;
  readonly numbers: NumberOptions | undefined;
}

/** One API's module, or undefined when emitting it failed in the worker. */
export type ModuleWorkerResult = ApiModule | undefined;

/** Below this many APIs the worker's start-up (about 0.2 s of loading and template compiling) is not won back. */
export const PARALLEL_FROM = 1000;

const WORKER_FILE = new URL('./module-worker.js', import.meta.url);

/**
 * True when the machine is not saturated: the one-minute load average is below the core count (Windows reports
 * no load, so there it is always true). On a machine whose cores are all taken, a second thread only adds its
 * start-up and copying to the same shared cores; measured at load 11 on two cores it won nothing.
 */
export function coreToSpare(): boolean {
  return (loadavg()[0] ?? 0) < availableParallelism();
}

/** A started module worker, or undefined when there is no compiled worker to run. */
export function startModuleWorker(data: ModuleWorkerData): ModuleWorker | undefined {
  return existsSync(fileURLToPath(WORKER_FILE)) ? new ModuleWorker(data) : undefined;
}

export class ModuleWorker {
  readonly #worker: Worker;
  readonly #failed: Promise<never>;

  constructor(data: ModuleWorkerData) {
    this.#worker = new Worker(WORKER_FILE, { workerData: data });
    this.#failed = new Promise<never>((_, reject) => {
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => reject(new Error(`module worker exited with code ${code}`)));
    });
    // A rejection nobody awaits (the worker was never asked for anything) is not an error of the run.
    this.#failed.catch(() => undefined);
  }

  /** The modules of `apis`, in their order; an entry is undefined where the worker could not emit it. */
  emit(apis: readonly Api[]): Promise<readonly ModuleWorkerResult[]> {
    const answer = new Promise<readonly ModuleWorkerResult[]>((resolve) =>
      this.#worker.once('message', resolve),
    );
    this.#worker.postMessage(apis);
    return Promise.race([answer, this.#failed]);
  }

  close(): void {
    void this.#worker.terminate();
  }
}
