import { describe, expect, it } from 'vitest';
import { emitApiModule } from '../../src/emit/api-module.js';
import { DEFAULT_NAMING } from '../../src/emit/names.js';
import { planModule } from '../../src/emit/plan-module.js';
import type { Api } from '../../src/model/types.js';
import { api, field } from './support/build.js';
import { MODULE_CONTEXT } from '../helpers/templates.js';

const structNames = (given: Api): [string, string, string][] =>
  planModule(given, DEFAULT_NAMING).structs.map((s) => [s.side, s.path, s.name]);

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
    expect(emitApiModule(given, MODULE_CONTEXT).text).toContain(
      'Response struct Response, first used at result. Named ResponseData so that it does not shadow the global Response.',
    );
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

describe('per-API module output', () => {
  const seedLike = api('alibaba.x.get', {
    request: [field('q', 'Query', { required: true, children: [field('id', 'Number', { required: true })] })],
    response: [field('result', 'Result', { children: [field('ok', 'Boolean')] })],
  });

  it('does not depend on other APIs: the same API emits the same text alone or among others', () => {
    const alone = emitApiModule(seedLike, MODULE_CONTEXT);
    const other = api('alibaba.x.list', {
      response: [field('result', 'Result', { children: [field('n', 'Number')] })],
    });
    emitApiModule(other, MODULE_CONTEXT);
    expect(emitApiModule(seedLike, MODULE_CONTEXT)).toEqual(alone);
  });

  it('does not mutate its input', () => {
    const frozen = JSON.parse(JSON.stringify(seedLike)) as Api;
    const deepFreeze = (value: unknown): void => {
      if (typeof value === 'object' && value !== null) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
      }
    };
    deepFreeze(frozen);
    expect(emitApiModule(frozen, MODULE_CONTEXT).text).toBe(emitApiModule(seedLike, MODULE_CONTEXT).text);
  });
});
