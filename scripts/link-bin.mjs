// npm links the bins of dependencies, not the project's own; link ours so `npx topgen` works in this checkout.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const binDir = join(root, 'node_modules', '.bin');
const target = join(root, 'bin', 'topgen.js');
mkdirSync(binDir, { recursive: true });
rmSync(join(binDir, 'topgen'), { force: true });
symlinkSync(relative(binDir, target), join(binDir, 'topgen'));
chmodSync(target, 0o755);
