import { describe, expect, it } from 'vitest';
import { resolveKinds } from '../../src/model/passes/kinds.js';
import type { Api, DocField } from '../../src/model/types.js';
import {
  buildResponseTemplate,
  errorBody,
  listItemKey,
  responseKey,
  successBody,
} from '../../src/mock/response.js';
import { loadApi } from './helpers.js';

function leaf(name: string, type: string, example?: string, array = false): DocField {
  return { name, type, array, required: false, ...(example === undefined ? {} : { example }), children: [] };
}

function apiWith(response: DocField[]): Api {
  return resolveKinds({
    api: 'taobao.demo.get',
    title: 'demo',
    description: '',
    request: [],
    response,
    source: { file: 'demo.txt', format: 'text' },
    diagnostics: [],
  });
}

describe('responseKey', () => {
  it.each([
    ['taobao.user.seller.get', 'user_seller_get_response'],
    ['alitrip.merchant.galaxy.member.login.derby', 'alitrip_merchant_galaxy_member_login_derby_response'],
    ['taobao.tmc.user.topics.get', 'tmc_user_topics_get_response'],
    ['alibaba.idle.isv.user.info', 'alibaba_idle_isv_user_info_response'],
    ['taobaox.a', 'taobaox_a_response'],
  ])('%s → %s', (method, key) => {
    expect(responseKey(method)).toBe(key);
  });
});

describe('buildResponseTemplate', () => {
  it('types each example by the model', () => {
    const { template, warnings } = buildResponseTemplate(
      apiWith([
        leaf('id', 'Number', '18446744073709551615'),
        leaf('ratio', 'Number', '-1.5e3'),
        leaf('ok', 'Boolean', 'false'),
        leaf('when', 'Date', '2024-05-01 12:00:00'),
        leaf('price', 'Price', '19.90'),
        leaf('raw', 'Json', '{"a":1}'),
        leaf('fields', 'Field List', 'a,b'),
        leaf('blob', 'byte', 'AAEC', true),
        leaf('tiny', 'byte', '7'),
        leaf('names', 'String', 'a, b', true),
        leaf('flags', 'Boolean', 'true,false', true),
        leaf('odd', 'some type', 'x'),
        leaf('request_id', 'String', 'from the doc'),
      ]),
    );
    expect(warnings).toEqual([]);
    expect(successBody(template, 'R1', false)).toBe(
      '{"demo_get_response":{"id":18446744073709551615,"ratio":-1.5e3,"ok":false,"when":"2024-05-01 12:00:00",' +
        '"price":"19.90","raw":"{\\"a\\":1}","fields":"a,b","blob":"AAEC","tiny":7,"names":{"string":["a","b"]},' +
        '"flags":{"boolean":[true,false]},"odd":"x","request_id":"R1"}}',
    );
    expect(successBody(template, 'R1', true)).toBe(
      '{"id":18446744073709551615,"ratio":-1.5e3,"ok":false,"when":"2024-05-01 12:00:00","price":"19.90",' +
        '"raw":"{\\"a\\":1}","fields":"a,b","blob":"AAEC","tiny":7,"names":["a","b"],"flags":[true,false],' +
        '"odd":"x","request_id":"R1"}',
    );
  });

  it('leaves out fields without a usable example, and empty structs', () => {
    const { template, warnings } = buildResponseTemplate(
      apiWith([
        leaf('none', 'String'),
        leaf('empty', 'String', '  '),
        leaf('nul', 'Number', 'null'),
        leaf('words', 'Number', '二十'),
        leaf('leading_zero', 'Number', '007'),
        leaf('yes', 'Boolean', 'yes'),
        leaf('mixed', 'Number', '1,x', true),
        leaf('map', 'Map', '[1]'),
        { name: 'info', type: 'ApplyInfo', array: false, required: false, children: [] },
        { name: 'list', type: 'Item', array: true, required: false, children: [leaf('x', 'String')] },
      ]),
    );
    expect(template.entries).toEqual([]);
    expect(warnings).toEqual([
      'response.words: example "二十" is not a JSON number; the field is left out of answers',
      'response.leading_zero: example "007" is not a JSON number; the field is left out of answers',
      'response.yes: example "yes" is not true or false; the field is left out of answers',
      'response.mixed: example "x" is not a JSON number; the field is left out of answers',
      'response.map: example "[1]" is not a JSON object; the field is left out of answers',
    ]);
  });

  it('builds the damai seed answer, nested as in the doc XML', () => {
    const { template } = buildResponseTemplate(loadApi('damai'));
    expect(JSON.parse(successBody(template, 'R', false))).toEqual({
      alibaba_damai_maizuo_openapi_user_register_byauthcode_response: {
        result: {
          result_msg: '成功',
          data: {
            user_token: 'J72Idfk1231+mCzqSXZLWt',
            user_icon: 'http://www.maitix/xxx/x.jpg',
            user_phone: '136xxxx1234',
            user_name: '赢x',
            user_id: '2313112',
          },
          result_code: 201,
          success: false,
        },
        request_id: 'R',
      },
    });
  });
});

describe('list wrappers', () => {
  it('names the wrapper after the item type in snake_case', () => {
    expect(
      ['Trade', 'ItemImg', 'String', 'Number', 'TopItemVO', 'some type', 'A$b'].map(listItemKey),
    ).toEqual(['trade', 'item_img', 'string', 'number', 'top_item_v_o', 'some_type', 'a$b']);
  });

  it('wraps nested lists at every level, and leaves Field List and byte[] as strings', () => {
    const orders: DocField = {
      name: 'orders',
      type: 'Order',
      array: true,
      required: false,
      children: [leaf('oid', 'Number', '7'), leaf('tags', 'String', 'x', true)],
    };
    const { template } = buildResponseTemplate(
      apiWith([
        {
          name: 'trades',
          type: 'Trade',
          array: true,
          required: false,
          children: [leaf('tid', 'Number', '1'), orders],
        },
        leaf('fields', 'Field List', 'a,b', true),
        leaf('blob', 'byte', 'AAEC', true),
        leaf('empty', 'String', undefined, true),
      ]),
    );
    expect(JSON.parse(successBody(template, 'R', false))).toEqual({
      demo_get_response: {
        trades: { trade: [{ tid: 1, orders: { order: [{ oid: 7, tags: { string: ['x'] } }] } }] },
        fields: 'a,b',
        blob: 'AAEC',
        request_id: 'R',
      },
    });
    expect(JSON.parse(successBody(template, 'R', true))).toEqual({
      trades: [{ tid: 1, orders: [{ oid: 7, tags: ['x'] }] }],
      fields: 'a,b',
      blob: 'AAEC',
      request_id: 'R',
    });
  });

  it('writes a request_id that needs escaping as a JSON string, and an answer without fields', () => {
    const { template } = buildResponseTemplate(apiWith([]));
    expect(successBody(template, 'a"b', false)).toBe('{"demo_get_response":{"request_id":"a\\"b"}}');
    expect(successBody(template, 'R', true)).toBe('{"request_id":"R"}');
  });
});

describe('errorBody', () => {
  it('writes TOP error_response fields in TOP order', () => {
    expect(
      errorBody(
        { code: 25, msg: 'Invalid signature', sub_code: 'isv.invalid-signature', sub_msg: '签名' },
        'R',
      ),
    ).toBe(
      '{"error_response":{"code":25,"msg":"Invalid signature","sub_code":"isv.invalid-signature","sub_msg":"签名","request_id":"R"}}',
    );
    expect(errorBody({ code: 7, msg: 'App Call Limited' }, 'R')).toBe(
      '{"error_response":{"code":7,"msg":"App Call Limited","request_id":"R"}}',
    );
  });
});
