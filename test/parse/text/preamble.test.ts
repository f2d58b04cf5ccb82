import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../../src/parse/text/header.js';
import { splitLines, strip } from '../../../src/parse/text/lines.js';
import { findSections, sectionAt } from '../../../src/parse/text/sections.js';

describe('lines', () => {
  it('numbers lines from 1 and strips them for matching, keeping the raw text', () => {
    const lines = splitLines('a\n    响应参数  \n\n  • x');
    expect(lines.map((l) => [l.no, l.text])).toEqual([
      [1, 'a'],
      [2, '响应参数'],
      [3, ''],
      [4, '• x'],
    ]);
    expect(lines[1]?.raw).toBe('    响应参数  ');
  });

  it('drops a byte-order mark and a CR before LF without shifting line numbers', () => {
    const lines = splitLines('\ufeffhead\r\nnext\r\n');
    expect(lines.map((l) => l.text)).toEqual(['head', 'next', '']);
    expect(lines[1]?.no).toBe(2);
  });

  it('strips surrounding whitespace only', () => {
    expect(strip('  a  b \u3000')).toBe('a  b');
  });
});

describe('sections', () => {
  const text = [
    'h (t)',
    '',
    'd',
    '',
    '公共参数',
    '',
    '请求参数',
    'x',
    '    响应参数',
    '',
    '请求示例',
    '',
    '验签示例',
    'API工具',
    'FAQ',
  ].join('\n');
  const lines = splitLines(text);
  const map = findSections(lines, lines.length);

  it('finds headings in their fixed order, also when shifted by 4 spaces', () => {
    expect(map.sections.map((s) => s.heading)).toEqual([
      '公共参数',
      '请求参数',
      '响应参数',
      '请求示例',
      '验签示例',
      'API工具',
      'FAQ',
    ]);
    expect(map.preambleEnd).toBe(4);
    expect(map.get('响应参数')).toMatchObject({ headingIndex: 8, start: 9, end: 10 });
  });

  it('skips a missing section (qimen pages have no 异常示例 and no 如何获得此API)', () => {
    expect(map.get('异常示例')).toBeUndefined();
    expect(map.get('如何获得此API')).toBeUndefined();
  });

  it('does not take a heading word that comes out of order as a new section', () => {
    const again = splitLines(['请求参数', '公共参数', '响应参数'].join('\n'));
    expect(findSections(again, again.length).sections.map((s) => s.heading)).toEqual([
      '请求参数',
      '响应参数',
    ]);
  });

  it('tells which section holds a line', () => {
    expect(sectionAt(map, 7)?.heading).toBe('请求参数');
    expect(sectionAt(map, 2)).toBeUndefined();
  });
});

describe('header', () => {
  const read = (...text: string[]) => {
    const lines = splitLines(text.join('\n'));
    return parseHeader(lines, lines.length);
  };

  it.each([
    [
      'taobao.xhotel.distribution.stdinfo.get (飞猪通用分销酒店标准信息查询接口(新))',
      'taobao.xhotel.distribution.stdinfo.get',
      '飞猪通用分销酒店标准信息查询接口(新)',
    ],
    [
      'taobao.miniapp.template.update ((已废弃)更新实例化应用)',
      'taobao.miniapp.template.update',
      '(已废弃)更新实例化应用',
    ],
    [
      'aliexpress.solution.product.list.get (Get product list)',
      'aliexpress.solution.product.list.get',
      'Get product list',
    ],
    [
      'taobao.film.tftradefacade.tppBoxOfficeSummary.order.get (票房)',
      'taobao.film.tftradefacade.tppBoxOfficeSummary.order.get',
      '票房',
    ],
    [
      'alitrip.merchant.galaxy.member.login.derby (小程序通过德比登入(会员认证))',
      'alitrip.merchant.galaxy.member.login.derby',
      '小程序通过德比登入(会员认证)',
    ],
  ])('%s', (line, api, title) => {
    expect(read(line, '', 'desc')).toMatchObject({ api, title, description: 'desc' });
  });

  it('skips the notice and the breadcrumb and keeps them', () => {
    const header = read(
      '注意:以下文档只适用于TOP接口,请谨慎使用!',
      '',
      '文档中心 > API类目 > 火车票API',
      '',
      'taobao.a.b (标题)',
      '',
      'x',
    );
    expect(header).toMatchObject({
      api: 'taobao.a.b',
      index: 4,
      notice: '注意:以下文档只适用于TOP接口,请谨慎使用!',
      breadcrumb: '文档中心 > API类目 > 火车票API',
    });
  });

  it('keeps a multi-line description, joined with newlines, without the blank lines around it', () => {
    const header = read(
      'taobao.trade.get (交易)',
      '',
      '1. 只能查询',
      '2. 不能修改',
      '点击查看更多交易API说明',
      '',
      '',
    );
    expect(header?.description).toBe('1. 只能查询\n2. 不能修改\n点击查看更多交易API说明');
  });

  it('finds no header in other text', () => {
    expect(read('Taobao.x (y)', 'taobao (x)', 'taobao.a.b(x)', 'taobao.a.b (x) tail')).toBeUndefined();
  });
});
