// topgen as a library: the same pipeline the command line runs, without any disk access.
export { generate, buildModel, parseInput } from './generate.js';
export type { InputDoc, ParsedDoc, ModelResult, GenerateResult, BuildModelOptions } from './generate.js';
export { parseDocument } from './parse/index.js';
export { emitPackage } from './emit/index.js';
export type { EmitOptions, GeneratedFiles } from './emit/index.js';
export { loadRuntimeSources } from './emit/runtime-sources.js';
export { diffApis, formatDiffText, formatDiffJson, hasBreaking, formatChangelogEntry } from './diff/index.js';
export { toOpenApi, stringifyOpenApi } from './openapi/index.js';
export { typeKind } from './model/type-kind.js';
export { formatDiagnostic } from './model/diagnostics.js';
export type * from './model/types.js';
