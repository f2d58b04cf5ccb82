import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitModule } from '../helpers/templates.js';
import { clientMethodDoc } from '../../src/emit/docs.js';
import { docComment } from '../../src/emit/safe.js';
import type { Api } from '../../src/model/types.js';
import { api, field } from './support/build.js';

const retired: Api = {
  ...api('taobao.old.get', {
    title: '(已废弃)旧接口',
    description: '查询。<br/>点击查看更多交易API说明',
    request: [
      { ...field('old', 'String', { description: '废弃字段' }), deprecated: true },
      field('start', 'Date', { example: '2024/01/01' }),
      field('end', 'Date', { example: '2024-01-31 23:59:59' }),
      field('n', 'Number', { example: '12', constraints: { maxValue: 10 } }),
      field('clicks', 'Number', { description: '用户点击查看商品的次数' }),
    ],
  }),
  description: '查询。 点击查看更多交易API说明',
  docId: 46,
  deprecated: true,
};

/** The JSDoc tags TypeScript reads on the declaration of `name` in `source`. */
function tagsOf(source: string, name: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  const tags: string[] = [];
  const visit = (node: ts.Node): void => {
    const declared = (node as { name?: ts.Node }).name;
    if (declared !== undefined && ts.isIdentifier(declared) && declared.text === name)
      tags.push(...ts.getJSDocTags(node).map((t) => t.tagName.text));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return tags;
}

describe('API and field docs', () => {
  const text = emitModule(retired).text;

  it('links the doc page and marks a retired API @deprecated, on the class and the client method', () => {
    expect(text).toContain(
      ' * TOP doc page: https://open.taobao.com/api.htm?docId=46&docType=2\n *\n' +
        ' * @deprecated The doc marks this API as retired (已废弃); it may stop working.\n */\nexport class OldGetRequest',
    );
    expect(tagsOf(text, 'OldGetRequest')).toEqual(['deprecated']);
    const method = docComment(clientMethodDoc(retired), '');
    expect(method).toContain(
      ' * TOP doc page: https://open.taobao.com/api.htm?docId=46&docType=2\n *\n * @param request',
    );
    expect(method).toContain('@deprecated');
  });

  it('writes no @see or @link, which would make TypeScript parse the comment in every build', () => {
    const method = docComment(clientMethodDoc(retired), '');
    for (const comment of [text, method]) expect(comment).not.toMatch(/@(?:see|link)/i);
  });

  it('marks retired fields @deprecated', () => {
    expect(tagsOf(text, 'old')).toContain('deprecated');
    expect(tagsOf(text, 'end')).not.toContain('deprecated');
  });

  it('drops leftover link text but keeps words that only look alike', () => {
    expect(text).not.toContain('点击查看更多交易API说明');
    expect(text).toContain('查询。');
    expect(text).toContain('用户点击查看商品的次数');
  });

  it('shows only the examples a request accepts', () => {
    expect(text).not.toContain('@example 2024/01/01');
    expect(text).toContain('@example 2024-01-31 23:59:59');
    expect(text).not.toContain('@example 12');
  });
});
