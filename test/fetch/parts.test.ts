import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from '../../src/fetch/backoff.js';
import { choose, readCatalogue } from '../../src/fetch/catalogue.js';
import { CookieJar } from '../../src/fetch/cookies.js';
import { mapLimited } from '../../src/fetch/limit.js';
import { docFileName, manifestText } from '../../src/fetch/manifest.js';
import { docFileText, stableJson } from '../../src/fetch/serialise.js';
import { scanJson, type JsonNode, type JsonObjectNode } from '../../src/json/scanner.js';

function tree(text: string): JsonNode {
  const scanned = scanJson(text);
  if (!scanned.ok) throw new Error(scanned.error.message);
  return scanned.value;
}

describe('stableJson', () => {
  it('orders keys the same whatever order the site sends, keeps numbers as written and the last duplicate', () => {
    const a = stableJson(tree('{"b":1,"name":"x","a":[{"z":1.50,"type":"String"}],"b":2, "e": {}, "f": []}'));
    const b = stableJson(tree('{"f":[],"e":{},"a":[{"type":"String","z":1.50}],"name":"x","b":2}'));
    expect(a).toBe(b);
    expect(a).toBe(
      '{\n  "name": "x",\n  "a": [\n    {\n      "type": "String",\n      "z": 1.50\n    }\n  ],\n  "b": 2,\n  "e": {},\n  "f": []\n}\n',
    );
  });

  it('escapes strings as JSON and writes literals', () => {
    expect(stableJson(tree('{"s":"a\\"b\\u2028\\n</script>","t":true,"n":null}'))).toBe(
      '{\n  "n": null,\n  "s": "a\\"b\u2028\\n</script>",\n  "t": true\n}\n',
    );
  });

  it('adds the catalogue id and name only when the doc lacks them', () => {
    const bare = docFileText(tree('{"description":"d"}') as JsonObjectNode, { id: 7, name: 'a.b.c' });
    expect(JSON.parse(bare)).toEqual({ name: 'a.b.c', id: 7, description: 'd' });
    const own = docFileText(tree('{"name":"x.y","id":9}') as JsonObjectNode, { id: 7, name: 'a.b.c' });
    expect(JSON.parse(own)).toEqual({ name: 'x.y', id: 9 });
  });
});

describe('backoff', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('doubles with jitter up to the cap, and waits at least as long as Retry-After asks (within a limit)', () => {
    const policy = { baseMs: 100, capMs: 1000, maxRetryAfterMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, undefined, () => 1, policy))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(retryDelay(1, undefined, () => 0, policy)).toBe(50);
    expect(retryDelay(1, 3000, () => 1, policy)).toBe(3000);
    expect(retryDelay(1, 3_600_000, () => 1, policy)).toBe(5000);
    expect(retryDelay(5, 10, () => 1, policy)).toBe(1000);
  });
});

describe('CookieJar', () => {
  it('keeps cookies, replaces them, and drops expired ones', () => {
    const jar = new CookieJar();
    const now = Date.parse('2026-01-01T00:00:00Z');
    jar.store(['_tb_token_=abc; Path=/; HttpOnly', 'cna=1'], now);
    expect(jar.get('_tb_token_')).toBe('abc');
    jar.store(['_tb_token_=def; Path=/'], now);
    expect(jar.header()).toBe('_tb_token_=def; cna=1');
    jar.store(['cna=; Max-Age=0', '_tb_token_=x; Expires=Wed, 31 Dec 2025 00:00:00 GMT'], now);
    expect(jar.header()).toBeUndefined();
  });
});

describe('mapLimited', () => {
  it('runs at most `limit` tasks at once and keeps the order of the results', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 4, 2, 3, 0, 2], 3, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 20]);
    expect(most).toBe(3);
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});

describe('catalogue', () => {
  const data = tree(
    JSON.stringify({
      treeCategories: [
        {
          catelogTrees: [
            {
              name: '用户API',
              catelogList: [{ id: 1, name: 'a.user.get' }, { id: 'x', name: 'bad.id' }, { id: 2 }],
            },
            {
              name: '交易API',
              catelogList: [
                { id: 3, name: 'a.trade.get' },
                { id: 1, name: 'a.user.get' },
              ],
            },
            { name: '空类目', catelogList: [] },
          ],
        },
        { catelogTrees: [{ name: 'other', catelogList: [{ id: 4, name: 'not.an.api' }] }] },
      ],
    }),
  ) as JsonObjectNode;

  it('reads API entries from the first tree only, once per name, with every category that lists them', () => {
    const catalogue = readCatalogue(data);
    if ('error' in catalogue) throw new Error(catalogue.error);
    expect(catalogue.entries).toEqual([
      { id: 1, name: 'a.user.get', categories: ['用户API', '交易API'] },
      { id: 3, name: 'a.trade.get', categories: ['交易API'] },
    ]);
    expect(catalogue.skipped).toEqual([]);
    const chosen = choose(catalogue, {
      apis: ['a.user.get', 'no.such'],
      categories: ['交易API', '无'],
      all: false,
    });
    expect(chosen.entries.map((e) => e.name)).toEqual(['a.trade.get', 'a.user.get']);
    expect(chosen.unknownApis).toEqual(['no.such']);
    expect(chosen.unknownCategories).toEqual(['无']);
    // A category without APIs exists: asking for it fetches nothing, it is not a typo.
    expect(choose(catalogue, { apis: [], categories: ['空类目'], all: false })).toEqual({
      entries: [],
      unknownApis: [],
      unknownCategories: [],
    });
  });

  it('keeps one of two names that differ only in case, one name per doc id and one id per name, and says so', () => {
    const twins = readCatalogue(
      tree(
        JSON.stringify({
          treeCategories: [
            {
              catelogTrees: [
                {
                  name: 'c',
                  catelogList: [
                    { id: 1, name: 'taobao.case.get' },
                    { id: 2, name: 'taobao.Case.get' },
                    { id: 3, name: 'taobao.one.get' },
                    { id: 3, name: 'taobao.one.alias' },
                    { id: 4, name: 'taobao.two.get' },
                    { id: 5, name: 'taobao.two.get' },
                  ],
                },
              ],
            },
          ],
        }),
      ) as JsonObjectNode,
    );
    if ('error' in twins) throw new Error(twins.error);
    expect(twins.entries.map((e) => `${e.id} ${e.name}`)).toEqual([
      '1 taobao.case.get',
      '3 taobao.one.get',
      '4 taobao.two.get',
    ]);
    expect(twins.skipped).toEqual([
      'the catalogue lists taobao.two.get as doc ids 4 and 5; the first is fetched',
      'the catalogue lists both taobao.case.get and taobao.Case.get, which differ only in case; taobao.Case.get is left out',
      'the catalogue lists doc id 3 as taobao.one.get and as taobao.one.alias; taobao.one.alias is left out',
    ]);
  });

  it('says what is wrong with a catalogue of another shape', () => {
    expect(readCatalogue(tree('{"list":[]}') as JsonObjectNode)).toEqual({
      error: 'the catalogue has no "treeCategories" list (doc-site.md §2 describes its shape)',
    });
  });
});

describe('manifest', () => {
  it('names files after the API and refuses names that could escape the folder or hide as dotfiles', () => {
    expect(docFileName('taobao.user.seller.get')).toBe('taobao.user.seller.get.json');
    for (const bad of ['../x', 'a/b', '.hidden', 'a b', '']) expect(docFileName(bad)).toBeUndefined();
  });

  it('is written in API order whatever order it was built in', () => {
    const entry = (id: number) => ({ id, categories: ['c'], file: `${id}.json` });
    const a = manifestText(
      new Map([
        ['b.x', entry(2)],
        ['a.x', entry(1)],
      ]),
    );
    const b = manifestText(
      new Map([
        ['a.x', entry(1)],
        ['b.x', entry(2)],
      ]),
    );
    expect(a).toBe(b);
    expect(Object.keys((JSON.parse(a) as { apis: object }).apis)).toEqual(['a.x', 'b.x']);
  });
});
