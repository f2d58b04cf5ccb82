/**
 * How many cases each property runs, and with which seed.
 *
 * `npm test` runs a small sample with the fixed seed every property test uses (test/setup/fast-check.ts), so
 * results are reproducible and fast. `npm run fuzz` sets FUZZ_RUNS (2000) for a long run, which draws a fresh
 * seed each time so that every long run explores new inputs. A failure prints fast-check's seed; `FC_SEED=<seed>`
 * with the same FUZZ_RUNS replays it.
 */
import type fc from 'fast-check';

const DEFAULT_RUNS = 60;

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

/** A long run (`npm run fuzz`) without a seed to replay explores with a random one. */
const EXPLORE = envNumber('FUZZ_RUNS') !== undefined && envNumber('FC_SEED') === undefined;

/** fast-check parameters for one property; `weight` scales the number of cases. */
export function params<T>(weight = 1): fc.Parameters<T> {
  return {
    numRuns: runs(weight),
    // Deliberately not reproducible: the seed is in fast-check's failure report.
    ...(EXPLORE ? { seed: Math.floor(Math.random() * 0x7fffffff) } : {}),
  };
}

/** A timeout for one property test: generous per case, because CI machines are slow and shared. */
export function timeoutFor(weight: number, perCaseMs: number): number {
  return Math.max(30_000, runs(weight) * perCaseMs * 4);
}
