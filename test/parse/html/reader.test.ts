import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlDoc } from '../../../src/parse/html/index.js';
import { readHtmlPage } from '../../../src/parse/html/page.js';
import { parseInput } from '../../../src/pipeline.js';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import { DOCS_INPUT, ROOT } from '../../helpers/paths.js';
import { expectedShape, shapeOf, type JsonParam } from '../json/shape.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const html = (name: string): string => readFileSync(join(FIXTURES, 'html', name), 'utf8');

interface ExpectedDoc {
  readonly name: string;
  readonly requestParams?: readonly JsonParam[];
  readonly responseParams?: readonly JsonParam[];
}
const expected = (name: string): ExpectedDoc =>
  JSON.parse(readFileSync(join(FIXTURES, 'expected', `${name}.json`), 'utf8')) as ExpectedDoc;

const DAMAI = 'alibaba_damai_maizuo_openapi_user_register_byauthcode';
const DERBY = 'alitrip_merchant_galaxy_member_login_derby';

describe('parseHtmlDoc', () => {
  it.each([
    ['damai-nested-tables.html', DAMAI],
    ['damai-flat-bullets.html', DAMAI],
    ['derby-flat-bullets.html', DERBY],
  ])('%s reads as the hand-checked nesting of the seed API', (file, seed) => {
    const r = parseHtmlDoc(html(file), file);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const want = expected(seed);
    expect(r.api?.api).toBe(want.name);
    expect(r.api?.source).toEqual({ file, format: 'html' });
    expect(shapeOf(r.api?.request ?? [])).toEqual(expectedShape(want.requestParams, 'request'));
    expect(shapeOf(r.api?.response ?? [])).toEqual(expectedShape(want.responseParams, 'response'));
  });

  it('gives the same model for a flat-bullet page as the text reader gives for its text copy', () => {
    const viaHtml = parseHtmlDoc(html('derby-flat-bullets.html'), 'derby.html');
    const viaText = parseTextDoc(readFileSync(join(DOCS_INPUT, `${DERBY}.txt`), 'utf8'), 'derby.txt');
    expect(viaHtml.api?.request).toEqual(viaText.api?.request);
    expect(viaHtml.api?.response).toEqual(viaText.api?.response);
    expect(viaHtml.api?.title).toBe(viaText.api?.title);
    expect(viaHtml.api?.description).toBe(viaText.api?.description);
  });

  it('takes example and description of flat-layout rows from their own cells, which the text copy runs together', () => {
    const page = html('derby-flat-bullets.html')
      .replace(
        '<td>token</td><td>String</td><td>可选</td><td>213456789</td><td></td>',
        '<td>token</td><td>String</td><td>可选</td><td>abc 123</td><td></td>',
      )
      .replace('<td>token</td>\n', '<td>访问 令牌</td>\n')
      .replace('req.setToken("213456789");\n', '');
    const r = parseHtmlDoc(page, 'p.html');
    expect(r.api?.request[1]).toMatchObject({ name: 'token', example: 'abc 123', description: '访问 令牌' });
    expect(r.diagnostics.filter((d) => d.field === 'request.token')).toEqual([]);
    // No top-level row is left to a guess: every one has its cells in the DOM.
    expect(r.diagnostics.filter((d) => d.code === 'example-guessed')).toEqual([]);
  });

  it('reads a parameter section laid out without a <table> by the text table rules instead of dropping it', () => {
    const source = html('derby-flat-bullets.html');
    const start = source.indexOf('<table class="param-table">');
    const end = source.indexOf('</table>', start) + '</table>'.length;
    const grid = source
      .slice(start, end)
      .replace(/<table[^>]*>/, '<div class="grid">')
      .replace('</table>', '</div>')
      .replace(/<tr>/g, '<div class="row">')
      .replace(/<\/tr>/g, '</div>')
      .replace(/<t[hd]>/g, '<span>')
      .replace(/<\/t[hd]>/g, '</span> ');
    const page = source.slice(0, start) + grid + source.slice(end);
    expect(readHtmlPage(page, 'grid.html').flatSides).toEqual(['request', 'response']);
    const r = parseHtmlDoc(page, 'grid.html');
    const want = expected(DERBY);
    expect(shapeOf(r.api?.request ?? [])).toEqual(expectedShape(want.requestParams, 'request'));
    expect(r.api?.request[0]).toMatchObject({ name: 'tenant_key', example: '234', description: '租户标识' });
  });

  it('gives the DOM reading unchanged when no table needs the nesting pass', () => {
    for (const file of ['damai-nested-tables.html', 'mydata-tree-rows.html', 'problems-nested-tables.html']) {
      const page = readHtmlPage(html(file), file);
      const r = parseHtmlDoc(html(file), file);
      expect(r.api, file).toEqual(page.api);
      expect(r.diagnostics, file).toEqual(page.diagnostics);
    }
  });

  it('points reading and nesting diagnostics at HTML lines, without columns', () => {
    // The response example omits `content`, and the description bullet block of `error_code` is cut short,
    // so the bullet rules and the nesting pass have something to say about this flat page.
    const page = html('derby-flat-bullets.html')
      .replace(
        '<ul class="sub-param"><li>└ error_code</li><li>String</li><li>50030</li><li>错误码</li></ul>',
        '<ul class="sub-param"><li>└ error_code</li></ul>',
      )
      .replace('        &lt;content&gt;true&lt;/content&gt;\n', '');
    const r = parseHtmlDoc(page, 'derby.html');
    const lines = page.split('\n');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) {
      expect(d.file).toBe('derby.html');
      expect(d.column).toBeUndefined();
      if (d.line !== undefined) expect(lines[d.line - 1], d.message).toBeDefined();
    }
  });
});

describe('parseHtmlDoc: flat-bullet nesting from the DOM', () => {
  // The damai page without its response example: `result_code` and `success` follow data's leaves, so their
  // parent is open (text-format.md §5.3).
  const noExample = (): string => {
    const source = html('damai-flat-bullets.html');
    const start = source.indexOf('<pre class="code xml">');
    return source.slice(0, start) + source.slice(source.indexOf('</pre>', start) + '</pre>'.length);
  };

  it('names the HTML line of each bullet in the message and the diagnostic, and the open alternatives', () => {
    const page = noExample();
    const r = parseHtmlDoc(page, 'damai.html');
    const lines = page.split('\n');
    const ambiguous = r.diagnostics.filter((d) => d.code === 'ambiguous-nesting');
    expect(ambiguous.map((d) => d.field)).toContain('response.result.data.result_code');
    for (const d of ambiguous) {
      const name = d.field?.split('.').pop() ?? '';
      expect(lines[(d.line ?? 0) - 1], d.message).toContain(`<li>└ ${name}</li>`);
      expect(d.message).toContain(`(line ${d.line})`);
      expect(d.message).toContain('the response example is empty');
    }
    expect(r.diagnostics.some((d) => d.code === 'truncated-page')).toBe(false);
  });

  it('applies an override file to a flat-bullet page as to its text copy', () => {
    const override = {
      file: 'damai.overrides.json',
      content: JSON.stringify({
        api: 'alibaba.damai.maizuo.openapi.user.register.byauthcode',
        response: {
          result: ['result_msg', 'data', 'result_code', 'success'],
          'result.data': ['user_token', 'user_icon', 'user_phone', 'user_name', 'user_id'],
        },
      }),
    };
    const r = parseInput({ file: 'damai.html', content: noExample(), override });
    const result = r.api?.response[0];
    expect(result?.children.map((f) => f.name)).toEqual(['result_msg', 'data', 'result_code', 'success']);
    expect(result?.children[1]?.children.map((f) => f.name)).toEqual([
      'user_token',
      'user_icon',
      'user_phone',
      'user_name',
      'user_id',
    ]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads a page cut before its FAQ section as cut', () => {
    const source = html('derby-flat-bullets.html');
    const page = source.slice(
      0,
      source.indexOf('<div class="doc-section">', source.indexOf('响应示例') - 80),
    );
    const r = parseHtmlDoc(page, 'cut.html');
    expect(r.diagnostics.filter((d) => d.code === 'truncated-page')).toHaveLength(1);
    expect(r.api?.response[0]?.children.map((f) => f.name)).toEqual([
      'success',
      'error_msg',
      'error_code',
      'content',
    ]);
  });
});

describe('parseHtmlDoc on arbitrary markup', () => {
  const pieces = [
    '<table>',
    '</table>',
    '<tr>',
    '</tr>',
    '<td>',
    '</td>',
    '<th>名称</th>',
    '<ul>',
    '<li>',
    '└ x',
    '<pre>',
    '</pre>',
    '<h2>请求参数</h2>',
    '<h2>响应参数</h2>',
    '<h2>FAQ</h2>',
    '<h1>taobao.a.b (t)</h1>',
    '<tr aria-level="3">',
    '<tr class="ant-table-row-level-2">',
    'String',
    'Item []',
    '必须',
    '<br>',
    '&lt;',
    '\n',
    '<div>',
    '</div>',
  ];
  it('never throws and always answers with diagnostics or an API', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const r = parseHtmlDoc(parts.join(''), 'fuzz.html');
        expect(Array.isArray(r.diagnostics)).toBe(true);
        if (r.api === undefined) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        for (const d of r.diagnostics) if (d.line !== undefined) expect(d.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
