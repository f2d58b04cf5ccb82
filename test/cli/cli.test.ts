import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
  existsSync,
  readdirSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topgen, topgenProcess } from '../helpers/cli.js';
import { DOCS_INPUT } from '../helpers/paths.js';

const DAMAI = 'alibaba_damai_maizuo_openapi_user_register_byauthcode.txt';
const DERBY = 'alitrip_merchant_galaxy_member_login_derby.txt';

function workspace(
  docs: Record<string, string | Buffer> = {},
  seeds: readonly string[] = [DAMAI, DERBY],
): string {
  const dir = mkdtempSync(join(tmpdir(), 'topgen-cli-'));
  mkdirSync(join(dir, 'docs-input'));
  for (const seed of seeds) copyFileSync(join(DOCS_INPUT, seed), join(dir, 'docs-input', seed));
  for (const [name, content] of Object.entries(docs)) writeFileSync(join(dir, 'docs-input', name), content);
  return dir;
}

describe('topgen generate / check', () => {
  it('generates into an empty folder, then check passes, then names a stale file', async () => {
    const dir = workspace();
    const generated = await topgen(['generate'], dir);
    expect(generated.stderr).toContain('2 APIs from 2 docs; 0 skipped');
    expect(generated.status).toBe(0);
    expect(existsSync(join(dir, 'generated', 'src', 'client.ts'))).toBe(true);
    expect((await topgen(['check'], dir)).status).toBe(0);

    writeFileSync(join(dir, 'generated', 'src', 'client.ts'), '// edited\n');
    const stale = await topgen(['check'], dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('stale: generated/src/client.ts');
  });

  it('is deterministic across runs and folders', async () => {
    const a = workspace();
    const b = workspace();
    await topgen(['generate'], a);
    await topgen(['generate'], b);
    const list = (dir: string) => readdirSync(join(dir, 'generated', 'src', 'apis')).sort();
    expect(list(a)).toEqual(list(b));
    for (const name of list(a))
      expect(readFileSync(join(a, 'generated', 'src', 'apis', name), 'utf8')).toBe(
        readFileSync(join(b, 'generated', 'src', 'apis', name), 'utf8'),
      );
  });

  it('skips a bad doc, generates the others and exits 1', async () => {
    const dir = workspace({ 'notes.txt': 'just some notes\nnot a doc page\n' });
    const run = await topgen(['generate'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/docs-input\/notes\.txt(:\d+)?: error [a-z-]+:/);
    expect(run.stderr).toContain('2 APIs from 3 docs; 1 skipped');
    expect(readdirSync(join(dir, 'generated', 'src', 'apis'))).toHaveLength(2);
  });

  it('reports duplicate API names across files and keeps the first', async () => {
    const dir = workspace({ 'copy-of-derby.txt': readFileSync(join(DOCS_INPUT, DERBY)) });
    const run = await topgen(['generate'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error duplicate-api: API alitrip.merchant.galaxy.member.login.derby is already defined by',
    );
  });

  it('reports a binary file and a file that is far too large', async () => {
    const dir = workspace({
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'huge.txt': Buffer.alloc(50 * 1024 * 1024, 0x61),
    });
    const run = await topgen(['generate'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/docs-input\/image\.png: error binary-file/);
    expect(run.stderr).toMatch(/docs-input\/huge\.txt: error file-too-large/);
  });

  it('follows linked docs and folders, stops at a link back to a folder it is in, and reports a dangling link', async () => {
    const dir = workspace({}, [DAMAI]);
    mkdirSync(join(dir, 'shared', 'more'), { recursive: true });
    copyFileSync(join(DOCS_INPUT, DERBY), join(dir, 'shared', 'more', DERBY));
    symlinkSync(join(dir, 'shared', 'more'), join(dir, 'docs-input', 'linked-folder'));
    symlinkSync(join(dir, 'docs-input'), join(dir, 'shared', 'more', 'loop'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'docs-input', 'dangling.txt'));
    // Editors' backup copies of a doc are not docs (they would duplicate its API).
    copyFileSync(join(DOCS_INPUT, DAMAI), join(dir, 'docs-input', `${DAMAI}~`));
    copyFileSync(join(DOCS_INPUT, DAMAI), join(dir, 'docs-input', `#${DAMAI}#`));
    const run = await topgen(['generate'], dir);
    expect(run.stderr).toContain('2 APIs from 3 docs; 1 skipped; 1 error');
    expect(run.stderr).toMatch(/docs-input\/dangling\.txt: error unreadable-file: .*ENOENT/);
    expect(readdirSync(join(dir, 'generated', 'src', 'apis')).sort()).toEqual([
      'alibaba.damai.maizuo.openapi.user.register.byauthcode.ts',
      'alitrip.merchant.galaxy.member.login.derby.ts',
    ]);
  });

  it('reads the override file next to a page given by itself, as from its folder', async () => {
    const dir = workspace({}, []);
    // The damai page without its XML example: only the order, or an override, can place the response fields.
    const page = readFileSync(join(DOCS_INPUT, DAMAI), 'utf8');
    const tag = 'alibaba_damai_maizuo_openapi_user_register_byauthcode_response>';
    const from = page.indexOf(`<${tag}`);
    const to = page.indexOf(`</${tag}`) + tag.length + 2;
    expect(from).toBeGreaterThan(0);
    writeFileSync(join(dir, 'docs-input', 'page.txt'), page.slice(0, from) + page.slice(to));
    const pin = { response: { result: ['result_msg', 'data', 'result_code', 'success'] } };
    writeFileSync(join(dir, 'docs-input', 'page.overrides.json'), JSON.stringify(pin));
    const fromFolder = await topgen(['parse', 'docs-input', '--json'], dir);
    const fromFile = await topgen(['parse', 'docs-input/page.txt', '--json'], dir);
    expect(fromFile.stdout).toBe(fromFolder.stdout);
    const [model] = JSON.parse(fromFile.stdout) as Array<{
      response: Array<{ children: Array<{ name: string }> }>;
    }>;
    expect(model?.response[0]?.children.map((f) => f.name)).toEqual([
      'result_msg',
      'data',
      'result_code',
      'success',
    ]);
  });

  it('exits 2 on an empty input folder and on a missing one', async () => {
    const dir = workspace({}, []);
    const empty = await topgen(['generate'], dir);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no doc files found in docs-input');
    const missing = await topgen(['generate', '-i', 'nowhere'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('input nowhere does not exist');
  });

  it('refuses to overwrite a folder that is not topgen output', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'generated'));
    writeFileSync(join(dir, 'generated', 'mine.txt'), 'mine');
    const run = await topgen(['generate'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('does not look like topgen output');
    expect(readFileSync(join(dir, 'generated', 'mine.txt'), 'utf8')).toBe('mine');
  });

  it('--strict turns warnings into errors', async () => {
    const truncated = readFileSync(join(DOCS_INPUT, DAMAI), 'utf8').slice(0, 900);
    const dir = workspace({ 'truncated.txt': truncated }, [DERBY]);
    const lenient = await topgen(['generate'], dir);
    expect(lenient.stderr).toMatch(/truncated\.txt:\d+: warning truncated-page/);
    const strict = await topgen(['generate', '--strict'], dir);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/truncated\.txt:\d+: error truncated-page/);
  });

  it('reads topgen.config.json and lets flags override it', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'topgen.config.json'), JSON.stringify({ out: 'sdk', packageName: '@acme/top' }));
    expect((await topgen(['generate'], dir)).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'sdk', 'package.json'), 'utf8')).name).toBe('@acme/top');
    expect((await topgen(['generate', '--out', 'other'], dir)).status).toBe(0);
    expect(existsSync(join(dir, 'other', 'package.json'))).toBe(true);
    writeFileSync(join(dir, 'topgen.config.json'), JSON.stringify({ out: 7 }));
    const bad = await topgen(['generate'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"out": expected a non-empty string, found 7');
  });

  it('takes the README example limit from the config key readmeExamples, for generate and check', async () => {
    const dir = workspace();
    const sections = () =>
      readFileSync(join(dir, 'generated', 'README.md'), 'utf8').match(/^### `/gm)?.length ?? 0;
    expect((await topgen(['generate'], dir)).status).toBe(0);
    expect(sections()).toBe(2);
    writeFileSync(join(dir, 'topgen.config.json'), JSON.stringify({ readmeExamples: 1 }));
    const stale = await topgen(['check'], dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('stale: generated/README.md');
    expect((await topgen(['generate'], dir)).status).toBe(0);
    expect(sections()).toBe(0);
    expect(readFileSync(join(dir, 'generated', 'README.md'), 'utf8')).toContain(
      'The table lists all 2 APIs; the README shows an example per API for packages of up to\n1 APIs.',
    );
  });

  it('renders with --templates (config key templates); a broken override is a usage error naming file and line', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'request-base.ts.hbs'), '{{header}}export const CUSTOM_BASE = 1;\n');
    writeFileSync(join(dir, 'topgen.config.json'), JSON.stringify({ templates: 'tpl' }));
    expect((await topgen(['generate'], dir)).status).toBe(0);
    expect(readFileSync(join(dir, 'generated', 'src', 'request-base.ts'), 'utf8')).toContain('CUSTOM_BASE');
    writeFileSync(join(dir, 'tpl', 'spec.ts.hbs'), 'export const x = 1;\n{{#if params}}\n');
    const broken = await topgen(['check', '--templates', 'tpl'], dir);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^topgen: tpl\/spec\.ts\.hbs:\d+: syntax error/m);
  });

  it('stops on an override that fails to render in an API module, and leaves the output as it was', async () => {
    const dir = workspace();
    expect((await topgen(['generate'], dir)).status).toBe(0);
    const before = readFileSync(join(dir, 'generated', 'src', 'index.ts'), 'utf8');
    mkdirSync(join(dir, 'tpl'));
    // Rendered for every struct of every API module: a template's mistake, not one doc's.
    writeFileSync(
      join(dir, 'tpl', 'interface.ts.hbs'),
      '{{doc}}export interface {{name}} {\n  {{nmae}}\n}\n',
    );
    const broken = await topgen(['generate', '--templates', 'tpl'], dir);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^topgen: tpl\/interface\.ts\.hbs:2:5: "nmae" is not defined here$/m);
    expect(broken.stderr).not.toContain('internal-error');
    expect(readFileSync(join(dir, 'generated', 'src', 'index.ts'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'generated', 'src', 'apis'))).toBe(true);
  });
});

describe('topgen parse', () => {
  it('prints the model as JSON on stdout', async () => {
    const run = await topgen(['parse', join(DOCS_INPUT, DAMAI), '--json']);
    expect(run.status).toBe(0);
    const [api] = JSON.parse(run.stdout) as Array<{
      api: string;
      response: Array<{ children: Array<{ name: string }> }>;
    }>;
    expect(api?.api).toBe('alibaba.damai.maizuo.openapi.user.register.byauthcode');
    expect(api?.response[0]?.children.map((f) => f.name)).toEqual([
      'result_msg',
      'data',
      'result_code',
      'success',
    ]);
  });
});

describe('topgen parse on a hostile title', () => {
  it('prints control and bidi characters of the doc as escapes', async () => {
    const dir = workspace();
    const doc = JSON.stringify({
      name: 'taobao.hostile.title.get',
      apiChineseName: 'clear\u001b[2J\u202eevil',
      description: 'd',
      id: 1,
      requestParams: [],
      responseParams: [],
    });
    writeFileSync(join(dir, 'docs-input', 'h.json'), doc);
    const run = await topgen(['parse', 'docs-input/h.json'], dir);
    expect(run.stdout).toBe(
      'taobao.hostile.title.get (clear\\u001b[2J\\u202eevil): 0 request params, 0 response fields\n',
    );
  });
});

describe('topgen --help', () => {
  it('lists every command', async () => {
    const run = await topgen(['--help']);
    expect(run.status).toBe(0);
    for (const command of ['generate', 'check', 'parse', 'mock', 'diff', 'openapi'])
      expect(run.stdout).toContain(`topgen ${command}`);
  });
});

describe('topgen generate --typecheck', () => {
  it('compiles the package in memory before writing it', async () => {
    const dir = workspace();
    const run = await topgen(['generate', '--typecheck'], dir);
    expect(run.stderr).toContain('2 APIs from 2 docs');
    expect(run.status).toBe(0);
    expect((await topgen(['check', '--typecheck'], dir)).status).toBe(0);
    // Two runs that each type-check the package: slow on a busy machine.
  }, 240_000);
});

describe('usage and environment errors exit 2 with a message, never 3 with a stack', () => {
  it.each([
    [
      'generate --gateway that is not a URL',
      ['generate', '--gateway', 'not a url'],
      '--gateway: expected an http(s) URL',
    ],
    ['generate --wait below 0', ['generate', '--wait', '-5'], '--wait must be a number of seconds'],
    [
      'mock --port out of range',
      ['mock', '--port', '99999', '--app-key', 'k', '--app-secret', 's'],
      '--port must be',
    ],
    [
      'mock --port not a number',
      ['mock', '--port', 'abc', '--app-key', 'k', '--app-secret', 's'],
      '--port must be',
    ],
    ['openapi -o an existing folder', ['openapi', '-o', 'docs-input'], 'EISDIR'],
    ['openapi -o under a missing folder', ['openapi', '-o', 'no/such/folder/x.json'], 'ENOENT'],
    ['diff with a broken saved model', ['diff', 'model.json', 'docs-input'], 'looks like a saved model'],
  ])('%s', async (_name, args, message) => {
    const dir = workspace();
    writeFileSync(join(dir, 'model.json'), '[{"api": 1, "request": {}, "response": []}]');
    const run = await topgen(args, dir);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('a config file with two problems: one line each', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ numbers: 5, bogus: 1 }));
    const run = await topgen(['generate', '--config', 'bad.json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('\\u000a');
    expect(run.stderr.split('\n').filter((line) => line.includes('bad.json'))).toHaveLength(2);
  });

  it('mock on a port in use', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const run = await topgen(
        ['mock', '--port', String(port), '--host', '127.0.0.1', '--app-key', 'k', '--app-secret', 's'],
        workspace(),
      );
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain('EADDRINUSE');
    } finally {
      server.close();
    }
  });
});

describe('usage errors', () => {
  // A process of its own: the exit code is what bin/topgen.js hands to the shell.
  it('an unknown flag stops the command with exit 2 before it does anything', () => {
    const dir = workspace();
    const run = topgenProcess(['generate', '--bogus'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown argument: bogus');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });
});
