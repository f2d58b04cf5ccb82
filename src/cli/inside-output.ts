/** The rule every path written under `--out` obeys, whoever writes it. */
import { OutputError } from './output-error.js';

/**
 * A segment that is empty, `.` or `..`: the empty path, a leading or trailing `/`, `//`, and every way of
 * leaving the folder. One regex rather than a split, as every output file is checked (twice in a large run).
 */
const UNSAFE_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** Output paths come from the emitter; still, nothing may land outside `--out`. */
export function assertInside(path: string): void {
  if (UNSAFE_SEGMENT.test(path))
    throw new OutputError(`refusing to write ${JSON.stringify(path)}: output paths must stay inside --out`);
}
