import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ParseResult } from '../../../src/model/types.js';
import { parseJsonDoc } from '../../../src/parse/json/index.js';
import { ROOT } from '../../helpers/paths.js';
import { expectedShape, shapeOf, type JsonParam } from './shape.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');

function codes(r: ParseResult): string[] {
  return r.diagnostics.map((d) => `${d.severity} ${d.code}`);
}

function only(r: ParseResult, code: string): Diagnostic {
  const found = r.diagnostics.filter((d) => d.code === code);
  expect(found, `diagnostics: ${JSON.stringify(r.diagnostics)}`).toHaveLength(1);
  return found[0] as Diagnostic;
}

/** A doc JSON text with one param per line, so that line numbers in assertions are easy to read. */
function doc(request: readonly string[], response: readonly string[] = [], extra = ''): string {
  return [
    '{',
    '"name": "taobao.demo.get",',
    '"apiChineseName": "演示",',
    `"description": "demo"${extra},`,
    '"requestParams": [',
    request.join(',\n'),
    '],',
    '"responseParams": [',
    response.join(',\n'),
    ']',
    '}',
  ].join('\n');
}

describe('parseJsonDoc', () => {
  it('reads the seed API doc JSON into the hand-checked nesting', () => {
    const file = 'alitrip_merchant_galaxy_member_login_derby.json';
    const text = readFileSync(join(FIXTURES, 'expected', file), 'utf8');
    const r = parseJsonDoc(text, file);
    expect(r.diagnostics).toEqual([]);
    const source = JSON.parse(text) as { requestParams: JsonParam[]; responseParams: JsonParam[] };
    expect(r.api).toMatchObject({
      api: 'alitrip.merchant.galaxy.member.login.derby',
      title: '小程序通过德比登入（会员认证）',
      description: '会员认证(德比切换接口，包含授权接口)   返回认证及授权状态',
      source: { file, format: 'json' },
    });
    expect(shapeOf(r.api?.request ?? [])).toEqual(expectedShape(source.requestParams, 'request'));
    expect(shapeOf(r.api?.response ?? [])).toEqual(expectedShape(source.responseParams, 'response'));
    expect(r.api?.request[2]?.children[0]).toEqual({
      name: 'email',
      type: 'String',
      array: false,
      required: false,
      description: '认证邮箱',
      children: [],
    });
  });

  it('reads constraints, required flags and arrays; response fields are never required', () => {
    const r = parseJsonDoc(
      doc(
        [
          '{"name": "ids", "type": "Number[]", "required": true, "maxListSize": 20, "description": "ids"}',
          '{"name": "title", "type": "String", "maxLength": 64, "minValue": 1, "maxValue": 99}',
          '{"name": "fields", "type": "Field List", "required": true}',
        ],
        [
          '{"name": "items", "type": "Item []", "required": true, "subParams": [{"name": "file", "type": "byte[]"}, {"name": "n", "type": "byte"}]}',
        ],
      ),
      'demo.json',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.api?.request).toEqual([
      {
        name: 'ids',
        type: 'Number',
        array: true,
        required: true,
        description: 'ids',
        constraints: { maxListSize: 20 },
        children: [],
      },
      {
        name: 'title',
        type: 'String',
        array: false,
        required: false,
        constraints: { maxLength: 64, minValue: 1, maxValue: 99 },
        children: [],
      },
      { name: 'fields', type: 'Field List', array: false, required: true, children: [] },
    ]);
    expect(shapeOf(r.api?.response ?? [])).toEqual([
      {
        name: 'items',
        type: 'Item',
        array: true,
        required: false,
        children: [
          { name: 'file', type: 'byte', array: true, required: false, children: [] },
          { name: 'n', type: 'byte', array: false, required: false, children: [] },
        ],
      },
    ]);
  });

  it('accepts the doc-site envelope {data, success}', () => {
    const r = parseJsonDoc(
      `{"success": true, "data": ${doc(['{"name": "a", "type": "String"}'])}}`,
      'wrapped.json',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.api?.api).toBe('taobao.demo.get');
    expect(r.api?.request.map((f) => f.name)).toEqual(['a']);
  });

  it('reports a failed doc-site answer instead of modelling it', () => {
    const r = parseJsonDoc(
      '{\n"success": false,\n"errorMessage": "api not found",\n"data": null\n}',
      'failed.json',
    );
    expect(r.api).toBeUndefined();
    expect(only(r, 'doc-json-failure')).toMatchObject({
      severity: 'error',
      line: 2,
      message: expect.stringContaining('api not found'),
    });
  });

  it('gives the line and column of a JSON syntax error', () => {
    const r = parseJsonDoc(
      '{\n  "name": "taobao.demo.get",\n  "requestParams": [\n    {"name": "a" "type": "String"}\n  ]\n}',
      'broken.json',
    );
    expect(r.api).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'json-syntax',
        file: 'broken.json',
        line: 4,
        column: 18,
        expected: "',' or '}'",
        found: `'"'`,
      }),
    ]);
  });

  it('rejects JSON that is not a doc, saying which keys it found', () => {
    expect(only(parseJsonDoc('[1, 2]', 'a.json'), 'not-a-doc-json')).toMatchObject({
      line: 1,
      found: 'an array',
    });
    const d = only(parseJsonDoc('{"foo": 1, "bar": 2}', 'b.json'), 'not-a-doc-json');
    expect(d.found).toBe('an object with "foo", "bar"');
    expect(d.expected).toMatch(/requestParams/);
  });

  it('puts schema problems on the line of the offending param', () => {
    const r = parseJsonDoc(
      doc([
        '{"name": "ok", "type": "String"}',
        '{"type": "String"}',
        '{"name": "", "type": "String"}',
        '{"name": "count", "type": "long"}',
        '{"name": "ok", "type": "Number"}',
        '{"name": "s", "type": "Struct", "subParams": {"name": "x"}}',
        '{"name": "noType"}',
        '42',
        '{"name": 7, "type": "String"}',
        '{"name": "t", "type": 5}',
        '{"name": "r", "type": "String", "required": "yes", "maxLength": "many"}',
      ]),
      'schema.json',
    );
    const lines = Object.fromEntries(r.diagnostics.map((d) => [d.code, d.line]));
    expect(lines).toEqual({
      'missing-name': 7,
      'empty-name': 8,
      'unknown-type': 9,
      'duplicate-field': 10,
      'invalid-params': 11,
      'missing-type': 12,
      'invalid-param': 13,
      'invalid-name': 14,
      'invalid-type': 15,
      'invalid-required': 16,
      'bad-constraint': 16,
    });
    expect(codes(r)).toEqual([
      'warning missing-name',
      'warning empty-name',
      'warning unknown-type',
      'warning duplicate-field',
      'error invalid-params',
      'warning missing-type',
      'error invalid-param',
      'error invalid-name',
      'error invalid-type',
      'warning invalid-required',
      'warning bad-constraint',
    ]);
    expect(only(r, 'unknown-type')).toMatchObject({ field: 'request.count', found: '"long"', column: 27 });
    expect(only(r, 'duplicate-field').message).toMatch(/first at line 6/);
    expect(only(r, 'missing-type')).toMatchObject({ field: 'request.noType' });
    // The API is still returned (with its errors) so that every problem of the file is visible at once.
    expect(r.api?.request.map((f) => `${f.name}:${f.type}`)).toEqual([
      'ok:String',
      'count:long',
      's:Struct',
      'noType:String',
      't:String',
      'r:String',
    ]);
    expect(r.api?.diagnostics).toBe(r.diagnostics);
  });

  it('reads a doc without parameter lists as an API without parameters', () => {
    const text = [
      '{',
      '"name": "taobao.top.secret.register",',
      '"apiChineseName": "注册加密账号",',
      '"description": "注册加密账号",',
      '"id": 26575',
      '}',
    ].join('\n');
    for (const wrapped of [text, `{"data": ${text}, "success": true}`]) {
      const r = parseJsonDoc(wrapped, 'no-params.json');
      expect(codes(r)).toEqual(['info no-params']);
      expect(r.api).toMatchObject({
        api: 'taobao.top.secret.register',
        title: '注册加密账号',
        request: [],
        response: [],
      });
    }
    // A name alone is not a doc.
    expect(codes(parseJsonDoc('{"name": "taobao.top.secret.register", "id": 1}', 'x.json'))).toEqual([
      'error not-a-doc-json',
    ]);
  });

  it('leaves a nameless parameter out with a warning and generates the rest of the API', () => {
    const r = parseJsonDoc(
      doc([
        '{"name": "before", "type": "String"}',
        '{"name": "", "type": "Struct", "required": true, "subParams": [{"name": "x", "type": "String"}]}',
        '{"name": "after", "type": "Number"}',
      ]),
      'nameless.json',
    );
    expect(only(r, 'empty-name')).toMatchObject({
      severity: 'warning',
      line: 7,
      field: 'request',
      found: '""',
    });
    expect(only(r, 'empty-name').message).toMatch(/left out/);
    expect(r.api?.request.map((f) => f.name)).toEqual(['before', 'after']);
  });

  it('warns about duplicate member keys and sub-fields of primitive types', () => {
    const r = parseJsonDoc(
      doc(
        ['{"name": "a", "type": "String",\n"type": "Number"}'],
        ['{"name": "fee", "type": "Price", "subParams": [{"name": "amount", "type": "String"}]}'],
      ),
      'dup.json',
    );
    expect(only(r, 'duplicate-key')).toMatchObject({ severity: 'warning', line: 7 });
    expect(r.api?.request[0]?.type).toBe('Number');
    expect(only(r, 'children-of-primitive')).toMatchObject({ field: 'response.fee', line: 10 });
    expect(r.api?.response[0]?.children.map((f) => f.name)).toEqual(['amount']);
  });

  it('renders description markup the way the page shows it and keeps other text verbatim', () => {
    const r = parseJsonDoc(
      doc([
        '{"name": "a", "type": "String", "description": "第一行<br/>第二行 <br> 第三行"}',
        '{"name": "b", "type": "String", "description": "见<a href=\\"http://x\\" target=\\"_blank\\">文档</a>。<ul><li>A <li>B</ul>"}',
        '{"name": "c", "type": "String", "description": "Result<AppInfo> &amp; List<Map<String, Object>> &lt;x&gt;"}',
        '{"name": "d", "type": "String", "description": "  "}',
      ]),
      'desc.json',
    );
    expect(r.api?.request.map((f) => f.description)).toEqual([
      '第一行 第二行 第三行',
      '见文档。 A B',
      'Result<AppInfo> & List<Map<String, Object>> <x>',
      undefined,
    ]);
  });

  it('flags API names that cannot be a TOP method and unusual ones', () => {
    expect(
      only(parseJsonDoc('{"name": "taobao.x get", "requestParams": []}', 'n.json'), 'invalid-api-name')
        .severity,
    ).toBe('error');
    const odd = parseJsonDoc(
      '{"name": "slb.aliyuncs.com.SetName.2013-02-21", "apiChineseName": "x", "description": "", "responseParams": []}',
      'o.json',
    );
    expect(only(odd, 'unusual-api-name').severity).toBe('warning');
    expect(odd.api?.api).toBe('slb.aliyuncs.com.SetName.2013-02-21');
    const untitled = parseJsonDoc('{"name": "taobao.a.b", "responseParams": []}', 'u.json');
    expect(codes(untitled)).toEqual(['warning missing-title', 'info missing-description']);
  });

  it('never throws on hostile input', () => {
    for (const text of [
      '',
      '\u0000',
      '{',
      '{"name": {"name": {}}}',
      '{"name": "a.b", "requestParams": [[[[]]]]}',
      'null',
      '"x"',
      '['.repeat(100000),
    ]) {
      const r = parseJsonDoc(text, 'x.json');
      expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });
});

describe('parseJsonDoc on damaged doc JSON', () => {
  const text = readFileSync(join(FIXTURES, 'json', 'alibaba_mydata_self_product_get.json'), 'utf8');
  it('never throws, and every diagnostic points at a line of the file', () => {
    const damaged = fc
      .tuple(
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom('', '[', ']', '{', '}', '"', ',', ':', 'null', '1', '"long"', '[]'),
      )
      .map(([at, cut, insert]) => {
        const i = at % text.length;
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    const lines = text.split('\n').length + 1;
    fc.assert(
      fc.property(damaged, (input) => {
        const r = parseJsonDoc(input, 'm.json');
        if (r.api === undefined) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThan(0);
          expect(d.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 500 },
    );
  });
});
