import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMING } from '../../src/naming/api-names.js';
import { planPackage, type ApiExportNames } from '../../src/emit/plan-package.js';
import type { Api } from '../../src/model/types.js';
import { api } from './support/build.js';
import { contractRuntime } from './support/build.js';
import { emitModule } from '../helpers/templates.js';

function plan(apis: readonly Api[], runtime = contractRuntime()): Map<string, ApiExportNames> {
  const items = apis.map((given) => ({
    api: given,
    module: emitModule(given),
  }));
  return new Map(planPackage(items, runtime, DEFAULT_NAMING).entries.map((e) => [e.api.api, e.exports]));
}

describe('shared-file names', () => {
  it('let the API owning a class name keep it; prefixed APIs fall back to their whole name', () => {
    const names = plan([
      api('qimen.tmall.car.leads.synchronize'),
      api('taobao.tmall.car.leads.synchronize'),
      api('tmall.car.leads.synchronize'),
    ]);
    expect([...names].map(([key, n]) => [key, n.namespace, n.request, n.method])).toEqual([
      [
        'qimen.tmall.car.leads.synchronize',
        'QimenTmallCarLeadsSynchronize',
        'QimenTmallCarLeadsSynchronizeRequest',
        'qimenTmallCarLeadsSynchronize',
      ],
      [
        'taobao.tmall.car.leads.synchronize',
        'TaobaoTmallCarLeadsSynchronize',
        'TaobaoTmallCarLeadsSynchronizeRequest',
        'taobaoTmallCarLeadsSynchronize',
      ],
      [
        'tmall.car.leads.synchronize',
        'TmallCarLeadsSynchronize',
        'TmallCarLeadsSynchronizeRequest',
        'tmallCarLeadsSynchronize',
      ],
    ]);
  });

  it('keep the Java name of a qimen API when nothing collides with it', () => {
    expect(plan([api('qimen.tmall.car.leads.synchronize')]).get('qimen.tmall.car.leads.synchronize')).toEqual(
      {
        namespace: 'QimenTmallCarLeadsSynchronize',
        request: 'TmallCarLeadsSynchronizeRequest',
        requestInit: 'TmallCarLeadsSynchronizeRequestInit',
        response: 'TmallCarLeadsSynchronizeResponse',
        method: 'qimenTmallCarLeadsSynchronize',
      },
    );
  });

  it('number the later of two APIs whose words are the same', () => {
    const names = plan([api('a.b.c'), api('a.b-c')]);
    expect(names.get('a.b-c')?.namespace).toBe('ABC');
    expect(names.get('a.b.c')?.namespace).toBe('ABC2');
    expect(names.get('a.b.c')?.request).toBe('ABC2Request');
    expect(names.get('a.b.c')?.method).toBe('aBC2');
  });

  it('keep client methods off inherited and Object members', () => {
    const names = plan([
      api('execute'),
      api('to.string'),
      api('then'),
      api('call'),
      api('options'),
      api('value.of'),
    ]);
    expect([...names.values()].map((n) => n.method)).toEqual([
      'call2',
      'execute2',
      'options2',
      'then2',
      'toString2',
      'valueOf2',
    ]);
  });

  it('keep namespaces off runtime and client names', () => {
    const names = plan([api('top.client'), api('top.client.base'), api('promise'), api('call.options')]);
    expect([...names.values()].map((n) => n.namespace)).toEqual([
      'CallOptions2',
      'Promise2',
      'TopClient2',
      'TopClientBase2',
    ]);
  });

  it('reserve every word of the runtime, whatever it exports', () => {
    const runtime = new Map([
      ...contractRuntime(),
      ['errors.ts', 'export class TopApiError extends Error {}\n'],
    ]);
    expect(plan([api('top.api.error')], runtime).get('top.api.error')?.namespace).toBe('TopApiError2');
  });

  it('do not change when an unrelated API is added or the order changes', () => {
    const apis = [api('alibaba.x.get'), api('qimen.tmall.y'), api('taobao.z.get')];
    const before = plan(apis);
    const after = plan([api('cainiao.new.get'), ...[...apis].reverse()]);
    for (const [key, names] of before) expect(after.get(key)).toEqual(names);
  });
});
