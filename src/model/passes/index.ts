/**
 * The model stage: the passes that turn what the docs say into the API model, listed in the order they run,
 * and the functions that run them. The Pipeline (src/pipeline.ts: generate, check, watch mode, the library)
 * runs the per-doc passes on each doc it reads, the select pass on the run, and the struct pass as it builds
 * each API's module; the other commands load their model through the same functions (a saved model given to
 * `topgen diff` gets its kinds from the kinds pass). Each pass is a pure function of its input, with its own
 * tests (test/model/passes/).
 *
 * Per doc, on what its reader produced (a long-lived Pipeline keeps the result with the doc's bytes):
 *   0. nesting (nesting/): which field sits inside which, with the evidence, for pages that do not write it
 *      (text and flat HTML): the readers hand their page content (rows, bullets, samples) to `resolveNesting`;
 *      an override file pins it. Doc JSON and tree-row HTML write their nesting and skip it.
 *   1. depth (depth.ts): fields nested deeper than MAX_FIELD_DEPTH are cut, with a warning
 *   2. reserved parameters (reserved-params.ts): parameters named like TOP's common parameters are reported
 *   3. kinds (kinds.ts): every field's value kind, resolved once and stored as `Field.kind`
 * Across the run:
 *   4. select (select.ts): the APIs to generate: no errors, one doc per API name, sorted, access config applied
 * Per API, when its module is built (the Pipeline's emit step; the plan lives until the module is printed):
 *   5. structs (structs.ts): which struct fields share an interface and each interface's name
 *
 * The emitter (src/emit/) then plans each module and the package from the model and the struct plans, fills
 * the templates, and returns the files; only the CLI writes them.
 */
import type { ReadDoc } from '../../parse/input.js';
import type { Api, Diagnostic, DocApi } from '../types.js';
import { limitFieldDepth } from './depth.js';
import { resolveKinds } from './kinds.js';
import { reservedParamClashes } from './reserved-params.js';
import type { ParsedDoc } from './select.js';

export { buildModel, type BuildModelOptions, type ModelResult, type ParsedDoc } from './select.js';
export { resolveFieldKinds, resolveKinds } from './kinds.js';
export { planStructs, type StructPassOptions, type StructPlan } from './structs.js';

/** Passes 1–3 on one API as its reader produced it; `added` are the diagnostics the passes found. */
export function runDocPasses(read: DocApi): { api: Api; added: Diagnostic[] } {
  const limited = limitFieldDepth(read);
  const clashes = reservedParamClashes(limited.api);
  const checked =
    clashes.length === 0
      ? limited.api
      : { ...limited.api, diagnostics: [...limited.api.diagnostics, ...clashes] };
  return { api: resolveKinds(checked), added: [...limited.diagnostics, ...clashes] };
}

/** One read doc → its model: the per-doc passes, with their diagnostics after the reader's. */
export function modelDoc(read: ReadDoc): ParsedDoc {
  if (read.api === undefined) return { file: read.file, diagnostics: read.diagnostics };
  const { api, added } = runDocPasses(read.api);
  return { file: read.file, api, diagnostics: [...read.diagnostics, ...added] };
}
