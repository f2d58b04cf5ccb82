// Lines that must and must not compile against a generated package, under strict, exactOptionalPropertyTypes
// and noUncheckedIndexedAccess (the package's own tsconfig): numbers, optional values, the escape hatch for
// undocumented params, value types, pagination. Each line that must not compile ends in `// error TSnnnn`.
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import { loadRuntimeSources } from '../../src/assets/index.js';
import { TEMPLATES } from '../helpers/templates.js';
import { api, field, tradesSoldGet } from './support/build.js';
import { errorsByLine, expectedErrors, typeCheck } from '../helpers/typecheck.js';

const TRADES = tradesSoldGet();

const PLAIN = api('taobao.time.get', { response: [field('time', 'Date')] });

const USAGE = `import { TopClient, TradesSoldGetRequest, TimeGetRequest } from './all.js';
import type { TopFile } from './runtime/index.js';

declare const maybe: string | undefined;
declare const maybeNumber: number | undefined;
const client = new TopClient({ appKey: 'k', appSecret: 's', session: maybe, gateway: maybe, timeoutMs: maybeNumber });
new TopClient({ appKey: 'k', appSecret: 's', session: 1 }); // error TS2322

async function numbers(): Promise<void> {
  const r = await client.taobaoTradesSoldGet({ fields: 'tid,num' });
  const pages: number = Math.ceil((r.total_results ?? 0) / 40);
  const first = r.trades?.[0];
  const tid: string | undefined = first?.tid;
  const num: number | undefined = first?.num;
  const same: boolean = first?.tid === r.trades?.[1]?.tid;
  const asNumber: number | undefined = first?.tid; // error TS2322
  const items: string = r.trades?.[0]; // error TS2322
  void [pages, tid, num, same, asNumber, items];
}

function optional(): void {
  void client.taobaoTradesSoldGet({ fields: 'tid', start_created: maybe, page_no: maybeNumber, filter: { buyer_nick: maybe } });
  void client.taobaoTradesSoldGet({ fields: 'tid' }, { timeoutMs: Math.random() > 0.5 ? 100 : undefined, session: maybe });
  void client.taobaoTradesSoldGet({ fields: maybe }); // error TS2322
  new TradesSoldGetRequest({ fields: ['tid', 'num'], page_size: undefined });
}

function undocumented(): void {
  void client.taobaoTradesSoldGet({ fields: 'tid', page_sise: 40 }); // error TS2561
  void client.taobaoTradesSoldGet({ fields: 'tid', filter: { buyer_nik: 'x' } }); // error TS2561
  void client.taobaoTradesSoldGet({ fields: 'tid' }, { extraParams: { new_param: 1 }, allowUndocumentedFields: true });
  void client.taobaoTradesSoldGet({ fields: 'tid' }, { extraParams: 'new_param=1' }); // error TS2322
}

function values(): void {
  void client.taobaoTradesSoldGet({ fields: 'tid', start_created: new Date(), min_fee: 12.5 });
  void client.taobaoTradesSoldGet({ fields: 'tid', start_created: '2024-01-01 00:00:00', min_fee: '12.50' });
  void client.taobaoTradesSoldGet({ fields: 'tid', filter: { seller_id: 4051234567890123456n } });
  void client.taobaoTradesSoldGet({ fields: 'tid', filter: { seller_id: '4051234567890123456' } });
  void client.taobaoTradesSoldGet({ fields: 'tid', start_created: 20240101 }); // error TS2322
  void client.taobaoTradesSoldGet({ fields: 'tid', min_fee: true }); // error TS2322
  void client.taobaoTradesSoldGet({ fields: 'tid', filter: { seller_id: 'abc' } }); // error TS2322
}

async function paging(): Promise<void> {
  for await (const page of client.paginate(new TradesSoldGetRequest({ fields: 'tid', page_size: 40 }))) {
    const count: number | undefined = page.trades?.length;
    void count;
  }
  for await (const page of client.paginate(new TimeGetRequest())) void page; // error TS2379
  void client.paginate(new TradesSoldGetRequest({ fields: 'tid' }), { maxPages: 3, timeoutMs: undefined });
}

function files(): void {
  // A file whose name may be unknown: the runtime leaves an undefined filename out, so the type lets it through.
  const upload: TopFile = { data: new Uint8Array([1]), filename: maybe, contentType: maybe };
  const bad: TopFile = { data: 'text' }; // error TS2322
  void [upload, bad];
}

void [numbers, optional, undocumented, values, paging, files];
`;

describe('typed surface under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess', () => {
  it('accepts what the runtime accepts and rejects the mistakes', () => {
    const files = emitPackage([TRADES, PLAIN], {
      packageName: 'typed-sdk',
      packageVersion: '1.0.0',
      runtimeSources: loadRuntimeSources(),
      templates: TEMPLATES,
    });
    const tsconfig = JSON.parse(files.get('tsconfig.json') ?? '{}') as {
      compilerOptions: Record<string, unknown>;
    };
    expect(tsconfig.compilerOptions).toMatchObject({
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
    });
    const result = typeCheck(files, new Map([['src/usage.ts', USAGE]]));
    expect(result.messages.filter((m) => !m.startsWith('src/usage.ts:'))).toEqual([]);
    expect(errorsByLine(result, 'src/usage.ts')).toEqual(expectedErrors(USAGE));
  });
});
