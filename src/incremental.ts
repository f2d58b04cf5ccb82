import { createHash } from 'node:crypto';
import {
  buildModel,
  emitIsolatingFailures,
  parseInput,
  type InputDoc,
  type ModelResult,
  type ParsedDoc,
} from './generate.js';
import {
  DEFAULT_API_MODULE_CONTEXT,
  emitApiModule,
  emitPackage,
  FragmentCache,
  type ApiModule,
  type EmitOptions,
  type GeneratedFiles,
} from './emit/index.js';
import type { Api } from './model/types.js';

/** Per-stage timings of one run, in milliseconds. */
export interface StageTimings {
  parse: number;
  model: number;
  emit: number;
}

export interface IncrementalResult extends ModelResult {
  readonly files: GeneratedFiles;
  /** How many docs were parsed this run (the others came from the cache). */
  readonly parsedCount: number;
  readonly timings: StageTimings;
}

const digest = (input: InputDoc): string => {
  const hash = createHash('sha1');
  hash.update(typeof input.content === 'string' ? input.content : input.content);
  if (input.override !== undefined) hash.update('\0override\0').update(input.override.content);
  return hash.digest('hex');
};

/**
 * Keeps the parse of every doc between runs (watch mode, benchmarks): a run re-parses only docs whose bytes
 * (or override) changed. Parsing is a pure function of the bytes, so the cache can never serve a stale model.
 */
export class IncrementalGenerator {
  readonly #parsed = new Map<
    string,
    { readonly input: InputDoc; readonly hash: string; readonly doc: ParsedDoc }
  >();
  /** Keyed by the Api object: a cached parse hands back the same object, so its module is still valid. */
  readonly #modules = new WeakMap<Api, ApiModule>();
  readonly #fragments = new FragmentCache();

  constructor(private readonly options: EmitOptions & { readonly strict?: boolean }) {}

  run(inputs: readonly InputDoc[]): IncrementalResult {
    const t0 = performance.now();
    const docs: ParsedDoc[] = [];
    const seen = new Set<string>();
    let parsedCount = 0;
    for (const input of inputs) {
      seen.add(input.file);
      const cached = this.#parsed.get(input.file);
      // The same InputDoc object again (see InputReader) is unchanged without hashing its bytes.
      if (cached !== undefined && cached.input === input) {
        docs.push(cached.doc);
        continue;
      }
      const hash = digest(input);
      if (cached !== undefined && cached.hash === hash) {
        this.#parsed.set(input.file, { ...cached, input });
        docs.push(cached.doc);
        continue;
      }
      const doc = parseInput(input);
      this.#parsed.set(input.file, { input, hash, doc });
      docs.push(doc);
      parsedCount++;
    }
    for (const file of [...this.#parsed.keys()]) if (!seen.has(file)) this.#parsed.delete(file);
    const t1 = performance.now();
    const built = buildModel(docs, this.options);
    const t2 = performance.now();
    const moduleContext = DEFAULT_API_MODULE_CONTEXT;
    const { files, ...model } = emitIsolatingFailures(built, (apis) =>
      emitPackage(
        apis,
        this.options,
        (api) => {
          let module = this.#modules.get(api);
          if (module === undefined) {
            module = emitApiModule(api, moduleContext);
            this.#modules.set(api, module);
          }
          return module;
        },
        this.#fragments,
      ),
    );
    const t3 = performance.now();
    return { ...model, files, parsedCount, timings: { parse: t1 - t0, model: t2 - t1, emit: t3 - t2 } };
  }
}
