import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMING } from '../../../src/naming/api-names.js';
import type { NumberOptions } from '../../../src/model/numbers.js';
import { planStructs } from '../../../src/model/passes/structs.js';
import type { Api } from '../../../src/model/types.js';
import { api, field } from '../../emit/support/build.js';

const plan = (given: Api, numbers: NumberOptions = {}) =>
  planStructs(given, { naming: DEFAULT_NAMING, numbers });
const structNames = (given: Api, numbers?: NumberOptions): [string, string, string][] =>
  plan(given, numbers).structs.map((s) => [s.side, s.path, s.name]);

describe('struct naming inside one API', () => {
  it('keeps doc names and shares one interface between uses of the same shape', () => {
    const given = api('a.b', {
      request: [
        field('buyer', 'Person', { children: [field('name', 'String')] }),
        field('seller', 'Person', { children: [field('name', 'String')] }),
      ],
    });
    expect(structNames(given)).toEqual([['request', 'buyer', 'Person']]);
  });

  it('shares one interface between uses that list the same fields in another order or describe them differently', () => {
    const given = api('a.b', {
      response: [
        field('cash', 'Money', {
          children: [field('cent', 'Number', { description: 'Cent' }), field('currency_code', 'String')],
        }),
        field('coupon', 'Money', {
          children: [
            field('currency_code', 'String', { description: 'currency code' }),
            field('cent', 'Number'),
          ],
        }),
      ],
    });
    expect(structNames(given)).toEqual([['response', 'cash', 'Money']]);
  });

  it('names structs called like platform globals <Name>Data, and says why', () => {
    const given = api('a.b', {
      request: [field('req', 'Request', { children: [field('x', 'String')] })],
      response: [
        field('result', 'Response', {
          children: [field('location', 'Location', { children: [field('y', 'String')] })],
        }),
      ],
    });
    expect(structNames(given)).toEqual([
      ['request', 'req', 'RequestData'],
      ['response', 'result', 'ResponseData'],
      ['response', 'result.location', 'LocationData'],
    ]);
  });

  it('gives a different shape under a taken name a path-derived name', () => {
    const given = api('a.b', {
      response: [
        field('result', 'Result', {
          children: [
            field('data', 'Data', {
              children: [field('result', 'Result', { children: [field('y', 'Number')] })],
            }),
          ],
        }),
        field('other', 'Result', { children: [field('x', 'String')] }),
        field('more', 'Result', { children: [field('x', 'Number')] }),
      ],
    });
    expect(structNames(given)).toEqual([
      ['response', 'result', 'Result'],
      ['response', 'result.data', 'Data'],
      ['response', 'result.data.result', 'DataResult'],
      ['response', 'other', 'ResponseResult'],
      ['response', 'more', 'ResponseResult2'],
    ]);
  });

  it('tells apart shapes that agree in doc type, member count and name lengths, and shares nested shapes of different parents', () => {
    const given = api('a.b', {
      request: [
        field('a', 'Item', { children: [field('ab', 'String')] }),
        field('b', 'Item', { children: [field('cd', 'String')] }),
        field('c', 'Item', { children: [field('cd', 'Number')] }),
        field('box', 'Box', { children: [field('inner', 'Inner', { children: [field('x', 'String')] })] }),
        field('crate', 'Crate', {
          children: [field('inner', 'Inner', { children: [field('x', 'String')] })],
        }),
      ],
    });
    expect(structNames(given)).toEqual([
      ['request', 'a', 'Item'],
      ['request', 'b', 'RequestItem'],
      ['request', 'c', 'RequestItem2'],
      ['request', 'box', 'Box'],
      ['request', 'box.inner', 'Inner'],
      ['request', 'crate', 'Crate'],
    ]);
  });

  it('treats a different required flag as a different request shape, but not a response shape', () => {
    const given = api('a.b', {
      request: [
        field('a', 'Item', { children: [field('id', 'Number', { required: true })] }),
        field('b', 'Item', { children: [field('id', 'Number')] }),
      ],
      response: [
        field('a', 'Item', { children: [field('id', 'Number', { required: true })] }),
        field('b', 'Item', { children: [field('id', 'Number')] }),
      ],
    });
    expect(structNames(given)).toEqual([
      ['request', 'a', 'Item'],
      ['request', 'b', 'RequestItem'],
      ['response', 'a', 'ResponseItem'],
    ]);
  });

  it('renames structs named like globals, runtime imports or the API symbols', () => {
    const names = [
      'Promise',
      'Function',
      'Set',
      'Object',
      'Array',
      'Record',
      'Error',
      'Symbol',
      'ApiSpec',
      'TopNumber',
      'TopRequestBase',
      'ABRequest',
      'ABResponse',
    ];
    const given = api('a.b', {
      request: names.map((n, i) => field(`f${i}`, n, { children: [field('x', 'String')] })),
    });
    expect(structNames(given).map(([, , name]) => name)).toEqual(names.map((n) => `Request${n}`));
  });

  it('builds names for doc types that are not identifiers', () => {
    const given = api('a.b', {
      request: [
        field('a', 'List<Foo>', { children: [field('x', 'String')] }),
        field('user_info', '结果', { children: [field('x', 'String')] }),
        field('结果', '结果', { children: [field('y', 'String')] }),
        field('c', 'class', { children: [field('x', 'String')] }),
      ],
    });
    expect(structNames(given).map(([, , name]) => name)).toEqual(['ListFoo', 'UserInfo', 'Struct', 'Class']);
  });
});

describe('struct identity inside one API', () => {
  it('tells response shapes apart by how their Numbers are delivered, as the numbers option decides', () => {
    const shape = (id: string): ReturnType<typeof field> =>
      field(id, 'Trade', { children: [field('tid', 'Number'), field('n', 'Number')] });
    const given = api('a.b', { response: [shape('first'), shape('second')] });
    expect(structNames(given)).toEqual([['response', 'first', 'Trade']]);
    // One use delivers `n` as an id, the other as a number: two interfaces.
    const apart = api('a.b', {
      response: [
        shape('first'),
        field('second', 'Trade', {
          children: [field('tid', 'Number'), field('n', 'Number', { description: '订单编号' })],
        }),
      ],
    });
    expect(structNames(apart)).toEqual([
      ['response', 'first', 'Trade'],
      ['response', 'second', 'ResponseTrade'],
    ]);
  });

  it('answers each struct field of the API with its interface, and members without repeated wire names', () => {
    const item = field('item', 'Item', { children: [field('a', 'String'), field('a', 'Number')] });
    const given = api('a.b', {
      request: [item],
      response: [field('items', 'Item', { array: true, children: [field('a', 'String')] })],
    });
    const planned = plan(given);
    expect(planned.structName('request', item)).toBe('Item');
    expect(planned.structName('response', given.response[0]!)).toBe('ResponseItem');
    expect(planned.members(item)).toEqual({ fields: [item.children[0]], repeated: ['a'] });
    expect(planned.params.fields).toEqual([item]);
    expect(() =>
      planned.structName('request', field('other', 'Other', { children: [field('z', 'String')] })),
    ).toThrow(/No interface planned for request field other/);
  });

  it('is a pure function of the API: same input, same plan; the input is not changed', () => {
    const given = api('a.b', {
      request: [field('q', 'Query', { children: [field('id', 'Number', { required: true })] })],
      response: [field('result', 'Result', { children: [field('ok', 'Boolean')] })],
    });
    const frozen = structuredClone(given);
    const deepFreeze = (value: unknown): void => {
      if (typeof value === 'object' && value !== null) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
      }
    };
    deepFreeze(frozen);
    expect(structNames(frozen)).toEqual(structNames(given));
    expect(frozen).toEqual(given);
  });
});
