// The commands that follow a doc change (diff, generate --changelog-from, openapi, mock) run as a user runs
// them, in a temporary folder, on the seed pages and on real pages from ../shared: the command line's main() in
// this process (against src/), and `mock`, which must stop on a signal, as the built command in its own process.
import SwaggerParser from '@apidevtools/swagger-parser';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sign } from '../../src/runtime/sign.js';
import { topTimestamp } from '../../src/runtime/timestamp.js';
import { TopClient, TopError } from '../../generated/src/all.js';
import { topgen, type CliRun } from '../helpers/cli.js';
import { DOCS_INPUT, HAS_SHARED, ROOT, SHARED } from '../helpers/paths.js';

const DAMAI = 'alibaba.damai.maizuo.openapi.user.register.byauthcode';
const DERBY = 'alitrip.merchant.galaxy.member.login.derby';
const DAMAI_FILE = 'alibaba_damai_maizuo_openapi_user_register_byauthcode.txt';
const DERBY_FILE = 'alitrip_merchant_galaxy_member_login_derby.txt';

/** A process can be slow to start on a busy machine; these are limits, not sleeps. */
const START_TIMEOUT = 60_000;
/** Several command runs per test: generous on a loaded two-core machine. */
const SLOW = { timeout: 240_000 };

const show = (run: CliRun): string =>
  `exit ${String(run.status)}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;

/** Replaces `from` (which must occur) in `text`. */
function edit(text: string, from: string, to: string): string {
  expect(text, `the seed page should contain ${JSON.stringify(from)}`).toContain(from);
  return text.replace(from, to);
}

/** The damai page with `code_type` turned from Number into String, in its param bullets and its Java sample. */
function codeTypeAsString(page: string): string {
  return edit(
    edit(page, '  • └ code_type\n  • Number\n', '  • └ code_type\n  • String\n'),
    'obj1.setCodeType(1L);',
    'obj1.setCodeType("1");',
  );
}

/** The derby page with one more optional top-level request parameter. */
function withMemberLevel(page: string): string {
  const row = 'scene_source String 可选 DERBY_V1_BINDED_LOGIN';
  return edit(page, row, `member_level String 可选 GOLD 会员等级\n${row}`);
}

/** A temporary folder holding the seed pages in `docs`, optionally edited. */
function docsFolder(
  parent: string,
  name: string,
  edits: { damai?: (page: string) => string; derby?: (page: string) => string } = {},
): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  const seed = (file: string, change: ((page: string) => string) | undefined): void => {
    const page = readFileSync(join(DOCS_INPUT, file), 'utf8');
    writeFileSync(join(dir, file), change === undefined ? page : change(page));
  };
  seed(DAMAI_FILE, edits.damai);
  seed(DERBY_FILE, edits.derby);
  return dir;
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'topgen-commands-'));

interface DiffJson {
  readonly summary: { breaking: number; compatible: number; added: number; removed: number; changed: number };
  readonly changed: {
    api: string;
    changes: { path: string; kind: string; before: unknown; after: unknown; impact: string }[];
  }[];
}

describe('topgen diff', SLOW, () => {
  it('fails on a changed field type with --fail-on-breaking and names the field', async () => {
    const dir = tempDir();
    docsFolder(dir, 'old');
    docsFolder(dir, 'new', { damai: codeTypeAsString });
    const failing = await topgen(['diff', 'old', 'new', '--fail-on-breaking'], dir);
    expect(failing.status, show(failing)).toBe(1);
    expect(failing.stdout).toContain(DAMAI);
    expect(failing.stdout).toMatch(/breaking\s+request\.param0\.code_type: type Number → String/);
    expect(failing.stdout).toContain('1 breaking, 0 compatible');

    // Without the flag the same diff is a report: exit 0.
    expect((await topgen(['diff', 'old', 'new'], dir)).status).toBe(0);
    // Single pages compare like folders.
    const pages = await topgen(['diff', `old/${DAMAI_FILE}`, `new/${DAMAI_FILE}`, '--fail-on-breaking'], dir);
    expect(pages.status, show(pages)).toBe(1);
    expect(pages.stdout).toContain('request.param0.code_type');
  });

  it('passes --fail-on-breaking for a new optional request field, and reports it as compatible', async () => {
    const dir = tempDir();
    docsFolder(dir, 'old');
    docsFolder(dir, 'new', { derby: withMemberLevel });
    const run = await topgen(['diff', 'old', 'new', '--fail-on-breaking'], dir);
    expect(run.status, show(run)).toBe(0);
    expect(run.stdout).toContain(DERBY);
    expect(run.stdout).toMatch(/compatible\s+request\.member_level/);
    expect(run.stdout).toContain('0 breaking, 1 compatible');
    expect(run.stdout).not.toContain(DAMAI);
  });

  it('prints JSON that parses and classifies every change', async () => {
    const dir = tempDir();
    docsFolder(dir, 'old');
    docsFolder(dir, 'new', { damai: codeTypeAsString, derby: withMemberLevel });
    const run = await topgen(['diff', 'old', 'new', '--json'], dir);
    expect(run.status, show(run)).toBe(0);
    const diff = JSON.parse(run.stdout) as DiffJson;
    expect(diff.summary).toEqual({ breaking: 1, compatible: 1, added: 0, removed: 0, changed: 2 });
    expect(diff.changed.map(({ api, changes }) => ({ api, changes }))).toEqual([
      {
        api: DAMAI,
        changes: [
          expect.objectContaining({
            path: 'request.param0.code_type',
            kind: 'type',
            before: 'Number',
            after: 'String',
            impact: 'breaking',
          }),
        ],
      },
      {
        api: DERBY,
        changes: [
          expect.objectContaining({ path: 'request.member_level', kind: 'added', impact: 'compatible' }),
        ],
      },
    ]);
  });

  it('compares two models saved with parse --json like the docs they came from', async () => {
    const dir = tempDir();
    docsFolder(dir, 'old');
    docsFolder(dir, 'new', { damai: codeTypeAsString, derby: withMemberLevel });
    for (const side of ['old', 'new']) {
      const parsed = await topgen(['parse', side, '--json'], dir);
      expect(parsed.status, show(parsed)).toBe(0);
      writeFileSync(join(dir, `${side}.json`), parsed.stdout);
    }
    const fromModels = await topgen(['diff', 'old.json', 'new.json', '--json'], dir);
    expect(fromModels.status, show(fromModels)).toBe(0);
    expect(fromModels.stdout).toBe((await topgen(['diff', 'old', 'new', '--json'], dir)).stdout);
    expect((await topgen(['diff', 'old.json', 'new.json', '--fail-on-breaking'], dir)).status).toBe(1);
    // A saved model against docs works as well.
    expect((await topgen(['diff', 'old.json', 'new', '--json'], dir)).stdout).toBe(fromModels.stdout);
    // A model saved before fields carried their kind gets them from the kinds pass.
    const kindless = JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8'), (key, value: unknown) =>
      key === 'kind' ? undefined : value,
    ) as unknown;
    writeFileSync(join(dir, 'old-kindless.json'), JSON.stringify(kindless));
    expect(readFileSync(join(dir, 'old-kindless.json'), 'utf8')).not.toContain('"kind"');
    expect((await topgen(['diff', 'old-kindless.json', 'new.json', '--json'], dir)).stdout).toBe(
      fromModels.stdout,
    );
  });

  it('exits 2 and names a side that does not exist', async () => {
    const dir = tempDir();
    docsFolder(dir, 'old');
    const run = await topgen(['diff', 'old', 'nowhere'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nowhere does not exist');
  });
});

describe('topgen generate --changelog-from', SLOW, () => {
  it('writes CHANGELOG.md with the entry; later generate and check keep it and pass', async () => {
    const dir = tempDir();
    docsFolder(dir, 'old-docs');
    docsFolder(dir, 'docs-input', { damai: codeTypeAsString, derby: withMemberLevel });

    const first = await topgen(['generate', '--changelog-from', 'old-docs'], dir);
    expect(first.status, show(first)).toBe(0);
    const changelog = readFileSync(join(dir, 'generated', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toBe(
      [
        '# Changelog',
        '',
        '## 0.1.0',
        '',
        '### Breaking',
        '',
        `- \`${DAMAI}\` \`request.param0.code_type\`: type Number → String: calls must send the new type`,
        '',
        '### Added',
        '',
        `- \`${DERBY}\` \`request.member_level\`: new optional request field (String)`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'generated', 'src', 'apis', `${DAMAI}.ts`), 'utf8')).toContain(
      'readonly code_type: string;',
    );

    const again = await topgen(['generate'], dir);
    expect(again.status, show(again)).toBe(0);
    expect(readFileSync(join(dir, 'generated', 'CHANGELOG.md'), 'utf8')).toBe(changelog);
    const check = await topgen(['check'], dir);
    expect(check.status, show(check)).toBe(0);
    expect(check.stderr).not.toContain('CHANGELOG');

    // The next release (member_level dropped again) gets its entry on top, under the title.
    cpSync(join(dir, 'docs-input'), join(dir, 'v1-docs'), { recursive: true });
    writeFileSync(join(dir, 'docs-input', DERBY_FILE), readFileSync(join(DOCS_INPUT, DERBY_FILE)));
    const next = await topgen(['generate', '--changelog-from', 'v1-docs', '--package-version', '0.2.0'], dir);
    expect(next.status, show(next)).toBe(0);
    const updated = readFileSync(join(dir, 'generated', 'CHANGELOG.md'), 'utf8');
    expect(updated).toMatch(
      new RegExp(
        `^# Changelog\n\n## 0\\.2\\.0\n\n### Breaking\n\n- \`${DERBY}\` \`request\\.member_level\`: [^\n]+\n\n## 0\\.1\\.0\n`,
      ),
    );
    expect(updated.endsWith(changelog.slice('# Changelog\n'.length))).toBe(true);
    const recheck = await topgen(['check', '--package-version', '0.2.0'], dir);
    expect(recheck.status, show(recheck)).toBe(0);
  });

  it('takes a saved model as the previous version', async () => {
    const dir = tempDir();
    docsFolder(dir, 'old-docs');
    docsFolder(dir, 'docs-input', { damai: codeTypeAsString });
    const saved = await topgen(['parse', 'old-docs', '--json'], dir);
    writeFileSync(join(dir, 'old.json'), saved.stdout);
    const run = await topgen(['generate', '--changelog-from', 'old.json'], dir);
    expect(run.status, show(run)).toBe(0);
    expect(readFileSync(join(dir, 'generated', 'CHANGELOG.md'), 'utf8')).toContain(
      '`request.param0.code_type`: type Number → String',
    );
  });
});

describe('the same docs from another working directory', SLOW, () => {
  it('generate the same bytes, so check passes from anywhere', async () => {
    const dir = tempDir();
    docsFolder(dir, join('project', 'docs-input'));
    mkdirSync(join(dir, 'project', 'scripts'));
    const fromRoot = await topgen(['generate', '-i', 'docs-input', '-o', 'generated'], join(dir, 'project'));
    expect(fromRoot.status, show(fromRoot)).toBe(0);
    const fromBelow = await topgen(
      ['check', '-i', '../docs-input', '-o', '../generated'],
      join(dir, 'project', 'scripts'),
    );
    expect(fromBelow.status, show(fromBelow)).toBe(0);
    // From outside the project: no path of this machine goes into the package.
    const outside = tempDir();
    const fromOutside = await topgen(
      ['generate', '-i', join(dir, 'project', 'docs-input'), '-o', 'out'],
      outside,
    );
    expect(fromOutside.status, show(fromOutside)).toBe(0);
    const module = readFileSync(join(outside, 'out', 'src', 'apis', `${DERBY}.ts`), 'utf8');
    expect(module).toBe(
      readFileSync(join(dir, 'project', 'generated', 'src', 'apis', `${DERBY}.ts`), 'utf8'),
    );
    expect(module).not.toContain(dir);
  });
});

describe('publishing from the output folder', SLOW, () => {
  it('leaves the package build and its installed dev dependencies alone: check ignores them, generate keeps them', async () => {
    const dir = tempDir();
    docsFolder(dir, 'docs-input');
    expect((await topgen(['generate'], dir)).status).toBe(0);
    // What `cd generated && npm install && npm run build` leaves there.
    const artefacts = {
      'dist/index.js': 'export {};\n',
      'dist/apis/old.api.js': 'export {};\n',
      'node_modules/typescript/package.json': '{"name":"typescript"}\n',
      'node_modules/.package-lock.json': '{}\n',
      'package-lock.json': '{"lockfileVersion":3}\n',
    };
    for (const [path, text] of Object.entries(artefacts)) {
      mkdirSync(join(dir, 'generated', path, '..'), { recursive: true });
      writeFileSync(join(dir, 'generated', path), text);
    }
    const check = await topgen(['check'], dir);
    expect(check.status, show(check)).toBe(0);

    writeFileSync(
      join(dir, 'docs-input', DAMAI_FILE),
      codeTypeAsString(readFileSync(join(DOCS_INPUT, DAMAI_FILE), 'utf8')),
    );
    expect((await topgen(['check'], dir)).status).toBe(1);
    const regenerated = await topgen(['generate'], dir);
    expect(regenerated.status, show(regenerated)).toBe(0);
    expect(readFileSync(join(dir, 'generated', 'src', 'apis', `${DAMAI}.ts`), 'utf8')).toContain(
      'readonly code_type: string;',
    );
    for (const [path, text] of Object.entries(artefacts))
      expect(readFileSync(join(dir, 'generated', path), 'utf8'), path).toBe(text);
    expect((await topgen(['check'], dir)).status).toBe(0);

    // A run killed after moving node_modules into its new tree, before the swap: the next run puts it back.
    const killedTree = join(dir, '.generated.topgen-tmp-999999');
    mkdirSync(killedTree);
    renameSync(join(dir, 'generated', 'node_modules'), join(killedTree, 'node_modules'));
    expect((await topgen(['generate'], dir)).status).toBe(0);
    expect(existsSync(killedTree)).toBe(false);
    expect(readFileSync(join(dir, 'generated', 'node_modules', 'typescript', 'package.json'), 'utf8')).toBe(
      artefacts['node_modules/typescript/package.json'],
    );
  });
});

describe('topgen openapi', SLOW, () => {
  it('writes a valid OpenAPI 3.1 document with -o, and the same text on stdout without it', async () => {
    const dir = tempDir();
    docsFolder(dir, 'docs-input');
    const toFile = await topgen(['openapi', '-o', 'top.openapi.json'], dir);
    expect(toFile.status, show(toFile)).toBe(0);
    expect(toFile.stdout).toBe('');
    const text = readFileSync(join(dir, 'top.openapi.json'), 'utf8');
    const doc = JSON.parse(text) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(text).toContain(DAMAI);
    expect(text).toContain(DERBY);
    await SwaggerParser.validate(join(dir, 'top.openapi.json'));

    const toStdout = await topgen(['openapi'], dir);
    expect(toStdout.status, show(toStdout)).toBe(0);
    expect(toStdout.stdout).toBe(text);
  });

  it('uses the gateway given on the command line as the server', async () => {
    const dir = tempDir();
    docsFolder(dir, 'docs-input');
    const run = await topgen(['openapi', '--gateway', 'https://gw.example/router/rest'], dir);
    expect(run.status, show(run)).toBe(0);
    expect(run.stdout).toContain('https://gw.example/router/rest');
  });
});

/** A running command: its output so far, and a way to wait for a condition on it. */
interface Running {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Polls `ready` until it holds; fails with the output so far when the process exits or time runs out. */
  waitFor(ready: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

function start(args: readonly string[], cwd: string): Running {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'topgen.js'), ...args], {
    cwd,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let done = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(ready, what, timeoutMs = START_TIMEOUT) {
      const deadline = Date.now() + timeoutMs;
      while (!ready()) {
        if (done || Date.now() > deadline) {
          throw new Error(
            `${done ? 'exited' : 'timed out'} waiting for ${what}\nstdout:\n${out}\nstderr:\n${err}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

describe('topgen mock', SLOW, () => {
  it('answers signed calls on the URL it prints, then stops cleanly on SIGTERM', async () => {
    const mock = start(
      ['mock', '--app-key', 'k', '--app-secret', 's', '--port', '0', '-i', DOCS_INPUT],
      tempDir(),
    );
    try {
      await mock.waitFor(() => mock.stdout().includes('\n'), 'the gateway URL on stdout');
      const url = mock.stdout().split('\n')[0] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/router\/rest$/);

      const params = {
        method: DAMAI,
        app_key: 'k',
        timestamp: topTimestamp(Date.now()),
        format: 'json',
        v: '2.0',
        sign_method: 'hmac-sha256',
        param0: JSON.stringify({
          auth_code: '726311',
          ptnr_token: 'p',
          user_login_password: 'pw',
          user_phone: '139xxxx4567',
          tenant_token: 't',
          channel_token: 'c',
          code_type: 1,
        }),
      };
      const call = async (signature: string): Promise<Record<string, unknown>> => {
        const response = await fetch(url, {
          method: 'POST',
          body: new URLSearchParams({ ...params, sign: signature }),
        });
        return (await response.json()) as Record<string, unknown>;
      };
      expect(await call(sign(params, 's', 'hmac-sha256'))).toMatchObject({
        [`${DAMAI.replaceAll('.', '_')}_response`]: {
          result: { data: { user_id: '2313112' }, result_code: 201 },
        },
      });
      expect(await call(sign(params, 'wrong secret', 'hmac-sha256'))).toMatchObject({
        error_response: { code: 25, sub_code: 'isv.invalid-signature' },
      });

      // The committed generated client talks to it as to TOP.
      const client = new TopClient({ appKey: 'k', appSecret: 's', gateway: url, retries: 0 });
      const derby = await client.alitripMerchantGalaxyMemberLoginDerby({ tenant_key: '234' });
      expect(derby.result?.success).toBe(true);
      const stranger = new TopClient({ appKey: 'other', appSecret: 's', gateway: url, retries: 0 });
      await expect(stranger.alitripMerchantGalaxyMemberLoginDerby({})).rejects.toBeInstanceOf(TopError);

      mock.child.kill('SIGTERM');
      expect(await mock.exited).toEqual({ code: 0, signal: null });
      expect(mock.stderr()).toContain('topgen mock: stopped');
    } finally {
      mock.child.kill('SIGKILL');
    }
  });
});

const PAGES = join(SHARED, 'corpus', 'pages');
const JSON_DOCS = join(SHARED, 'corpus', 'json');

/** Pages that INDEX.tsv marks complete, as file names (`a.b.c` → `a_b_c.txt`). */
function completePages(): string[] {
  return readFileSync(join(PAGES, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cells) => cells[2] === 'complete')
    .map((cells) => `${(cells[0] ?? '').replaceAll('.', '_')}.txt`)
    .filter((file) => existsSync(join(PAGES, file)));
}

/** The first doc JSON (by name) of the first `count` categories. */
function someJsonDocs(count: number): string[] {
  return readdirSync(JSON_DOCS)
    .sort()
    .slice(0, count)
    .map((category) => join(category, readdirSync(join(JSON_DOCS, category)).sort()[0] ?? ''));
}

describe.skipIf(!HAS_SHARED)('real pages from the shared corpus', SLOW, () => {
  it('parse --json reads a complete page into its model', async () => {
    const [page] = completePages();
    expect(page).toBeDefined();
    const run = await topgen(['parse', join(PAGES, page ?? ''), '--json'], tempDir());
    expect(run.status, show(run)).toBe(0);
    const apis = JSON.parse(run.stdout) as { api: string; request: unknown[]; response: unknown[] }[];
    expect(apis).toHaveLength(1);
    expect(apis[0]?.api.replaceAll('.', '_')).toBe(page?.replace(/\.txt$/, ''));
    expect(apis[0]?.request.length).toBeGreaterThan(0);
  });

  it('generates a package from complete pages and doc JSON together, which check accepts and tsc compiles', async () => {
    const dir = tempDir();
    const input = join(dir, 'docs');
    mkdirSync(input);
    const pages = completePages();
    const jsonDocs = someJsonDocs(8);
    for (const page of pages) copyFileSync(join(PAGES, page), join(input, page));
    for (const doc of jsonDocs)
      copyFileSync(join(JSON_DOCS, doc), join(input, doc.split(/[\\/]/).pop() ?? ''));
    const docCount = pages.length + jsonDocs.length;

    const run = await topgen(['generate', '-i', 'docs', '-o', 'sdk'], dir);
    expect(run.status, show(run)).toBe(0);
    expect(run.stderr).toContain(`${docCount} APIs from ${docCount} docs; 0 skipped; 0 errors`);
    expect(readdirSync(join(dir, 'sdk', 'src', 'apis'))).toHaveLength(docCount);
    const check = await topgen(['check', '-i', 'docs', '-o', 'sdk'], dir);
    expect(check.status, show(check)).toBe(0);

    const tsc = topgenTsc(join(dir, 'sdk'));
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

/** Type-checks a generated package with topgen's TypeScript and @types. */
function topgenTsc(packageDir: string): CliRun {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const typeRoots = join(ROOT, 'node_modules', '@types');
  return spawnTool(process.execPath, [tsc, '-p', packageDir, '--noEmit', '--typeRoots', typeRoots]);
}

function spawnTool(command: string, args: readonly string[]): CliRun {
  const result = spawnSync(command, [...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
