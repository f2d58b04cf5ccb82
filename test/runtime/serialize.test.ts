import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/runtime/compile.js';
import { TopValidationError } from '../../src/runtime/errors.js';
import { serializeParams, serializeUntyped, type WireParams } from '../../src/runtime/serialize.js';
import { KITCHEN_SINK, ODD_NAMES } from './fixtures.js';

const DATE = new Date(Date.UTC(2026, 10, 23, 2, 3, 4)); // 2026-11-23 10:03:04 GMT+8

function wireOf(params: object): Record<string, string> {
  return asRecord(serializeParams(compileSpec(KITCHEN_SINK), params));
}

function asRecord(wire: WireParams): Record<string, string> {
  const out: Record<string, string> = {};
  wire.keys.forEach((k, i) => Object.defineProperty(out, k, { value: wire.values[i], enumerable: true }));
  return out;
}

describe('serializeParams by spec kind', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['string as is', { title: '女装 & co' }, { title: '女装 & co' }],
    ['number', { num_iid: 42 }, { num_iid: '42' }],
    ['bigint', { num_iid: 12345678901234567890n }, { num_iid: '12345678901234567890' }],
    ['Int64String', { num_iid: '12345678901234567890' }, { num_iid: '12345678901234567890' }],
    // `${bigint}` admits these spellings too; the gateway reads decimal digits.
    ['Int64String in hex', { num_iid: '0x10' }, { num_iid: '16' }],
    ['Int64String negative binary, in a list', { ids: ['-0b101', '0o17', 3] }, { ids: '-5,15,3' }],
    [
      'Int64String in hex inside a struct',
      { param0: { ptnr_token: 't', code_type: '0xff' } },
      { param0: '{"ptnr_token":"t","code_type":255}' },
    ],
    ['boolean true', { flag: true }, { flag: 'true' }],
    ['boolean false is a value', { flag: false }, { flag: 'false' }],
    ['Date in GMT+8', { start: DATE }, { start: '2026-11-23 10:03:04' }],
    ['date string as is', { start: '2026-01-01 00:00:00' }, { start: '2026-01-01 00:00:00' }],
    ['price number', { price: 12.5 }, { price: '12.5' }],
    ['price string keeps its digits', { price: '12.50' }, { price: '12.50' }],
    ['json string passes through', { extra: '{"a": 1}' }, { extra: '{"a": 1}' }],
    [
      'json value is stringified, bigint and Date included',
      { extra: { id: 12345678901234567890n, at: DATE, list: [1, 'x', null] } },
      { extra: '{"id":12345678901234567890,"at":"2026-11-23 10:03:04","list":[1,"x",null]}' },
    ],
    ['field list array joined', { fields: ['num_iid', 'title'] }, { fields: 'num_iid,title' }],
    ['field list string as is', { fields: 'num_iid,title' }, { fields: 'num_iid,title' }],
    ['map as JSON', { attrs: { 颜色: '红', n: 1 } }, { attrs: '{"颜色":"红","n":1}' }],
    [
      'number array comma-joined',
      { ids: [1, 2n, '12345678901234567890'] },
      { ids: '1,2,12345678901234567890' },
    ],
    ['string array comma-joined', { tags: ['a', 'b'] }, { tags: 'a,b' }],
    [
      'date array comma-joined',
      { days: [DATE, '2026-01-01 00:00:00'] },
      { days: '2026-11-23 10:03:04,2026-01-01 00:00:00' },
    ],
    [
      'struct as JSON with wire keys, in the value’s key order',
      {
        param0: {
          when: DATE,
          ptnr_token: 't',
          code_type: '12345678901234567890',
          labels: ['a', 'b'],
          cols: ['x', 'y'],
          items: [
            { sku_id: 12345678901234567891n, meta: '{"k":1}' },
            { sku_id: 7, meta: { k: 1 } },
          ],
          unknown_key: { kept: true, big: 1n },
          dropped: null,
          also_dropped: undefined,
        },
      },
      {
        param0:
          '{"when":"2026-11-23 10:03:04","ptnr_token":"t","code_type":12345678901234567890,"labels":["a","b"],' +
          '"cols":"x,y","items":[{"sku_id":12345678901234567891,"meta":"{\\"k\\":1}"},{"sku_id":7,"meta":{"k":1}}],' +
          '"unknown_key":{"kept":true,"big":1}}',
      },
    ],
    [
      'struct array as a JSON array',
      { rooms: [{ room_id: 1 }, { room_id: 2n }] },
      { rooms: '[{"room_id":1},{"room_id":2}]' },
    ],
    ['unknown kind: object as JSON', { anything: { a: [1, 2] } }, { anything: '{"a":[1,2]}' }],
    ['unknown kind: primitive array joined', { anything: [1, 'b', true] }, { anything: '1,b,true' }],
    ['unknown kind: number', { anything: 3 }, { anything: '3' }],
  ])('%s', (_name, params, expected) => {
    expect(wireOf(params)).toStrictEqual(expected);
  });

  it('omits undefined, null, blank strings and empty arrays', () => {
    expect(
      wireOf({ title: undefined, num_iid: null, price: '', extra: '  ', ids: [], tags: [''], fields: [] }),
    ).toStrictEqual({});
  });

  it('returns keys in signature order', () => {
    const wire = serializeParams(compileSpec(KITCHEN_SINK), {
      title: 'a',
      anything: 1,
      attrs: {},
      flag: true,
      days: [DATE],
    });
    expect(wire.keys).toEqual(['anything', 'attrs', 'days', 'flag', 'title']);
  });

  it('sends files as parts, never as text', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const wire = serializeParams(compileSpec(KITCHEN_SINK), {
      image: bytes,
      anything: new Blob(['x']),
      title: 't',
    });
    expect(wire.keys).toEqual(['title']);
    expect(wire.files.map((f) => [f.name, f.filename, f.blob.size])).toEqual([
      ['anything', 'anything', 1],
      ['image', 'image', 3],
    ]);
  });

  it('keeps file names and content types', async () => {
    const wire = serializeParams(compileSpec(KITCHEN_SINK), {
      image: { data: new Uint8Array([137, 80]), filename: 'a.png', contentType: 'image/png' },
    });
    const part = wire.files[0];
    expect(part?.filename).toBe('a.png');
    expect(part?.blob.type).toBe('image/png');
    expect([...new Uint8Array(await (part as { blob: Blob }).blob.arrayBuffer())]).toEqual([137, 80]);
  });

  it('reads own properties only', () => {
    const proto = { title: 'inherited' };
    const params = Object.create(proto) as Record<string, unknown>;
    params['flag'] = true;
    expect(wireOf(params)).toStrictEqual({ flag: 'true' });
  });

  it('handles parameters named like Object.prototype members', () => {
    const params = JSON.parse(
      '{"__proto__":"p","constructor":"c","then":1,"toString":"s","hasOwnProperty":false}',
    ) as object;
    const wire = asRecord(serializeParams(compileSpec(ODD_NAMES), params));
    expect(Object.entries(wire)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['hasOwnProperty', 'false'],
      ['then', '1'],
      ['toString', 's'],
    ]);
  });

  it('marks optional common parameters carried by the API parameters', () => {
    const spec = {
      method: 'a.b',
      responseKey: 'a_b_response',
      params: [{ name: 'session', kind: 'string' as const }],
    };
    expect(serializeParams(compileSpec(spec), { session: 'user' }).overridden).toEqual(new Set(['session']));
    expect(serializeParams(compileSpec(spec), {}).overridden).toBeUndefined();
  });

  it('rejects cyclic structures', () => {
    const cyclic: Record<string, unknown> = { ptnr_token: 'x' };
    cyclic['self'] = cyclic;
    expect(() => wireOf({ param0: cyclic })).toThrow(/cyclic/);
  });
});

describe('serializeUntyped by runtime type', () => {
  const untyped = (params: Record<string, unknown>) => asRecord(serializeUntyped('a.b', params));

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['strings', { q: '女装' }, { q: '女装' }],
    ['numbers and bigints', { a: 1.5, b: 12345678901234567890n }, { a: '1.5', b: '12345678901234567890' }],
    ['booleans', { t: true, f: false }, { t: 'true', f: 'false' }],
    ['Date in GMT+8', { d: DATE }, { d: '2026-11-23 10:03:04' }],
    ['arrays of primitives joined', { ids: [1, 2n, 'x', DATE] }, { ids: '1,2,x,2026-11-23 10:03:04' }],
    ['arrays with objects as JSON', { list: [{ a: 1 }, 2] }, { list: '[{"a":1},2]' }],
    [
      'objects as JSON',
      { param0: { auth_code: '1', n: 2n, d: DATE } },
      { param0: '{"auth_code":"1","n":2,"d":"2026-11-23 10:03:04"}' },
    ],
    ['absent and blank values dropped', { a: undefined, b: null, c: '', d: ' ' }, {}],
  ])('%s', (_name, params, expected) => {
    expect(untyped(params)).toStrictEqual(expected);
  });

  it('sends Uint8Array, Blob and {data} values as file parts', () => {
    const wire = serializeUntyped('a.b', {
      img: new Uint8Array([1]),
      doc: { data: new Blob(['ab']), filename: 'd.txt' },
      q: 'x',
    });
    expect(wire.keys).toEqual(['q']);
    expect(wire.files.map((f) => [f.name, f.filename])).toEqual([
      ['doc', 'd.txt'],
      ['img', 'img'],
    ]);
  });

  it('rejects common parameters the client owns, and values without a wire form', () => {
    try {
      serializeUntyped('a.b', { method: 'x', sign: 'y', f: () => 1, s: Symbol('s'), session: 'ok' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TopValidationError);
      expect((error as TopValidationError).issues.map((i) => i.message)).toEqual([
        'f has no wire form, got function',
        'method is a common parameter set by the client',
        's has no wire form, got symbol',
        'sign is a common parameter set by the client',
      ]);
    }
  });
});
