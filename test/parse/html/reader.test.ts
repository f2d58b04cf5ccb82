import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlDoc } from '../../../src/parse/html/index.js';
import { readHtmlPage } from '../../../src/parse/html/page.js';
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

  it('gives the DOM reading unchanged when no table needs the text rules', () => {
    for (const file of ['damai-nested-tables.html', 'mydata-tree-rows.html', 'problems-nested-tables.html']) {
      const page = readHtmlPage(html(file), file);
      const r = parseHtmlDoc(html(file), file);
      expect(r.api, file).toEqual(page.api);
      expect(r.diagnostics, file).toEqual(page.diagnostics);
    }
  });

  it('points text-rule diagnostics at HTML lines, without columns', () => {
    // The response example omits `content`, and the description bullet block of `error_code` is cut short,
    // so the text rules have something to say about this flat page.
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
