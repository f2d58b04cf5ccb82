import { diagnostic, hasErrors } from './model/diagnostics.js';
import type { Api, Diagnostic } from './model/types.js';
import { emitPackage, type EmitOptions, type GeneratedFiles } from './emit/index.js';
import { parseDocument } from './parse/index.js';
import { parseOverride } from './parse/text/index.js';
import { limitFieldDepth } from './model/depth.js';
import { reservedParamClashes } from './model/reserved-params.js';

/** One input document as read from disk (or built in memory by a test). */
export interface InputDoc {
  /** Path as shown to the user in diagnostics. */
  readonly file: string;
  readonly content: Uint8Array | string;
  /** Optional nesting override file that sits next to the page. */
  readonly override?: { readonly file: string; readonly content: string };
}

export interface ParsedDoc {
  readonly file: string;
  readonly api?: Api;
  readonly diagnostics: readonly Diagnostic[];
}

export interface BuildModelOptions {
  /** Treat warnings as errors: a doc with a warning is not generated. */
  readonly strict?: boolean;
}

export interface ModelResult {
  /** APIs that will be generated, sorted by API name. */
  readonly apis: readonly Api[];
  /** Every diagnostic of every doc, in input order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Input files whose API is not generated because of errors. */
  readonly failedFiles: readonly string[];
}

export interface GenerateResult extends ModelResult {
  readonly files: GeneratedFiles;
}

/** Parses one input document, applying its override file when there is one. */
export function parseInput(input: InputDoc): ParsedDoc {
  const overrideDiagnostics: Diagnostic[] = [];
  let override;
  if (input.override !== undefined) {
    const loaded = parseOverride(input.override.content, input.override.file);
    overrideDiagnostics.push(...loaded.diagnostics);
    override = loaded.override;
  }
  const result = parseDocument(input.content, input.file, override === undefined ? {} : { override });
  const diagnostics = [...overrideDiagnostics, ...result.diagnostics];
  if (result.api === undefined) return { file: input.file, diagnostics };
  const { api, added } = checkModel(result.api);
  return { file: input.file, api, diagnostics: [...diagnostics, ...added] };
}

/**
 * Model-level checks every doc goes through after parsing, whatever its format: nesting is cut at
 * MAX_FIELD_DEPTH (so nothing after this recurses without bound), and parameters that clash with TOP's common
 * parameters are reported.
 */
export function checkModel(parsed: Api): { api: Api; added: Diagnostic[] } {
  const limited = limitFieldDepth(parsed);
  const clashes = reservedParamClashes(limited.api);
  const api =
    clashes.length === 0
      ? limited.api
      : { ...limited.api, diagnostics: [...limited.api.diagnostics, ...clashes] };
  return { api, added: [...limited.diagnostics, ...clashes] };
}

/** What the emitter can turn into a module path (src/apis/<name>.ts). */
const API_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns parsed docs into the set of APIs to generate. A doc with errors (or warnings under `strict`) is left
 * out and named in `failedFiles`; the others go on. Two docs for one API: the first by file path wins.
 */
export function buildModel(docs: readonly ParsedDoc[], options: BuildModelOptions = {}): ModelResult {
  const ordered = [...docs].sort((a, b) => byName(a.file, b.file));
  const firstFileOf = new Map<string, string>();
  const apis: Api[] = [];
  const diagnostics: Diagnostic[] = [];
  const failedFiles: string[] = [];
  for (const doc of ordered) {
    const docDiagnostics = [...doc.diagnostics];
    const api = doc.api;
    if (api !== undefined && !API_NAME.test(api.api))
      docDiagnostics.push(
        diagnostic(
          'error',
          'invalid-api-name',
          `API name ${JSON.stringify(api.api)} cannot name a module; this doc is skipped.`,
          {
            file: doc.file,
            expected: 'letters, digits, dots, dashes and underscores, e.g. taobao.user.seller.get',
            found: JSON.stringify(api.api),
          },
        ),
      );
    else if (api !== undefined) {
      // Module files are named after the API; on case-insensitive file systems `A.b` and `a.b` would clash.
      const key = api.api.toLowerCase();
      const first = firstFileOf.get(key);
      if (first === undefined) firstFileOf.set(key, doc.file);
      else
        docDiagnostics.push(
          diagnostic(
            'error',
            'duplicate-api',
            `API ${api.api} is already defined by ${first} (API names are compared ignoring case); this doc is skipped.`,
            {
              file: doc.file,
              expected: 'one doc per API name',
              found: `a second doc for ${api.api}`,
            },
          ),
        );
    }
    diagnostics.push(...docDiagnostics);
    const failed =
      hasErrors(docDiagnostics) ||
      (options.strict === true && docDiagnostics.some((d) => d.severity === 'warning'));
    if (api === undefined || failed) failedFiles.push(doc.file);
    else apis.push(api);
  }
  apis.sort((a, b) => byName(a.api, b.api));
  return { apis, diagnostics, failedFiles };
}

/**
 * Emits the package for a model. Should emitting fail on one API (a defect in topgen that some doc triggers),
 * that doc costs only itself: each API is tried alone to find the culprits, which are reported as
 * `internal-error` and skipped, and the rest is emitted. A failure no single API explains is rethrown.
 */
export function emitIsolatingFailures(
  model: ModelResult,
  emit: (apis: readonly Api[]) => GeneratedFiles,
): GenerateResult {
  try {
    return { ...model, files: emit(model.apis) };
  } catch (error) {
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

/** The whole pipeline in memory: parse every input, build the model, emit the package. No disk access. */
export function generate(
  inputs: readonly InputDoc[],
  options: BuildModelOptions & EmitOptions,
): GenerateResult {
  const model = buildModel(inputs.map(parseInput), options);
  return emitIsolatingFailures(model, (apis) => emitPackage(apis, options));
}
