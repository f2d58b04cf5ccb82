import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/types.js';
import { MAX_HTML_DEPTH, readHtmlPage } from '../../../src/parse/html/page.js';
import { DOCS_INPUT, ROOT } from '../../helpers/paths.js';
import { expectedShape, shapeOf, type JsonParam } from '../json/shape.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const html = (name: string): string => readFileSync(join(FIXTURES, 'html', name), 'utf8');

interface ExpectedDoc {
  readonly name: string;
  readonly requestParams?: readonly JsonParam[];
  readonly responseParams?: readonly JsonParam[];
}
const expectedDoc = (dir: string, name: string): ExpectedDoc =>
  JSON.parse(readFileSync(join(FIXTURES, dir, name), 'utf8')) as ExpectedDoc;

const DAMAI = 'alibaba_damai_maizuo_openapi_user_register_byauthcode';
const DERBY = 'alitrip_merchant_galaxy_member_login_derby';

function where(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.line ?? '-'} ${d.severity} ${d.code}${d.field === undefined ? '' : ` ${d.field}`}`,
  );
}

describe('readHtmlPage: DOM nesting', () => {
  it('reads nested tables (in a cell and in a full-width sub-row) into the hand-checked seed nesting', () => {
    const page = readHtmlPage(html('damai-nested-tables.html'), 'damai.html');
    expect(page.diagnostics).toEqual([]);
    expect(page.flatSides).toEqual([]);
    const expected = expectedDoc('expected', `${DAMAI}.json`);
    expect(page.api).toMatchObject({
      api: expected.name,
      title: '用户注册-验证码方式',
      description: '用户注册-验证码方式',
      source: { file: 'damai.html', format: 'html' },
    });
    expect(shapeOf(page.api?.request ?? [])).toEqual(expectedShape(expected.requestParams, 'request'));
    expect(shapeOf(page.api?.response ?? [])).toEqual(expectedShape(expected.responseParams, 'response'));
    // Cell text reads as the page shows it, normalised like the text copy (，→ ,).
    expect(page.api?.request[0]?.children[2]).toEqual({
      name: 'user_login_password',
      type: 'String',
      array: false,
      required: true,
      example: 'QWA1q2w3e4r',
      description: '会员登录密码,必填',
      children: [],
    });
    expect(page.api?.response[0]?.description).toBe('请求结果');
  });

  it('ignores the common-parameter table and tables of other sections', () => {
    const page = readHtmlPage(html('damai-nested-tables.html'), 'damai.html');
    const names = JSON.stringify(page.api);
    expect(names).not.toContain('app_key');
    expect(names).not.toContain('错误码');
  });

  it('reads tree rows (Ant Design row levels) with constraints into the doc JSON nesting', () => {
    const page = readHtmlPage(html('mydata-tree-rows.html'), 'mydata.html');
    expect(page.diagnostics).toEqual([]);
    const expected = expectedDoc('json', 'alibaba_mydata_self_product_get.json');
    expect(page.api?.api).toBe(expected.name);
    expect(shapeOf(page.api?.request ?? [])).toEqual(expectedShape(expected.requestParams, 'request'));
    expect(shapeOf(page.api?.response ?? [])).toEqual(expectedShape(expected.responseParams, 'response'));
    expect(page.api?.request[2]).toMatchObject({
      name: 'product_ids',
      type: 'Number',
      array: true,
      example: '123,456',
      constraints: { maxListSize: 20 },
      description: '待查询产品id列表',
    });
    // `order` follows the children of keyword_effects yet belongs to effects: the row level says so.
    const effects = page.api?.response[0]?.children[0];
    expect(effects?.children.map((f) => f.name)).toEqual([
      'bookmark',
      'click',
      'compare',
      'fb',
      'impression',
      'keyword_effects',
      'order',
      'product_id',
      'share',
      'visitor',
    ]);
  });

  it('puts every problem on the line of its <tr> in the HTML file', () => {
    const page = readHtmlPage(html('problems-nested-tables.html'), 'problems.html');
    expect(where(page.diagnostics)).toEqual([
      '29 warning html-level-jump',
      '12 warning unknown-type request.count',
      '13 warning empty-name request',
      '14 warning duplicate-field request.page_size',
      '18 warning missing-type request.filter.note',
      '15 warning invalid-required request.filter',
      '15 warning bad-constraint request.filter',
      '15 warning unknown-constraint request.filter',
      '26 warning children-of-primitive response.fee',
    ]);
    for (const d of page.diagnostics) expect(d.file).toBe('problems.html');
    expect(page.api?.request[0]).toMatchObject({
      name: 'page_size',
      constraints: { default: '20', maxValue: 100, minValue: 1 },
    });
    expect(
      page.api?.request[2]?.children.map((f) => `${f.name}:${f.type}${f.array ? '[]' : ''}:${f.required}`),
    ).toEqual(['keyword:String[]:true', 'note:String:false']);
    expect(page.api?.response.map((f) => `${f.name}(${f.children.map((c) => c.name).join(',')})`)).toEqual([
      'total()',
      'fee(amount)',
      'list(title)',
    ]);
    expect(page.api?.description).toBe('一个有问题的文档页:\n用于检查诊断信息的行号。');
  });
});

describe('readHtmlPage: flat bullets and rendering', () => {
  it('leaves flat-bullet tables to the text rules and renders the page exactly as its text copy', () => {
    const page = readHtmlPage(html('derby-flat-bullets.html'), 'derby.html');
    expect(page.flatSides).toEqual(['request', 'response']);
    const seed = readFileSync(join(DOCS_INPUT, `${DERBY}.txt`), 'utf8');
    // The seed copy starts with the breadcrumb, which is site navigation before the header.
    expect(page.rendered.map((l) => l.text).join('\n')).toBe(seed.slice(seed.indexOf('alitrip.')));
    expect(page.api?.request.map((f) => f.name)).toEqual([
      'tenant_key',
      'token',
      'derby_authentication_param',
      'scene_source',
    ]);
    expect(page.api?.title).toBe('小程序通过德比登入(会员认证)');
  });

  it('renders the damai pages (flat and nested) to the seed text, with HTML line numbers per line', () => {
    const seed = readFileSync(join(DOCS_INPUT, `${DAMAI}.txt`), 'utf8');
    for (const name of ['damai-flat-bullets.html', 'damai-nested-tables.html']) {
      const page = readHtmlPage(html(name), name);
      expect(page.rendered.map((l) => l.text).join('\n'), name).toBe(seed);
      const source = html(name).split('\n');
      // Each rendered line points at an HTML line that holds its text (code lines, rows, headings).
      for (const line of page.rendered) {
        const text = line.text.trim();
        if (/^<\w+>[^<]*<\/\w+>$/.test(text))
          expect(source[line.htmlLine - 1], text).toContain(
            text
              .replace(/<\/?\w+>/g, '')
              .trim()
              .slice(0, 8),
          );
        if (text === '请求参数' || text.startsWith('obj1.set'))
          expect(source[line.htmlLine - 1]).toContain(text.replace(/"/g, '&quot;'));
      }
    }
  });

  it('keeps a list inside a description as description text, not as nested fields', () => {
    const page = readHtmlPage(
      [
        '<h1>taobao.trades.sold.get (查询卖家已卖出的交易数据)</h1>',
        '<h2>请求参数</h2>',
        '<table><tr><th>名称</th><th>类型</th><th>是否必须</th><th>示例值</th><th>更多限制</th><th>描述</th></tr>',
        '<tr><td>status</td><td>String</td><td>可选</td><td></td><td></td><td>交易状态。可选值: <ul><li>WAIT_BUYER_PAY(等待买家付款)</li><li>TRADE_FINISHED(交易成功)</li></ul></td></tr>',
        '</table>',
        '<h2>响应参数</h2>',
      ].join('\n'),
      'sold.html',
    );
    expect(page.flatSides).toEqual([]);
    expect(page.diagnostics).toEqual([]);
    expect(page.api?.request).toEqual([
      {
        name: 'status',
        type: 'String',
        array: false,
        required: false,
        description: '交易状态。可选值: WAIT_BUYER_PAY(等待买家付款) TRADE_FINISHED(交易成功)',
        children: [],
      },
    ]);
  });

  it('takes the header from <title> when no element carries it', () => {
    const page = readHtmlPage(
      '<html><head><title>taobao.demo.get (演示) - 开放平台</title></head><body><div>文档中心 &gt; API类目 &gt; 演示</div><p>说明</p><h2>请求参数</h2><table></table><h2>响应参数</h2><table></table></body></html>',
      't.html',
    );
    expect(page.diagnostics).toEqual([]);
    expect(page.api).toMatchObject({
      api: 'taobao.demo.get',
      title: '演示',
      description: '说明',
      request: [],
      response: [],
    });
  });

  it('reports a page without header or parameter sections', () => {
    const page = readHtmlPage('<html><body>\n<h1>Hello</h1>\n<p>world</p>\n</body></html>', 'x.html');
    expect(page.api).toBeUndefined();
    expect(where(page.diagnostics)).toEqual([
      '3 error missing-section',
      '3 error missing-section',
      '2 error missing-header',
    ]);
    expect(page.diagnostics[2]?.found).toBe('"Hello"');
  });

  it('refuses absurdly deep markup instead of overflowing the stack', () => {
    const deep = `<html><body>${'<div>'.repeat(MAX_HTML_DEPTH + 50)}x</body></html>`;
    const page = readHtmlPage(deep, 'deep.html');
    expect(where(page.diagnostics)).toEqual(['- error html-too-deep']);
  });
});
