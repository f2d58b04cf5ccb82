/** topgen as one call: the pipeline (src/pipeline.ts) run once over in-memory inputs. No disk access. */
import type { EmitOptions, GeneratedFiles } from './emit/index.js';
import type { BuildModelOptions, ModelResult } from './model/build.js';
import type { InputDoc } from './parse/input.js';
import { Pipeline } from './pipeline.js';

export type { InputDoc, ParsedDoc } from './parse/input.js';
export type { BuildModelOptions, ModelResult } from './model/build.js';
export { parseInput } from './parse/input.js';
export { buildModel } from './model/build.js';

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
