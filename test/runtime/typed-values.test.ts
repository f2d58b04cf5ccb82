// Values the types promise: numbers in their declared form, plain decimals on the wire, undocumented keys
// refused or sent on purpose, pages iterated to the right end. Calls go to a local HTTP server through the
// built-in sender.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SPEC, TopClientBase, type TopPageableRequest } from '../../src/runtime/client.js';
import { plainDecimal } from '../../src/runtime/decimal.js';
import { TopValidationError } from '../../src/runtime/errors.js';
import { numberIn, readResponse } from '../../src/runtime/response.js';
import { verifySignature } from '../../src/runtime/sign.js';
import type { ApiSpec } from '../../src/runtime/spec.js';

describe('plainDecimal', () => {
  it.each<[number, string]>([
    [1e-7, '0.0000001'],
    [-1.5e-10, '-0.00000000015'],
    [1.5e21, '1500000000000000000000'],
    [1e21, '1000000000000000000000'],
    [-2.5e22, '-25000000000000000000000'],
    [12.5, '12.5'],
    [0, '0'],
    [123456789.125, '123456789.125'],
  ])('%s → %s', (value, text) => {
    expect(plainDecimal(value)).toBe(text);
    expect(Number(text)).toBe(value);
  });
});

describe('Number fields take their declared form', () => {
  it.each<[Parameters<typeof numberIn>[0], unknown, unknown]>([
    ['number', 40, 40],
    ['number', '40', 40],
    ['number', '12.5', 12.5],
    ['number', 'n/a', 'n/a'],
    ['string', 123, '123'],
    ['string', '9007199254740993', '9007199254740993'],
    ['string', 1e-7, '0.0000001'],
    ['bigint', 123, 123n],
    ['bigint', '9007199254740993', 9007199254740993n],
    ['bigint', 1.5, 1.5],
  ])('%s from %j', (form, value, expected) => {
    expect(numberIn(form, value)).toEqual(expected);
  });

  it('converts by the response description, in lists and list wrappers too', () => {
    const text =
      '{"x_response":{"total_results":"2","trades":{"trade":[{"tid":123,"orders":{"order":[{"oid":9007199254740993}]}}]},' +
      '"ids":{"number":[1,9007199254740993]},"request_id":"r"}}';
    const response = readResponse('x', 'x_response', 200, text, [
      { name: 'total_results', number: 'number' },
      {
        name: 'trades',
        array: true,
        children: [
          { name: 'tid', number: 'string' },
          { name: 'orders', array: true, children: [{ name: 'oid', number: 'string' }] },
        ],
      },
      { name: 'ids', array: true, number: 'bigint' },
    ]);
    expect(response).toEqual({
      total_results: 2,
      trades: [{ tid: '123', orders: [{ oid: '9007199254740993' }] }],
      ids: [1n, 9007199254740993n],
      request_id: 'r',
    });
  });
});

interface Received {
  readonly params: URLSearchParams;
}

let server: Server;
let gateway: string;
const received: Received[] = [];
/** Answers per API method; `page` answers depend on page_no. */
const answers = new Map<string, (params: URLSearchParams) => unknown>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      received.push({ params });
      const answer = answers.get(params.get('method') ?? '')?.(params) ?? {};
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const SPEC: ApiSpec = {
  method: 'taobao.items.list',
  responseKey: 'items_list_response',
  params: [
    { name: 'fields', kind: 'fieldList', required: true },
    { name: 'page_no', kind: 'number' },
    { name: 'page_size', kind: 'number' },
    { name: 'price', kind: 'price' },
    { name: 'start', kind: 'date' },
    { name: 'filter', kind: 'struct', children: [{ name: 'min_price', kind: 'price' }] },
  ],
  response: [
    { name: 'items', array: true, children: [{ name: 'num_iid', number: 'string' }] },
    { name: 'total_results', number: 'number' },
  ],
};

class Client extends TopClientBase {
  list(params: object, options?: Parameters<TopClientBase['paginate']>[1]): Promise<Record<string, unknown>> {
    return this.call(SPEC, params, options);
  }
}

function request(fields: Record<string, unknown>): TopPageableRequest<Record<string, unknown>> {
  return { ...fields, [API_SPEC]: SPEC } as unknown as TopPageableRequest<Record<string, unknown>>;
}

function client(): Client {
  return new Client({ appKey: 'k', appSecret: 's', gateway, retries: 0 });
}

/** 7 items, served `page_size` (default 3) at a time; `has_next` or `total_results` as asked. */
function pagedAnswer(end: 'has_next' | 'total_results' | 'short page'): (params: URLSearchParams) => unknown {
  return (params) => {
    const pageNo = Number(params.get('page_no'));
    const pageSize = Number(params.get('page_size') ?? 3);
    const ids = [1, 2, 3, 4, 5, 6, 7].slice((pageNo - 1) * pageSize, pageNo * pageSize);
    const body: Record<string, unknown> = { items: { item: ids.map((num_iid) => ({ num_iid })) } };
    if (end === 'has_next') body['has_next'] = pageNo * pageSize < 7;
    if (end === 'total_results') body['total_results'] = 7;
    return { items_list_response: body };
  };
}

async function pageIds(pages: AsyncIterable<Record<string, unknown>>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const page of pages) out.push((page['items'] as { num_iid: unknown }[]).map((i) => i.num_iid));
  return out;
}

describe('a call against a local gateway', () => {
  it('refuses a misspelt key at any depth and sends nothing', async () => {
    received.length = 0;
    const call = client().list({ fields: 'num_iid', filter: { min_prise: '1' }, page_sise: 2 });
    await expect(call).rejects.toThrow(TopValidationError);
    await expect(call).rejects.toThrow(
      /filter\.min_prise is not a documented field \(did you mean min_price\?\); page_sise is not a documented field \(did you mean page_size\?\)/,
    );
    expect(received).toEqual([]);
  });

  it('sends undocumented params and fields only when asked to', async () => {
    received.length = 0;
    answers.set('taobao.items.list', () => ({ items_list_response: {} }));
    await client().list(
      { fields: 'num_iid', filter: { min_price: 1e-7, new_field: 1 } },
      { extraParams: { new_param: 2.5e-7, a_first: true }, allowUndocumentedFields: true },
    );
    const params = received[0]?.params;
    expect(params?.get('new_param')).toBe('0.00000025');
    expect(params?.get('filter')).toBe('{"min_price":0.0000001,"new_field":1}');
    expect(params?.get('a_first')).toBe('true');
    // The extra params are signed in order with the others.
    expect(verifySignature(Object.fromEntries(params ?? []), 's')).toBe(true);
  });

  it('checks dates and prices before sending and writes prices as plain decimals', async () => {
    received.length = 0;
    await expect(client().list({ fields: 'a', start: '2024/01/01' })).rejects.toThrow(
      "start must be a Date or a 'yyyy-MM-dd HH:mm:ss' string",
    );
    expect(received).toEqual([]);
    await client().list({ fields: 'a', price: 1e-7, start: '2024-01-01 00:00:00' });
    expect(received[0]?.params.get('price')).toBe('0.0000001');
  });

  it('delivers id fields as strings and counts as numbers, whatever the JSON form', async () => {
    answers.set('taobao.items.list', () => ({
      items_list_response: { items: { item: [{ num_iid: 123 }] }, total_results: '7' },
    }));
    const response = await client().list({ fields: 'a' });
    expect(response).toMatchObject({ items: [{ num_iid: '123' }], total_results: 7 });
  });

  it.each([
    ['has_next', undefined, [[1, 2, 3], [4, 5, 6], [7]]],
    ['total_results', 3, [[1, 2, 3], [4, 5, 6], [7]]],
    ['short page', undefined, [[1, 2, 3], [4, 5, 6], [7]]],
    ['total_results', 7, [[1, 2, 3, 4, 5, 6, 7]]],
  ] as const)('pages until %s says so (page_size %s)', async (end, pageSize, expected) => {
    answers.set('taobao.items.list', pagedAnswer(end));
    const ids = await pageIds(client().paginate(request({ fields: 'num_iid', page_size: pageSize })));
    expect(ids).toEqual(expected.map((page) => page.map(String)));
  });

  it('starts at the request page_no, stops at maxPages and after an empty page', async () => {
    answers.set('taobao.items.list', pagedAnswer('has_next'));
    const c = client();
    expect(await pageIds(c.paginate(request({ fields: 'a', page_no: 2 })))).toEqual([['4', '5', '6'], ['7']]);
    expect(await pageIds(c.paginate(request({ fields: 'a' }), { maxPages: 1 }))).toEqual([['1', '2', '3']]);
    // A gateway that always says has_next: the first page without items ends the iteration.
    answers.set('taobao.items.list', (params) => ({
      items_list_response: { has_next: true, items: Number(params.get('page_no')) < 3 ? { item: [{}] } : {} },
    }));
    expect((await pageIds(c.paginate(request({ fields: 'a' })))).length).toBe(3);
  });

  it.each([
    ['read', [['1', '2', '3'], ['4', '5', '6'], ['7']], 4],
    ['write', [['1', '2', '3']], 2],
  ] as const)(
    'fetches each page under the API’s retry policy (%s): a transient failure is retried only for a read',
    async (access, pagesBeforeEnd, sentPages) => {
      received.length = 0;
      let failed = false;
      const paged = pagedAnswer('has_next');
      answers.set('taobao.items.list', (params) => {
        if (params.get('page_no') !== '2' || failed) return paged(params);
        failed = true;
        return {
          error_response: {
            code: 15,
            msg: 'Remote service error',
            sub_code: 'isp.top-remote-service-unavailable',
          },
        };
      });
      const spec: ApiSpec = { ...SPEC, access };
      const c = new Client({ appKey: 'k', appSecret: 's', gateway, retries: 1, retryDelayMs: 0 });
      const req = { fields: 'num_iid', [API_SPEC]: spec } as unknown as TopPageableRequest<
        Record<string, unknown>
      >;
      const pages: unknown[][] = [];
      const run = async (): Promise<void> => {
        for await (const page of c.paginate(req))
          pages.push((page['items'] as { num_iid: unknown }[]).map((i) => i.num_iid));
      };
      if (access === 'read') await run();
      else await expect(run()).rejects.toThrow('isp.top-remote-service-unavailable');
      expect(pages).toEqual(pagesBeforeEnd);
      // The write's second page is sent once: its fate is unknown, so it is never repeated.
      expect(received.length).toBe(sentPages);
    },
  );

  it('refuses to paginate an API without page_no', async () => {
    const spec: ApiSpec = { method: 'a.b', responseKey: 'a_b_response', params: [] };
    const notPaged = { [API_SPEC]: spec } as unknown as TopPageableRequest;
    await expect(client().paginate(notPaged).next()).rejects.toThrow(
      'paginate: expected a request of an API with a page_no parameter',
    );
  });
});
