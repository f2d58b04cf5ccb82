import { describe, expect, it } from 'vitest';
import { apiNames, classBase, DEFAULT_NAMING, responseKey } from '../../src/naming/api-names.js';

describe('classBase: the official Java SDK class name', () => {
  it.each([
    [
      'alibaba.damai.maizuo.openapi.user.register.byauthcode',
      'AlibabaDamaiMaizuoOpenapiUserRegisterByauthcode',
    ],
    ['alitrip.merchant.galaxy.member.login.derby', 'AlitripMerchantGalaxyMemberLoginDerby'],
    ['taobao.fenxiao.distributors.get', 'FenxiaoDistributorsGet'],
    ['taobao.alitrip.ie.agent.price.lowercan', 'AlitripIeAgentPriceLowercan'],
    ['qimen.tmall.car.leads.synchronize', 'TmallCarLeadsSynchronize'],
    ['taobao.qimen.itemlack.report', 'QimenItemlackReport'],
    ['tmall.car.leads.synchronize', 'TmallCarLeadsSynchronize'],
    ['cainiao.waybill.ii.get', 'CainiaoWaybillIiGet'],
    ['slb.aliyuncs.com.SetLoadBalancerName.2013-02-21', 'SlbAliyuncsComSetLoadBalancerName20130221'],
    ['1688.foo.get', 'Api1688FooGet'],
    ['taobao.', 'Taobao'],
  ])('%s → %s', (api, want) => {
    expect(classBase(api)).toBe(want);
  });
});

describe('responseKey: the success envelope key', () => {
  it.each([
    ['taobao.user.seller.get', 'user_seller_get_response'],
    ['alitrip.merchant.galaxy.member.login.derby', 'alitrip_merchant_galaxy_member_login_derby_response'],
    ['tmc.user.topics.get', 'tmc_user_topics_get_response'],
    ['alibaba.idle.isv.user.info', 'alibaba_idle_isv_user_info_response'],
    ['qimen.tmall.car.leads.synchronize', 'qimen_tmall_car_leads_synchronize_response'],
  ])('%s → %s', (api, want) => {
    expect(responseKey(api)).toBe(want);
  });
});

describe('apiNames', () => {
  it('derives every per-API symbol from the name alone', () => {
    expect(apiNames('taobao.fenxiao.distributors.get', DEFAULT_NAMING)).toEqual({
      api: 'taobao.fenxiao.distributors.get',
      base: 'FenxiaoDistributorsGet',
      request: 'FenxiaoDistributorsGetRequest',
      requestInit: 'FenxiaoDistributorsGetRequestInit',
      response: 'FenxiaoDistributorsGetResponse',
      spec: 'fenxiaoDistributorsGetSpec',
      fullBase: 'TaobaoFenxiaoDistributorsGet',
      method: 'taobaoFenxiaoDistributorsGet',
      modulePath: 'src/apis/taobao.fenxiao.distributors.get.ts',
      importPath: './apis/taobao.fenxiao.distributors.get.js',
    });
  });

  it('starts names with a letter when the API name starts with a digit', () => {
    const names = apiNames('1688.foo.get', DEFAULT_NAMING);
    expect([names.request, names.spec, names.fullBase, names.method]).toEqual([
      'Api1688FooGetRequest',
      'api1688FooGetSpec',
      'Api1688FooGet',
      'api1688FooGet',
    ]);
  });

  it.each([['../evil'], ['a/b'], [''], ['.hidden'], ['名字.get'], ['a b']])('rejects %j', (api) => {
    expect(() => apiNames(api, DEFAULT_NAMING)).toThrow(/Cannot generate API/);
  });
});
