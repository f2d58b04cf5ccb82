/**
 * The type packages a generated package needs to compile (Node's APIs, and the fetch types @types/node depends
 * on), read from the nearest node_modules: around the output folder, the working directory or topgen itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPE_PACKAGES = ['@types/node', 'undici-types'] as const;

/** The nearest `node_modules/<name>` from `start` upwards. */
function findPackage(start: string, name: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export type TypePackages =
  | { readonly found: ReadonlyMap<string, ReadonlyMap<string, string>> }
  | { readonly missing: readonly string[] };

/** The `.d.ts` files and package.json of each type package, by package-relative posix path. */
export function readTypePackages(searchFrom: readonly string[]): TypePackages {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = new Map<string, ReadonlyMap<string, string>>();
  const missing: string[] = [];
  for (const name of TYPE_PACKAGES) {
    const dir = [...searchFrom, here].map((start) => findPackage(start, name)).find((d) => d !== undefined);
    if (dir === undefined) {
      missing.push(name);
      continue;
    }
    const files = new Map<string, string>();
    for (const path of listFiles(dir))
      if (path.endsWith('.d.ts') || path.endsWith('package.json'))
        files.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    found.set(name, files);
  }
  return missing.length > 0 ? { missing } : { found };
}
