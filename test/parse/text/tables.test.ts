import { describe, expect, it } from 'vitest';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import type { DocField as Field } from '../../../src/model/types.js';
import { b, codes, page } from './support.js';

const shape = (fields: readonly Field[]): unknown[] =>
  fields.map((f) => (f.children.length > 0 ? { [f.name]: shape(f.children) } : f.name));

describe('tables: rows and bullet blocks', () => {
  it('reads the 更多限制 shift: constraints, the description bullet, then everything 4 spaces in', () => {
    const text = page({
      request: [
        'target_identity String 必须 身份唯一标识 身份唯一标识',
        'plan_id String 可选 0',
        b('默认值:0'),
        b('最大长度:20'),
        b('计划ID'),
        '    params SfPlanQueryParams 可选 其它入参',
        '    • └ tao_token_list',
        '    • String []',
        '    • 可选',
        '    • abc',
        '    • 淘口令列表',
        '    page_no Number 可选 1',
        '  • 最大值:100',
        '  • 页码',
      ],
    }).replace('\n\n响应参数', '\n\n    响应参数');
    const result = parseTextDoc(text, 'shift.txt');
    expect(codes(result.diagnostics, 'error')).toEqual([]);
    const request = result.api?.request ?? [];
    expect(shape(request)).toEqual(['target_identity', 'plan_id', { params: ['tao_token_list'] }, 'page_no']);
    expect(request[1]).toEqual({
      name: 'plan_id',
      type: 'String',
      array: false,
      required: false,
      example: '0',
      description: '计划ID',
      constraints: { default: '0', maxLength: 20 },
      children: [],
    });
    expect(request[2]?.children[0]).toMatchObject({
      type: 'String',
      array: true,
      example: 'abc',
      description: '淘口令列表',
    });
    expect(request[3]).toMatchObject({ example: '1', description: '页码', constraints: { maxValue: 100 } });
  });

  it('reads a row with a constraint and children (no description bullet when a field block follows)', () => {
    const result = parseTextDoc(
      page({
        request: [
          'bind_users AlipayVaccineUserBindDto [] 可选',
          b('最大列表长度:999'),
          b('绑定人信息list'),
          '    • └ reserve_date',
          '    • String',
          '    • 可选',
          '    • 2021-01-01',
          '    • 预约日期',
        ],
      }),
      'x.txt',
    );
    expect(result.api?.request[0]).toMatchObject({
      name: 'bind_users',
      type: 'AlipayVaccineUserBindDto',
      array: true,
      description: '绑定人信息list',
      constraints: { maxListSize: 999 },
      children: [{ name: 'reserve_date', example: '2021-01-01', description: '预约日期' }],
    });
  });

  it('finds block boundaries from name lines: 2- to 5-line blocks, └ for leaves, objects by name + type', () => {
    const result = parseTextDoc(
      page({
        request: [
          'param Outer 必须 外层',
          b('└ a'),
          b('String'),
          b('必须'),
          b('1'),
          b('甲'),
          b('└ b'),
          b('Number'),
          b('可选'),
          b('└ c'),
          b('Boolean'),
          b('可选'),
          b('true'),
          b('inner'),
          b('InnerDto'),
          b('可选'),
          b('内层'),
          b('└ d'),
          b('String'),
          b('可选'),
          b('丁'),
        ],
      }),
      'blocks.txt',
    );
    const param = result.api?.request[0];
    expect(shape(result.api?.request ?? [])).toEqual([{ param: ['a', 'b', 'c', { inner: ['d'] }] }]);
    expect(param?.children.map((f) => [f.name, f.type, f.required, f.example, f.description])).toEqual([
      ['a', 'String', true, '1', '甲'],
      ['b', 'Number', false, undefined, undefined],
      ['c', 'Boolean', false, 'true', undefined],
      ['inner', 'InnerDto', false, undefined, '内层'],
    ]);
  });

  it('does not split a response block at an example/description pair that looks like name and type', () => {
    const result = parseTextDoc(
      page({
        response: [
          'result Result 结果',
          b('└ ship_to_country'),
          b('String'),
          b('v50'),
          b('Country'),
          b('properties'),
          b('AeItemProperty []'),
          b('Attribute information'),
          b('└ attr_name'),
          b('String'),
          b('颜色'),
          b('属性名'),
        ],
        xml: [
          '<test_api_response>',
          '<result><ship_to_country>v50</ship_to_country><properties><ae_item_property><attr_name>颜色</attr_name></ae_item_property></properties></result>',
          '</test_api_response>',
        ],
      }),
      'v50.txt',
    );
    expect(shape(result.api?.response ?? [])).toEqual([
      { result: ['ship_to_country', { properties: ['attr_name'] }] },
    ]);
    expect(result.api?.response[0]?.children[0]).toMatchObject({ example: 'v50', description: 'Country' });
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
  });

  it('keeps an object without └ whose children follow it, and one without children', () => {
    const result = parseTextDoc(
      page({
        response: [
          'result Result 结果',
          b('apply_info'),
          b('ApplyInfo'),
          b('申请信息'),
          b('treat_info'),
          b('TreatInfo'),
          b('治疗信息'),
          b('└ code'),
          b('String'),
          b('A1'),
          b('编码'),
          'empty EmptyDto 空对象',
        ],
      }),
      'objects.txt',
    );
    expect(shape(result.api?.response ?? [])).toEqual([
      { result: [{ apply_info: [{ treat_info: ['code'] }] }] },
      'empty',
    ]);
    expect(result.api?.response[1]?.children).toEqual([]);
  });

  it('handles empty tables (no parameters) and keeps going', () => {
    const result = parseTextDoc(page({ request: [], response: ['ok Boolean true 成功'] }), 'empty.txt');
    expect(result.api?.request).toEqual([]);
    expect(result.api?.response.map((f) => f.name)).toEqual(['ok']);
    expect(codes(result.diagnostics, 'error')).toEqual([]);
  });

  it('reports a row it cannot read and skips its bullets, with line, expected and found', () => {
    const result = parseTextDoc(
      page({ request: ['这不是一行参数', b('└ x'), b('String'), b('可选'), 'ok String 可选 1 好'] }),
      'bad.txt',
    );
    expect(result.api?.request.map((f) => f.name)).toEqual(['ok']);
    const warning = result.diagnostics.find((d) => d.code === 'unrecognized-row');
    expect(warning).toMatchObject({
      severity: 'warning',
      file: 'bad.txt',
      line: 10,
      found: '"这不是一行参数"',
    });
    expect(warning?.expected).toContain('必须|可选');
  });

  it('reports a bullet before any row', () => {
    const result = parseTextDoc(page({ response: [b('└ x'), b('String'), 'ok Boolean'] }), 'orphan.txt');
    expect(result.diagnostics.find((d) => d.code === 'orphan-bullet')).toMatchObject({ line: 14 });
    expect(result.api?.response.map((f) => f.name)).toEqual(['ok']);
  });

  it('reports a wrong table header line as an error', () => {
    const text = page({ response: ['ok Boolean'] }).replace('名称 类型 示例值 描述', '名称 类型 描述');
    expect(parseTextDoc(text, 'h.txt').diagnostics.find((d) => d.code === 'bad-table-header')).toMatchObject({
      severity: 'error',
      expected: '"名称 类型 示例值 描述"',
      found: '"名称 类型 描述"',
    });
  });

  it('warns about a type it does not know', () => {
    const result = parseTextDoc(page({ response: ['n long 5 数量'] }), 't.txt');
    expect(result.diagnostics.find((d) => d.code === 'unknown-type')).toMatchObject({
      field: 'response.n',
      found: '"long"',
    });
  });
});

describe('constraints in the model', () => {
  it('leaves out `constraints` when the only 更多限制 bullet is unreadable, and reports it', () => {
    const result = parseTextDoc(
      page({ request: ['n String 可选 x', b('最大长度:二十'), b('名称')] }),
      'c.txt',
    );
    const field = result.api?.request[0];
    expect(field).toEqual({
      name: 'n',
      type: 'String',
      array: false,
      required: false,
      example: 'x',
      description: '名称',
      children: [],
    });
    expect(result.diagnostics.find((d) => d.code === 'bad-constraint')).toMatchObject({
      severity: 'warning',
      field: 'request.n',
      found: '"最大长度:二十"',
    });
  });
});
