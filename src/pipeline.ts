/**
 * The one pipeline every entry point runs (the library's `generate`, `topgen generate` and `check`, watch mode):
 * read each doc → the model passes (src/model/passes/) → plan and emit the package from templates → files.
 * A Pipeline keeps, between runs, each doc's model (keyed by its bytes) and each API's module (keyed by its
 * model object), so a long-lived one (watch, the benchmarks) redoes only what changed; a one-shot run is the
 * same code with nothing to reuse.
 */
import { createHash } from 'node:crypto';
import {
  buildModel,
  modelDoc,
  planStructs,
  type BuildModelOptions,
  type ModelResult,
  type ParsedDoc,
} from './model/passes/index.js';
import { readDoc, type InputDoc } from './parse/input.js';
import {
  createEmitContext,
  emitApiModule,
  emitPackage,
  FragmentCache,
  type ApiModule,
  type ApiModuleContext,
  type EmitOptions,
  type GeneratedFiles,
  TemplateError,
} from './emit/index.js';
import { diagnostic } from './model/diagnostics.js';
import type { Api } from './model/types.js';

export interface PipelineOptions extends EmitOptions, BuildModelOptions {
  /**
   * Told of each API module as soon as it is emitted, before the rest of the package: `topgen generate` starts
   * writing it then (see cli/staged-tree.ts). Modules reused from an earlier run are not told again.
   */
  readonly onModule?: ((module: ApiModule) => void) | undefined;
  /**
   * Keep each doc's bytes and model from one run to the next (the default), so that a later run parses only the
   * docs that changed. A pipeline that runs once (`topgen generate`, `check`) passes false and keeps neither: the
   * bytes of 5,000 docs are 24 MB that need not stay in memory once each doc is parsed (peak RSS −24 MB; the
   * whole run 0.96× in paired runs).
   */
  readonly reuseParses?: boolean | undefined;
}

/** One input doc → its API model: the reader, then the per-doc model passes. */
export function parseInput(input: InputDoc): ParsedDoc {
  return modelDoc(readDoc(input));
}

/** Per-stage timings of one run, in milliseconds. */
export interface StageTimings {
  parse: number;
  model: number;
  emit: number;
}

export interface PipelineResult extends ModelResult {
  readonly files: GeneratedFiles;
  /** How many docs were parsed this run (the others were unchanged since an earlier run). */
  readonly parsedCount: number;
  readonly timings: StageTimings;
}

const digest = (input: InputDoc): string => {
  const hash = createHash('sha1');
  hash.update(input.content);
  if (input.override !== undefined) hash.update('\0override\0').update(input.override.content);
  return hash.digest('hex');
};

interface ParsedEntry {
  readonly input: InputDoc;
  /** Digest of the input, computed only once a different InputDoc for the same file asks for a comparison. */
  hash?: string;
  readonly doc: ParsedDoc;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Emits the package for a model. Should emitting fail on one API (a defect in topgen that some doc triggers),
 * that doc costs only itself: each API is tried alone to find the culprits, which are reported as
 * `internal-error` and skipped, and the rest is emitted. A failure no single API explains is rethrown, and so is
 * a template's error: a mistake in an override template is the user's to fix, and whichever APIs it shows in,
 * the run stops with its file and line rather than writing a package without them.
 */
export function emitIsolatingFailures(
  model: ModelResult,
  emit: (apis: readonly Api[]) => GeneratedFiles,
): ModelResult & { readonly files: GeneratedFiles } {
  try {
    return { ...model, files: emit(model.apis) };
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    const failures = new Map<Api, string>();
    for (const api of model.apis) {
      try {
        emit([api]);
      } catch (apiError) {
        failures.set(api, apiError instanceof Error ? apiError.message : String(apiError));
      }
    }
    if (failures.size === 0) throw error;
    const apis = model.apis.filter((api) => !failures.has(api));
    const reported = [...failures].map(([api, message]) =>
      diagnostic(
        'error',
        'internal-error',
        `topgen failed while generating API ${api.api}: ${message}; this doc is skipped.`,
        { file: api.source.file },
      ),
    );
    return {
      apis,
      diagnostics: [...model.diagnostics, ...reported],
      failedFiles: [...model.failedFiles, ...[...failures.keys()].map((api) => api.source.file)].sort(byName),
      files: emit(apis),
    };
  }
}

export class Pipeline {
  readonly #options: PipelineOptions;
  /** What a module depends on besides its API, taken from this pipeline's options. */
  readonly #moduleContext: ApiModuleContext;
  readonly #parsed = new Map<string, ParsedEntry>();
  /** Keyed by the Api object: a reused parse hands back the same object, so its module is still valid. */
  readonly #modules = new WeakMap<Api, ApiModule>();
  readonly #fragments = new FragmentCache();

  constructor(options: PipelineOptions) {
    this.#options = options;
    const { naming, numbers, templates } = createEmitContext(options);
    this.#moduleContext = { naming, numbers, templates };
  }

  /**
   * Reads one doc and runs the per-doc model passes. Both are pure functions of the bytes (and override), so a
   * doc whose bytes did not change since an earlier run is not parsed again (unless `reuseParses` is false).
   */
  parse(input: InputDoc): ParsedDoc {
    return this.#read(input).doc;
  }

  #read(input: InputDoc): { readonly doc: ParsedDoc; readonly fresh: boolean } {
    if (this.#options.reuseParses === false) return { doc: parseInput(input), fresh: true };
    const cached = this.#parsed.get(input.file);
    // The same InputDoc object again (see InputReader) is unchanged without hashing its bytes.
    if (cached !== undefined && cached.input === input) return { doc: cached.doc, fresh: false };
    // A doc seen for the first time is parsed without hashing: a one-shot run never compares.
    if (cached === undefined) {
      const doc = parseInput(input);
      this.#parsed.set(input.file, { input, doc });
      return { doc, fresh: true };
    }
    const hash = digest(input);
    cached.hash ??= digest(cached.input);
    if (cached.hash === hash) {
      this.#parsed.set(input.file, { ...cached, input, hash });
      return { doc: cached.doc, fresh: false };
    }
    const doc = parseInput(input);
    this.#parsed.set(input.file, { input, hash, doc });
    return { doc, fresh: true };
  }

  /** The APIs to generate from the parsed docs (see buildModel). */
  model(docs: readonly ParsedDoc[]): ModelResult {
    return buildModel(docs, this.#options);
  }

  #module(api: Api): ApiModule {
    let module = this.#modules.get(api);
    if (module === undefined) {
      // The struct pass runs here, when a module is (re)built: a plan is needed only until its module is
      // printed, and a defect some doc triggers in it then costs that doc alone (see emitIsolatingFailures).
      module = emitApiModule(api, planStructs(api, this.#moduleContext), this.#moduleContext);
      this.#modules.set(api, module);
      this.#options.onModule?.(module);
    }
    return module;
  }

  /** The package for the model's APIs, re-emitting only the modules of APIs that changed. */
  emit(apis: readonly Api[]): GeneratedFiles {
    return emitPackage(apis, this.#options, (api) => this.#module(api), this.#fragments);
  }

  /**
   * The package for a model, like `emit`; should emitting fail on one API (a defect in topgen that some doc
   * triggers), that doc costs only itself (see emitIsolatingFailures).
   */
  emitIsolated(model: ModelResult): ModelResult & { readonly files: GeneratedFiles } {
    return emitIsolatingFailures(model, (apis) => this.emit(apis));
  }

  /** All three stages over `inputs`; docs no longer among them are forgotten. */
  run(inputs: readonly InputDoc[]): PipelineResult {
    const t0 = performance.now();
    const read = inputs.map((input) => this.#read(input));
    const docs = read.map(({ doc }) => doc);
    const parsedCount = read.filter(({ fresh }) => fresh).length;
    const current = new Set(inputs.map((input) => input.file));
    for (const file of [...this.#parsed.keys()]) if (!current.has(file)) this.#parsed.delete(file);
    const t1 = performance.now();
    const built = this.model(docs);
    const t2 = performance.now();
    const { files, ...model } = this.emitIsolated(built);
    const t3 = performance.now();
    return { ...model, files, parsedCount, timings: { parse: t1 - t0, model: t2 - t1, emit: t3 - t2 } };
  }
}
