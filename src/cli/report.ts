import { formatDiagnostic } from '../model/diagnostics.js';
import type { Diagnostic } from '../model/types.js';

/** Under --strict a warning is reported as what it then is: an error. */
export function effectiveDiagnostics(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return strict
    ? diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d))
    : [...diagnostics];
}

/**
 * Prints errors and warnings; notes (`info`: e.g. an example/description split the page left open) only with
 * --verbose, otherwise counted in one line so a large run stays readable.
 */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  write: (line: string) => void,
  verbose = false,
): void {
  let hidden = 0;
  for (const d of diagnostics) {
    if (d.severity === 'info' && !verbose) hidden++;
    else write(formatDiagnostic(d));
  }
  if (hidden > 0) write(`topgen: ${hidden} note${hidden === 1 ? '' : 's'} not shown (--verbose shows them)`);
}

/** `1 API`, `2 APIs`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** Where progress is drawn: stderr, or a test's stand-in. */
export interface ProgressTarget {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Runs this small finish too quickly for a progress line to help. */
const PROGRESS_FROM = 200;

/** A one-line progress counter on an interactive terminal; silent in CI, in pipes and for small runs. */
export function createProgress(
  total: number,
  label: string,
  stream: ProgressTarget = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): { tick(count?: number): void; done(): void } {
  const enabled = stream.isTTY === true && env.CI === undefined && total > PROGRESS_FROM;
  if (!enabled) return { tick() {}, done() {} };
  let count = 0;
  let lastDrawn = 0;
  return {
    tick(step = 1) {
      count += step;
      const now = Date.now();
      if (now - lastDrawn < 50 && count < total) return;
      lastDrawn = now;
      stream.write(`\r${label} ${count}/${total} (${Math.floor((count / total) * 100)}%)`);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
