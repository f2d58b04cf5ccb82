import { describe, expect, it } from 'vitest';
import { parseOverride, parseTextDoc, type NestingOverride } from '../../../src/parse/text/index.js';
import type { DocField as Field } from '../../../src/model/types.js';
import { FIXTURES, SEEDS, readText } from './support.js';

const shape = (fields: readonly Field[]): unknown[] =>
  fields.map((f) => (f.children.length > 0 ? { [f.name]: shape(f.children) } : f.name));

/** The damai seed without its XML example: response nesting comes from field order alone. */
const damai = (() => {
  const text = readText(`${FIXTURES}pages/${SEEDS[0]}.txt`);
  return `${text.slice(0, text.indexOf('响应示例'))}FAQ\n\n返回\n顶部`;
})();

function load(json: unknown): NestingOverride {
  const { override, diagnostics } = parseOverride(JSON.stringify(json, null, 2), 'damai.overrides.json');
  expect(diagnostics).toEqual([]);
  if (override === undefined) throw new Error('no override');
  return override;
}

describe('parseOverride', () => {
  it('reads the documented format with entry lines', () => {
    const text = [
      '{',
      '  "$comment": "checked against the doc site",',
      '  "api": "alibaba.damai.maizuo.openapi.user.register.byauthcode",',
      '  "response": {',
      '    "result": ["result_msg", "data", "result_code", "success"],',
      '    "result.data": ["user_token", "user_id"]',
      '  }',
      '}',
    ].join('\n');
    expect(parseOverride(text, 'o.json')).toEqual({
      override: {
        file: 'o.json',
        api: 'alibaba.damai.maizuo.openapi.user.register.byauthcode',
        request: [],
        response: [
          { parent: 'result', children: ['result_msg', 'data', 'result_code', 'success'], line: 5 },
          { parent: 'result.data', children: ['user_token', 'user_id'], line: 6 },
        ],
      },
      diagnostics: [],
    });
  });

  it.each([
    ['{"response": {"result": ["a",', 'not valid JSON', 1],
    ['', 'not valid JSON', 1],
    ['[1]', 'one JSON object', 1],
    ['{\n"responses": {}}', 'Unknown key "responses"', 2],
    ['{"api": 5}', '"api" must be the API name', 1],
    ['{"request": ["a"]}', '"request" must map parent paths', 1],
    ['{"response": {"a..b": ["c"]}}', 'invalid parent path "a..b"', 1],
    ['{"response": {"a": "c"}}', 'must be a list of field names', 1],
    ['{"response": {"a": ["c.d"]}}', 'invalid child name "c.d"', 1],
    ['{"response": {"a": ["c", "c"]}}', 'lists "c" twice', 1],
  ])('rejects %j with a clear error', (text, message, line) => {
    const { override, diagnostics } = parseOverride(text, 'bad.json');
    expect(override).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'override-invalid',
      file: 'bad.json',
      line,
    });
    expect(diagnostics[0]?.message).toContain(message);
    expect(diagnostics[0]?.expected).toBeTruthy();
    expect(diagnostics[0]?.found).toBeTruthy();
  });
});

describe('applying an override', () => {
  it('pins the nesting it lists and drops the warnings for those fields', () => {
    const before = parseTextDoc(damai, 'damai.txt');
    expect(before.diagnostics.filter((d) => d.code === 'ambiguous-nesting')).toHaveLength(6);
    const override = load({
      api: 'alibaba.damai.maizuo.openapi.user.register.byauthcode',
      response: {
        result: ['result_msg', 'data', 'result_code', 'success'],
        'result.data': ['user_token', 'user_icon', 'user_phone', 'user_name', 'user_id'],
      },
    });
    const after = parseTextDoc(damai, 'damai.txt', { override });
    expect(shape(after.api?.response ?? [])).toEqual([
      {
        result: [
          'result_msg',
          { data: ['user_token', 'user_icon', 'user_phone', 'user_name', 'user_id'] },
          'result_code',
          'success',
        ],
      },
    ]);
    expect(after.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('pins only what it lists; the order narrows the rest, which keeps its warnings', () => {
    const override = load({ response: { result: ['result_code', 'success'] } });
    const result = parseTextDoc(damai, 'damai.txt', { override });
    expect(shape(result.api?.response ?? [])).toEqual([
      {
        result: [
          'result_msg',
          { data: ['user_token', 'user_icon', 'user_phone', 'user_name', 'user_id'] },
          'result_code',
          'success',
        ],
      },
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'ambiguous-nesting').map((d) => d.field)).toEqual([
      'response.result.data.user_icon',
      'response.result.data.user_phone',
      'response.result.data.user_name',
      'response.result.data.user_id',
    ]);
  });

  it('wins over the page sample and can move a field the sample placed', () => {
    const text = readText(`${FIXTURES}pages/${SEEDS[0]}.txt`);
    const override = load({
      response: {
        'result.data': ['user_token', 'user_icon', 'user_phone', 'user_name', 'user_id', 'result_code'],
      },
    });
    const result = parseTextDoc(text, 'damai.txt', { override });
    expect(shape(result.api?.response ?? [])).toEqual([
      {
        result: [
          'result_msg',
          { data: ['user_token', 'user_icon', 'user_phone', 'user_name', 'user_id', 'result_code'] },
          'success',
        ],
      },
    ]);
  });

  it('reports entries that match nothing, with the line in the override file', () => {
    const override = load({ response: { result: ['result_msg', 'no_such_field'], 'result.nothing': ['x'] } });
    const result = parseTextDoc(damai, 'damai.txt', { override });
    const unused = result.diagnostics.filter((d) => d.code === 'override-unused');
    expect(unused.map((d) => [d.field, d.file, d.line])).toEqual([
      ['response.result.no_such_field', 'damai.overrides.json', 3],
      ['response.result.nothing', 'damai.overrides.json', 7],
    ]);
  });

  it('rejects a placement the field order does not allow, as an error in the override file', () => {
    // user_token comes right after the object data, so it is data's child; it cannot be result's.
    const override = load({ response: { result: ['user_token'] } });
    const result = parseTextDoc(damai, 'damai.txt', { override });
    const conflict = result.diagnostics.find((d) => d.code === 'override-conflict');
    expect(conflict).toMatchObject({ severity: 'error', file: 'damai.overrides.json', line: 3 });
    expect(conflict?.message).toContain('"user_token"');
  });

  it('rejects an override written for another API', () => {
    const override = load({ api: 'taobao.other.api', response: {} });
    const result = parseTextDoc(damai, 'damai.txt', { override });
    expect(result.diagnostics.find((d) => d.code === 'override-api-mismatch')).toMatchObject({
      severity: 'error',
      file: 'damai.overrides.json',
      found: '"api": "taobao.other.api"',
    });
  });
});
