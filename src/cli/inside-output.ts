/** The rule every path written under `--out` obeys, whoever writes it. */
import { OutputError } from './output-error.js';

/** Output paths come from the emitter; still, nothing may land outside `--out`. */
export function assertInside(path: string): void {
  if (
    path === '' ||
    path.startsWith('/') ||
    path.split('/').some((part) => part === '..' || part === '.' || part === '')
  )
    throw new OutputError(`refusing to write ${JSON.stringify(path)}: output paths must stay inside --out`);
}
