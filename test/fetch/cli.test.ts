import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topgen } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { sampleDoc, startFixtureSite, type FixtureApi, type FixtureSite } from './fixture-site.js';

let site: FixtureSite;
beforeAll(async () => {
  const apis: FixtureApi[] = [
    'taobao.fixture.user.get',
    'taobao.fixture.trade.get',
    'taobao.fixture.item.get',
  ].map((name, i) => ({
    id: 500 + i,
    name,
    category: i === 0 ? '用户API' : '交易API',
    doc: sampleDoc(name, `接口${i}`),
  }));
  site = await startFixtureSite(apis);
});
afterAll(() => site.close());

describe('topgen fetch (command line)', () => {
  it('fetches, checks, reports changes and failures, and feeds generate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topgen-fetch-cli-'));
    const flags = ['--site', site.url];
    const first = await topgen(['fetch', '--all', ...flags], dir);
    expect(first.stderr).toBe(
      'topgen: fetched 3 of 3 APIs: 0 unchanged, 0 changed, 3 added, 0 gone, 0 failed\n',
    );
    expect(first.status).toBe(0);
    expect(readdirSync(join(dir, 'docs-input'))).toEqual([
      '.topgen-fetch.json',
      'taobao.fixture.item.get.json',
      'taobao.fixture.trade.get.json',
      'taobao.fixture.user.get.json',
    ]);

    // What the release was generated from, as the README's docs-changed loop keeps it.
    cpSync(join(dir, 'docs-input'), join(dir, 'released-docs'), { recursive: true });

    // Nothing changed upstream: the check passes.
    const clean = await topgen(['fetch', '--check', ...flags], dir);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('');

    const user = site.apis[0] as FixtureApi;
    const saved = readFileSync(join(dir, 'docs-input', 'taobao.fixture.user.get.json'), 'utf8');
    user.doc = user.doc.replace(
      '"requestParams":[',
      '"requestParams":[{"name":"fields","type":"String","required":false,"description":"返回字段"},',
    );
    const dry = await topgen(['fetch', '--dry-run', ...flags], dir);
    expect(dry.status).toBe(1);
    expect(dry.stdout).toBe('would be changed taobao.fixture.user.get (taobao.fixture.user.get.json)\n');
    expect(dry.stderr).toContain('1 changed');
    expect(readFileSync(join(dir, 'docs-input', 'taobao.fixture.user.get.json'), 'utf8')).toBe(saved);

    site.missing.add('taobao.fixture.trade.get');
    const partial = await topgen(['fetch', ...flags], dir);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain(
      'topgen: failed taobao.fixture.trade.get (id 501): the site answered success: false (DOC_NOT_FOUND: 文档不存在); docs-input/taobao.fixture.trade.get.json is kept as it was',
    );
    expect(partial.stderr).toContain(
      'fetched 2 of 3 APIs: 1 unchanged, 1 changed, 0 added, 0 gone, 1 failed',
    );
    site.missing.clear();

    // The rest of the loop: a compatible change passes the diff, and the changelog entry names it.
    const diff = await topgen(['diff', 'released-docs', 'docs-input', '--fail-on-breaking'], dir);
    expect(diff.status).toBe(0);
    const generated = await topgen(['generate', '--changelog-from', 'released-docs'], dir);
    expect(generated.stderr).toContain('3 APIs from 3 docs; 0 skipped; 0 errors');
    expect(generated.status).toBe(0);
    expect(readFileSync(join(dir, 'generated', 'CHANGELOG.md'), 'utf8')).toContain(
      '### Added\n\n- `taobao.fixture.user.get` `request.fields`',
    );
  });

  it('takes the APIs, categories and folder from the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topgen-fetch-cli-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(
      join(dir, 'topgen.config.json'),
      JSON.stringify({
        input: ['docs'],
        fetch: { apis: ['taobao.fixture.item.get'], categories: ['用户API'], site: site.url },
      }),
    );
    const run = await topgen(['fetch'], dir);
    expect(run.stderr).toContain('fetched 2 of 2 APIs');
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'docs'))).toEqual([
      '.topgen-fetch.json',
      'taobao.fixture.item.get.json',
      'taobao.fixture.user.get.json',
    ]);
  });

  it('exits 2 on usage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topgen-fetch-cli-'));
    const unknown = await topgen(['fetch', 'taobao.no.such.api', '--site', site.url], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('API "taobao.no.such.api" is not in the site\'s catalogue');
  });

  it('prints what the site says with its control characters escaped', async () => {
    const hostile = await startFixtureSite([
      {
        id: 900,
        name: 'taobao.fixture.hostile\u001b[2J.get',
        category: '用户API\u202e',
        doc: sampleDoc('taobao.fixture.hostile.get', '接口'),
      },
      {
        id: 901,
        name: 'taobao.fixture.gone.get',
        category: '用户API',
        doc: sampleDoc('taobao.fixture.gone.get', 'x'),
      },
    ]);
    try {
      hostile.missing.add('taobao.fixture.gone.get');
      const dir = mkdtempSync(join(tmpdir(), 'topgen-fetch-cli-'));
      const run = await topgen(['fetch', '--all', '--verbose', '--site', hostile.url], dir);
      const printed = run.stdout + run.stderr;
      // eslint-disable-next-line no-control-regex -- the point: no raw control or bidi character reaches the terminal
      expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
      expect(printed).toContain('\\u001b[2J');
    } finally {
      await hostile.close();
    }
  });

  it('explains every flag in --help', async () => {
    const help = await topgen(['fetch', '--help'], ROOT);
    expect(help.status).toBe(0);
    for (const flag of [
      '--category',
      '--all',
      '--out',
      '--site',
      '--concurrency',
      '--timeout',
      '--dry-run',
      '--check',
      '--prune',
      '--config',
    ])
      expect(help.stdout).toContain(flag);
  });
});
