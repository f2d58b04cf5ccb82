/**
 * Sets V8 flags for the rest of the process, as `node:v8`'s setFlagsFromString does. Only the `topgen`
 * executable hands one to `main()`: the process is then topgen's alone. A host that calls `main()` in its own
 * process (a build tool, a test runner) keeps its flags as they are.
 */
export type V8FlagSetter = (flags: string) => void;

/**
 * Tunes V8 for a run that parses and emits once and exits (`generate` and `check` without `--typecheck`,
 * `--build` or `--watch`). Such a run executes each hot function a few thousand times, too few for TurboFan's
 * inlining to repay the compile work it costs: at 5,000 APIs the optimising compiler's threads spent 3.2 s of
 * CPU with inlining and 1.3 s without, on a machine whose two cores the main thread, the collector and the
 * writer share; the whole run took 0.92× the wall time and 0.88× the CPU (paired runs, `npm run bench`'s
 * corpus). Not for runs that type-check: the TypeScript compiler runs long enough to gain from inlining. The
 * flag is read each time a function is optimised, so setting it before the work starts takes effect.
 */
export function tuneForOneShotRun(setV8Flags: V8FlagSetter | undefined, typechecks: boolean): void {
  if (!typechecks) setV8Flags?.('--no-turbo-inlining');
}
