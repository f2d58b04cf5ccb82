// A generate run killed at any moment must leave the previous output whole: never a mix, never half a file.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topgen } from '../helpers/cli.js';
import { DOCS_INPUT, ROOT } from '../helpers/paths.js';
import { snapshotTree } from '../helpers/tree.js';

const SEED = readFileSync(join(DOCS_INPUT, 'alitrip_merchant_galaxy_member_login_derby.txt'), 'utf8');
const COPIES = 600;

function writeDocs(dir: string, edition: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < COPIES; i++)
    writeFileSync(
      join(dir, `api${i}.txt`),
      SEED.replace(
        'alitrip.merchant.galaxy.member.login.derby (',
        `alitrip.merchant.galaxy.member.login.derby${i} (`,
      )
        .replaceAll(
          'alitrip_merchant_galaxy_member_login_derby_response',
          `alitrip_merchant_galaxy_member_login_derby${i}_response`,
        )
        .replace('租户标识', `租户标识 ${edition}`),
    );
}

const same = (a: Map<string, string>, b: Map<string, string>): boolean =>
  a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);

function runAndKill(cwd: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'topgen.js'), 'generate'], {
      cwd,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Like runAndKill, but kills the run as soon as `ready()` holds (checked every 2 ms). */
function runAndKillWhen(cwd: string, ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'topgen.js'), 'generate'], {
      cwd,
      stdio: 'ignore',
    });
    const poll = setInterval(() => {
      if (ready()) child.kill('SIGKILL');
    }, 2);
    child.on('exit', () => {
      clearInterval(poll);
      resolve();
    });
  });
}

describe('killing generate mid-run', () => {
  it('always leaves either the previous or the new complete output', async () => {
    const work = mkdtempSync(join(tmpdir(), 'topgen-kill-'));
    writeDocs(join(work, 'docs-input'), 'v1');
    expect((await topgen(['generate'], work)).status).toBe(0);
    const before = snapshotTree(join(work, 'generated'));
    const backup = join(work, 'backup');
    cpSync(join(work, 'generated'), backup, { recursive: true });

    const expectedDir = mkdtempSync(join(tmpdir(), 'topgen-kill-expected-'));
    writeDocs(join(expectedDir, 'docs-input'), 'v2');
    expect((await topgen(['generate'], expectedDir)).status).toBe(0);
    const after = snapshotTree(join(expectedDir, 'generated'));
    expect(same(before, after)).toBe(false);

    writeDocs(join(work, 'docs-input'), 'v2');
    const outcomes = { previous: 0, next: 0 };
    for (const delay of [5, 30, 60, 100, 150, 200, 300, 450, 700, 1000]) {
      await runAndKill(work, delay);
      const out = join(work, 'generated');
      // Killed between the two renames of the swap: the previous tree waits intact beside it.
      const state = existsSync(out) ? snapshotTree(out) : snapshotTree(join(work, '.generated.topgen-old'));
      const isPrevious = same(state, before);
      expect(isPrevious || same(state, after), `after ${delay} ms the output is neither version`).toBe(true);
      if (isPrevious) outcomes.previous++;
      else outcomes.next++;
      rmSync(out, { recursive: true, force: true });
      cpSync(backup, out, { recursive: true });
    }
    // The next run cleans up whatever a killed run left beside the output and finishes the job.
    expect((await topgen(['generate'], work)).status).toBe(0);
    expect(same(snapshotTree(join(work, 'generated')), after)).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['backup', 'docs-input', 'generated']);
    expect(outcomes.previous).toBeGreaterThan(0);
  }, 120_000);

  it('into a new folder, written while it is emitted, leaves no output or the complete one', async () => {
    // 600 APIs: enough for the API modules to be written from a worker thread as they are emitted.
    const work = mkdtempSync(join(tmpdir(), 'topgen-kill-new-'));
    writeDocs(join(work, 'docs-input'), 'v1');
    const expectedDir = mkdtempSync(join(tmpdir(), 'topgen-kill-new-expected-'));
    writeDocs(join(expectedDir, 'docs-input'), 'v1');
    expect((await topgen(['generate'], expectedDir)).status).toBe(0);
    const expected = snapshotTree(join(expectedDir, 'generated'));

    const out = join(work, 'generated');
    /** API modules already written into the temp folders beside the output. */
    const stagedModules = (): number =>
      readdirSync(work)
        .filter((name) => name.startsWith('.generated.topgen-tmp-'))
        .map((name) => join(work, name, 'src', 'apis'))
        .reduce((count, apis) => count + (existsSync(apis) ? readdirSync(apis).length : 0), 0);
    const expectNoneOrComplete = (when: string): void => {
      if (existsSync(out)) {
        expect(same(snapshotTree(out), expected), `${when}: the output is incomplete`).toBe(true);
        rmSync(out, { recursive: true, force: true });
      }
    };

    // Killed the moment the worker has written its first module (a run that finished first is tried again).
    let killedWhileStaging = 0;
    for (let attempt = 0; attempt < 5 && killedWhileStaging === 0; attempt++) {
      await runAndKillWhen(work, () => stagedModules() > 0);
      if (!existsSync(out) && stagedModules() > 0) killedWhileStaging++;
      expectNoneOrComplete('killed while staging');
    }
    expect(killedWhileStaging, 'no run was killed while writing its temp folder').toBe(1);
    // And at fixed moments, from before the worker starts to after the rename.
    for (const delay of [5, 30, 100, 200, 300, 450, 600, 800, 1000, 1400]) {
      await runAndKill(work, delay);
      expectNoneOrComplete(`after ${delay} ms`);
    }
    // The killed runs' half-written temp folders are removed by the next run, which writes the whole package.
    expect((await topgen(['generate'], work)).status).toBe(0);
    expect(same(snapshotTree(out), expected)).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['docs-input', 'generated']);
  }, 120_000);
});
