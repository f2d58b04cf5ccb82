import { describe, expect, it } from 'vitest';
import { TopError } from '../../src/runtime/errors.js';
import { readResponse, responseKeyFor, unwrapLists } from '../../src/runtime/response.js';
import type { ResponseFieldSpec } from '../../src/runtime/spec.js';

const METHOD = 'taobao.trade.fullinfo.get';
const KEY = 'trade_fullinfo_get_response';

function failure(status: number, text: string): TopError {
  try {
    readResponse(METHOD, KEY, status, text);
  } catch (error) {
    expect(error).toBeInstanceOf(TopError);
    expect(error).toBeInstanceOf(Error);
    return error as TopError;
  }
  throw new Error('expected a TopError');
}

describe('responseKeyFor', () => {
  it.each([
    ['taobao.user.seller.get', 'user_seller_get_response'],
    ['alitrip.merchant.galaxy.member.login.derby', 'alitrip_merchant_galaxy_member_login_derby_response'],
    ['tmall.item.update', 'tmall_item_update_response'],
    ['taobaox.y', 'taobaox_y_response'],
  ])('%s → %s', (method, key) => {
    expect(responseKeyFor(method)).toBe(key);
  });
});

describe('readResponse', () => {
  it('unwraps the envelope and keeps request_id and 64-bit ids', () => {
    const body = `{"${KEY}":{"trade":{"tid":4051234567890123456,"num":2},"request_id":"16ab"}}`;
    expect(readResponse(METHOD, KEY, 200, body)).toStrictEqual({
      trade: { tid: '4051234567890123456', num: 2 },
      request_id: '16ab',
    });
  });

  it('returns a simplify=true answer (no envelope) as it is', () => {
    const body = '{"trade":{"tid":4051234567890123456},"request_id":"16ab"}';
    expect(readResponse(METHOD, KEY, 200, body)).toStrictEqual({
      trade: { tid: '4051234567890123456' },
      request_id: '16ab',
    });
  });

  it('returns an empty envelope as an empty object', () => {
    expect(readResponse(METHOD, KEY, 200, `{"${KEY}":{}}`)).toStrictEqual({});
  });

  it('turns error_response into a TopError with every field', () => {
    const error = failure(
      200,
      '{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"zt9"}}',
    );
    expect(error).toMatchObject({
      name: 'TopError',
      kind: 'api',
      method: METHOD,
      status: 200,
      code: 50,
      msg: 'Remote service error',
      sub_code: 'isv.invalid-parameter',
      sub_msg: '非法参数',
      request_id: 'zt9',
      body: undefined,
    });
    expect(error.message).toBe(
      'taobao.trade.fullinfo.get failed: isv.invalid-parameter 非法参数 (code 50 Remote service error, request_id zt9)',
    );
  });

  it('reads an error_response without sub code', () => {
    const error = failure(200, '{"error_response":{"code":"25","msg":"Invalid signature"}}');
    expect(error).toMatchObject({ code: 25, msg: 'Invalid signature', sub_code: undefined });
    expect(error.message).toBe(
      'taobao.trade.fullinfo.get failed: Invalid signature (code 25 Invalid signature)',
    );
  });

  it('prefers an error_response over a non-2xx status', () => {
    const error = failure(
      503,
      '{"error_response":{"code":15,"sub_code":"isp.top-remote-service-unavailable"}}',
    );
    expect(error).toMatchObject({ kind: 'api', status: 503, sub_code: 'isp.top-remote-service-unavailable' });
  });

  it('reports HTTP errors with the status and a body excerpt', () => {
    const html = `<html><body>${'Bad Gateway '.repeat(40)}</body></html>`;
    const error = failure(502, html);
    expect(error).toMatchObject({ kind: 'http', status: 502, code: undefined });
    expect(error.body).toBe(html.slice(0, 200));
    expect(error.message).toContain('HTTP 502');
    expect(error.message).toContain('<html><body>Bad Gateway');
  });

  it('reports a 2xx body that is not JSON', () => {
    const error = failure(200, '<?xml version="1.0"?><rsp/>');
    expect(error).toMatchObject({ kind: 'parse', status: 200, body: '<?xml version="1.0"?><rsp/>' });
    expect(error.message).toContain('not JSON');
  });

  it.each(['null', '[1,2]', '"text"', '42', ''])('reports the JSON %j, which is not an object', (body) => {
    expect(failure(200, body).kind).toBe('parse');
  });
});

describe('list wrappers', () => {
  const LISTS: readonly ResponseFieldSpec[] = [
    {
      name: 'trades',
      array: true,
      children: [
        { name: 'orders', array: true },
        { name: 'buyer', children: [{ name: 'tags', array: true }] },
      ],
    },
    { name: 'topics', array: true },
    { name: 'num_iids', array: true },
  ];

  it('unwraps {"<item_type>": [...]} at every described level', () => {
    const body = JSON.stringify({
      [KEY]: {
        trades: {
          trade: [
            {
              tid: 1,
              orders: { order: [{ oid: 11 }, { oid: 12 }] },
              buyer: { nick: 'a', tags: { string: ['x'] } },
            },
            { tid: 2, orders: { order: [] } },
          ],
        },
        topics: { string: ['taobao_trade_TradeCreate'] },
        num_iids: { number: [1, 2] },
        total_results: 2,
        request_id: 'r',
      },
    });
    expect(readResponse(METHOD, KEY, 200, body, LISTS)).toStrictEqual({
      trades: [
        { tid: 1, orders: [{ oid: 11 }, { oid: 12 }], buyer: { nick: 'a', tags: ['x'] } },
        { tid: 2, orders: [] },
      ],
      topics: ['taobao_trade_TradeCreate'],
      num_iids: [1, 2],
      total_results: 2,
      request_id: 'r',
    });
  });

  it('leaves simplify=true arrays as they are, and still walks into them', () => {
    const body = JSON.stringify({
      trades: [{ orders: { order: [{ oid: 1 }] } }],
      topics: ['a'],
      request_id: 'r',
    });
    expect(readResponse(METHOD, KEY, 200, body, LISTS)).toStrictEqual({
      trades: [{ orders: [{ oid: 1 }] }],
      topics: ['a'],
      request_id: 'r',
    });
  });

  it('turns an empty wrapper into an empty array and keeps 64-bit ids exact inside lists', () => {
    const body = `{"${KEY}":{"topics":{},"num_iids":{"number":[4051234567890123456]}}}`;
    expect(readResponse(METHOD, KEY, 200, body, LISTS)).toStrictEqual({
      topics: [],
      num_iids: ['4051234567890123456'],
    });
  });

  it('does not guess at shapes that are not a list wrapper', () => {
    const odd = {
      trades: { trade: [{ tid: 1 }], extra: true },
      topics: { string: 'a,b' },
      num_iids: 'x',
    };
    const record = structuredClone(odd) as Record<string, unknown>;
    unwrapLists(record, LISTS);
    expect(record).toStrictEqual(odd);
  });

  it('skips absent and null fields, and elements that are not objects', () => {
    const record: Record<string, unknown> = { trades: { trade: [null, 3, { orders: null }] }, topics: null };
    unwrapLists(record, LISTS);
    expect(record).toStrictEqual({ trades: [null, 3, { orders: null }], topics: null });
  });

  it('sets a list named __proto__ as a field, not as the prototype', () => {
    const record = JSON.parse('{"__proto__":{"string":["a"]}}') as Record<string, unknown>;
    unwrapLists(record, [{ name: '__proto__', array: true }]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toEqual(['a']);
  });

  it('reads only own keys of a wrapper', () => {
    const wrapper = Object.create({ inherited: [1] }) as Record<string, unknown>;
    wrapper['item'] = [2];
    const record: Record<string, unknown> = { topics: wrapper };
    unwrapLists(record, LISTS);
    expect(record['topics']).toEqual([2]);
  });

  it('without a description (execute with a method name) returns the answer untouched', () => {
    const body = JSON.stringify({ [KEY]: { topics: { string: ['a'] } } });
    expect(readResponse(METHOD, KEY, 200, body)).toStrictEqual({ topics: { string: ['a'] } });
  });
});
