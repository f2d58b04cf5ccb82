import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/cli/load.js';
import { fetchDocs, FetchSelectionError, MANIFEST_FILE, type FetchOptions } from '../../src/fetch/index.js';
import type { FileOps } from '../../src/fetch/files.js';
import { sampleDoc, startFixtureSite, type FixtureApi, type FixtureSite } from './fixture-site.js';

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

function apis(count = 3): FixtureApi[] {
  return Array.from({ length: count }, (_, i) => ({
    id: 1000 + i,
    name: `taobao.fixture.api${i}.get`,
    category: i % 2 === 0 ? '用户API' : '交易API',
    doc: sampleDoc(`taobao.fixture.api${i}.get`, `接口${i}`),
  }));
}

async function site(list = apis()): Promise<FixtureSite> {
  const started = await startFixtureSite(list);
  sites.push(started);
  return started;
}

const folder = (): string => mkdtempSync(join(tmpdir(), 'topgen-fetch-'));

/** Backoff waits are recorded, never slept. */
function options(
  s: FixtureSite,
  out: string,
  extra: Partial<FetchOptions> = {},
): FetchOptions & { delays: number[] } {
  const delays: number[] = [];
  return {
    site: s.url,
    out,
    selection: { apis: [], categories: [], all: true },
    concurrency: 4,
    dryRun: false,
    prune: false,
    timeoutMs: 5_000,
    maxAttempts: 5,
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    delays,
    ...extra,
  };
}

async function fetchOk(opts: FetchOptions) {
  const report = await fetchDocs(opts);
  if (!report.ok) throw new Error(report.reason);
  return report;
}

function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

/** Records which files are written, renamed over and deleted. */
function recordingOps(): FileOps & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    writeFile: (path, text) => writeFile(path, text),
    rename: async (from, to) => {
      written.push(to);
      await rename(from, to);
    },
    unlink,
  };
}

describe('topgen fetch against a fixture doc site', () => {
  it('writes one stable doc file per API and a manifest dotfile that generate does not read', async () => {
    const s = await site();
    const out = folder();
    const report = await fetchOk(options(s, out));
    expect(report.docs.map((d) => d.status)).toEqual(['added', 'added', 'added']);
    expect(Object.keys(files(out))).toEqual([
      MANIFEST_FILE,
      'taobao.fixture.api0.get.json',
      'taobao.fixture.api1.get.json',
      'taobao.fixture.api2.get.json',
    ]);
    const text = files(out)['taobao.fixture.api0.get.json'];
    // Known keys first, the rest sorted, the catalogue id added, numbers exactly as served, unknown keys kept.
    expect(text).toBe(`{
  "name": "taobao.fixture.api0.get",
  "apiChineseName": "接口0",
  "id": 1000,
  "description": "接口0的说明",
  "zExample": {
    "a": 2,
    "b": 1
  },
  "requestParams": [
    {
      "name": "num_iid",
      "type": "Number",
      "required": true,
      "description": "商品ID",
      "maxValue": 9223372036854775807,
      "exampleValue": "123"
    }
  ],
  "responseParams": [
    {
      "name": "ok",
      "type": "Boolean",
      "description": "是否成功"
    }
  ]
}
`);
    expect(JSON.parse(files(out)[MANIFEST_FILE] ?? '')).toEqual({
      apis: {
        'taobao.fixture.api0.get': {
          id: 1000,
          categories: ['用户API'],
          file: 'taobao.fixture.api0.get.json',
        },
        'taobao.fixture.api1.get': {
          id: 1001,
          categories: ['交易API'],
          file: 'taobao.fixture.api1.get.json',
        },
        'taobao.fixture.api2.get': {
          id: 1002,
          categories: ['用户API'],
          file: 'taobao.fixture.api2.get.json',
        },
      },
    });

    const model = await loadModel([out], false);
    expect(model.docCount).toBe(3);
    expect(model.apis.map((a) => a.api)).toEqual([
      'taobao.fixture.api0.get',
      'taobao.fixture.api1.get',
      'taobao.fixture.api2.get',
    ]);
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rewrites exactly the one doc that changed; a reordered but equal doc leaves its file alone', async () => {
    const s = await site();
    const out = folder();
    await fetchOk(options(s, out));
    const before = files(out);
    const [first, second] = s.apis as [FixtureApi, FixtureApi];
    first.doc = sampleDoc(first.name, '接口0（新）');
    // Same content, keys in another order: no change.
    second.doc = JSON.stringify(
      Object.fromEntries(Object.entries(JSON.parse(second.doc) as object).reverse()),
    );
    second.doc = second.doc.replace('9223372036854776000', '9223372036854775807');
    const ops = recordingOps();
    const report = await fetchOk(options(s, out, { fileOps: ops }));
    expect(report.docs.map((d) => [d.name, d.status])).toEqual([
      ['taobao.fixture.api0.get', 'changed'],
      ['taobao.fixture.api1.get', 'unchanged'],
      ['taobao.fixture.api2.get', 'unchanged'],
    ]);
    expect(ops.written).toEqual([join(out, 'taobao.fixture.api0.get.json')]);
    const after = files(out);
    expect(after['taobao.fixture.api0.get.json']).toContain('接口0（新）');
    for (const name of Object.keys(before))
      if (name !== 'taobao.fixture.api0.get.json') expect(after[name]).toBe(before[name]);
  });

  it('keeps the old file of a doc that fails for good, reports it by name and still writes the rest', async () => {
    const s = await site();
    const out = folder();
    await fetchOk(options(s, out));
    const before = files(out);
    s.missing.add('taobao.fixture.api1.get');
    for (const api of s.apis) api.doc = sampleDoc(api.name, '改');
    const report = await fetchOk(options(s, out));
    const failed = report.docs.find((d) => d.status === 'failed');
    expect(failed?.name).toBe('taobao.fixture.api1.get');
    expect(failed?.reason).toContain('文档不存在');
    expect(files(out)['taobao.fixture.api1.get.json']).toBe(before['taobao.fixture.api1.get.json']);
    expect(files(out)[MANIFEST_FILE]).toBe(before[MANIFEST_FILE]);
    expect(report.docs.filter((d) => d.status === 'changed')).toHaveLength(2);
    // A permanent refusal is tried once more with a fresh token (it might be a refused token), then given up.
    expect(s.docRequests.get('taobao.fixture.api1.get')).toBe(1 + 2);
  });

  it('retries transient failures with backoff, honouring Retry-After, until the doc arrives', async () => {
    const s = await site();
    const out = folder();
    s.faults.set('taobao.fixture.api0.get', [
      { kind: 'status', status: 503, retryAfter: '7' },
      { kind: 'status', status: 429 },
      { kind: 'busy' },
    ]);
    s.faults.set('taobao.fixture.api1.get', [{ kind: 'reset' }, { kind: 'not-json' }]);
    s.catalogueFaults.push({ kind: 'status', status: 502 });
    const opts = options(s, out);
    const report = await fetchOk(opts);
    expect(report.docs.every((d) => d.status === 'added')).toBe(true);
    expect(s.docRequests.get('taobao.fixture.api0.get')).toBe(4);
    expect(s.docRequests.get('taobao.fixture.api1.get')).toBe(3);
    // Backoff at random 0.5: 3/4 of 500, 1000, 2000 ms; the 503's Retry-After (7 s) is the floor of its wait.
    expect(opts.delays).toContain(7000);
    expect([...opts.delays].sort((a, b) => a - b)).toEqual([375, 375, 750, 750, 1500, 7000]);
  });

  it('gives up after the last attempt and says so', async () => {
    const s = await site();
    const out = folder();
    s.faults.set(
      'taobao.fixture.api2.get',
      Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 500 })),
    );
    const report = await fetchOk(options(s, out));
    const failed = report.docs.find((d) => d.status === 'failed');
    expect(failed?.reason).toBe('HTTP 500 (gave up after 5 attempts)');
    expect(Object.keys(files(out))).not.toContain('taobao.fixture.api2.get.json');
  });

  it('gets a fresh token when the session expires, once for all requests in flight', async () => {
    const s = await site(apis(8));
    const out = folder();
    s.faults.set('taobao.fixture.api3.get', [{ kind: 'expire-token' }]);
    const opts = options(s, out, { concurrency: 4 });
    const report = await fetchOk(opts);
    expect(report.docs.every((d) => d.status === 'added')).toBe(true);
    expect(s.stats.tokensIssued).toBe(2);
    expect(s.stats.refusedTokens).toBeGreaterThanOrEqual(1);
    expect(opts.delays).toEqual([]);
  });

  it('retries a slow answer after the timeout', async () => {
    const s = await site(apis(1));
    const out = folder();
    s.faults.set('taobao.fixture.api0.get', [{ kind: 'slow', ms: 5_000 }]);
    // Long enough for a quick answer on a busy machine; the slow one is cut off and asked again.
    const report = await fetchOk(options(s, out, { timeoutMs: 300 }));
    expect(report.docs.map((d) => d.status)).toEqual(['added']);
    expect(s.docRequests.get('taobao.fixture.api0.get')).toBeGreaterThanOrEqual(2);
  });

  it('keeps at most --concurrency requests in flight', async () => {
    const s = await site(apis(24));
    const out = folder();
    const report = await fetchOk(options(s, out, { concurrency: 3 }));
    expect(report.docs).toHaveLength(24);
    expect(s.stats.maxInFlight).toBeLessThanOrEqual(3);
    expect(s.stats.maxInFlight).toBeGreaterThan(1);
  });

  it('leaves every file old or new when writing is interrupted', async () => {
    const s = await site(apis(6));
    const out = folder();
    await fetchOk(options(s, out));
    const before = files(out);
    for (const api of s.apis) api.doc = sampleDoc(api.name, '新');
    const expected = { ...before };
    let writes = 0;
    // The third write dies half-way through its temporary file, as a killed process or a full disk would.
    const crashing: FileOps = {
      writeFile: async (path, text) => {
        if (++writes === 3) {
          await writeFile(path, text.slice(0, text.length / 2));
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        }
        await writeFile(path, text);
      },
      rename,
      unlink,
    };
    const report = await fetchOk(options(s, out, { concurrency: 1, fileOps: crashing }));
    expect(report.docs.filter((d) => d.status === 'failed')).toHaveLength(1);
    const after = files(out);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const doc of report.docs) {
      const text = after[doc.file] ?? '';
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      if (doc.status === 'failed') expect(text).toBe(expected[doc.file]);
      else expect(text).toContain('"新"');
    }
  });

  it('saves the manifest while docs arrive, so that a run stopped part way leaves what it wrote listed', async () => {
    const s = await site(apis(6));
    const out = folder();
    const manifests: string[] = [];
    const recording: FileOps = {
      writeFile: async (path, text) => {
        if (path.includes(MANIFEST_FILE)) manifests.push(text);
        await writeFile(path, text);
      },
      rename,
      unlink,
    };
    await fetchOk(options(s, out, { concurrency: 1, fileOps: recording, manifestSaveMs: 0 }));
    const listed = manifests.map((text) => Object.keys((JSON.parse(text) as { apis: object }).apis).length);
    // Saved part way (some of the six listed), then whole at the end.
    expect(
      listed.some((count) => count > 0 && count < 6),
      listed.join(','),
    ).toBe(true);
    expect(listed[listed.length - 1]).toBe(6);
  });

  it('reports APIs the catalogue lists no more, and deletes them only with prune', async () => {
    const s = await site(apis(4));
    const out = folder();
    await fetchOk(options(s, out));
    const retired = s.apis.splice(3, 1)[0] as FixtureApi;
    const renamed = s.apis[2] as FixtureApi;
    const oldName = renamed.name;
    (renamed as { name: string }).name = 'taobao.fixture.renamed.get';
    const kept = await fetchOk(options(s, out, { selection: 'fromManifest' }));
    expect(kept.gone).toEqual([
      { name: oldName, file: `${oldName}.json`, renamedTo: 'taobao.fixture.renamed.get', pruned: false },
      { name: retired.name, file: `${retired.name}.json`, pruned: false },
    ]);
    // The rename is followed: the API is fetched under its new name.
    expect(kept.docs.find((d) => d.name === 'taobao.fixture.renamed.get')?.status).toBe('added');
    expect(Object.keys(files(out))).toContain(`${retired.name}.json`);

    const pruned = await fetchOk(options(s, out, { selection: 'fromManifest', prune: true }));
    expect(pruned.gone.map((g) => g.pruned)).toEqual([true, true]);
    expect(Object.keys(files(out))).toEqual([
      MANIFEST_FILE,
      'taobao.fixture.api0.get.json',
      'taobao.fixture.api1.get.json',
      'taobao.fixture.renamed.get.json',
    ]);
    const again = await fetchOk(options(s, out, { selection: 'fromManifest' }));
    expect(again.gone).toEqual([]);
  });

  it('selects by API name and by category, and writes nothing on a dry run', async () => {
    const s = await site(apis(5));
    const out = folder();
    const dry = await fetchOk(
      options(s, out, {
        dryRun: true,
        selection: { apis: ['taobao.fixture.api1.get'], categories: ['用户API'], all: false },
      }),
    );
    expect(dry.docs.map((d) => [d.name, d.status])).toEqual([
      ['taobao.fixture.api0.get', 'added'],
      ['taobao.fixture.api1.get', 'added'],
      ['taobao.fixture.api2.get', 'added'],
      ['taobao.fixture.api4.get', 'added'],
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses names and categories the catalogue does not have, and an empty selection', async () => {
    const s = await site();
    const out = folder();
    await expect(
      fetchDocs(
        options(s, out, { selection: { apis: ['taobao.no.such'], categories: ['无此类目'], all: false } }),
      ),
    ).rejects.toThrow(
      'API "taobao.no.such" is not in the site\'s catalogue; category "无此类目" is not in the site\'s catalogue',
    );
    await expect(fetchDocs(options(s, out, { selection: 'fromManifest' }))).rejects.toThrow(
      FetchSelectionError,
    );
  });

  it('writes nothing when the catalogue cannot be fetched', async () => {
    const s = await site();
    const out = folder();
    s.catalogueFaults.push(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503 })));
    const report = await fetchDocs(options(s, out));
    expect(report).toEqual({
      ok: false,
      reason: 'the catalogue could not be fetched: HTTP 503 (gave up after 5 attempts)',
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('works with a site root that has a path, as a mirror may', async () => {
    const s = await site();
    const out = folder();
    const report = await fetchOk(options(s, out, { site: `${s.url}/mirror/` }));
    expect(report.docs.every((d) => d.status === 'added')).toBe(true);
  });

  it('follows the token page within the site, never to another site where it would send the cookies', async () => {
    const s = await site();
    s.behaviour.tokenPageRedirect = '/docCenter/home';
    expect((await fetchOk(options(s, folder()))).docs).toHaveLength(3);

    s.behaviour.tokenPageRedirect = 'http://elsewhere.invalid/docCenter';
    const report = await fetchDocs(options(s, folder(), { maxAttempts: 2 }));
    expect(report).toEqual({
      ok: false,
      reason:
        'the catalogue could not be fetched: no session token: /docCenter redirects to another site (http://elsewhere.invalid) (gave up after 2 attempts)',
    });
  });

  it('works around a damaged manifest and writes a good one', async () => {
    const s = await site();
    const out = folder();
    writeFileSync(join(out, MANIFEST_FILE), '{ not json');
    const report = await fetchOk(options(s, out));
    expect(report.notes[0]).toContain('is not valid JSON');
    expect(JSON.parse(files(out)[MANIFEST_FILE] ?? '')).toHaveProperty('apis');
  });
});
