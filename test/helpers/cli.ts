import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built command line (`npm test` builds dist/ first) in `cwd`. */
export function topgen(args: readonly string[], cwd = ROOT): CliRun {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'topgen.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 1 << 26,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
