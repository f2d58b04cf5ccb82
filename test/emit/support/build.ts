// Small builders for hand-made model objects in emitter tests.
import { readFileSync } from 'node:fs';
import { resolveFieldKinds, resolveKinds } from '../../../src/model/passes/kinds.js';
import type { Api, Constraints, DocApi, Field } from '../../../src/model/types.js';

export interface FieldInit {
  readonly array?: boolean;
  readonly required?: boolean;
  readonly example?: string;
  readonly description?: string;
  readonly constraints?: Constraints;
  readonly children?: readonly Field[];
}

export function field(name: string, type: string, init: FieldInit = {}): Field {
  return resolveFieldKinds({
    name,
    type,
    array: init.array ?? false,
    required: init.required ?? false,
    ...(init.example === undefined ? {} : { example: init.example }),
    ...(init.description === undefined ? {} : { description: init.description }),
    ...(init.constraints === undefined ? {} : { constraints: init.constraints }),
    children: init.children ?? [],
  });
}

export function api(name: string, init: Partial<Omit<Api, 'api'>> = {}): Api {
  return {
    api: name,
    title: init.title ?? `Title of ${name}`,
    description: init.description ?? '',
    request: init.request ?? [],
    response: init.response ?? [],
    source: init.source ?? { file: `docs/${name}.txt`, format: 'text' },
    diagnostics: init.diagnostics ?? [],
  };
}

const FIXTURES = new URL('../../fixtures/emit/', import.meta.url);

/** The two seed APIs, modelled by hand from the seed pages (see test/fixtures/emit). */
export function seedApis(): Api[] {
  return [
    'alibaba_damai_maizuo_openapi_user_register_byauthcode.json',
    'alitrip_merchant_galaxy_member_login_derby.json',
  ].map((file) => resolveKinds(JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as DocApi));
}

/**
 * A small runtime for emitter tests: the real spec and value types (what generated code is typed against) with
 * a signatures-only client and index, so these tests check the emitter, not the transport.
 */
export function contractRuntime(): ReadonlyMap<string, string> {
  const stub = new URL('runtime/', FIXTURES);
  const real = new URL('../../../src/runtime/', import.meta.url);
  return new Map([
    ['access.ts', readFileSync(new URL('access.ts', real), 'utf8')],
    ['client.ts', readFileSync(new URL('client.ts', stub), 'utf8')],
    ['index.ts', readFileSync(new URL('index.ts', stub), 'utf8')],
    ['spec.ts', readFileSync(new URL('spec.ts', real), 'utf8')],
    ['values.ts', readFileSync(new URL('values.ts', real), 'utf8')],
  ]);
}

/** A paged API with every kind the typed surface treats specially: ids, counts, dates, prices, a struct. */
export function tradesSoldGet(): Api {
  return api('taobao.trades.sold.get', {
    request: [
      field('fields', 'Field List', { required: true }),
      field('start_created', 'Date'),
      field('page_no', 'Number'),
      field('page_size', 'Number'),
      field('min_fee', 'Price'),
      field('filter', 'TradeFilter', {
        children: [field('buyer_nick', 'String'), field('seller_id', 'Number')],
      }),
    ],
    response: [
      field('total_results', 'Number', { example: '2' }),
      field('has_next', 'Boolean'),
      field('trades', 'Trade', {
        array: true,
        children: [
          field('tid', 'Number', { description: '交易编号', example: '4051234567890123456' }),
          field('oid', 'Number', { example: '123' }),
          field('num', 'Number', { example: '3' }),
          field('payment', 'Price'),
        ],
      }),
    ],
  });
}
