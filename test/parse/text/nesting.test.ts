import { describe, expect, it } from 'vitest';
import {
  addParentFact,
  createChain,
  fixDepth,
  parentCandidates,
} from '../../../src/model/passes/nesting/depth-solver.js';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import type { DocField as Field } from '../../../src/model/types.js';
import { FIXTURES, SEEDS, b, codes, page, readText } from './support.js';

const shape = (fields: readonly Field[]): unknown[] =>
  fields.map((f) => (f.children.length > 0 ? { [f.name]: shape(f.children) } : f.name));

describe('depth constraints', () => {
  // row, leaf a, object o, leaf x, leaf y   (object flags: row and o)
  const objects = [true, false, true, false, false];

  it('forces what the order forces: the first item after an object is its child', () => {
    const chain = createChain(objects);
    expect([chain.lo, chain.hi]).toEqual([
      [0, 1, 1, 2, 1],
      [0, 1, 1, 2, 2],
    ]);
    expect(parentCandidates(chain, 3)).toEqual([2]);
    expect(parentCandidates(chain, 4)).toEqual([2, 0]);
  });

  it('narrows an earlier item from a later fact: y under o keeps x under o', () => {
    const chain = createChain(objects);
    expect(addParentFact(chain, 4, 2)).toBe(true);
    expect(chain.lo[4]).toBe(2);
    expect(parentCandidates(chain, 4)).toEqual([2]);
  });

  it('refuses a fact the order does not allow and leaves the chain as it was', () => {
    // row, object 1, leaf 2, leaf 3
    const chain = createChain([true, true, false, false]);
    expect(addParentFact(chain, 3, 1)).toBe(true);
    const before = [chain.lo.slice(), chain.hi.slice()];
    // 2 follows object 1, so it is 1's child, not the row's; nothing is a child of a leaf or of a later item.
    expect(addParentFact(chain, 2, 0)).toBe(false);
    expect(addParentFact(chain, 3, 2)).toBe(false);
    expect(addParentFact(chain, 2, 3)).toBe(false);
    expect([chain.lo, chain.hi]).toEqual(before);
  });

  it('carries a fixed depth forward', () => {
    const chain = createChain(objects);
    fixDepth(chain, 3, 2);
    fixDepth(chain, 4, 1);
    expect(parentCandidates(chain, 4)).toEqual([0]);
  });
});

describe('nesting on pages', () => {
  const damai = readText(`${FIXTURES}pages/${SEEDS[0]}.txt`);

  it('places the damai response from its XML example: result_code and success back in result', () => {
    const result = parseTextDoc(damai, 'damai.txt');
    expect(shape(result.api?.response ?? [])).toEqual([
      {
        result: [
          'result_msg',
          { data: ['user_token', 'user_icon', 'user_phone', 'user_name', 'user_id'] },
          'result_code',
          'success',
        ],
      },
    ]);
  });

  it('without the XML, places by field order and warns, naming the line and the other parents', () => {
    const cut = damai.slice(0, damai.indexOf('响应示例'));
    const result = parseTextDoc(`${cut}FAQ\n\n返回\n顶部`, 'damai.txt');
    const warnings = result.diagnostics.filter((d) => d.code === 'ambiguous-nesting');
    expect(warnings.map((d) => d.field)).toEqual([
      'response.result.data.user_icon',
      'response.result.data.user_phone',
      'response.result.data.user_name',
      'response.result.data.user_id',
      'response.result.data.result_code',
      'response.result.data.success',
    ]);
    const last = warnings[5];
    expect(last).toMatchObject({ severity: 'warning', file: 'damai.txt', line: 82 });
    expect(last?.message).toContain('"result.data"');
    expect(last?.message).toContain('may instead belong to "result"');
    expect(last?.message).toContain('the page has no response example');
    expect(last?.found).toBe('possible parents "result.data", "result"');
    // The request still has its Java sample: no warnings there.
    expect(warnings.every((d) => d.field?.startsWith('response.'))).toBe(true);
  });

  it('uses the order around a field the XML leaves out: it sits between two fields the XML places', () => {
    const result = parseTextDoc(
      page({
        response: [
          'result ActionResult 公共返回类型',
          b('└ success'),
          b('Boolean'),
          b('true'),
          b('是否成功'),
          b('content'),
          b('PageData'),
          b('分页返回数据'),
          b('└ total_count'),
          b('Number'),
          b('100'),
          b('总行数'),
          b('└ data'),
          b('String []'),
          b('分页数据'),
          b('└ current_page'),
          b('Number'),
          b('1'),
          b('当前页数'),
          b('└ error_msg'),
          b('String'),
          b('失败'),
          b('错误信息'),
        ],
        xml: [
          '<test_api_response>',
          '    <result>',
          '        <success>true</success>',
          '        <content>',
          '            <total_count>100</total_count>',
          '            <current_page>1</current_page>',
          '        </content>',
          '        <error_msg>失败</error_msg>',
          '    </result>',
          '</test_api_response>',
        ],
      }),
      'order.txt',
    );
    expect(shape(result.api?.response ?? [])).toEqual([
      { result: ['success', { content: ['total_count', 'data', 'current_page'] }, 'error_msg'] },
    ]);
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
    // Missing from a complete XML example: the example is empty, the one cell is the description.
    expect(result.api?.response[0]?.children[1]?.children[1]).toMatchObject({ description: '分页数据' });
    expect(result.api?.response[0]?.children[1]?.children[1]?.example).toBeUndefined();
  });

  it('reads list wrappers of the XML (`<coupon_dto>`) as one level', () => {
    const result = parseTextDoc(
      page({
        response: [
          'result_list CouponDto [] 优惠券列表',
          b('└ amount'),
          b('Number'),
          b('100'),
          b('面额'),
          b('└ title'),
          b('String'),
          b('券'),
          b('标题'),
          'total Number 1 总数',
        ],
        xml: [
          '<x_response>',
          '<result_list><coupon_dto><amount>100</amount><title>券</title></coupon_dto></result_list>',
          '<total>1</total>',
          '</x_response>',
        ],
      }),
      'list.txt',
    );
    expect(shape(result.api?.response ?? [])).toEqual([{ result_list: ['amount', 'title'] }, 'total']);
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
  });

  it('does not let a field missing from the sample take a namesake further down', () => {
    const result = parseTextDoc(
      page({
        response: [
          'result BaseResult 结果',
          b('data'),
          b('BatchResult'),
          b('批量结果'),
          b('└ success'),
          b('Boolean'),
          b('true'),
          b('成功'),
          b('└ error_code'),
          b('String'),
          b('错误码'),
          b('└ shid'),
          b('Number'),
          b('10'),
          b('酒店'),
          b('└ error_code'),
          b('String'),
          b('E1'),
          b('外层错误码'),
        ],
        xml: [
          '<x_response>',
          '<result><data><success>true</success><shid>10</shid></data><error_code>E1</error_code></result>',
          '</x_response>',
        ],
      }),
      'namesake.txt',
    );
    expect(shape(result.api?.response ?? [])).toEqual([
      { result: [{ data: ['success', 'error_code', 'shid'] }, 'error_code'] },
    ]);
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
  });

  it('reports a sample that contradicts the field order and places the field without it', () => {
    // The page lists b right after the object o2, so b is o2's first field; the XML puts b after </o2>.
    const result = parseTextDoc(
      page({
        response: [
          'r R 根',
          b('o1'),
          b('O1'),
          b('对象一'),
          b('└ a'),
          b('String'),
          b('1'),
          b('甲'),
          b('o2'),
          b('O2'),
          b('对象二'),
          b('└ b'),
          b('String'),
          b('2'),
          b('乙'),
        ],
        xml: ['<x_response>', '<r><o1><a>1</a></o1><o2></o2><b>2</b></r>', '</x_response>'],
      }),
      'conflict.txt',
    );
    expect(shape(result.api?.response ?? [])).toEqual([{ r: [{ o1: ['a'] }, { o2: ['b'] }] }]);
    const conflict = result.diagnostics.find((d) => d.code === 'nesting-evidence-conflict');
    expect(conflict).toMatchObject({
      severity: 'warning',
      file: 'conflict.txt',
      line: 25,
      field: 'response.r.o2.b',
      found: '"r" in the sample at line 35',
    });
    expect(conflict?.message).toContain('The XML response example places response field "b" under "r"');
  });

  it('reads nesting from the Java sample for requests, including a later setter on the outer object', () => {
    const result = parseTextDoc(
      page({
        request: [
          'param CouponDo 可选 入参',
          b('└ title'),
          b('String'),
          b('可选'),
          b('满3元减2元'),
          b('标题'),
          b('operator'),
          b('User'),
          b('可选'),
          b('操作人'),
          b('└ user_nick'),
          b('String'),
          b('可选'),
          b('菜菜'),
          b('操作人nick'),
          b('└ coupon_type'),
          b('Number'),
          b('必须'),
          b('1'),
          b('券类型'),
        ],
        java: [
          'TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);',
          'TestApiRequest req = new TestApiRequest();',
          'TestApiRequest.CouponDo obj1 = new TestApiRequest.CouponDo();',
          'obj1.setTitle("满3元减2元");',
          'TestApiRequest.User obj2 = new TestApiRequest.User();',
          'obj2.setUserNick("菜菜");',
          'obj1.setOperator(obj2);',
          'obj1.setCouponType(1L);',
          'req.setParam(obj1);',
          'TestApiResponse rsp = client.execute(req, sessionKey);',
        ],
      }),
      'java.txt',
    );
    expect(shape(result.api?.request ?? [])).toEqual([
      { param: ['title', { operator: ['user_nick'] }, 'coupon_type'] },
    ]);
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
  });

  it('places variables of a cut Java sample by their class', () => {
    const text = page({
      request: [
        'car_profile_dto OutCarProfileImportDTO 必须 车档传入数据',
        b('owner'),
        b('OwnerDto'),
        b('必须'),
        b('车主'),
        b('└ name'),
        b('String'),
        b('必须'),
        b('张三'),
        b('姓名'),
        b('└ car_vin'),
        b('String'),
        b('必须'),
        b('xxx'),
        b('车架号'),
      ],
      java: [
        'TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);',
        'TestApiRequest req = new TestApiRequest();',
        'TestApiRequest.OutCarProfileImportDTO obj1 = new TestApiRequest.OutCarProfileImportDTO();',
        'TestApiRequest.OwnerDto obj2 = new TestApiRequest.OwnerDto();',
        'obj2.setName("张三");',
        'obj1.setOwner(obj2);',
        'obj1.setCarVin("xxx");',
      ],
    });
    const cut = text.slice(0, text.indexOf('obj1.setCarVin') + 'obj1.setCarVin'.length);
    const result = parseTextDoc(cut, 'cut.txt');
    // obj1 was never attached to req (that line was cut), but its class names the row; obj2 sits in obj1.
    expect(shape(result.api?.request ?? [])).toEqual([{ car_profile_dto: [{ owner: ['name', 'car_vin'] }] }]);
    // The setter of car_vin was cut: its place comes from the field order, with a warning.
    const warning = result.diagnostics.find((d) => d.code === 'ambiguous-nesting');
    expect(warning?.field).toBe('request.car_profile_dto.owner.car_vin');
    expect(warning?.message).toContain('the Java request sample is cut off before this field');
    expect(result.diagnostics.filter((d) => d.code === 'ambiguous-nesting')).toHaveLength(1);
  });
});
