// What every generator benchmark starts from: the checkout's root, the shared corpus beside it (the benchmark
// stops when it is missing), and numeric flags.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const corpus = join(root, '..', 'shared', 'corpus', 'json');
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found; the benchmark needs the shared corpus beside the checkout.`);
  process.exit(2);
}

/** The number after `name` on the command line, or `fallback` when the flag is absent. */
export const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
