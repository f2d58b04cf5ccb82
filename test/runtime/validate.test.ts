import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/runtime/compile.js';
import type { ApiSpec } from '../../src/runtime/spec.js';
import { validateExtraParams, validateParams } from '../../src/runtime/validate.js';
import { KITCHEN_SINK, ODD_NAMES } from './fixtures.js';

function messages(params: object, spec: ApiSpec = KITCHEN_SINK): string[] {
  return validateParams(compileSpec(spec), params).map((i) => i.message);
}

const REQUIRED_SPEC: ApiSpec = {
  method: 'a.b',
  responseKey: 'a_b_response',
  params: [
    { name: 'q', kind: 'string', required: true },
    { name: 'ids', kind: 'number', array: true, required: true },
    { name: 'fields', kind: 'fieldList', required: true },
  ],
};

describe('validateParams', () => {
  it('accepts a fully valid request', () => {
    expect(
      messages({
        title: 'short',
        num_iid: 9007199254740991n,
        flag: false,
        start: new Date(),
        price: '0.01',
        extra: { a: [1] },
        image: new Uint8Array([1]),
        fields: ['a', 'b'],
        attrs: { a: 1 },
        ids: [1, 2n, '3'],
        tags: ['abcd'],
        days: ['2026-01-01 00:00:00'],
        param0: { ptnr_token: 'tok', code_type: 3, items: [{ sku_id: '1' }], when: '2024-02-29 23:59:59' },
        rooms: [{ room_id: 1 }],
        anything: [1, { a: 2 }],
      }),
    ).toEqual([]);
  });

  it.each([12.5, 59.7, 0.1, 0.3, 1e-7, 123456789.12, 999999999999.99, 0])(
    'accepts the price %s as a number: no more digits than meant',
    (price) => {
      expect(messages({ title: 'short', price })).toEqual([]);
    },
  );

  it.each<[string, Record<string, unknown>, string[]]>([
    ['missing nested required field', { param0: {} }, ['param0.ptnr_token is required']],
    ['null nested required field', { param0: { ptnr_token: null } }, ['param0.ptnr_token is required']],
    [
      'blank nested required field',
      { param0: { ptnr_token: ' ' } },
      ['param0.ptnr_token is required (got a blank string)'],
    ],
    [
      'required field inside a struct array',
      { param0: { ptnr_token: 't', items: [{ sku_id: 1 }, {}] } },
      ['param0.items[1].sku_id is required'],
    ],
    [
      'required field inside a top-level struct array',
      { rooms: [{}, { room_id: 'x' }] },
      [
        'rooms[0].room_id is required',
        'rooms[1].room_id must be a number, a bigint or a decimal integer string, got the string "x"',
      ],
    ],
    ['wrong primitive: string', { title: 5 }, ['title must be a string, got number']],
    ['wrong primitive: boolean', { flag: 'true' }, ['flag must be a boolean, got string']],
    [
      'wrong primitive: number',
      { num_iid: true },
      ['num_iid must be a number, a bigint or a decimal integer string, got boolean'],
    ],
    [
      'non-integer number text',
      { num_iid: '1.5' },
      ['num_iid must be a number, a bigint or a decimal integer string, got the string "1.5"'],
    ],
    [
      'unsafe number',
      { num_iid: 2 ** 60 },
      [
        'num_iid is 1152921504606847000, beyond 2^53 where numbers lose digits: pass a bigint or a decimal string',
      ],
    ],
    ['NaN', { num_iid: Number.NaN }, ['num_iid must be a finite number, got NaN']],
    ['invalid Date', { start: new Date('x') }, ['start must be a valid Date, got an invalid Date']],
    ['date as number', { start: 0 }, ["start must be a Date or a 'yyyy-MM-dd HH:mm:ss' string, got number"]],
    [
      'price as boolean',
      { price: true },
      ["price must be a finite number or a plain decimal string such as '12.50', got boolean"],
    ],
    [
      'price text in exponent notation',
      { price: '1e-7' },
      ['price must be a plain decimal such as \'12.50\', got "1e-7"'],
    ],
    [
      'price with binary rounding (19.9 * 3)',
      { price: 19.9 * 3 },
      [
        'price must be the amount meant, got 59.699999999999996 (binary rounding: round it, e.g. with toFixed(2), or pass a string)',
      ],
    ],
    [
      'price text with a comma',
      { price: '1,5' },
      ['price must be a plain decimal such as \'12.50\', got "1,5"'],
    ],
    [
      'date text in another format',
      { start: '2024/01/01' },
      ['start must be a Date or a \'yyyy-MM-dd HH:mm:ss\' string, got "2024/01/01"'],
    ],
    [
      'date text without a time',
      { days: ['2024-01-01 00:00:00', '2024-01-01'] },
      ['days[1] must be a Date or a \'yyyy-MM-dd HH:mm:ss\' string, got "2024-01-01"'],
    ],
    [
      'date that is not on the calendar',
      { param0: { ptnr_token: 't', when: '2023-02-29 00:00:00' } },
      ['param0.when must be a Date or a \'yyyy-MM-dd HH:mm:ss\' string, got "2023-02-29 00:00:00"'],
    ],
    [
      'misspelt top-level parameter',
      { titel: 'x' },
      ['titel is not a documented field (did you mean title?)'],
    ],
    [
      'misspelt field inside a struct',
      { param0: { ptnr_token: 't', cod_type: 1 } },
      ['param0.cod_type is not a documented field (did you mean code_type?)'],
    ],
    [
      'unknown field inside a struct array, nothing close',
      { param0: { ptnr_token: 't', items: [{ sku_id: 1, zzzzzz: 2 }] } },
      ['param0.items[0].zzzzzz is not a documented field'],
    ],
    [
      'unknown field in a top-level struct array',
      { rooms: [{ room_id: 1, roomid: 2 }] },
      ['rooms[0].roomid is not a documented field (did you mean room_id?)'],
    ],
    ['a common parameter the client sets', { sign: 'x' }, ['sign is a common parameter set by the client']],
    ['map as array', { attrs: [1] }, ['attrs must be an object, got array']],
    ['struct as string', { param0: '{"ptnr_token":"x"}' }, ['param0 must be an object, got string']],
    [
      'file as string',
      { image: 'base64...' },
      ['image must be a Blob, a Uint8Array or { data, filename?, contentType? }, got string'],
    ],
    ['array expected', { ids: 5 }, ['ids must be an array, got number']],
    [
      'a comma inside an element of a comma-joined list',
      { tags: ['a,b'] },
      [
        'tags[0] must not contain a comma (the list is sent comma-joined, so it would be read as several items), got "a,b"',
      ],
    ],
    [
      'a blank element of a comma-joined list',
      { tags: ['ok', ' '] },
      ['tags[1] must not be blank (the list is sent comma-joined, so it would be read as an empty item)'],
    ],
    [
      'Json text that is not JSON',
      { extra: 'not json' },
      ['extra must be JSON text (or a value to serialise), got "not json"'],
    ],
    [
      'an integer string that is no integer',
      { num_iid: '0x' },
      ['num_iid must be a number, a bigint or a decimal integer string, got the string "0x"'],
    ],
    [
      'null array element',
      { ids: [1, null] },
      ['ids[1] must be a number, a bigint or a decimal integer string, got null'],
    ],
    [
      'field list of numbers',
      { fields: [1, 2] },
      ['fields must be a string or an array of strings, got array'],
    ],
    ['maxLength', { title: '12345678901' }, ['title must be at most 10 characters long, got 11']],
    [
      'maxLength counts UTF-16 units',
      { title: '女装女装女装女装女装女' },
      ['title must be at most 10 characters long, got 11'],
    ],
    [
      'maxLength per array element',
      { tags: ['abcd', 'abcde'] },
      ['tags[1] must be at most 4 characters long, got 5'],
    ],
    [
      'nested maxLength',
      { param0: { ptnr_token: '123456789' } },
      ['param0.ptnr_token must be at most 8 characters long, got 9'],
    ],
    ['maxListSize of an array', { ids: [1, 2, 3, 4] }, ['ids must have at most 3 items, got 4']],
    [
      'maxListSize of a field list string',
      { fields: 'a,b,c,d' },
      ['fields must have at most 3 items, got 4'],
    ],
    [
      'maxListSize of a field list array',
      { fields: ['a', 'b', 'c', 'd'] },
      ['fields must have at most 3 items, got 4'],
    ],
    [
      'nested maxListSize',
      { param0: { ptnr_token: 't', items: [{ sku_id: 1 }, { sku_id: 2 }, { sku_id: 3 }] } },
      ['param0.items must have at most 2 items, got 3'],
    ],
    ['minValue', { num_iid: 0 }, ['num_iid must be >= 1, got 0']],
    ['minValue with bigint', { num_iid: -5n }, ['num_iid must be >= 1, got -5']],
    [
      'maxValue compared exactly for Int64String',
      { num_iid: '9007199254740992' },
      ['num_iid must be <= 9007199254740991, got 9007199254740992'],
    ],
    ['minValue on price', { price: '-0.5' }, ['price must be >= 0, got -0.5']],
    [
      'nested min and max',
      { param0: { ptnr_token: 't', code_type: 4 } },
      ['param0.code_type must be <= 3, got 4'],
    ],
    [
      'files only at the top level',
      { param0: { ptnr_token: 't', when: new Uint8Array(1) } },
      ["param0.when must be a Date or a 'yyyy-MM-dd HH:mm:ss' string, got object"],
    ],
    [
      'several problems at once, in spec order',
      { title: 1, flag: 1, param0: {} },
      [
        'title must be a string, got number',
        'flag must be a boolean, got number',
        'param0.ptnr_token is required',
      ],
    ],
  ])('%s', (_name, params, expected) => {
    expect(messages(params)).toEqual(expected);
  });

  it('lets optional common parameters through and ignores undefined unknown keys', () => {
    expect(messages({ session: 's', partner_id: 'p', typo: undefined })).toEqual([]);
  });

  it('accepts undocumented struct fields when asked to, never undocumented top-level keys', () => {
    const params = { typo: 1, param0: { ptnr_token: 't', new_field: 1 } };
    const issues = validateParams(compileSpec(KITCHEN_SINK), params, { allowUndocumentedFields: true });
    expect(issues.map((i) => i.message)).toEqual(['typo is not a documented field']);
  });

  it('treats a struct whose doc lists no fields as open', () => {
    const spec: ApiSpec = {
      method: 'a.b',
      responseKey: 'a_b_response',
      params: [{ name: 'o', kind: 'struct' }],
    };
    expect(messages({ o: { any: 1 } }, spec)).toEqual([]);
  });

  it('checks extra params: documented or common names and values without a wire form are refused', () => {
    const compiled = compileSpec(KITCHEN_SINK);
    expect(validateExtraParams(compiled, { new_param: 1, later: undefined }).map((i) => i.message)).toEqual(
      [],
    );
    expect(
      validateExtraParams(compiled, { title: 'x', method: 'm', fn: () => 1 }).map((i) => i.message),
    ).toEqual([
      'extraParams.title is a documented parameter: set it in the request instead',
      'extraParams.method is a common parameter set by the client',
      'extraParams.fn has no wire form, got function',
    ]);
  });

  it('requires top-level parameters, blank and empty values included', () => {
    expect(messages({}, REQUIRED_SPEC)).toEqual(['q is required', 'ids is required', 'fields is required']);
    expect(messages({ q: '', ids: [], fields: [] }, REQUIRED_SPEC)).toEqual([
      'q is required (got a blank string)',
      'ids is required (got an empty array)',
      'fields is required (got an empty array)',
    ]);
  });

  it('reports the path separately from the message', () => {
    expect(validateParams(compileSpec(KITCHEN_SINK), { param0: { items: [{}] } })).toEqual([
      { path: 'param0.ptnr_token', message: 'param0.ptnr_token is required' },
      { path: 'param0.items[0].sku_id', message: 'param0.items[0].sku_id is required' },
    ]);
  });

  it('reads own properties only, so Object.prototype names are plain fields', () => {
    expect(messages({}, ODD_NAMES)).toEqual(['constructor is required']);
    expect(messages(JSON.parse('{"constructor":"c","__proto__":5,"then":"x"}') as object, ODD_NAMES)).toEqual(
      [
        '__proto__ must be a string, got number',
        'then must be a number, a bigint or a decimal integer string, got the string "x"',
      ],
    );
  });

  it('rejects values for common parameters the client sets', () => {
    const spec: ApiSpec = {
      method: 'a.b',
      responseKey: 'a_b_response',
      params: [{ name: 'timestamp', kind: 'string' }],
    };
    expect(messages({ timestamp: 'x' }, spec)).toEqual(['timestamp is a common parameter set by the client']);
    expect(messages({}, spec)).toEqual([]);
  });
});
