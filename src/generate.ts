/** topgen as one call: the pipeline (src/pipeline.ts) run once over in-memory inputs. No disk access. */
import type { EmitOptions, GeneratedFiles } from './emit/index.js';
import type { BuildModelOptions, ModelResult } from './model/passes/index.js';
import type { InputDoc } from './parse/input.js';
import { Pipeline } from './pipeline.js';

export type { InputDoc } from './parse/input.js';
export type { BuildModelOptions, ModelResult, ParsedDoc } from './model/passes/index.js';
export { buildModel, runDocPasses } from './model/passes/index.js';
export { emitIsolatingFailures, parseInput } from './pipeline.js';

export interface GenerateResult extends ModelResult {
  readonly files: GeneratedFiles;
}

/** The whole pipeline in memory: parse every input, build the model, emit the package. No disk access. */
export function generate(
  inputs: readonly InputDoc[],
  options: BuildModelOptions & EmitOptions,
): GenerateResult {
  const { apis, diagnostics, failedFiles, files } = new Pipeline(options).run(inputs);
  return { apis, diagnostics, failedFiles, files };
}
