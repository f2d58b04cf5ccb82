// topgen as a library: the same pipeline the command line runs. Only the asset loaders (runtime sources,
// templates) read the disk; generate() and emitPackage() take what they load.
export { generate, buildModel, parseInput } from './generate.js';
export type { InputDoc, ParsedDoc, ModelResult, GenerateResult, BuildModelOptions } from './generate.js';
export { parseDocument } from './parse/index.js';
export { emitPackage, compileTemplates, TemplateError, TEMPLATE_FILES } from './emit/index.js';
export type { EmitOptions, GeneratedFiles, Templates, TemplateSources } from './emit/index.js';
export { loadRuntimeSources, loadTemplates, loadTemplateSources } from './assets/index.js';
export { diffApis, formatDiffText, formatDiffJson, hasBreaking, formatChangelogEntry } from './diff/index.js';
export { toOpenApi, stringifyOpenApi } from './openapi/index.js';
export { typeKind } from './model/type-kind.js';
export { resolveKinds, runDocPasses } from './model/passes/index.js';
export { formatDiagnostic } from './model/diagnostics.js';
export type * from './model/types.js';
