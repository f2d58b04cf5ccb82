import { describe, expect, it } from 'vitest';
import { countChanges, diffApis, hasBreaking } from '../../src/diff/index.js';
import { api, field } from './builders.js';

const paths = (diff: ReturnType<typeof diffApis>) =>
  diff.changed.flatMap((entry) => entry.changes.map((c) => `${entry.api} ${c.path} ${c.kind}`));

describe('diffApis', () => {
  it('lists added and removed APIs by name, added compatible and removed breaking', () => {
    const diff = diffApis(
      [api('b.old'), api('a.kept'), api('c.old')],
      [api('z.new', { title: '新' }), api('a.kept')],
    );
    expect(diff.added).toEqual([{ api: 'z.new', title: '新', impact: 'compatible', reason: 'API added' }]);
    expect(diff.removed.map((e) => [e.api, e.impact])).toEqual([
      ['b.old', 'breaking'],
      ['c.old', 'breaking'],
    ]);
    expect(diff.changed).toEqual([]);
    expect(countChanges(diff)).toEqual({ breaking: 2, compatible: 1 });
  });

  it('is empty for identical inputs, whatever their order', () => {
    const apis = [api('a.x', { request: [field('p', 'String')] }), api('b.y')];
    const diff = diffApis(apis, [...apis].reverse());
    expect(diff).toEqual({ added: [], removed: [], changed: [], warnings: [] });
    expect(hasBreaking(diff)).toBe(false);
  });

  it('calls a struct whose generated interface is renamed by a new struct breaking', () => {
    const item = (children: ReturnType<typeof field>[]) => field('item', 'Item', { children });
    const before = api('a.item.get', { response: [item([field('title', 'String')])] });
    // A new optional request param of the same doc type but another shape takes the name Item first.
    const after = api('a.item.get', {
      request: [field('filter', 'Item', { children: [field('q', 'String')] })],
      response: [item([field('title', 'String')])],
    });
    const changes = diffApis([before], [after]).changed[0]?.changes ?? [];
    expect(changes.map((c) => [c.path, c.kind, c.before, c.after, c.impact])).toEqual([
      ['request.filter', 'added', null, 'Item', 'compatible'],
      ['response.item', 'interface', 'Item', 'ResponseItem', 'breaking'],
    ]);
  });

  it('calls a response Number delivered in another form breaking, whatever changed it', () => {
    const number = (name: string, description: string, type = 'Number') =>
      api('a.item.get', { response: [field(name, type, { description })] });
    // The description's first clause made it an id; now it is a count.
    const byDescription = diffApis([number('seller_no', '卖家编号')], [number('seller_no', '卖家序号')]);
    expect(byDescription.changed[0]?.changes).toEqual([
      expect.objectContaining({
        path: 'response.seller_no',
        kind: 'delivered',
        before: 'Int64String',
        after: 'number',
        impact: 'breaking',
      }),
    ]);
    // byte is never an id: the type change alone reads as compatible, the delivered form does not.
    const byType = diffApis([number('num_iid', 'id')], [number('num_iid', 'id', 'byte')]);
    expect(byType.changed[0]?.changes.map((c) => [c.kind, c.impact])).toEqual([
      ['type', 'compatible'],
      ['delivered', 'breaking'],
    ]);
    expect(hasBreaking(byType)).toBe(true);
    // A description edit that keeps the form is no change at all.
    expect(diffApis([number('num', '数量')], [number('num', '商品数量')]).changed).toEqual([]);
  });

  it('names nested fields by their full path and reports only the topmost added or removed field', () => {
    const before = api('a.x', {
      request: [
        field('param0', 'P', {
          children: [
            field('auth_code', 'String'),
            field('gone', 'G', { children: [field('deep', 'String')] }),
          ],
        }),
      ],
    });
    const after = api('a.x', {
      request: [
        field('param0', 'P', {
          children: [
            field('auth_code', 'Number'),
            field('added', 'N', { children: [field('deep', 'String')] }),
          ],
        }),
      ],
    });
    expect(paths(diffApis([before], [after]))).toEqual([
      'a.x request.param0.added added',
      'a.x request.param0.auth_code type',
      'a.x request.param0.gone removed',
    ]);
  });

  it('orders by API name, then request before response, then path segment by segment, then kind', () => {
    const before = [
      api('b.api', { response: [field('z', 'String')] }),
      api('a.api', {
        request: [field('a_b', 'String'), field('a', 'S', { children: [field('b', 'String')] })],
        response: [field('a', 'String')],
      }),
    ];
    const after = [
      api('b.api', { response: [field('z', 'Number', { array: true })] }),
      api('a.api', {
        request: [
          field('a_b', 'Number', { required: true, constraints: { maxLength: 1 } }),
          field('a', 'S', { children: [field('b', 'Number')] }),
        ],
        response: [field('a', 'Number')],
      }),
    ];
    expect(paths(diffApis(before, after))).toEqual([
      'a.api request.a.b type',
      'a.api request.a_b type',
      'a.api request.a_b required',
      'a.api request.a_b maxLength',
      'a.api response.a type',
      'b.api response.z type',
      'b.api response.z array',
    ]);
  });

  it('sorts by code units, not by locale', () => {
    const names = ['b.x', 'B.x', 'a.x', 'é.x', '_.x'];
    const diff = diffApis(
      [],
      names.map((name) => api(name)),
    );
    expect(diff.added.map((e) => e.api)).toEqual(['B.x', '_.x', 'a.x', 'b.x', 'é.x']);
  });

  it('matches a repeated field name by occurrence and shows it as name#2', () => {
    const before = api('a.x', { response: [field('dup', 'String'), field('dup', 'String')] });
    const after = api('a.x', { response: [field('dup', 'String'), field('dup', 'Number')] });
    expect(paths(diffApis([before], [after]))).toEqual(['a.x response.dup#2 type']);
  });

  it('compares the first of a repeated API name and says so in a warning', () => {
    const first = api('a.x', { request: [field('p', 'String')] });
    const second = api('a.x', { request: [field('p', 'Number')] });
    const diff = diffApis([first, second, second], [first]);
    expect(diff.changed).toEqual([]);
    expect(diff.warnings).toEqual(['API a.x appears 3 times in the old APIs; the first one is compared.']);
  });

  it('keeps the new title for a changed API', () => {
    const diff = diffApis(
      [api('a.x', { title: '旧', response: [field('r', 'String')] })],
      [api('a.x', { title: '新', response: [] })],
    );
    expect(diff.changed.map((e) => e.title)).toEqual(['新']);
  });

  it('is deterministic: the same inputs give deep-equal results', () => {
    const before = [api('a.x', { request: [field('p', 'String')] })];
    const after = [api('a.x', { request: [field('p', 'Number'), field('q', 'String')] })];
    expect(diffApis(before, after)).toEqual(diffApis(before, after));
  });
});
