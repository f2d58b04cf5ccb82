// `topgen generate --watch` as a user runs it: the built command line in a temporary folder, docs edited
// under it (in place and by an editor-style rename), a broken doc added and removed, then Ctrl-C.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topgen } from '../helpers/cli.js';
import { until as poll } from '../helpers/poll.js';
import { DOCS_INPUT, ROOT } from '../helpers/paths.js';

const DAMAI = 'alibaba.damai.maizuo.openapi.user.register.byauthcode';
const DERBY = 'alitrip.merchant.galaxy.member.login.derby';
const DAMAI_FILE = 'alibaba_damai_maizuo_openapi_user_register_byauthcode.txt';
const DERBY_FILE = 'alitrip_merchant_galaxy_member_login_derby.txt';

/** Generous: a regeneration on a busy two-core machine can take seconds. These are limits, not sleeps. */
const WAIT_MS = 60_000;

const until = (ready: () => boolean, what: string, describe: () => string): Promise<void> =>
  poll(ready, what, describe, { timeoutMs: WAIT_MS, intervalMs: 50 });

const readIfPresent = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '');

/** Rewrites a file the way many editors save: a hidden temporary file renamed over the original. */
function saveByRename(path: string, text: string): void {
  const temp = join(path, '..', `.${Date.now()}.swp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
}

interface Watcher {
  readonly stderr: () => string;
  /** Undefined while it runs. */
  readonly exit: () => { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readonly exited: Promise<void>;
  readonly state: () => string;
  kill(signal: NodeJS.Signals): void;
}

function startWatch(cwd: string, args: readonly string[] = []): Watcher {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'topgen.js'), 'generate', '--watch', ...args], {
    cwd,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.resume();
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on('close', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  return {
    stderr: () => stderr,
    exit: () => exit,
    exited,
    state: () => `exit: ${JSON.stringify(exit)}\nstderr:\n${stderr}`,
    kill: (signal) => void child.kill(signal),
  };
}

/** Stops a watcher with `signal` and expects it to exit 0. */
async function expectCleanExit(watcher: Watcher, signal: NodeJS.Signals): Promise<void> {
  watcher.kill(signal);
  await watcher.exited;
  expect(watcher.exit(), watcher.state()).toEqual({ code: 0, signal: null });
}

/** Summary lines of a watcher's output, one per generation. */
const runs = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => /^topgen: \d+ APIs? \(/.test(line));

/** A temporary folder with the seed pages in docs-input/. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topgen-watch-'));
  mkdirSync(join(dir, 'docs-input'));
  for (const file of [DAMAI_FILE, DERBY_FILE])
    copyFileSync(join(DOCS_INPUT, file), join(dir, 'docs-input', file));
  return dir;
}

describe('topgen generate --watch', () => {
  it(
    'regenerates after each edit, reports a broken doc without stopping, and exits 0 on SIGINT',
    async () => {
      const dir = workspace();
      const docs = join(dir, 'docs-input');
      const apis = join(dir, 'generated', 'src', 'apis');
      const derbyModule = join(apis, `${DERBY}.ts`);
      const damaiModule = join(apis, `${DAMAI}.ts`);

      const watcher = startWatch(dir);
      const { state } = watcher;
      try {
        await until(
          () => watcher.stderr().includes('topgen: watching docs-input'),
          'the first generation',
          state,
        );
        expect(readFileSync(derbyModule, 'utf8')).toContain('租户标识');

        // An edit in place.
        const derbyDoc = join(docs, DERBY_FILE);
        writeFileSync(
          derbyDoc,
          readFileSync(derbyDoc, 'utf8').replace('租户标识', '租户标识 (tenant key, edited)'),
        );
        await until(
          () => readIfPresent(derbyModule).includes('租户标识 (tenant key, edited)'),
          'the edit',
          state,
        );

        // A doc that is not a doc page: reported, skipped, the watcher and the other APIs stay.
        const runsBefore = runs(watcher.stderr()).length;
        writeFileSync(join(docs, 'broken.txt'), 'just some notes\nnot a doc page\n');
        // The report, then that run's summary line (printed once its output is in place).
        await until(
          () => /docs-input\/broken\.txt(:\d+)*: error /.test(watcher.stderr()),
          'the broken doc report',
          state,
        );
        await until(
          () =>
            runs(watcher.stderr())
              .slice(runsBefore)
              .some((line) => /, 1 errors?,/.test(line)),
          'the summary of that run',
          state,
        );
        expect(watcher.exit(), state()).toBeUndefined();
        expect(readdirSync(apis).sort()).toEqual([`${DAMAI}.ts`, `${DERBY}.ts`]);
        expect(readFileSync(derbyModule, 'utf8')).toContain('租户标识 (tenant key, edited)');

        // Still watching: an editor-style save of the other doc lands too.
        const damaiDoc = join(docs, DAMAI_FILE);
        saveByRename(damaiDoc, readFileSync(damaiDoc, 'utf8').replace('手机验证码', '手机验证码 (sms code)'));
        await until(
          () => readIfPresent(damaiModule).includes('手机验证码 (sms code)'),
          'the renamed save',
          state,
        );

        // Removing the broken doc clears the error.
        const before = runs(watcher.stderr()).length;
        rmSync(join(docs, 'broken.txt'));
        await until(
          () =>
            runs(watcher.stderr())
              .slice(before)
              .some((line) => line.includes(', 0 errors,')),
          'a clean generation',
          state,
        );
        expect(readdirSync(apis).sort()).toEqual([`${DAMAI}.ts`, `${DERBY}.ts`]);
        expect(readdirSync(dir).filter((name) => name.startsWith('.generated'))).toEqual([]);
        expect(watcher.exit(), state()).toBeUndefined();

        await expectCleanExit(watcher, 'SIGINT');
      } finally {
        if (watcher.exit() === undefined) watcher.kill('SIGKILL');
      }
    },
    6 * WAIT_MS,
  );

  it(
    'keeps following a doc given as a file across several editor-style saves',
    async () => {
      const dir = workspace();
      const doc = join(dir, 'docs-input', DERBY_FILE);
      const module = join(dir, 'generated', 'src', 'apis', `${DERBY}.ts`);
      const watcher = startWatch(dir, ['-i', join('docs-input', DERBY_FILE)]);
      const { state } = watcher;
      try {
        await until(() => watcher.stderr().includes('topgen: watching'), 'the first generation', state);
        for (const edition of ['v2', 'v3', 'v4']) {
          saveByRename(doc, readFileSync(doc, 'utf8').replace(/租户标识( v\d)?/, `租户标识 ${edition}`));
          await until(() => readIfPresent(module).includes(`租户标识 ${edition}`), `save ${edition}`, state);
        }
        // Other files in its folder are not its business.
        const before = runs(watcher.stderr()).length;
        writeFileSync(join(dir, 'docs-input', 'notes.txt'), 'not a doc\n');
        writeFileSync(doc, readFileSync(doc, 'utf8').replace('租户标识 v4', '租户标识 v5'));
        await until(() => readIfPresent(module).includes('租户标识 v5'), 'the in-place edit', state);
        // The summary line follows the write; once it is out, that run's diagnostics are out too.
        await until(() => runs(watcher.stderr()).length > before, 'the summary of that run', state);
        expect(watcher.stderr()).not.toContain('notes.txt');

        await expectCleanExit(watcher, 'SIGTERM');
      } finally {
        if (watcher.exit() === undefined) watcher.kill('SIGKILL');
      }
    },
    6 * WAIT_MS,
  );

  it(
    'sees every editor-style save of a doc in a folder input, in subfolders and in folders made while watching',
    async () => {
      const dir = workspace();
      const docs = join(dir, 'docs-input');
      mkdirSync(join(docs, 'member'));
      renameSync(join(docs, DERBY_FILE), join(docs, 'member', DERBY_FILE));
      const apis = join(dir, 'generated', 'src', 'apis');
      const watcher = startWatch(dir);
      const { state } = watcher;
      /** Saves `doc` by renaming, once per edition, each edition regenerated before the next save. */
      const saveEach = async (
        doc: string,
        module: string,
        text: string,
        editions: readonly string[],
      ): Promise<void> => {
        for (const edition of editions) {
          const pattern = new RegExp(`${text}( v\\d)?`);
          saveByRename(doc, readFileSync(doc, 'utf8').replace(pattern, `${text} ${edition}`));
          await until(() => readIfPresent(module).includes(`${text} ${edition}`), `${doc} ${edition}`, state);
        }
      };
      try {
        await until(() => watcher.stderr().includes('topgen: watching'), 'the first generation', state);
        await saveEach(join(docs, DAMAI_FILE), join(apis, `${DAMAI}.ts`), '手机验证码', ['v2', 'v3', 'v4']);
        await saveEach(join(docs, 'member', DERBY_FILE), join(apis, `${DERBY}.ts`), '租户标识', [
          'v2',
          'v3',
          'v4',
        ]);

        // A folder made after watching began, two levels deep, with a doc moved into it.
        mkdirSync(join(docs, 'later', 'deeper'), { recursive: true });
        const moved = join(docs, 'later', 'deeper', DAMAI_FILE);
        renameSync(join(docs, DAMAI_FILE), moved);
        await saveEach(moved, join(apis, `${DAMAI}.ts`), '手机验证码', ['v5', 'v6', 'v7']);

        await expectCleanExit(watcher, 'SIGINT');
      } finally {
        if (watcher.exit() === undefined) watcher.kill('SIGKILL');
      }
    },
    12 * WAIT_MS,
  );

  it(
    'follows the config file and the templates it is given, and repairs a generated file deleted under it',
    async () => {
      const dir = workspace();
      writeFileSync(join(dir, 'topgen.config.json'), JSON.stringify({ packageVersion: '1.0.0' }));
      mkdirSync(join(dir, 'tpl'));
      const spec = readFileSync(join(ROOT, 'templates', 'spec.ts.hbs'), 'utf8');
      writeFileSync(join(dir, 'tpl', 'spec.ts.hbs'), spec);
      const watcher = startWatch(dir, ['--templates', 'tpl']);
      const { state } = watcher;
      const packageJson = join(dir, 'generated', 'package.json');
      const derbyModule = join(dir, 'generated', 'src', 'apis', `${DERBY}.ts`);
      try {
        await until(
          () => watcher.stderr().includes('topgen: watching docs-input'),
          'the first generation',
          state,
        );

        writeFileSync(join(dir, 'topgen.config.json'), JSON.stringify({ packageVersion: '2.0.0' }));
        await until(
          () => readIfPresent(packageJson).includes('"version": "2.0.0"'),
          'the new version',
          state,
        );

        writeFileSync(join(dir, 'tpl', 'spec.ts.hbs'), `// spec from my template\n${spec}`);
        await until(
          () => readIfPresent(derbyModule).includes('// spec from my template'),
          'the template',
          state,
        );

        // A template that does not compile is reported; the last good one stays in use.
        writeFileSync(join(dir, 'tpl', 'spec.ts.hbs'), '{{#each x}}');
        await until(
          () => watcher.stderr().includes('keeping the previous templates'),
          'the template error',
          state,
        );

        // A generated file deleted by hand (or by a git checkout) is written again by the next regeneration.
        writeFileSync(join(dir, 'tpl', 'spec.ts.hbs'), `// spec from my template\n${spec}`);
        const before = runs(watcher.stderr()).length;
        await until(() => runs(watcher.stderr()).length > before, 'the fixed template', state);
        rmSync(derbyModule);
        const damaiDoc = join(dir, 'docs-input', DAMAI_FILE);
        writeFileSync(
          damaiDoc,
          readFileSync(damaiDoc, 'utf8').replace(
            '\n用户注册-验证码方式\n',
            '\n用户注册-验证码方式 (edited)\n',
          ),
        );
        await until(() => existsSync(derbyModule), 'the deleted module back', state);
        await expectCleanExit(watcher, 'SIGINT');
        const check = await topgen(['check', '--templates', 'tpl'], dir);
        expect(check.status, check.stderr).toBe(0);
      } finally {
        watcher.kill('SIGKILL');
      }
    },
    12 * WAIT_MS,
  );

  it.each([['--typecheck'], ['--build'], ['--changelog-from', 'docs-input']])(
    'refuses %s with --watch (exit 2, nothing written)',
    async (...flag) => {
      const dir = workspace();
      const run = await topgen(['generate', '--watch', ...flag], dir);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain('cannot be used with --watch');
      expect(existsSync(join(dir, 'generated'))).toBe(false);
    },
  );

  it('exits 2 without writing anything when an input does not exist', async () => {
    const dir = workspace();
    const run = await topgen(['generate', '--watch', '-i', 'docs-input', '-i', 'nowhere'], dir);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('topgen: input nowhere does not exist');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });
});
