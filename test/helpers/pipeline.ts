import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type GenerateResult, type InputDoc } from '../../src/generate.js';
import { loadRuntimeSources } from '../../src/assets/runtime-sources.js';
import { DOCS_INPUT } from './paths.js';
import { TEMPLATES } from './templates.js';

/** The options `topgen generate` uses by default (see src/cli/options.ts). */
export const DEFAULT_EMIT = {
  packageName: 'top-sdk',
  packageVersion: '0.1.0',
  defaultGateway: 'https://eco.taobao.com/router/rest',
} as const;

/** Reads a doc folder the way the CLI does, with the same display paths for the bundled inputs. */
export function readDocs(dir = DOCS_INPUT, shownAs = 'docs-input'): InputDoc[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && !name.endsWith('.overrides.json'))
    .sort()
    .map((name) => ({ file: `${shownAs}/${name}`, content: readFileSync(join(dir, name)) }));
}

export function generateInMemory(inputs: readonly InputDoc[] = readDocs()): GenerateResult {
  return generate(inputs, { ...DEFAULT_EMIT, runtimeSources: loadRuntimeSources(), templates: TEMPLATES });
}
