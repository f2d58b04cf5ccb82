import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from './paths.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

type Write = typeof process.stdout.write;

/** Stands in for a stream's `write`: keeps the text, reports success like a pipe that never fills. */
function collector(sink: { text: string }): Write {
  return ((chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: unknown): boolean => {
    sink.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as Write;
}

let running = false;

/**
 * Runs the command line in this process against src/ (no build needed), as a user would in `cwd`: the working
 * directory, stdout, stderr and console are swapped for the run and restored after it, and `CI` is set so no progress
 * line is drawn. Runs are serialised: they share the process's working directory and streams.
 */
export async function topgen(args: readonly string[], cwd = ROOT): Promise<CliRun> {
  if (running) throw new Error('topgen(): one in-process run at a time (they share cwd and streams)');
  running = true;
  const out = { text: '' };
  const err = { text: '' };
  const saved = {
    cwd: process.cwd(),
    ci: process.env.CI,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    log: console.log,
    error: console.error,
  };
  process.chdir(cwd);
  process.env.CI = '1';
  process.stdout.write = collector(out);
  process.stderr.write = collector(err);
  // yargs prints --help and usage through console, which the test runner captures for itself.
  console.log = (...parts: unknown[]) => void (out.text += `${parts.join(' ')}\n`);
  console.error = (...parts: unknown[]) => void (err.text += `${parts.join(' ')}\n`);
  try {
    const status = await main(args);
    return { status, stdout: out.text, stderr: err.text };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    console.log = saved.log;
    console.error = saved.error;
    if (saved.ci === undefined) delete process.env.CI;
    else process.env.CI = saved.ci;
    process.chdir(saved.cwd);
    running = false;
  }
}

/**
 * Runs the built command line (`bin/topgen.js` → dist/bundle/; `npm test` builds it first) in a process of its own.
 * Only for what needs a real process: the exit code `bin/` sets, signals, a kill mid-write.
 */
export function topgenProcess(args: readonly string[], cwd = ROOT): CliRun {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'topgen.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 1 << 26,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
