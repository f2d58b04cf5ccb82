/**
 * The hidden paths a run keeps beside its output folder, all named `.<out>.topgen-<role>` so that they sort
 * together, are recognised by recovery and `topgen check`, and never land inside the output itself.
 */
import { basename, dirname, join } from 'node:path';

/** `.<out>.topgen-<role>` in the output folder's parent. */
export function besideOutput(out: string, role: string): string {
  return join(dirname(out), `.${basename(out)}.topgen-${role}`);
}
