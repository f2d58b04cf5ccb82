// The read/write class of each API: from its name, an override file or the config file, and where it shows in
// the generated code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, parseInput } from '../../src/generate.js';
import { emitPackage } from '../../src/emit/index.js';
import { TEMPLATES, emitModule } from '../helpers/templates.js';
import { accessFromName, apiAccess, applyAccessConfig } from '../../src/model/access.js';
import type { Api } from '../../src/model/types.js';
import { contractRuntime, seedApis } from './support/build.js';

const REGISTER = 'alibaba.damai.maizuo.openapi.user.register.byauthcode';

describe('accessFromName', () => {
  it.each([
    ['taobao.trade.get', 'read'],
    ['taobao.trades.sold.get', 'read'],
    ['taobao.xhotel.order.search', 'read'],
    ['youku.ott.pay.order.queryorderbycp', 'read'],
    ['taobao.user.openuid.getbyorder', 'read'],
    ['youku.dsp.delivery.resource.multiget', 'read'],
    ['yunos.tvpubadmin.manage.topic.findbyid', 'read'],
    ['alibaba.campus.acl.new.listuserroles', 'read'],
    ['alibaba.wdkorder.sharestock.insurance.refundget', 'read'],
    ['alitrip.btrip.flight.distribution.modify.flightsearch', 'read'],
    ['taobao.simba.keywords.count', 'read'],
    // Read-looking words that are writes: the segment does not start or end with the verb as a word.
    ['taobao.item.update.listing', 'write'],
    ['taobao.item.update.delisting', 'write'],
    ['taobao.rdc.aligenius.refunds.check', 'write'],
    ['tmall.traceplatform.ccic.tracecode.check', 'write'],
    ['taobao.simba.keywords.target', 'write'],
    ['taobao.simba.campaign.budget', 'write'],
    ['taobao.xx.widget', 'write'],
    ['taobao.xx.forget', 'write'],
    ['taobao.xx.research', 'write'],
    ['taobao.xx.countersign', 'write'],
    ['taobao.xx.listen', 'write'],
    ['taobao.wlb.item.update', 'write'],
    ['taobao.traderate.add', 'write'],
    ['alibaba.aliqin.fc.sms.num.send', 'write'],
    [REGISTER, 'write'],
    ['alitrip.merchant.galaxy.member.login.derby', 'write'],
    ['taobao.trade.checkout', 'write'],
    ['taobao.item.blacklist', 'write'],
  ])('%s is a %s', (name, access) => {
    expect(accessFromName(name)).toBe(access);
  });
});

describe('overriding the class', () => {
  const [register] = seedApis().filter((api) => api.api === REGISTER) as [Api];

  it('an override file names it for the page, whatever the format', () => {
    const content = readFileSync(
      new URL('../fixtures/json/alibaba_mydata_self_product_get.json', import.meta.url),
    );
    const plain = parseInput({ file: 'docs/p.json', content });
    expect(plain.api?.access).toBeUndefined();
    expect(apiAccess(plain.api as Api)).toBe('read');
    const pinned = parseInput({
      file: 'docs/p.json',
      content,
      override: { file: 'docs/p.overrides.json', content: '{"access": "write"}' },
    });
    expect(pinned.api?.access).toBe('write');
    const bad = parseInput({
      file: 'docs/p.json',
      content,
      override: { file: 'docs/p.overrides.json', content: '{"access": "maybe"}' },
    });
    expect(bad.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'override-invalid', message: '"access" must be "read" or "write".' }),
    );
  });

  it('the config map wins over the name, and reports entries that match no API', () => {
    const { apis, diagnostics } = applyAccessConfig(
      [register],
      { [REGISTER]: 'read', 'taobao.no.such': 'write' },
      'topgen.config.json',
    );
    expect(apiAccess(apis[0] as Api)).toBe('read');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'access-unused',
        file: 'topgen.config.json',
        field: 'access.taobao.no.such',
      }),
    ]);
    const model = buildModel([{ file: 'r.txt', api: register, diagnostics: [] }], {
      access: { [REGISTER]: 'read' },
    });
    expect(model.apis[0]?.access).toBe('read');
  });

  it('shows on the spec and in the client JSDoc', () => {
    const read = { ...register, access: 'read' as const };
    // The spec is JSON text the runtime decodes (apiSpecFromJson).
    expect(emitModule(register).text).toContain('"access":"write"');
    expect(emitModule(read).text).toContain('"access":"read"');
    const files = emitPackage([register], {
      packageName: '@acme/top-sdk',
      packageVersion: '2.0.0',
      runtimeSources: contractRuntime(),
      templates: TEMPLATES,
    });
    expect(files.get('src/api-client.ts')).toContain(
      '   * Write API: sent again only when the request certainly never reached the gateway',
    );
    expect(files.get('src/client.ts')).toContain(
      "super(options, { name: '@acme/top-sdk', version: '2.0.0' });",
    );
  });
});
