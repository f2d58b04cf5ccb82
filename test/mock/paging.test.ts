// A client paging through the mock comes to an end: the doc's example is page 1, a later page is empty with
// `has_next` false (the example alone would say `has_next: true` forever).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveKinds } from '../../src/model/passes/kinds.js';
import type { DocApi, Field } from '../../src/model/types.js';
import { startMockGateway, type MockGateway } from '../../src/mock/index.js';
import { TopClientBase } from '../../src/runtime/client.js';
import { apiSpecFromJson } from '../../src/runtime/spec.js';
import { requestOf } from '../runtime/helpers.js';
import { APP_KEY, APP_SECRET, postForm, signedParams } from './helpers.js';

const API = 'taobao.mock.items.page';

function field(name: string, type: string, extra: Partial<Field> = {}): Field {
  return { name, type, array: false, required: false, description: name, children: [], ...extra } as Field;
}

const doc: DocApi = {
  api: API,
  title: '分页查询',
  description: 'd',
  request: [field('page_no', 'Number', { example: '1' }), field('page_size', 'Number', { example: '2' })],
  response: [
    field('has_next', 'Boolean', { example: 'true' }),
    field('total_results', 'Number', { example: '40' }),
    field('items', 'Item', {
      array: true,
      children: [field('num_iid', 'Number', { example: '7' }), field('title', 'String', { example: 't' })],
    }),
  ],
  source: { file: 'p.json', format: 'json' },
  diagnostics: [],
} as unknown as DocApi;

let gateway: MockGateway;
beforeAll(async () => {
  gateway = await startMockGateway({ apis: [resolveKinds(doc)], appKey: APP_KEY, appSecret: APP_SECRET });
});
afterAll(async () => {
  await gateway.close();
});

describe('paging through the mock', () => {
  it('answers the example for page 1 and an empty last page after it, wrapped or simplified', async () => {
    const page = async (pageNo: string, simplify = false) =>
      (
        await postForm(
          gateway.url,
          signedParams(API, { page_no: pageNo, ...(simplify ? { simplify: 'true' } : {}) }),
        )
      ).json;
    expect(await page('1')).toMatchObject({
      mock_items_page_response: { has_next: true, total_results: 40, items: { item: [{ num_iid: 7 }] } },
    });
    expect(await page('2')).toMatchObject({
      mock_items_page_response: { has_next: false, total_results: 40, items: { item: [] } },
    });
    expect(await page('3', true)).toMatchObject({ has_next: false, items: [] });
  });

  it('lets client.paginate finish', async () => {
    const spec = apiSpecFromJson(
      JSON.stringify({
        method: API,
        responseKey: 'mock_items_page_response',
        access: 'read',
        params: [
          { name: 'page_no', kind: 'number', required: false },
          { name: 'page_size', kind: 'number', required: false },
        ],
        response: [{ name: 'items', array: true, children: [{ name: 'num_iid', number: 'string' }] }],
      }),
    );
    const client = new TopClientBase({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url });
    const pages: unknown[] = [];
    for await (const page of client.paginate(requestOf(spec, { page_size: 2 }) as never, { maxPages: 50 }))
      pages.push(page);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(pages[0]).toMatchObject({ items: [{ num_iid: '7' }] });
  });
});
