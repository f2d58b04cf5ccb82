// The typed surface end to end against `topgen mock`: a generated spec, the real runtime, the mock gateway
// serving the same model. Ids come back as strings and counts as numbers, undocumented keys are refused before
// anything is sent (or sent on purpose), dates and prices are checked and written plainly, pages are iterated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitModule } from '../helpers/templates.js';
import { startMockGateway, type MockGateway } from '../../src/mock/index.js';
import type { Api } from '../../src/model/types.js';
import { API_SPEC, TopClientBase, type TopPageableRequest } from '../../src/runtime/client.js';
import { TopValidationError } from '../../src/runtime/errors.js';
import type { ApiSpec } from '../../src/runtime/spec.js';
import { tradesSoldGet } from '../emit/support/build.js';
import { specOfModule } from '../helpers/generated-spec.js';

const TRADES: Api = tradesSoldGet();

type Page = { total_results?: number; trades?: { tid?: string; oid?: string; num?: number }[] };

let gateway: MockGateway;
let spec: ApiSpec;
let client: TopClientBase;

beforeAll(async () => {
  gateway = await startMockGateway({ apis: [TRADES], appKey: 'k', appSecret: 's' });
  spec = specOfModule<ApiSpec>(emitModule(TRADES).text);
  client = new TopClientBase({ appKey: 'k', appSecret: 's', gateway: gateway.url, retries: 0 });
});

afterAll(async () => {
  await gateway.close();
});

function request(params: Record<string, unknown>): TopPageableRequest<Page> {
  return { ...params, [API_SPEC]: spec } as unknown as TopPageableRequest<Page>;
}

describe('typed calls against topgen mock', () => {
  it('delivers ids as decimal strings and other Numbers as numbers', async () => {
    const page = await client.execute(request({ fields: 'tid,num' }));
    expect(page.total_results).toBe(2);
    expect(page.trades).toEqual([{ tid: '4051234567890123456', oid: '123', num: 3 }]);
  });

  it('refuses undocumented keys at any depth before sending, and sends them on purpose', async () => {
    const before = gateway.calls().length;
    const wrong = client.execute(request({ fields: 'tid', filter: { buyer_nik: 'x' }, page_sise: 1 }));
    await expect(wrong).rejects.toBeInstanceOf(TopValidationError);
    await expect(wrong).rejects.toThrow(
      'filter.buyer_nik is not a documented field (did you mean buyer_nick?)',
    );
    expect(gateway.calls().length).toBe(before);
    await client.execute(request({ fields: 'tid', filter: { buyer_nick: 'x', new_key: 1 } }), {
      extraParams: { new_param: 'y' },
      allowUndocumentedFields: true,
    });
    const sent = gateway.calls().at(-1)?.params;
    expect(sent?.['new_param']).toBe('y');
    expect(sent?.['filter']).toBe('{"buyer_nick":"x","new_key":1}');
  });

  it('checks dates and prices, and writes prices without exponent', async () => {
    await expect(client.execute(request({ fields: 'tid', start_created: '2024/01/01' }))).rejects.toThrow(
      "start_created must be a Date or a 'yyyy-MM-dd HH:mm:ss' string",
    );
    await client.execute(request({ fields: 'tid', start_created: new Date(0), min_fee: 1e-7 }));
    const sent = gateway.calls().at(-1)?.params;
    expect(sent?.['start_created']).toBe('1970-01-01 08:00:00');
    expect(sent?.['min_fee']).toBe('0.0000001');
  });

  it('pages until total_results is reached', async () => {
    const before = gateway.calls().length;
    const pages: Page[] = [];
    for await (const page of client.paginate(request({ fields: 'tid', page_size: 1 }))) pages.push(page);
    expect(pages).toHaveLength(2);
    expect(
      gateway
        .calls()
        .slice(before)
        .map((call) => call.params['page_no']),
    ).toEqual(['1', '2']);
  });
});
