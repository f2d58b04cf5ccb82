/**
 * topgen's own package root, found from this module's location so it works from src/ (vitest) and from dist/
 * (after tsc) alike: the nearest ancestor holding package.json and src/runtime.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function topgenRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'runtime'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`topgen package root not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
