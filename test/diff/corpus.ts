/**
 * The 399 real doc JSON files of the shared reference corpus (`../shared/corpus/json` next to the repository),
 * read by topgen's own reader. Tests that use them skip when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api } from '../../src/model/types.js';
import { resolveKinds } from '../../src/model/passes/kinds.js';
import { parseDocument } from '../../src/parse/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(resolve(ROOT, '../shared'), 'corpus', 'json');

export const HAS_CORPUS = existsSync(CORPUS);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return jsonFiles(path);
      return entry.name.endsWith('.json') ? [path] : [];
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface Corpus {
  readonly files: readonly string[];
  readonly apis: readonly Api[];
}

export function loadCorpus(): Corpus {
  if (!HAS_CORPUS) return { files: [], apis: [] };
  const files = jsonFiles(CORPUS);
  const apis = files.flatMap((path) => {
    const result = parseDocument(readFileSync(path), relative(ROOT, path));
    return result.api === undefined ? [] : [resolveKinds(result.api)];
  });
  return { files, apis };
}
