// The committed generated/ package, called over 127.0.0.1 against `topgen mock` serving docs-input/.
import { describe, expect, it } from 'vitest';
import { APP_KEY, APP_SECRET, docsInputGateway } from '../helpers/mock-gateway.js';
import {
  AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest,
  TopClient,
  TopError,
  TopTimeoutError,
  TopValidationError,
} from '../../generated/src/all.js';

const damaiParams = {
  auth_code: '726311',
  ptnr_token: 'St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2',
  user_login_password: 'QWA1q2w3e4r',
  user_phone: '139xxxx4567',
  tenant_token: 'A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5icq',
  channel_token: 'XYJ72Idfk1231+mCzqSXZLWtCnikX/Vn',
  code_type: 1,
};

describe('generated client against topgen mock', () => {
  const gateway = docsInputGateway();
  const client = (options: Partial<ConstructorParameters<typeof TopClient>[0]> = {}) =>
    new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway().url, ...options });

  it.each(['md5', 'hmac', 'hmac-sha256'] as const)(
    'damai happy path with the example values (%s)',
    async (signMethod) => {
      const response = await client({ signMethod }).alibabaDamaiMaizuoOpenapiUserRegisterByauthcode({
        param0: damaiParams,
      });
      expect(response.result?.data?.user_id).toBe('2313112');
      expect(response.result?.result_code).toBe(201);
      expect(response.result?.success).toBe(false);
      expect(response.result?.result_msg).toBe('成功');
      expect(typeof response.request_id).toBe('string');
    },
  );

  it('accepts a request class instance and execute()', async () => {
    const request = new AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest({ param0: damaiParams });
    const viaMethod = await client().alibabaDamaiMaizuoOpenapiUserRegisterByauthcode(request);
    const viaExecute = await client().execute(request);
    expect(viaExecute.result?.data?.user_name).toBe('赢x');
    expect(viaMethod.result?.data?.user_name).toBe('赢x');
  });

  it('derby happy path with optional params only', async () => {
    const response = await client().alitripMerchantGalaxyMemberLoginDerby({
      tenant_key: '234',
      token: '213456789',
      derby_authentication_param: { email: '认证邮箱@x.com', optin_all: true },
      scene_source: 'DERBY_V1_BINDED_LOGIN',
    });
    expect(response.result).toEqual({
      success: true,
      error_msg: '错误信息',
      error_code: '50030',
      content: true,
    });
  });

  it('rejects a missing nested required field before sending', async () => {
    const { ptnr_token: _omitted, ...incomplete } = damaiParams;
    const call = client().alibabaDamaiMaizuoOpenapiUserRegisterByauthcode({
      // @ts-expect-error ptnr_token is required: the type system says so too
      param0: incomplete,
    });
    await expect(call).rejects.toBeInstanceOf(TopValidationError);
    await expect(call).rejects.toThrow('param0.ptnr_token is required');
  });

  it('the gateway itself reports a missing required parameter', async () => {
    const call = client().execute('alibaba.damai.maizuo.openapi.user.register.byauthcode', {});
    await expect(call).rejects.toMatchObject({ sub_code: 'isv.missing-parameter' });
  });

  it('a wrong secret gives a TopError with sub_code', async () => {
    const call = client({ appSecret: 'wrong' }).alitripMerchantGalaxyMemberLoginDerby({ tenant_key: '234' });
    await expect(call).rejects.toBeInstanceOf(TopError);
    await expect(call).rejects.toMatchObject({ code: 25, sub_code: 'isv.invalid-signature' });
  });

  it('retries a 5xx of a call made as a read and succeeds, signing each attempt afresh', async () => {
    gateway().injectFault({ status: 503, times: 1 });
    const before = gateway().calls().length;
    const response = await client({ retries: 2 }).alitripMerchantGalaxyMemberLoginDerby(
      { tenant_key: '234' },
      { access: 'read' },
    );
    expect(response.result?.success).toBe(true);
    const attempts = gateway().calls().slice(before);
    expect(attempts.map((call) => call.status)).toEqual([503, 200]);
  });

  it('never repeats a write after a 5xx, and says it made one attempt', async () => {
    gateway().injectFault({ status: 503, times: 1 });
    const before = gateway().calls().length;
    const error = await client({ retries: 2 })
      .alitripMerchantGalaxyMemberLoginDerby({ tenant_key: '234' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect((error as Error).message).toMatch(/\[1 attempt\]$/);
    expect(gateway().calls().length - before).toBe(1);
  });

  it('sends a write exactly once when its answer is slower than the timeout', async () => {
    gateway().injectFault({ delayMs: 300, times: 3 });
    const sent: number[] = [];
    const error = await client({ timeoutMs: 100, retries: 2, onRequest: (e) => sent.push(e.attempt) })
      .alibabaDamaiMaizuoOpenapiUserRegisterByauthcode({ param0: damaiParams })
      .catch((e: unknown) => e);
    gateway().clearFaults();
    expect(error).toBeInstanceOf(TopTimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(sent).toEqual([1]);
  });

  it('gives the status and headers of the answer with withResponse()', async () => {
    const { data, response } = await client()
      .alitripMerchantGalaxyMemberLoginDerby({ tenant_key: '234' })
      .withResponse();
    expect(data.result?.success).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(response.attempts).toBe(1);
  });

  it('does not retry a caller error (isv.*)', async () => {
    const before = gateway().calls().length;
    await expect(
      client({ appSecret: 'wrong', retries: 2 }).alitripMerchantGalaxyMemberLoginDerby({}),
    ).rejects.toBeInstanceOf(TopError);
    expect(gateway().calls().length - before).toBe(1);
  });

  it('times out a slow gateway', async () => {
    gateway().injectFault({ delayMs: 2_000, times: 1 });
    const call = client({ timeoutMs: 200, retries: 0 }).alitripMerchantGalaxyMemberLoginDerby({
      tenant_key: '234',
    });
    await expect(call).rejects.toBeInstanceOf(TopTimeoutError);
    await expect(call).rejects.toThrow('no answer within 200 ms');
  });
});
