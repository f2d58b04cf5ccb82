import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  buildModel,
  resolveKinds,
  type BuildModelOptions,
  type ModelResult,
  type ParsedDoc,
} from '../model/passes/index.js';
import type { InputDoc } from '../parse/input.js';
import { parseInput } from '../pipeline.js';
import type { Api, DocApi } from '../model/types.js';
import { discoverInputs, readInput } from './inputs.js';
import { InputError } from './errors.js';
import { createProgress } from './report.js';

export interface LoadedModel extends ModelResult {
  /** Number of input docs found (readable or not). */
  readonly docCount: number;
}

/**
 * Reads and parses every doc under `paths`, one after another, with a progress line on a terminal for large
 * runs. (Worker threads were measured: on two cores they were slower and used more memory, because the
 * models and module texts have to be copied back to this thread.)
 */
export async function loadModel(
  paths: readonly string[],
  strict: boolean,
  parse: (input: InputDoc) => ParsedDoc = parseInput,
  options: Omit<BuildModelOptions, 'strict'> = {},
  outDir?: string,
): Promise<LoadedModel> {
  for (const path of paths) if (!existsSync(path)) throw new InputError(`input ${path} does not exist`);
  // An output folder inside an input folder is never read back as docs. Each doc is read once: no stamps.
  const discovered = await discoverInputs(paths, outDir === undefined ? [] : [outDir], { stamps: false });
  const docCount = discovered.entries.length + discovered.unreadable.length;
  if (docCount === 0) throw new InputError(`no doc files found in ${paths.join(', ')}`);
  const progress = createProgress(discovered.entries.length, 'parsing');
  const docs: ParsedDoc[] = discovered.unreadable.map((file) => ({ file, diagnostics: [] }));
  for (const entry of discovered.entries) {
    const read = readInput(entry);
    docs.push('input' in read ? parse(read.input) : { file: entry.file, diagnostics: [read.error] });
    progress.tick();
  }
  progress.done();
  const model = buildModel(docs, { ...options, strict });
  return { ...model, diagnostics: [...discovered.diagnostics, ...model.diagnostics], docCount };
}

/** True when `path` is a JSON file holding a model array as printed by `topgen parse --json`. */
async function readModelFile(path: string): Promise<Api[] | undefined> {
  if (!path.endsWith('.json') || !statSync(path).isFile()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
  const isModel =
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' && item !== null && 'api' in item && 'request' in item && 'response' in item,
    );
  if (!isModel) return undefined;
  // Kinds are derived data: a saved model gets them from the kinds pass, whether it carries them or not.
  try {
    return (value as DocApi[]).map((api, index) => {
      if (typeof api.api !== 'string' || !Array.isArray(api.request) || !Array.isArray(api.response))
        throw new Error(`entry ${index} needs a string "api" and "request" and "response" arrays`);
      return resolveKinds(api);
    });
  } catch (error) {
    throw new InputError(
      `${path} looks like a saved model (topgen parse --json) but is not one: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** `diff` takes docs (files or folders) or a saved model (`topgen parse --json > model.json`). */
export async function loadApis(path: string, strict: boolean): Promise<LoadedModel> {
  if (!existsSync(path)) throw new InputError(`${path} does not exist`);
  const saved = await readModelFile(path);
  if (saved !== undefined) return { apis: saved, diagnostics: [], failedFiles: [], docCount: saved.length };
  return loadModel([path], strict);
}
