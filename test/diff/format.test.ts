import { describe, expect, it } from 'vitest';
import { diffApis, formatChangelogEntry, formatDiffJson, formatDiffText } from '../../src/diff/index.js';
import { api, field } from './builders.js';
import { sampleDiff } from './sample.js';

const empty = diffApis([api('a.x')], [api('a.x')]);

describe('formatDiffText', () => {
  it('groups by API name, puts breaking changes first and ends with the counts', () => {
    expect(formatDiffText(sampleDiff())).toBe(
      [
        'alibaba.new.add (新接口)',
        '  ✓ compatible  API added',
        '',
        'taobao.item.get (商品详情)',
        '  ✖ breaking    request.fields: maxLength 200 added: longer values are now rejected',
        '  ✖ breaking    request.num_iid: type Number → String: calls must send the new type',
        '  ✖ breaking    response.item.price: response field removed (Price): readers no longer receive it',
        '  ✓ compatible  request.lang: new optional request field (String)',
        '  ✓ compatible  request.page_size: maxValue 40 → 100: limit loosened',
        '  ✓ compatible  response.item.sku_id: new response field (Number)',
        '',
        'taobao.old.remove (旧接口)',
        '  ✖ breaking    API removed: calls to it now fail',
        '',
        'Summary: 4 breaking, 4 compatible (APIs: 1 added, 1 removed, 1 changed)',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(formatDiffText(empty)).toBe(
      'No API changes.\n\nSummary: 0 breaking, 0 compatible (APIs: 0 added, 0 removed, 0 changed)\n',
    );
  });

  it('prints warnings first', () => {
    const text = formatDiffText(diffApis([api('a.x'), api('a.x')], []));
    expect(text.split('\n').slice(0, 2)).toEqual([
      'warning: API a.x appears 2 times in the old APIs; the first one is compared.',
      '',
    ]);
  });

  it('keeps every change on one line even when doc data holds line breaks', () => {
    const diff = diffApis(
      [api('a.x', { title: 'two\nlines' })],
      [
        api('a.x', {
          title: 'two\nlines',
          request: [field('evil\r\nname', 'String\u2028X', { required: true })],
        }),
      ],
    );
    expect(formatDiffText(diff).split('\n').slice(0, 2)).toEqual([
      'a.x (two\\u000alines)',
      '  ✖ breaking    request.evil\\u000d\\u000aname: new required request field (String\\u2028X): existing calls do not send it',
    ]);
  });
});

describe('formatDiffJson', () => {
  it('writes a fixed shape with a format number, counts and nulls for absent values', () => {
    const json = formatDiffJson(sampleDiff());
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'summary', 'added', 'removed', 'changed', 'warnings']);
    expect(parsed['format']).toBe(1);
    expect(parsed['summary']).toEqual({ breaking: 4, compatible: 4, added: 1, removed: 1, changed: 1 });
    expect(json).toContain(
      [
        '        {',
        '          "path": "request.fields",',
        '          "side": "request",',
        '          "kind": "maxLength",',
        '          "before": null,',
        '          "after": 200,',
        '          "impact": "breaking",',
        '          "reason": "maxLength 200 added: longer values are now rejected"',
        '        },',
      ].join('\n'),
    );
  });

  it('is exactly this for an empty diff', () => {
    expect(formatDiffJson(empty)).toBe(
      [
        '{',
        '  "format": 1,',
        '  "summary": {',
        '    "breaking": 0,',
        '    "compatible": 0,',
        '    "added": 0,',
        '    "removed": 0,',
        '    "changed": 0',
        '  },',
        '  "added": [],',
        '  "removed": [],',
        '  "changed": [],',
        '  "warnings": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('round-trips the diff data', () => {
    const diff = sampleDiff();
    const parsed = JSON.parse(formatDiffJson(diff)) as Record<string, unknown>;
    expect(parsed['changed']).toEqual(diff.changed);
    expect(parsed['added']).toEqual(diff.added);
    expect(parsed['removed']).toEqual(diff.removed);
  });
});

describe('formatChangelogEntry', () => {
  it('writes Breaking, Added and Changed sections without a date', () => {
    expect(formatChangelogEntry(sampleDiff(), '1.2.0')).toBe(
      [
        '## 1.2.0',
        '',
        '### Breaking',
        '',
        '- `taobao.old.remove` (旧接口): API removed: calls to it now fail',
        '- `taobao.item.get` `request.fields`: maxLength 200 added: longer values are now rejected',
        '- `taobao.item.get` `request.num_iid`: type Number → String: calls must send the new type',
        '- `taobao.item.get` `response.item.price`: response field removed (Price): readers no longer receive it',
        '',
        '### Added',
        '',
        '- `alibaba.new.add` (新接口): API added',
        '- `taobao.item.get` `request.lang`: new optional request field (String)',
        '- `taobao.item.get` `response.item.sku_id`: new response field (Number)',
        '',
        '### Changed',
        '',
        '- `taobao.item.get` `request.page_size`: maxValue 40 → 100: limit loosened',
        '',
      ].join('\n'),
    );
  });

  it('puts a new required request field under Breaking, not Added', () => {
    const diff = diffApis(
      [api('a.x')],
      [api('a.x', { request: [field('p', 'String', { required: true })] })],
    );
    expect(formatChangelogEntry(diff, '2.0.0')).toBe(
      '## 2.0.0\n\n### Breaking\n\n- `a.x` `request.p`: new required request field (String): existing calls do not send it\n',
    );
  });

  it('says so when nothing changed', () => {
    expect(formatChangelogEntry(empty, '0.1.0')).toBe('## 0.1.0\n\nNo API changes.\n');
  });

  it('quotes doc data so it cannot become Markdown', () => {
    const diff = diffApis(
      [],
      [api('a`b', { title: '*bold* <img src=x> [link](y)' }), api('``', { title: '' })],
    );
    expect(formatChangelogEntry(diff, '1.0.0\n## injected')).toBe(
      [
        '## 1.0.0\\u000a## injected',
        '',
        '### Added',
        '',
        '- ``` `` ```: API added',
        '- ``a`b`` (\\*bold\\* \\<img src=x\\> \\[link\\](y)): API added',
        '',
      ].join('\n'),
    );
  });

  it('ends with the warnings as a quote', () => {
    const entry = formatChangelogEntry(diffApis([], [api('a.x'), api('a.x')]), '1.0.0');
    expect(
      entry.endsWith('> warning: API a.x appears 2 times in the new APIs; the first one is compared.\n'),
    ).toBe(true);
  });
});
