import { describe, expect, it } from 'vitest';
import { parseConstraint, withConstraint } from '../../../src/parse/text/constraints.js';
import { parseRow } from '../../../src/parse/text/rows.js';
import { parseTypeLine } from '../../../src/parse/text/type-tokens.js';

describe('table rows', () => {
  it.each([
    [
      'tenant_key String 可选 234 租户标识',
      { name: 'tenant_key', type: 'String', array: false, required: false, rest: '234 租户标识' },
    ],
    [
      'param0 UserRegisterByAuthCodeParam 必须 会员注册by验证码参数对象',
      {
        name: 'param0',
        type: 'UserRegisterByAuthCodeParam',
        array: false,
        required: true,
        rest: '会员注册by验证码参数对象',
      },
    ],
    [
      'img byte[] 必须 null 图片文件二进制流',
      { name: 'img', type: 'byte', array: true, required: true, rest: 'null 图片文件二进制流' },
    ],
    [
      'perform_id_list Number [] 可选 123',
      { name: 'perform_id_list', type: 'Number', array: true, required: false, rest: '123' },
    ],
    [
      'fields Field List 必须 a,b 返回字段',
      { name: 'fields', type: 'Field List', array: false, required: true, rest: 'a,b 返回字段' },
    ],
    [
      'fields Field List [] 可选',
      { name: 'fields', type: 'Field List', array: true, required: false, rest: '' },
    ],
    [
      'business_time String 可选 周一至周五 09:00-17:00 营业时间',
      {
        name: 'business_time',
        type: 'String',
        array: false,
        required: false,
        rest: '周一至周五 09:00-17:00 营业时间',
      },
    ],
  ])('request row %s', (text, want) => {
    expect(parseRow(text, 'request')).toEqual(want);
  });

  it.each([
    ['result ResultData 请求结果', { name: 'result', type: 'ResultData', array: false, rest: '请求结果' }],
    [
      'data ContinentDTO [] - 返回结果数据',
      { name: 'data', type: 'ContinentDTO', array: true, rest: '- 返回结果数据' },
    ],
    [
      'extra Json {"a": "b"} 扩展 `x` */',
      { name: 'extra', type: 'Json', array: false, rest: '{"a": "b"} 扩展 `x` */' },
    ],
    ['total Number', { name: 'total', type: 'Number', array: false, rest: '' }],
  ])('response row %s', (text, want) => {
    expect(parseRow(text, 'response')).toEqual(want);
  });

  it.each(['just text', 'name String 随便', '名称 类型 是否必须', '• x String 必须'])(
    'rejects %s as a request row',
    (text) => {
      expect(parseRow(text, 'request')).toBeUndefined();
    },
  );
});

describe('type lines', () => {
  it.each([
    ['String', { type: 'String', array: false }],
    ['UserRegisterVo', { type: 'UserRegisterVo', array: false }],
    ['String []', { type: 'String', array: true }],
    ['LkMaterialDTO []', { type: 'LkMaterialDTO', array: true }],
    ['byte []', { type: 'byte', array: true }],
    ['byte[]', { type: 'byte', array: true }],
    ['byte', { type: 'byte', array: false }],
    ['Field List', { type: 'Field List', array: false }],
  ])('%s', (text, want) => {
    expect(parseTypeLine(text)).toEqual(want);
  });

  it.each(['必须', '123', 'result', '请求结果', 'String x', '[]', ''])('is not a type: %s', (text) => {
    expect(parseTypeLine(text)).toBeUndefined();
  });
});

describe('更多限制 constraints', () => {
  it.each([
    ['默认值:cntaobao', { key: 'default', value: 'cntaobao' }],
    ['默认值:', { key: 'default', value: '' }],
    ['最大长度:20', { key: 'maxLength', value: 20 }],
    ['最大列表长度:999', { key: 'maxListSize', value: 999 }],
    ['最小值:-5', { key: 'minValue', value: -5 }],
    ['最大值:1.5', { key: 'maxValue', value: 1.5 }],
    ['最大长度：20', { key: 'maxLength', value: 20 }],
    ['最大长度:二十', { key: 'maxLength', invalid: '二十' }],
  ])('%s', (text, want) => {
    expect(parseConstraint(text)).toEqual(want);
  });

  it.each(['影片类型,内容如:2D', '首映日期格式:YYYY-MM-DD', 'id:序号', '默认值', ':5'])(
    'is not a constraint: %s',
    (text) => {
      expect(parseConstraint(text)).toBeUndefined();
    },
  );

  it('stacks constraints and ignores invalid ones', () => {
    let c = withConstraint({}, { key: 'default', value: '1' });
    c = withConstraint(c, { key: 'maxListSize', value: 20 });
    c = withConstraint(c, { key: 'maxLength', invalid: 'x' });
    expect(c).toEqual({ default: '1', maxListSize: 20 });
  });
});
