/**
 * Builds generated packages from random docs: through the whole pipeline (`generate` on rendered doc JSON and
 * form-A pages), or straight from model values (`emitPackage`) for what no doc format can carry.
 */
import { emitPackage, type GeneratedFiles } from '../../../src/emit/index.js';
import { loadRuntimeSources } from '../../../src/assets/index.js';
import { generate, type GenerateResult, type InputDoc } from '../../../src/generate.js';
import { resolveKinds } from '../../../src/model/passes/kinds.js';
import type { Api } from '../../../src/model/types.js';
import type { DocSpec } from './doc-arbitrary.js';
import { renderJson, type JsonStyle, PLAIN_STYLE } from './render-json.js';
import { renderText, PLAIN_TEXT_STYLE } from './render-text.js';
import { TEMPLATES } from '../../helpers/templates.js';

let runtime: ReadonlyMap<string, string> | undefined;

/** The real runtime, read once per test file. */
export function runtimeSources(): ReadonlyMap<string, string> {
  runtime ??= loadRuntimeSources();
  return runtime;
}

export const EMIT_OPTIONS = {
  packageName: 'fuzz-sdk',
  packageVersion: '0.0.1',
  defaultGateway: 'https://eco.taobao.com/router/rest',
} as const;

export interface Inputs {
  readonly json: readonly DocSpec[];
  readonly text: readonly DocSpec[];
  readonly jsonStyle?: JsonStyle;
}

/** Doc JSON files and form-A pages for the docs, with distinct file names. */
export function inputDocs(inputs: Inputs): InputDoc[] {
  return [
    ...inputs.json.map((doc, i) => ({
      file: `docs/${i}.json`,
      content: renderJson(doc, inputs.jsonStyle ?? PLAIN_STYLE),
    })),
    ...inputs.text.map((doc, i) => ({ file: `docs/${i}.txt`, content: renderText(doc, PLAIN_TEXT_STYLE) })),
  ];
}

export function generatePackage(inputs: Inputs, options: { readonly strict?: boolean } = {}): GenerateResult {
  return generate(inputDocs(inputs), {
    ...EMIT_OPTIONS,
    ...options,
    runtimeSources: runtimeSources(),
    templates: TEMPLATES,
  });
}

/** Model APIs for docs that skip the readers; `file` is doc text too (it is shown in generated headers). */
export function modelApis(docs: readonly DocSpec[], file: (index: number) => string): Api[] {
  return docs.map((doc, i) =>
    resolveKinds({ ...doc, source: { file: file(i), format: 'json' }, diagnostics: [] }),
  );
}

/** Emits model APIs; `gateway` is written into the client as a string literal, so it is doc-like text too. */
export function emitModel(
  apis: readonly Api[],
  gateway: string = EMIT_OPTIONS.defaultGateway,
): GeneratedFiles {
  return emitPackage(apis, {
    ...EMIT_OPTIONS,
    defaultGateway: gateway,
    runtimeSources: runtimeSources(),
    templates: TEMPLATES,
  });
}

/** The generated files that are not the verbatim runtime copy. */
export function generatedSources(files: GeneratedFiles): [string, string][] {
  return [...files].filter(([path]) => path.endsWith('.ts') && !path.startsWith('src/runtime/'));
}
