// Output folders as a busy build meets them: concurrent runs, links, read-only folders, files, an --out inside
// the input, interrupted swaps, and locks or temp folders left by other (live or dead) runs.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/cli/lock.js';
import {
  OutputError,
  preflightOutput,
  recoverInterruptedSwap,
  writeTreeAtomic,
} from '../../src/cli/output.js';
import { topgen } from '../helpers/cli.js';
import { DOCS_INPUT, ROOT } from '../helpers/paths.js';

const files = (entries: Record<string, string>): ReadonlyMap<string, string> =>
  new Map(Object.entries(entries));
const base = { 'src/runtime/client.ts': 'runtime\n', 'src/index.ts': 'index\n', 'package.json': '{}\n' };
const ONE_DOC = 'alitrip_merchant_galaxy_member_login_derby.txt';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'topgen-hostile-'));

/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function projectWithOneDoc(): string {
  const work = freshDir();
  mkdirSync(join(work, 'docs-input'));
  cpSync(join(DOCS_INPUT, ONE_DOC), join(work, 'docs-input', ONE_DOC));
  return work;
}

/**
 * A real `topgen generate` process kept for several runs: `run` calls the built CLI's main() in it, so runs in two
 * such processes race on the output folder exactly as two separate commands do (other pids, their own locks and
 * renames), without paying Node and module start-up for every run.
 */
interface GenerateProcess {
  run(args: readonly string[]): Promise<{ code: number; stderr: string }>;
  close(): Promise<void>;
}

const GENERATE_SERVER = `
import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)};
process.on('message', async (args) => process.send(await main(['generate', ...args])));
process.send('ready');
`;

async function generateProcess(cwd: string): Promise<GenerateProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', GENERATE_SERVER], {
    cwd,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const next = (): Promise<unknown> =>
    new Promise((resolve, reject) => {
      child.once('message', resolve);
      void exited.then(() => reject(new Error(`generate process exited: ${stderr}`)));
    });
  await next();
  return {
    async run(args) {
      stderr = '';
      child.send(args);
      return { code: (await next()) as number, stderr };
    },
    close() {
      child.disconnect();
      return exited;
    },
  };
}

function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listTree(dir, rel) : [rel];
  });
}

describe('two generate runs into one folder', () => {
  it('never swap in a partial tree, whichever finishes first', async () => {
    const work = projectWithOneDoc();
    expect((await topgen(['generate'], work)).status).toBe(0);
    const complete = listTree(join(work, 'generated')).sort();
    const writers = await Promise.all([generateProcess(work), generateProcess(work)]);
    try {
      // Each round both runs change every version-bearing file, so both really write (and swap) the tree.
      for (let round = 0; round < 10; round++) {
        const versions = [`1.${round}.0`, `2.${round}.0`];
        const runs = await Promise.all(
          writers.map((writer, i) => writer.run(['--package-version', versions[i] as string])),
        );
        for (const run of runs) expect(run.code, run.stderr).toBe(0);
        expect(listTree(join(work, 'generated')).sort()).toEqual(complete);
        const version = (
          JSON.parse(readFileSync(join(work, 'generated/package.json'), 'utf8')) as { version: string }
        ).version;
        expect(versions).toContain(version);
        expect(readdirSync(work).sort()).toEqual(['docs-input', 'generated']);
      }
    } finally {
      await Promise.all(writers.map((writer) => writer.close()));
    }
  }, 120_000);
});

describe('checking --out while another run swaps it', () => {
  it('takes a tree swapped away mid-walk for neither an error nor a read-only folder', async () => {
    const parent = freshDir();
    const out = join(parent, 'generated');
    const deep = { ...base, 'src/apis/a/b/c.ts': 'c\n', 'src/apis/d/e.ts': 'e\n' };
    await writeTreeAtomic(out, files(deep));
    // Another process swaps the output away and back, as fast as it can, while this one checks it.
    const swapper = spawn(
      process.execPath,
      [
        '-e',
        `const { renameSync } = require('node:fs');
         const [out, aside] = process.argv.slice(1);
         for (;;) { try { renameSync(out, aside); renameSync(aside, out); } catch {} }`,
        out,
        join(parent, 'aside'),
      ],
      { stdio: 'ignore' },
    );
    try {
      const until = Date.now() + 1500;
      let checks = 0;
      while (Date.now() < until) {
        expect(() => preflightOutput(out)).not.toThrow();
        checks++;
        if (checks % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      expect(checks).toBeGreaterThan(100);
    } finally {
      swapper.kill('SIGKILL');
    }
  });
});

describe('the output lock', () => {
  it('makes a second writer wait, and gives up naming the holder', async () => {
    const parent = freshDir();
    const lock = join(parent, '.generated.topgen-lock');
    const release = await acquireLock(lock);
    const waits: string[] = [];
    await expect(
      writeTreeAtomic(join(parent, 'generated'), files(base), {
        timeoutMs: 200,
        onWait: (line) => waits.push(line),
      }),
    ).rejects.toThrow(new RegExp(`process ${process.pid} .*holds`));
    expect(waits).toEqual([expect.stringMatching(`waiting for process ${process.pid}`)]);
    expect(existsSync(join(parent, 'generated'))).toBe(false);
    release();
    await writeTreeAtomic(join(parent, 'generated'), files(base));
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('names its holder and leaves no draft beside it (it is written whole, then linked into place)', async () => {
    const parent = freshDir();
    const lock = join(parent, '.generated.topgen-lock');
    const release = await acquireLock(lock);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(readdirSync(parent)).toEqual(['.generated.topgen-lock']);
    release();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('takes over the lock of a process that no longer exists', async () => {
    const parent = freshDir();
    const pid = deadPid();
    writeFileSync(
      join(parent, '.generated.topgen-lock'),
      JSON.stringify({ pid, host: hostname(), since: 'then', command: 'topgen' }),
    );
    await writeTreeAtomic(join(parent, 'generated'), files(base), { timeoutMs: 0 });
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('stops the command line with exit 2 naming a live holder under --wait 0, and takes over once it died', async () => {
    const work = projectWithOneDoc();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const lock = JSON.stringify({
      pid: holder.pid,
      host: hostname(),
      since: 'now',
      command: 'topgen generate',
    });
    writeFileSync(join(work, '.generated.topgen-lock'), lock);
    try {
      const run = await topgen(['generate', '--wait', '0'], work);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`process ${holder.pid} (topgen generate, since now) holds`);
      expect(existsSync(join(work, 'generated'))).toBe(false);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    expect((await topgen(['generate', '--wait', '0'], work)).status).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['docs-input', 'generated']);
  });
});

describe('recovery', () => {
  it('never touches the temp folder of a run that is still alive', async () => {
    const parent = freshDir();
    const out = join(parent, 'generated');
    await writeTreeAtomic(out, files(base));
    const live = join(parent, `.generated.topgen-tmp-${process.ppid}`);
    const dead = join(parent, `.generated.topgen-tmp-${deadPid()}`);
    mkdirSync(live);
    mkdirSync(dead);
    await recoverInterruptedSwap(out);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(dead)).toBe(false);
  });

  it('is explained by check and done by generate after a kill between the two renames', async () => {
    const work = projectWithOneDoc();
    expect((await topgen(['generate'], work)).status).toBe(0);
    renameSync(join(work, 'generated'), join(work, '.generated.topgen-old'));
    const check = await topgen(['check'], work);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/interrupted while swapping.*Run "topgen generate" to restore/);
    expect((await topgen(['generate'], work)).status).toBe(0);
    expect((await topgen(['check'], work)).status).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['docs-input', 'generated']);
  });
});

describe('odd --out folders', () => {
  it('writes through a symlinked --out and keeps the link', async () => {
    const work = projectWithOneDoc();
    mkdirSync(join(work, 'real'));
    symlinkSync('real', join(work, 'generated'));
    expect((await topgen(['generate'], work)).status).toBe(0);
    expect((await topgen(['generate', '--package-version', '2.0.0'], work)).status).toBe(0);
    expect(lstatSync(join(work, 'generated')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(work, 'real/package.json'), 'utf8')).toContain('"version": "2.0.0"');
    expect((await topgen(['check', '--package-version', '2.0.0'], work)).status).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['docs-input', 'generated', 'real']);
  });

  it.each([
    ['a file', (out: string) => writeFileSync(out, 'x'), /is a file/],
    [
      'a dangling link',
      (out: string) => symlinkSync('nowhere', out),
      /symlink to a folder that does not exist/,
    ],
  ])('refuses %s as --out with exit 2', async (_what, make, message) => {
    const work = projectWithOneDoc();
    make(join(work, 'generated'));
    for (const command of ['generate', 'check']) {
      const run = await topgen([command], work);
      expect(run.status, command).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(readdirSync(work).sort()).toEqual(['docs-input', 'generated']);
  });

  it('refuses a read-only --out with exit 2 and leaves it as it was', async () => {
    const work = projectWithOneDoc();
    expect((await topgen(['generate'], work)).status).toBe(0);
    const before = listTree(join(work, 'generated'));
    chmodSync(join(work, 'generated'), 0o555);
    try {
      const run = await topgen(['generate', '--package-version', '3.0.0'], work);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/read-only/);
    } finally {
      chmodSync(join(work, 'generated'), 0o755);
    }
    expect(listTree(join(work, 'generated'))).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['docs-input', 'generated']);
    expect((await topgen(['generate', '--package-version', '3.0.0'], work)).status).toBe(0);
  });

  it('never reads an --out inside the input folder as input', async () => {
    const work = projectWithOneDoc();
    for (let run = 0; run < 2; run++) {
      const result = await topgen(['generate', '-o', join(work, 'docs-input/sdk')], work);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/1 API from 1 doc; 0 skipped; 0 errors/);
    }
  });

  it('refuses, with exit 2, an input folder inside --out (each run would delete it with the old tree)', async () => {
    const work = projectWithOneDoc();
    expect((await topgen(['generate'], work)).status).toBe(0);
    cpSync(join(work, 'docs-input'), join(work, 'generated', 'docs'), { recursive: true });
    const before = listTree(join(work, 'generated'));
    for (const input of ['generated/docs', 'generated', join(work, 'generated', 'docs')]) {
      const run = await topgen(['generate', '-i', input], work);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(`input ${input} is inside --out generated, which each run replaces whole`);
    }
    // Through a link to a folder inside --out, too.
    symlinkSync(join(work, 'generated', 'docs'), join(work, 'linked-docs'));
    expect((await topgen(['generate', '-i', 'linked-docs'], work)).status).toBe(2);
    expect(listTree(join(work, 'generated'))).toEqual(before);
  });

  it('refuses, with exit 2 and before parsing, an --out whose parent is a file', async () => {
    const work = projectWithOneDoc();
    writeFileSync(join(work, 'afile'), 'not a folder');
    const run = await topgen(['generate', '-o', 'afile/sub'], work);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot write afile/sub:');
    expect(run.stderr).toContain('afile is a file, so no folder can be made inside it.');
  });

  it('rejects writes that cannot happen before touching anything', async () => {
    const parent = freshDir();
    writeFileSync(join(parent, 'generated'), 'not a folder');
    await expect(writeTreeAtomic(join(parent, 'generated'), files(base))).rejects.toBeInstanceOf(OutputError);
    expect(readdirSync(parent)).toEqual(['generated']);
  });
});
