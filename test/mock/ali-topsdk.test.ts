/**
 * The official TOP Node SDK (npm ali-topsdk) as an independent client: its md5 signer and its multipart
 * encoding (it sends every parameter as a multipart field) must be accepted by the gateway.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockGateway } from '../../src/mock/index.js';
import { formatTopTime } from '../../src/runtime/timestamp.js';
import { APP_KEY, APP_SECRET, DAMAI, DERBY, UPLOAD, startGateway } from './helpers.js';

type Callback = (error: unknown, response: unknown) => void;

/** The part of ali-topsdk's ApiClient used here (the package ships no types). */
interface TopSdkClient {
  execute(method: string, params: Record<string, unknown>, callback: Callback): void;
  timestamp(): string;
}

const require = createRequire(import.meta.url);
const { ApiClient } = require('ali-topsdk') as {
  ApiClient: new (options: { appkey: string; appsecret: string; url: string }) => TopSdkClient;
};

function client(url: string, appsecret = APP_SECRET): TopSdkClient {
  const c = new ApiClient({ appkey: APP_KEY, appsecret, url });
  // The SDK formats the timestamp in the host's time zone; TOP expects GMT+8 (see the protocol notes).
  c.timestamp = () => formatTopTime(Date.now());
  return c;
}

function execute(c: TopSdkClient, method: string, params: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) =>
    c.execute(method, params, (error, response) => (error ? reject(error) : resolve(response))),
  );
}

let gateway: MockGateway;
beforeAll(async () => {
  ({ gateway } = await startGateway());
});
afterAll(async () => {
  await gateway.close();
});

describe('ali-topsdk against the mock gateway', () => {
  it('calls the damai seed API (md5, struct parameter as JSON)', async () => {
    const param0 = {
      auth_code: '726311',
      ptnr_token: 'St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2',
      user_login_password: 'QWA1q2w3e4r',
      user_phone: '139xxxx4567',
      tenant_token: 'A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5icq',
      channel_token: 'XYJ72Idfk1231+mCzqSXZLWtCnikX/Vn',
      code_type: 1,
    };
    const response = (await execute(client(gateway.url), DAMAI, { param0 })) as {
      result: { data: { user_id: string }; result_code: number; success: boolean };
    };
    expect(response.result.data.user_id).toBe('2313112');
    expect(response.result.result_code).toBe(201);
    expect(response.result.success).toBe(false);
  });

  it('calls the derby seed API with Chinese text', async () => {
    const response = await execute(client(gateway.url), DERBY, {
      tenant_key: '234',
      derby_authentication_param: { email: '认证邮箱@x.com', optin_all: true },
      scene_source: 'DERBY_V1_BINDED_LOGIN',
    });
    expect(response).toMatchObject({ result: { success: true, error_code: '50030' } });
  });

  it('uploads a file part, which the gateway does not sign', async () => {
    const response = await execute(client(gateway.url), UPLOAD, {
      num_iid: '42',
      image: Buffer.from('PNG bytes'),
    });
    expect(response).toHaveProperty('created', '2024-05-01 12:00:00');
    expect(gateway.calls().at(-1)?.files).toEqual([
      expect.objectContaining({ name: 'image', filename: 'image', size: 9 }) as unknown,
    ]);
  });

  it('gets the error_response for a wrong secret', async () => {
    await expect(execute(client(gateway.url, 'wrong'), DERBY, {})).rejects.toMatchObject({
      code: 25,
      sub_code: 'isv.invalid-signature',
    });
  });
});
