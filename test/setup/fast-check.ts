import fc from 'fast-check';

// Property tests replay the same cases on every run (CI must not flake); FC_SEED explores other cases.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261128) });
