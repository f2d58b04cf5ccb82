// Pages nested thousands of levels deep, in the two page forms whose nesting is read from layout (text bullets
// and samples, HTML tree rows): the readers must not recurse per level, and the model cuts the depth.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_DEPTH } from '../../src/model/passes/depth.js';
import type { Field } from '../../src/model/types.js';
import { parseInput } from '../../src/pipeline.js';
import { renderPage, type DocParam } from '../parse/text/render-page.js';

const DEPTH = 2_000;

function depthOf(fields: readonly Field[]): number {
  let max = 0;
  for (let level = fields, depth = 1; level.length > 0; depth++, level = level.flatMap((f) => f.children))
    max = depth;
  return max;
}

function expectCut(file: string, content: string): void {
  const { api, diagnostics } = parseInput({ file, content });
  expect(api).toBeDefined();
  expect(depthOf(api?.response ?? [])).toBe(MAX_FIELD_DEPTH);
  expect(diagnostics.filter((d) => d.code === 'nesting-too-deep')).toHaveLength(1);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

describe(`a page nested ${DEPTH} levels deep`, () => {
  it('as text (bullet blocks, Java sample, XML example) is read and cut', () => {
    let node: DocParam = { name: 'leaf', type: 'String', description: 'leaf' };
    for (let i = DEPTH - 1; i >= 1; i--)
      node = { name: `l${i}`, type: `Level${i}`, description: 'x', subParams: [node] };
    const page = renderPage(
      {
        name: 'taobao.deep.text.get',
        apiChineseName: 't',
        description: 'd',
        requestParams: [{ name: 'q', type: 'String', required: true, description: 'q' }],
        responseParams: [node],
      },
      { samples: true, sparse: false },
    );
    expectCut('deep.txt', page.text);
  });

  it('as saved HTML with tree rows is read and cut', () => {
    const fixture = readFileSync(
      fileURLToPath(new URL('../fixtures/html/mydata-tree-rows.html', import.meta.url)),
      'utf8',
    );
    // The fixture's response table: replace its rows with one chain of DEPTH levels.
    const responseBody = fixture.lastIndexOf('<tbody class="ant-table-tbody">');
    const bodyStart = fixture.indexOf('>', responseBody) + 1;
    const bodyEnd = fixture.indexOf('</tbody>', bodyStart);
    const rows = Array.from(
      { length: DEPTH },
      (_, level) =>
        `<tr data-row-key="n${level}" class="ant-table-row ant-table-row-level-${level}">` +
        `<td class="ant-table-cell ant-table-cell-with-append"><span class="ant-table-row-indent indent-level-${level}"></span>n${level}</td>` +
        `<td class="ant-table-cell">T${level}</td><td class="ant-table-cell"></td><td class="ant-table-cell">level</td></tr>`,
    ).join('\n');
    expectCut('deep.html', fixture.slice(0, bodyStart) + rows + fixture.slice(bodyEnd));
  });
});
