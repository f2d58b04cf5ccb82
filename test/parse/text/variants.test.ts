import { describe, expect, it } from 'vitest';
import { parseTextDoc, readPageErrors, readTextPage } from '../../../src/parse/text/index.js';
import { detectTruncation } from '../../../src/parse/text/truncation.js';
import { splitLines } from '../../../src/parse/text/lines.js';
import type { Diagnostic, DocField as Field } from '../../../src/model/types.js';
import { b, codes, page, readText } from './support.js';

const LOCAL = new URL('./fixtures/', import.meta.url);
const local = (name: string): string => readText(new URL(`${name}.txt`, LOCAL));

const shape = (fields: readonly Field[]): unknown[] =>
  fields.map((f) => (f.children.length > 0 ? { [f.name]: shape(f.children) } : f.name));

const only = (diagnostics: readonly Diagnostic[], code: string): Diagnostic => {
  const hits = diagnostics.filter((d) => d.code === code);
  expect(hits).toHaveLength(1);
  return hits[0] as Diagnostic;
};

describe('qimen pages', () => {
  it('reads JSON samples: request body, nested response example, 验签示例, no 如何获得此API', () => {
    const text = local('qimen_alibaba_ihome_swj_commission_rate_get');
    const result = parseTextDoc(text, 'qimen.txt');
    expect(codes(result.diagnostics, 'error')).toEqual([]);
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
    expect(result.api?.request).toEqual([
      {
        name: 'taobaoId',
        type: 'Number',
        array: false,
        required: true,
        example: '123456',
        description: '用户id',
        children: [],
      },
    ]);
    expect(shape(result.api?.response ?? [])).toEqual([
      { result: [{ data: ['commissionRate'] }, 'success', 'swjErrorMessage', 'swjErrorCode'] },
    ]);
    const messages = result.api?.response[0]?.children.find((f) => f.name === 'swjErrorMessage');
    expect(messages).toMatchObject({ example: 'msg', description: '错误信息' });
    const record = readTextPage(text, 'qimen.txt', []);
    expect(record.qimen).toBe(true);
    expect(readPageErrors(record).signCheckExample?.fields).toEqual({
      success: 'false',
      swjErrorMessage: 'Illegal request',
      swjErrorCode: 'sign-check-failure',
    });
    expect(record.sections.get('如何获得此API')).toBeUndefined();
    expect(record.java).toBeUndefined();
  });

  it('accepts a whitespace-only request sample', () => {
    const result = parseTextDoc(local('qimen_alibaba_alihealth_medicare_qingdao_auth_status'), 'q.txt');
    expect(codes(result.diagnostics, 'error')).toEqual([]);
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
    expect(result.api?.request.map((f) => [f.name, f.example, f.description])).toEqual([
      ['ClientId', '12312312', '客户编号'],
      ['nonce', 'sfsafadsf', '随机数'],
      ['Signature', 'sdfasfsdafsdaf', '签名'],
      ['aac147', '130111xxxxxxxxxxxx', '身份证号'],
    ]);
    expect(result.api?.response.map((f) => [f.name, f.example, f.description])).toEqual([
      ['code', 'true', '状态码'],
      ['msg', '10', '信息'],
      ['data', '错误', '数据'],
    ]);
  });

  it('reads the ordinary layout with QimenCloudClient and an XML example without root element', () => {
    const text = page({
      header: 'qimen.tmall.car.leads.synchronize (线索同步)',
      request: ['mobile String 必须 138 手机号'],
      response: [
        'flag String success 状态',
        'data LeadsResult 结果',
        b('└ id'),
        b('Number'),
        b('7'),
        b('编号'),
      ],
      java: [
        'QimenCloudClient client = new DefaultQimenCloudClient(url, appkey, secret);',
        'TmallCarLeadsSynchronizeRequest req = new TmallCarLeadsSynchronizeRequest();',
        'req.setMobile("138");',
        'TmallCarLeadsSynchronizeResponse rsp = client.execute(req);',
      ],
      xml: ['<flag>success</flag>', '<data>', '    <id>7</id>', '</data>'],
    });
    const record = readTextPage(text, 'q.txt', []);
    expect(record.java?.client).toBe('DefaultQimenCloudClient');
    const result = parseTextDoc(text, 'q.txt');
    expect(codes(result.diagnostics, 'warning')).toEqual([]);
    expect(result.api?.response.map((f) => [f.name, f.example, f.description])).toEqual([
      ['flag', 'success', '状态'],
      ['data', undefined, '结果'],
    ]);
  });
});

describe('truncated pages', () => {
  it('detects the footer, also shifted, and what is missing otherwise', () => {
    const complete = '头\n\nFAQ\n\n    返回\n    顶部';
    expect(detectTruncation(complete, splitLines(complete))).toBeUndefined();
    const cut = 'a\n  • └ durati';
    expect(detectTruncation(cut, splitLines(cut))).toMatchObject({
      lastIndex: 1,
      parseEnd: 1,
      dropped: { no: 2, text: '• └ durati' },
    });
    const clean = 'a\nb\n';
    expect(detectTruncation(clean, splitLines(clean))).toEqual({ lastIndex: 1, parseEnd: 3 });
  });

  it('names the line and section where a page ends and drops the partial last field (shifted qimen page)', () => {
    const result = parseTextDoc(local('qimen_taobao_crm_trades_info_create'), 'crm.txt');
    const warning = only(result.diagnostics, 'truncated-page');
    expect(warning).toMatchObject({ severity: 'warning', file: 'crm.txt', line: 47 });
    expect(warning.message).toContain('ends at line 47 in section 响应参数 (response parameter table)');
    expect(warning.message).toContain('response fields after line 47 and their nesting are unknown');
    expect(warning.message).toContain('The partial last line "• 交" was left out');
    expect(warning.found).toBe('end of text at line 47: "• 交"');
    expect(codes(result.diagnostics, 'error')).toEqual([]);
    const trades = result.api?.response.find((f) => f.name === 'trades');
    expect(trades?.children.map((f) => f.name)).toEqual(['seller_can_rate', 'send_time', 'trade_source']);
    // The cut removed trade_source's description: its one remaining cell is its example.
    expect(trades?.children[2]).toMatchObject({ example: 'ownshop' });
    expect(trades?.children[2]?.description).toBeUndefined();
    // The request part of the shifted page is complete.
    expect(result.api?.request[0]).toMatchObject({
      name: 'fields',
      array: true,
      constraints: { maxListSize: 999 },
    });
    expect(result.api?.request).toHaveLength(13);
  });

  it('reports a page cut in the request table; the empty response is covered by that warning', () => {
    const result = parseTextDoc(local('taobao_timi_alphax_financeservice_updateuserconfig'), 'timi.txt');
    const warning = only(result.diagnostics, 'truncated-page');
    expect(warning.message).toContain('in section 请求参数 (request parameter table)');
    expect(warning.message).toContain('the response table, code sample and response example are missing');
    expect(warning.message).toContain('"• └ confi" was left out');
    expect(result.api?.response).toEqual([]);
    expect(codes(result.diagnostics, 'error')).toEqual([]);
    // Nesting without any sample: placed by field order, with warnings.
    expect(result.diagnostics.filter((d) => d.code === 'ambiguous-nesting').length).toBeGreaterThan(0);
  });

  it('reports a page cut in the response example and uses the part of the example it has', () => {
    const result = parseTextDoc(local('alibaba_icbu_product_country_getcountrylist'), 'icbu.txt');
    const warning = only(result.diagnostics, 'truncated-page');
    expect(warning.message).toContain('ends at line 74 in section 响应示例 (response example)');
    expect(shape(result.api?.response ?? [])).toEqual([
      'trace_id',
      { data: ['continent_code', 'continent_name', { country_list: ['country_code', 'country_name'] }] },
      'biz_success',
      'message',
      'msg_code',
    ]);
    // The example reached continent_code; country_name lies beyond the cut: its place is reported as open.
    const open = result.diagnostics.filter((d) => d.code === 'ambiguous-nesting').map((d) => d.field);
    expect(open).toEqual(['response.data.country_list.country_name']);
  });

  it('drops a field block cut before its type line and says so', () => {
    const text = page({
      response: ['result R 结果', b('└ a'), b('String'), b('1'), b('甲'), b('└ site_version_id'), b('Stri')],
    });
    const cut = text.slice(0, text.lastIndexOf('• Stri') + '• Stri'.length);
    const result = parseTextDoc(cut, 'cut.txt');
    expect(result.api?.response[0]?.children.map((f) => f.name)).toEqual(['a']);
    expect(only(result.diagnostics, 'partial-field-dropped')).toMatchObject({ severity: 'info', line: 19 });
    expect(only(result.diagnostics, 'truncated-page').message).toContain(
      'the field block "└ site_version_id" at line 19 has no type line',
    );
  });

  it('does not invent a field from a last word that may be a cut-off field name', () => {
    const text = page({
      response: ['result R 结果', b('model'), b('FlightResponse'), b('航班列表'), b('flight_list'), b('F')],
    });
    const cut = text.slice(0, text.indexOf('• F\n') + 3);
    const result = parseTextDoc(cut, 'cut.txt');
    expect(result.api?.response[0]?.children[0]).toMatchObject({ name: 'model', description: '航班列表' });
    expect(only(result.diagnostics, 'truncated-page').message).toContain(
      '("flight_list") could be the description of "model" or the name of a cut-off field',
    );
  });
});

describe('bad input', () => {
  it.each([
    ['an empty string', ''],
    ['HTML', '<!DOCTYPE html><html><body><h1>taobao.user.get</h1></body></html>'],
    ['doc JSON', '{"name": "taobao.user.get", "requestParams": []}'],
    ['prose', '这是一段普通的文字。\n没有任何接口信息。'],
  ])('%s is not a TOP page: one error with file, line, expected and found; no api', (_, text) => {
    const result = parseTextDoc(text, 'in.txt');
    expect(result.api).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'not-a-top-page',
      file: 'in.txt',
      line: 1,
    });
    expect(result.diagnostics[0]?.expected).toBeTruthy();
    expect(result.diagnostics[0]?.found).toBeTruthy();
  });

  it('a page without a header line: error, no api', () => {
    const text = page({ response: ['ok Boolean'] }).replace('taobao.test.api (测试接口)', '测试接口');
    const result = parseTextDoc(text, 'h.txt');
    expect(result.api).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'missing-header',
      line: 1,
      found: '"测试接口"',
    });
  });

  it('a complete page without a response table: error naming the heading', () => {
    const text = page({ response: ['ok Boolean'] }).replace('响应参数', '响应参');
    const result = parseTextDoc(text, 'm.txt');
    const error = result.diagnostics.find((d) => d.code === 'missing-section');
    expect(error).toMatchObject({ severity: 'error', expected: 'a "响应参数" heading line' });
    expect(error?.message).toContain('response');
  });

  it('an unreadable response example is reported and gives no evidence', () => {
    const text = page({ response: ['ok Boolean true 成功'], xml: ['这里不是XML'] });
    const result = parseTextDoc(text, 'u.txt');
    expect(result.diagnostics.find((d) => d.code === 'sample-unreadable')).toMatchObject({
      severity: 'warning',
      found: '"这里不是XML"',
    });
  });
});

describe('page record', () => {
  it('keeps the error example and the error code rows', () => {
    const text = page({ response: ['ok Boolean'] }).replace(
      '错误码 错误描述 解决方案\n',
      '错误码 错误描述 解决方案\nsign-check-failure 签名失败 签名失败\nisp.timeout 超时 请重试 稍后\n',
    );
    const withError = text.replace(
      '错误码解释',
      [
        '异常示例',
        '',
        '  • XML示例',
        '  • JSON示例',
        '<error_response>',
        '    <code>50</code>',
        '    <msg>Remote service error</msg>',
        '    <sub_code>isv.invalid-parameter</sub_code>',
        '    <sub_msg>非法参数</sub_msg>',
        '</error_response>',
        '',
        '错误码解释',
      ].join('\n'),
    );
    const record = readPageErrors(readTextPage(withError, 'e.txt', []));
    expect(record.errorExample?.fields).toEqual({
      code: '50',
      msg: 'Remote service error',
      sub_code: 'isv.invalid-parameter',
      sub_msg: '非法参数',
    });
    expect(
      record.errorCodes.map(({ code, text: t, description, solution }) => ({
        code,
        t,
        description,
        solution,
      })),
    ).toEqual([
      { code: 'sign-check-failure', t: '签名失败 签名失败', description: '签名失败', solution: '签名失败' },
      { code: 'isp.timeout', t: '超时 请重试 稍后', description: undefined, solution: undefined },
    ]);
  });
});

describe('page record keys', () => {
  it('keeps a __proto__ key of a sample as an ordinary key', () => {
    const text = page({ response: ['ok Boolean'] }).replace(
      '错误码解释',
      ['验签示例', '', '{"__proto__":"x","code":"sign-check-failure"}', '', '错误码解释'].join('\n'),
    );
    const fields = readPageErrors(readTextPage(text, 'p.txt', [])).signCheckExample?.fields ?? {};
    expect(Object.keys(fields)).toEqual(['__proto__', 'code']);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });
});
