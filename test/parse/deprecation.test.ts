import { describe, expect, it } from 'vitest';
import { isRetiredApi, isRetiredField } from '../../src/model/deprecation.js';
import { parseDocument } from '../../src/parse/index.js';

describe('retired fields', () => {
  it.each([
    '（该参数已废弃）外部商家团期ID',
    '废弃： 产品快照地址',
    '废弃字段',
    '建议废弃：只有当担保交易支付时存在',
    'escrow fee (deprecated)',
    'logisitcs escrow fee rate(Deprecated)',
    '是否单商品计数【NY使用】【废弃】',
    '交易订单快照URL（该字段废弃）',
    '模块的内容(已废弃)',
    '首映日期格式:YYYY-MM-DD,YYYY-MM,已废弃',
    '已废弃，请勿传入',
    '指定返回的字段（废弃该参数） 多个字段用","分隔。',
  ])('%s', (description) => {
    expect(isRetiredField(description)).toBe(true);
  });

  it.each([
    '可选，退改规则类型。0-平台标准退改规则，1-自定义退改规则，2-不支持退改（已废弃，勿用），7-新版自定义退改规则。',
    '订单状态',
    'The deprecated flag of an item, when set',
    undefined,
  ])('not: %s', (description) => {
    expect(isRetiredField(description)).toBe(false);
  });
});

describe('retired APIs', () => {
  it('by title or by a description that says so', () => {
    expect(isRetiredApi('(已废弃)更新实例化应用', '')).toBe(true);
    expect(isRetiredApi('查询', '该接口已下线，请使用 taobao.x.y')).toBe(true);
    expect(isRetiredApi('查询', '查询订单；type字段已废弃')).toBe(false);
  });
});

describe('readers', () => {
  const doc = {
    name: 'taobao.old.thing.get',
    apiChineseName: '(已废弃)旧接口',
    description: '旧接口',
    id: 46,
    requestParams: [
      {
        name: 'param0',
        type: 'Query',
        required: false,
        description: '查询',
        subParams: [{ name: 'old', type: 'String', required: false, description: '废弃字段' }],
      },
    ],
    responseParams: [{ name: 'fee', type: 'Price', description: 'escrow fee (deprecated)' }],
  };

  it('doc JSON: the doc id, and retired API and fields at any depth', () => {
    const api = parseDocument(JSON.stringify(doc), 'doc.json').api;
    expect(api?.docId).toBe(46);
    expect(api?.deprecated).toBe(true);
    expect(api?.request[0]?.deprecated).toBeUndefined();
    expect(api?.request[0]?.children[0]?.deprecated).toBe(true);
    expect(api?.response[0]?.deprecated).toBe(true);
  });

  it('doc JSON without an id or a retirement has neither key', () => {
    const plain = { ...doc, id: undefined, apiChineseName: '接口', requestParams: [], responseParams: [] };
    const api = parseDocument(JSON.stringify(plain), 'doc.json').api;
    expect(api).toBeDefined();
    expect(Object.keys(api ?? {})).not.toContain('docId');
    expect(Object.keys(api ?? {})).not.toContain('deprecated');
  });
});
