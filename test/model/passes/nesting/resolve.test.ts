// The nesting pass on its own: page content in, field trees and diagnostics out. No page is read here; the
// items and evidence trees are what a text or HTML reader would hand over.
import { describe, expect, it } from 'vitest';
import {
  draft,
  freeze,
  resolveNesting,
  type DraftNode,
  type Evidence,
  type NestingOverride,
  type PageContent,
  type TableItem,
} from '../../../../src/model/passes/nesting/index.js';
import type { DocField as Field } from '../../../../src/model/types.js';

const FILE = 'page.html';

const row = (line: number, name: string, type: string, rest = ''): TableItem => ({
  kind: 'row',
  line,
  name,
  type,
  array: false,
  required: false,
  leaf: false,
  rest,
});
const bullet = (line: number, name: string, type: string, leaf: boolean, cells: string[]): TableItem => ({
  kind: 'bullet',
  line,
  name,
  type,
  array: false,
  required: false,
  leaf,
  cells,
});
const leaf = (line: number, name: string, cells: string[] = []): TableItem =>
  bullet(line, name, 'String', true, cells);
const object = (line: number, name: string, type: string): TableItem => bullet(line, name, type, false, []);

/** The damai seed's response: `result_code` follows `data`'s leaves but belongs to `result` (text-format.md §5.3). */
const ITEMS: readonly TableItem[] = [
  row(10, 'result', 'ResultData'),
  leaf(11, 'result_msg', ['成功', '请求结果描述']),
  object(15, 'data', 'UserRegisterVo'),
  leaf(18, 'user_token', ['abc', '用户token']),
  leaf(22, 'user_id', ['2313112', '用户id']),
  leaf(26, 'result_code', ['201', '请求结果状态码']),
];

/** An XML-like evidence tree: `[name, children | value, line]`. */
type Spec = readonly [string, readonly Spec[] | string, number];
function evidence(children: readonly Spec[], complete = true): Evidence {
  const build = ([name, body, line]: Spec): DraftNode => {
    const node = draft(name, line);
    if (typeof body === 'string') node.value = body;
    else node.children = body.map(build);
    return node;
  };
  const root = draft('', 40);
  root.children = children.map(build);
  return freeze('xml', 'the XML response example', root, [], complete);
}

const SAMPLE = evidence([
  [
    'result',
    [
      ['result_msg', '成功', 42],
      [
        'data',
        [
          ['user_token', 'abc', 44],
          ['user_id', '2313112', 45],
        ],
        43,
      ],
      ['result_code', '201', 47],
    ],
    41,
  ],
]);

const page = (response: PageContent['response']): PageContent => ({
  file: FILE,
  api: 'alibaba.damai.maizuo.openapi.user.register.byauthcode',
  ...(response === undefined ? {} : { response }),
});

const shape = (fields: readonly Field[]): unknown[] =>
  fields.map((f) => (f.children.length > 0 ? { [f.name]: shape(f.children) } : f.name));

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  return Object.freeze(value);
}

describe('resolveNesting', () => {
  it('places a field by the sample when the field order leaves it open, without a warning', () => {
    const r = resolveNesting(page({ items: ITEMS, sample: SAMPLE, noSample: '' }));
    expect(shape(r.response)).toEqual([
      { result: ['result_msg', { data: ['user_token', 'user_id'] }, 'result_code'] },
    ]);
    expect(r.request).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    // Cells are split by the sample's values.
    expect(r.response[0]?.children[0]).toEqual({
      name: 'result_msg',
      type: 'String',
      array: false,
      required: false,
      example: '成功',
      description: '请求结果描述',
      children: [],
    });
  });

  it('without a sample, follows the field order and names the other parent, at the line of the item', () => {
    const r = resolveNesting(page({ items: ITEMS, noSample: 'the page has no response example' }));
    expect(shape(r.response)).toEqual([
      { result: ['result_msg', { data: ['user_token', 'user_id', 'result_code'] }] },
    ]);
    // user_token must be data's first field (it follows the object); the two leaves after it may be data's or
    // result's.
    const ambiguous = r.diagnostics.filter((d) => d.code === 'ambiguous-nesting');
    expect(ambiguous.map((d) => d.line)).toEqual([22, 26]);
    expect(ambiguous[1]).toMatchObject({
      severity: 'warning',
      file: FILE,
      line: 26,
      field: 'response.result.data.result_code',
      found: 'possible parents "result.data", "result"',
    });
    expect(ambiguous[1]?.message).toContain('the page has no response example');
  });

  it('reports a sample placement the field order does not allow, and does not use it', () => {
    // The sample has user_token beside data, but on the page it follows the object data directly: it can only
    // be data's first field.
    const wrong = evidence([
      [
        'result',
        [
          ['data', [], 43],
          ['user_token', 'abc', 44],
        ],
        41,
      ],
    ]);
    const r = resolveNesting(page({ items: ITEMS, sample: wrong, noSample: '' }));
    expect(shape(r.response)[0]).toEqual({
      result: ['result_msg', { data: ['user_token', 'user_id', 'result_code'] }],
    });
    const conflict = r.diagnostics.find((d) => d.code === 'nesting-evidence-conflict');
    expect(conflict).toMatchObject({
      severity: 'warning',
      line: 18,
      field: 'response.result.data.user_token',
      found: '"result" in the sample at line 44',
    });
  });

  it('pins parents from an override file, and reports entries that match nothing and a wrong API', () => {
    const override: NestingOverride = {
      file: 'page.overrides.json',
      api: 'taobao.other.api',
      request: [],
      response: [
        { parent: 'result', children: ['result_code'], line: 3 },
        { parent: 'result.data', children: ['user_id', 'nickname'], line: 4 },
      ],
    };
    const r = resolveNesting(page({ items: ITEMS, noSample: 'the page has no response example' }), override);
    expect(shape(r.response)).toEqual([
      { result: ['result_msg', { data: ['user_token', 'user_id'] }, 'result_code'] },
    ]);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line ?? '-'} ${d.severity} ${d.code}`)).toEqual([
      'page.overrides.json:- error override-api-mismatch',
      'page.overrides.json:4 warning override-unused',
    ]);
  });

  it('refuses an override placement against the field order, naming the override file and line', () => {
    const override: NestingOverride = {
      file: 'o.json',
      request: [],
      // user_token follows the object data directly, so it can only be data's first field.
      response: [{ parent: 'result', children: ['user_token'], line: 7 }],
    };
    const r = resolveNesting(page({ items: ITEMS, sample: SAMPLE, noSample: '' }), override);
    const conflict = r.diagnostics.find((d) => d.code === 'override-conflict');
    expect(conflict).toMatchObject({ severity: 'error', file: 'o.json', line: 7 });
    expect(conflict?.message).toContain('(page line 18)');
  });

  it('guesses an unsplit row run only with an info diagnostic, and keeps the first of two namesakes', () => {
    const items = [
      row(3, 'tenant_key', 'String', '234 租户标识'),
      row(4, 'tenant_key', 'String', '235 again'),
    ];
    const r = resolveNesting(page({ items, noSample: 'the page has no response example' }));
    expect(r.response).toEqual([
      {
        name: 'tenant_key',
        type: 'String',
        array: false,
        required: false,
        example: '234',
        description: '租户标识',
        children: [],
      },
    ]);
    expect(r.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`)).toEqual([
      '4 warning duplicate-field',
      '3 info example-guessed',
    ]);
  });

  it('is pure: frozen input, the same answer twice', () => {
    const content = deepFreeze(page({ items: [...ITEMS], sample: SAMPLE, noSample: '' }));
    const first = resolveNesting(content);
    const second = resolveNesting(content);
    expect(second).toEqual(first);
    const without = deepFreeze(page({ items: [...ITEMS], noSample: 'none' }));
    expect(resolveNesting(without)).toEqual(resolveNesting(without));
  });
});
