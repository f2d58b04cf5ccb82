import { describe, expect, it } from 'vitest';
import { emitModule } from '../helpers/templates.js';
import { exampleArgs } from '../../src/emit/readme-example.js';
import type { Api } from '../../src/model/types.js';
import { api, field } from './support/build.js';

function args(given: Api): string {
  return exampleArgs({ api: given, module: emitModule(given) });
}

describe('README example values', () => {
  it('fills required fields with values the request accepts', () => {
    const given = api('taobao.trades.sold.get', {
      request: [
        field('fields', 'Field List', { required: true }),
        field('start_created', 'Date', { example: '2024/01/01' }),
        field('page_size', 'Number', {
          required: true,
          example: '500',
          constraints: { minValue: 1, maxValue: 100 },
        }),
        field('page_no', 'Number', { required: true, constraints: { minValue: 2 } }),
        field('buyer_nick', 'String', { required: true, constraints: { maxLength: 3 } }),
        field('fee', 'Price', { required: true, example: '1e-7' }),
        field('ext', 'Json', { required: true, example: '{bad' }),
        field('ids', 'Number', { array: true, required: true, example: '1,x' }),
        field('tags', 'String', { array: true, example: 'a,b,c', constraints: { maxListSize: 2 } }),
      ],
      response: [
        field('total_results', 'Number'),
        field('trades', 'Trade', {
          array: true,
          children: [field('tid', 'Number'), field('status', 'String')],
        }),
      ],
    });
    expect(args(given)).toBe(
      [
        '{',
        "  fields: 'tid,status',",
        '  page_size: 1,',
        '  page_no: 2,',
        "  buyer_nick: 'buy',",
        "  fee: '1.00',",
        "  ext: '{}',",
        '  ids: [1],',
        '}',
      ].join('\n'),
    );
  });

  it('keeps valid doc examples, 64-bit ids as decimal strings', () => {
    const given = api('a.b', {
      request: [
        field('num_iid', 'Number', { example: '4051234567890123456' }),
        field('when', 'Date', { example: '2024-02-29 12:00:00' }),
        field('fields', 'Field List', { example: 'num_iid,title' }),
        field('tags', 'String', { array: true, example: 'a,b' }),
      ],
    });
    expect(args(given)).toBe(
      [
        '{',
        "  num_iid: '4051234567890123456',",
        "  when: '2024-02-29 12:00:00',",
        "  fields: 'num_iid,title',",
        "  tags: ['a', 'b'],",
        '}',
      ].join('\n'),
    );
  });
});
