// The mock gateway protects itself while a body arrives: size, parameter count and the memory of all bodies in
// flight are checked chunk by chunk, and the refusal is a TOP-style error sent before the body has ended. Its
// log escapes whatever a request carries.
import { request, type ClientRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockGateway } from '../../src/mock/index.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import { DERBY, postForm, signedParams, startGateway } from './helpers.js';

const open: MockGateway[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((g) => g.close()));
});

async function started(extra: Parameters<typeof startGateway>[0] = {}) {
  const result = await startGateway(extra);
  open.push(result.gateway);
  return result;
}

interface Reply {
  readonly status: number;
  readonly body: string;
}

/**
 * Starts a urlencoded POST that announces `declaredBytes` but sends only `sent` and never ends; resolves with
 * the answer, which must therefore come while the body is still being read.
 */
function unfinishedPost(
  url: string,
  sent: string,
  declaredBytes: number,
): { reply: Promise<Reply>; req: ClientRequest } {
  const req = request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': declaredBytes },
  });
  const reply = new Promise<Reply>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  req.write(sent);
  return { reply, req };
}

const subCode = (reply: Reply): unknown =>
  (JSON.parse(reply.body) as { error_response?: { sub_code?: string } }).error_response?.sub_code;

describe('mock gateway limits', () => {
  it('refuses a body with too many parameters after its first chunk, not after parsing it all', async () => {
    const { gateway } = await started({ maxParams: 100 });
    const { reply, req } = unfinishedPost(gateway.url, 'a=1&'.repeat(500), 3_000_000 * 4);
    const answer = await reply;
    req.destroy();
    expect(answer.status).toBe(200);
    expect(subCode(answer)).toBe('isv.too-many-parameters');
    expect(answer.body.length).toBeLessThan(1000);
  });

  it('counts query and body parameters of complete requests too', async () => {
    const { gateway } = await started({ maxParams: 10 });
    const params = signedParams(
      DERBY,
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, 'x'])),
    );
    const answer = await postForm(gateway.url, params);
    expect(answer.json).toMatchObject({ error_response: { sub_code: 'isv.too-many-parameters' } });
  });

  it('answers an oversized body with a TOP error and HTTP 413 before it has arrived', async () => {
    const { gateway } = await started({ maxBodyBytes: 1000 });
    const { reply, req } = unfinishedPost(gateway.url, `token=${'x'.repeat(2000)}`, 31 * 1024 * 1024);
    const answer = await reply;
    req.destroy();
    expect(answer.status).toBe(413);
    expect(subCode(answer)).toBe('isv.request-too-large');
  });

  it('answers 503 (retryable) while bodies in flight hold the memory budget, and recovers once they are done', async () => {
    const { gateway } = await started({ maxBufferedBytes: 4000 });
    const first = unfinishedPost(gateway.url, `token=${'x'.repeat(3000)}`, 3500);
    // Until the gateway has read the first body's bytes a second body fits; once it has, it does not.
    let refused: Reply | undefined;
    for (let attempt = 0; attempt < 100 && refused?.status !== 503; attempt++) {
      const second = unfinishedPost(gateway.url, `token=${'y'.repeat(1994)}`, 2000);
      second.req.end();
      refused = await second.reply;
    }
    expect(refused?.status).toBe(503);
    expect(subCode(refused as Reply)).toBe('isp.top-remote-service-unavailable');
    first.req.end('y'.repeat(494));
    expect((await first.reply).status).toBe(200);
    const after = await postForm(gateway.url, signedParams(DERBY, {}));
    expect(after.status).toBe(200);
    expect(after.json).not.toHaveProperty('error_response');
  });
});

describe('mock log and diagnostics', () => {
  it('escape control, bidi and NUL characters a request or a doc carries', async () => {
    const { gateway, logs } = await started();
    await postForm(gateway.url, { method: 'x\nPOST taobao.fake -> 200 ok\u001b[2K\u202e\u0000' });
    const line = logs.at(-1) ?? '';
    expect(line).toContain('x\\u000aPOST taobao.fake -> 200 ok\\u001b[2K\\u202e\\u0000');
    // eslint-disable-next-line no-control-regex -- the point is that none are left
    expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);

    const formatted = formatDiagnostic({
      severity: 'error',
      code: 'json-syntax',
      message: 'bad \u001b[31mred\u001b[0m',
      file: 'evil\u2066.json',
      found: 'NUL \u0000 and\nnewline',
    });
    expect(formatted).toBe(
      'evil\\u2066.json: error json-syntax: bad \\u001b[31mred\\u001b[0m (found NUL \\u0000 and\\u000anewline)',
    );
  });
});
