/**
 * Reads the runtime that every generated package carries: topgen's own src/runtime/**\/*.ts, keyed by posix
 * path relative to src/runtime (`client.ts`), in code unit order. Tests and declaration files are not runtime.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topgenRoot } from './package-root.js';
import { compareCodeUnits } from '../emit/print.js';

function listTs(dir: string, prefix: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) names.push(...listTs(join(dir, entry.name), `${rel}/`));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !/\.(test|spec|d)\.ts$/.test(entry.name))
      names.push(rel);
  }
  return names;
}

export function loadRuntimeSources(): ReadonlyMap<string, string> {
  const dir = join(topgenRoot(), 'src', 'runtime');
  const files = listTs(dir, '').sort(compareCodeUnits);
  return new Map(files.map((rel) => [rel, readFileSync(join(dir, ...rel.split('/')), 'utf8')]));
}
