import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** The path with every link resolved, as far as it exists; a path that does not exist comes back absolute. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
