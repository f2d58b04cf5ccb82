/**
 * How many cases each property runs. `npm test` runs a small, fixed-seed sample so that results are
 * reproducible and fast; `npm run fuzz` sets FUZZ_RUNS (2000) for a long run. A failure prints fast-check's
 * seed and path, which `FUZZ_SEED=<seed>` replays.
 */
import type fc from 'fast-check';

const DEFAULT_RUNS = 40;
const FIXED_SEED = 20_240_601;

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, found ${JSON.stringify(raw)}`);
  return value;
}

/** Cases per property: FUZZ_RUNS when set, else the default, scaled by `weight` for expensive properties. */
export function runs(weight = 1): number {
  const base = envNumber('FUZZ_RUNS') ?? DEFAULT_RUNS;
  return Math.max(1, Math.round(base * weight));
}

/** True for a long run (`npm run fuzz`): random seeds instead of the fixed one. */
export const LONG_RUN = envNumber('FUZZ_RUNS') !== undefined;

/**
 * fast-check parameters: the fixed seed in ordinary runs (same cases every time), FUZZ_SEED when given, and a
 * fresh seed in long runs so that each `npm run fuzz` explores new inputs.
 */
export function params<T>(weight = 1): fc.Parameters<T> {
  const seed = envNumber('FUZZ_SEED') ?? (LONG_RUN ? undefined : FIXED_SEED);
  return { numRuns: runs(weight), ...(seed === undefined ? {} : { seed }), endOnFailure: false };
}

/** A timeout for one property test: generous per case, because CI machines are slow and shared. */
export function timeoutFor(weight: number, perCaseMs: number): number {
  return Math.max(30_000, runs(weight) * perCaseMs * 4);
}
