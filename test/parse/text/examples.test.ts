import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/types.js';
import { exampleAndDescription, type ValueEvidence } from '../../../src/model/passes/nesting/examples.js';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import type { TableItem } from '../../../src/model/passes/nesting/page-content.js';
import { b, page } from './support.js';

const row = (type: string, rest: string, array = false): TableItem => ({
  kind: 'row',
  line: 3,
  name: 'f',
  type,
  array,
  required: false,
  leaf: false,
  rest,
});
const block = (type: string, cells: string[], cut = false): TableItem => ({
  kind: 'bullet',
  line: 5,
  name: 'f',
  type,
  array: false,
  required: false,
  leaf: true,
  cells,
  ...(cut ? { cut } : {}),
});

function split(item: TableItem, evidence: ValueEvidence = { kind: 'unknown' }) {
  const out: Diagnostic[] = [];
  const got = exampleAndDescription(item, evidence, { file: 'p.txt', path: 'response.f', out });
  return { got, guessed: out.map((d) => [d.code, d.severity, d.field]) };
}

describe('example and description from the sample', () => {
  it.each([
    [
      'a value that starts the run',
      row('String', '周一至周五 09:00-17:00 营业时间'),
      ['周一至周五 09:00-17:00'],
      { example: '周一至周五 09:00-17:00', description: '营业时间' },
    ],
    ['a value that is the whole run', row('String', '错误信息'), ['错误信息'], { example: '错误信息' }],
    [
      'a value equal to the description',
      row('String', '错误信息 错误信息'),
      ['错误信息'],
      { example: '错误信息', description: '错误信息' },
    ],
    [
      'an unescaped XML value',
      row('String', '"isv.x" 错误码'),
      ['"isv.x"'],
      { example: '"isv.x"', description: '错误码' },
    ],
    [
      'a list of scalars',
      row('String', 'a,b 列表', true),
      ['a,b', 'a'],
      { example: 'a,b', description: '列表' },
    ],
    ['one block cell equal to the value', block('String', ['北京']), ['北京'], { example: '北京' }],
    [
      'one block cell that differs from the value',
      block('String', ['浙江省']),
      ['330000'],
      { description: '浙江省' },
    ],
  ] as const)('%s', (_, item, values, want) => {
    expect(split(item, { kind: 'values', values })).toEqual({ got: want, guessed: [] });
  });

  it('a field the sample shows empty (or leaves out) has no example', () => {
    expect(split(row('String', '扩展 信息'), { kind: 'empty' })).toEqual({
      got: { description: '扩展 信息' },
      guessed: [],
    });
    expect(split(block('String', ['名']), { kind: 'empty' })).toEqual({
      got: { description: '名' },
      guessed: [],
    });
  });

  it('two block cells are example and description, with or without a sample', () => {
    expect(split(block('String', ['1', '一']))).toEqual({
      got: { example: '1', description: '一' },
      guessed: [],
    });
  });
});

describe('example and description without a sample (guessed, reported as info)', () => {
  it.each([
    ['one word, a description', row('String', '不传'), { description: '不传' }],
    ['one number for a Number', row('Number', '10'), { example: '10' }],
    ['one word for a Boolean', row('Boolean', 'true'), { example: 'true' }],
    [
      'first word and the rest',
      row('String', 'jingyuan 卖家昵称'),
      { example: 'jingyuan', description: '卖家昵称' },
    ],
    [
      'a leading date-time',
      row('Date', '2000-01-01 00:00:00 创建时间'),
      { example: '2000-01-01 00:00:00', description: '创建时间' },
    ],
    ['two equal halves', row('String', 'result result'), { example: 'result', description: 'result' }],
    [
      'a struct row: all description',
      row('ResultDTO', '异步获取 历史数据'),
      { description: '异步获取 历史数据' },
    ],
    [
      'a struct row whose first word is its type',
      row('ResultDTO', 'ResultDTO 返回结果'),
      { example: 'ResultDTO', description: '返回结果' },
    ],
    [
      'a struct row with "-"',
      row('ContinentDTO', '- 返回结果数据', true),
      { example: '-', description: '返回结果数据' },
    ],
    [
      'a Number row starting with words',
      row('Number', 'Goods lead time'),
      { description: 'Goods lead time' },
    ],
    ['one block cell', block('String', ['ownshop']), { description: 'ownshop' }],
    [
      'one block cell of a block cut by truncation',
      block('String', ['ownshop'], true),
      { example: 'ownshop' },
    ],
  ] as const)('%s', (_, item, want) => {
    const { got, guessed } = split(item);
    expect(got).toEqual(want);
    expect(guessed).toEqual([['example-guessed', 'info', 'response.f']]);
  });

  it('a constrained row: the run is the example, the description came on its own bullet', () => {
    const item: TableItem = { ...row('String', '0 1'), constrained: true, descriptionBullet: '计划ID' };
    expect(split(item)).toEqual({ got: { example: '0 1', description: '计划ID' }, guessed: [] });
  });

  it('empty cells give no keys at all', () => {
    expect(split(row('String', ''))).toEqual({ got: {}, guessed: [] });
    expect(split(block('String', []))).toEqual({ got: {}, guessed: [] });
  });
});

describe('hostile text is data', () => {
  it('keeps comment closers, backticks, template syntax and quotes verbatim', () => {
    const hostile = '*/ `rm -rf` ${process.exit()} </script> "quoted" \\n';
    const result = parseTextDoc(
      page({
        header: 'taobao.hostile.api (*/ 标题 `x`)',
        description: ['描述 */ /* ${x}'],
        request: [`note String 可选 v1 ${hostile}`],
        response: ['res Result 结果', b('└ text'), b('String'), b('*/'), b(hostile)],
        java: [
          'TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);',
          'HostileApiRequest req = new HostileApiRequest();',
          'req.setNote("v1");',
          'HostileApiResponse rsp = client.execute(req);',
        ],
      }),
      'hostile.txt',
    );
    expect(result.api?.title).toBe('*/ 标题 `x`');
    expect(result.api?.description).toBe('描述 */ /* ${x}');
    expect(result.api?.request[0]).toMatchObject({ example: 'v1', description: hostile });
    expect(result.api?.response[0]?.children[0]).toMatchObject({ example: '*/', description: hostile });
  });
});
