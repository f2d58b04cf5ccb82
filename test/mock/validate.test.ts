import { describe, expect, it } from 'vitest';
import { resolveFieldKinds } from '../../src/model/passes/kinds.js';
import type { Api, DocField, Field } from '../../src/model/types.js';
import type { UploadedFile } from '../../src/mock/request-params.js';
import { checkApiParams } from '../../src/mock/validate.js';

function field(name: string, type: string, extra: Partial<DocField> = {}): Field {
  return resolveFieldKinds({ name, type, array: false, required: false, children: [], ...extra });
}

const API: Api = {
  api: 'taobao.demo.set',
  title: 'demo',
  description: '',
  request: [
    field('ids', 'Number', { array: true, constraints: { maxListSize: 3, maxValue: 100 } }),
    field('order', 'OrderParam', {
      children: [
        field('buyer', 'Buyer', {
          required: true,
          children: [field('nick', 'String', { required: true }), field('born', 'Date')],
        }),
        field('lines', 'Line', { array: true, children: [field('qty', 'Number', { required: true })] }),
        field('attachment', 'byte', { array: true }),
        field('props', 'Map'),
        field('tags', 'String', { array: true }),
        field('whatever', 'x-type'),
      ],
    }),
    field('when', 'Date'),
    field('note', 'unknown-type', { constraints: { maxLength: 3 } }),
  ],
  response: [],
  source: { file: 'demo.txt', format: 'text' },
  diagnostics: [],
};

function check(params: Record<string, string>, files: Record<string, UploadedFile> = {}) {
  return checkApiParams(API, {
    params: new Map(Object.entries(params)),
    files: new Map(Object.entries(files)),
  });
}

const BUYER = { nick: 'n' };

describe('checkApiParams', () => {
  it('accepts absent optional parameters and valid nested values', () => {
    expect(check({})).toBeUndefined();
    const order = {
      buyer: { nick: 'a', born: '2000-01-01 00:00:00', unknown_key: [1] },
      lines: [{ qty: 1 }, { qty: '2' }],
      attachment: 'AAEC',
      props: { a: 1 },
      tags: ['x', 'y'],
      whatever: { any: true },
    };
    expect(
      check({ ids: '1,2,100', order: JSON.stringify(order), when: '2024-01-01 00:00:00', note: 'abc' }),
    ).toBeUndefined();
  });

  it('treats an empty top-level value as absent', () => {
    expect(check({ when: '' })).toBeUndefined();
  });

  it.each([
    [{ ids: '1,x' }, 41, 'invalid parameter ids[1]: expected a Number (decimal digits), found "x"'],
    [{ ids: '1,,2' }, 41, 'invalid parameter ids[1]: expected a Number (decimal digits), found ""'],
    [{ ids: '1,2,3,4' }, 41, 'invalid parameter ids: expected at most 3 items (maxListSize), found 4'],
    [{ ids: '101' }, 41, 'invalid parameter ids[0]: expected a value <= 100 (maxValue), found 101'],
    [{ order: '{}' }, 40, 'missing required parameter order.buyer'],
    [{ order: '{"buyer":{}}' }, 40, 'missing required parameter order.buyer.nick'],
    [
      { order: JSON.stringify({ buyer: { nick: 'a', born: '2000-01-01' } }) },
      41,
      'invalid parameter order.buyer.born: expected a date string yyyy-MM-dd HH:mm:ss, found the string "2000-01-01"',
    ],
    [
      { order: JSON.stringify({ buyer: BUYER, lines: [{ qty: 1 }, {}] }) },
      40,
      'missing required parameter order.lines[1].qty',
    ],
    [
      { order: '{"buyer":{"nick":"n"},"lines":[{"qty":1.5e3},{"qty":true}]}' },
      41,
      'invalid parameter order.lines[1].qty: expected a Number (number or decimal string), found true',
    ],
    [
      { order: JSON.stringify({ buyer: BUYER, props: 'a=1' }) },
      41,
      'invalid parameter order.props: expected a JSON object (Map), found the string "a=1"',
    ],
    [
      { order: JSON.stringify({ buyer: BUYER, tags: 'x,y' }) },
      41,
      'invalid parameter order.tags: expected a JSON array, found the string "x,y"',
    ],
    [
      { order: JSON.stringify({ buyer: BUYER, tags: [1] }) },
      41,
      'invalid parameter order.tags[0]: expected a string, found the number 1',
    ],
    [{ note: 'abcd' }, 41, 'invalid parameter note: expected at most 3 characters (maxLength), found 4'],
  ])('%o → %i %s', (params, code, subMsg) => {
    expect(check(params)).toMatchObject({ code, sub_msg: subMsg });
  });

  it('checks parameters in document order and reports the first problem', () => {
    expect(check({ note: 'too long', ids: 'x' })?.sub_msg).toMatch(/^invalid parameter ids\[0\]/);
  });

  it('quotes long or hostile found values on one line', () => {
    const e = check({ when: `"${'x'.repeat(100)}\n` });
    expect(e?.sub_msg).toBe(
      `invalid parameter when: expected a date yyyy-MM-dd HH:mm:ss, found "\\"${'x'.repeat(56)}..."`,
    );
  });
});
