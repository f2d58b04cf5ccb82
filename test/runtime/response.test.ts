import { describe, expect, it } from 'vitest';
import { TopError } from '../../src/runtime/errors.js';
import { readResponse, responseKeyFor } from '../../src/runtime/response.js';

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
