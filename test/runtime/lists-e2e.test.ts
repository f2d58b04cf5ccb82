/**
 * Lists end to end: an API whose answer has lists at several depths is generated (emitter + the real runtime),
 * transpiled, and called against `topgen mock` serving the same model. The gateway wraps lists as TOP does; the
 * generated client must hand back the plain arrays its types promise, with and without `simplify`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeTranspiled } from '../helpers/transpile.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import { loadRuntimeSources } from '../../src/assets/runtime-sources.js';
import { startMockGateway, type MockGateway } from '../../src/mock/index.js';
import { resolveFieldKinds } from '../../src/model/passes/kinds.js';
import type { Api, DocField, Field } from '../../src/model/types.js';
import { TEMPLATES } from '../helpers/templates.js';

function field(name: string, type: string, extra: Partial<DocField> = {}): Field {
  return resolveFieldKinds({ name, type, array: false, required: false, children: [], ...extra });
}

const TRADES: Api = {
  api: 'taobao.trades.sold.get',
  title: '查询卖家已卖出的交易数据',
  description: '',
  request: [field('fields', 'Field List', { required: true, example: 'tid,orders' })],
  response: [
    field('total_results', 'Number', { example: '1' }),
    field('trades', 'Trade', {
      array: true,
      children: [
        field('tid', 'Number', { example: '4051234567890123456' }),
        field('orders', 'Order', {
          array: true,
          children: [field('oid', 'Number', { example: '7' }), field('title', 'String', { example: '女装' })],
        }),
        field('promotion', 'Promotion', {
          children: [field('tags', 'String', { array: true, example: '满减,包邮' })],
        }),
      ],
    }),
    field('topics', 'String', { array: true, example: 'taobao_trade_TradeCreate,taobao_trade_TradeClose' }),
    field('num_iids', 'Number', { array: true, example: '1,2' }),
    field('fields_used', 'Field List', { array: true, example: 'tid,oid' }),
  ],
  source: { file: 'docs/taobao.trades.sold.get.txt', format: 'text' },
  diagnostics: [],
};

const APP_KEY = '12345678';
const APP_SECRET = 'helloworld';

type Call = (init: object) => Promise<unknown>;
type Execute = (method: string, params: object) => Promise<unknown>;
interface Sdk {
  readonly TopClient: new (options: object) => Record<string, Call | Execute>;
}

let dir: string;
let sdk: Sdk;
let gateway: MockGateway;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'topgen-lists-'));
  const files = emitPackage([TRADES], {
    packageName: 'lists',
    packageVersion: '1.0.0',
    runtimeSources: loadRuntimeSources(),
    templates: TEMPLATES,
  });
  writeTranspiled(files, dir);
  sdk = (await import(pathToFileURL(join(dir, 'src/all.js')).href)) as Sdk;
  gateway = await startMockGateway({ apis: [TRADES], appKey: APP_KEY, appSecret: APP_SECRET });
});

afterAll(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

const EXPECTED = {
  total_results: 1,
  trades: [
    {
      tid: '4051234567890123456',
      // Ids are delivered as decimal text, whatever their size.
      orders: [{ oid: '7', title: '女装' }],
      promotion: { tags: ['满减', '包邮'] },
    },
  ],
  topics: ['taobao_trade_TradeCreate', 'taobao_trade_TradeClose'],
  num_iids: ['1', '2'],
  // A Field List is one comma-joined string, never a list.
  fields_used: 'tid,oid',
};

describe('response lists through the generated client and the mock gateway', () => {
  it.each([false, true])('come back as plain arrays (simplify=%s)', async (simplify) => {
    const client = new sdk.TopClient({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      gateway: gateway.url,
      simplify,
    });
    const call = client['taobaoTradesSoldGet'] as Call;
    const response = (await call.call(client, { fields: ['tid', 'orders'] })) as Record<string, unknown>;
    const { request_id: requestId, ...rest } = response;
    expect(typeof requestId).toBe('string');
    expect(rest).toStrictEqual(EXPECTED);
  });

  it('arrive wrapped on the wire unless simplify is set', async () => {
    const client = new sdk.TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url });
    const raw = (await (client['execute'] as Execute).call(client, 'taobao.trades.sold.get', {
      fields: 'tid',
    })) as Record<string, unknown>;
    // A call by method name has no spec, so its answer is returned exactly as the gateway wrote it.
    expect(raw['topics']).toStrictEqual({ string: ['taobao_trade_TradeCreate', 'taobao_trade_TradeClose'] });
    expect(raw['trades']).toMatchObject({ trade: [{ orders: { order: [{ oid: 7 }] } }] });
  });
});
