import { connect, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockGateway, type MockGateway } from '../../src/mock/index.js';
import {
  APP_KEY,
  APP_SECRET,
  DERBY,
  errorOf,
  loadApi,
  postForm,
  signedParams,
  startGateway,
} from './helpers.js';

const open: MockGateway[] = [];

async function started(extra: Parameters<typeof startGateway>[0] = {}) {
  const result = await startGateway(extra);
  open.push(result.gateway);
  return result;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((g) => g.close()));
});

function derbyCall(url: string, signal?: AbortSignal) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(signedParams(DERBY, {})).toString(),
    ...(signal === undefined ? {} : { signal }),
  });
}

describe('fault injection', () => {
  it('answers HTTP 503 once, then normally', async () => {
    const { gateway } = await started();
    gateway.injectFault({ status: 503, times: 1 });
    const first = await derbyCall(gateway.url);
    expect(first.status).toBe(503);
    expect(await first.text()).toBe('503 injected fault\n');
    const second = await postForm(gateway.url, signedParams(DERBY, {}));
    expect(second.status).toBe(200);
    expect(second.json).toHaveProperty('alitrip_merchant_galaxy_member_login_derby_response');
    expect(gateway.calls().map((c) => [c.status, c.outcome])).toEqual([
      [503, 'fault'],
      [200, 'success'],
    ]);
  });

  it('takes queued faults in order, each for its number of times', async () => {
    const { gateway } = await started({ faults: [{ status: 500, times: 2 }, { status: 502 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await derbyCall(gateway.url)).status);
    expect(statuses).toEqual([500, 500, 502, 200]);
  });

  it('answers an injected TOP error with HTTP 200 and an error_response', async () => {
    const { gateway } = await started();
    gateway.injectFault({
      topError: {
        code: 15,
        msg: 'Remote service error',
        sub_code: 'isp.top-remote-service-unavailable',
        sub_msg: 'busy',
      },
    });
    const a = await postForm(gateway.url, signedParams(DERBY, {}));
    expect(a.status).toBe(200);
    expect(errorOf(a)).toMatchObject({
      code: 15,
      sub_code: 'isp.top-remote-service-unavailable',
      sub_msg: 'busy',
    });
  });

  it('delays an answer past a client timeout, and processes a delayed request normally', async () => {
    const { gateway } = await started();
    gateway.injectFault({ delayMs: 2000 });
    await expect(derbyCall(gateway.url, AbortSignal.timeout(100))).rejects.toThrow();
    gateway.injectFault({ delayMs: 150 });
    const a = await postForm(gateway.url, signedParams(DERBY, {}));
    expect(a.json).toHaveProperty('alitrip_merchant_galaxy_member_login_derby_response');
  });

  it('drops the connection', async () => {
    const { gateway, logs } = await started();
    gateway.injectFault({ dropConnection: true });
    await expect(derbyCall(gateway.url)).rejects.toThrow();
    expect(logs.at(-1)).toMatch(/connection dropped/);
    expect((await derbyCall(gateway.url)).status).toBe(200);
  });

  it('clears queued faults', async () => {
    const { gateway } = await started();
    gateway.injectFault({ status: 503, times: 5 });
    gateway.clearFaults();
    expect((await derbyCall(gateway.url)).status).toBe(200);
  });

  it.each([{ times: 0 }, { times: 1.5 }, { status: 200 }, { delayMs: -1 }])(
    'refuses the malformed fault %o',
    async (fault) => {
      const { gateway } = await started();
      expect(() => gateway.injectFault(fault)).toThrow(RangeError);
    },
  );
});

describe('lifecycle', () => {
  it('listens on 127.0.0.1 and reports the URL of /router/rest', async () => {
    const { gateway } = await started();
    expect(gateway.port).toBeGreaterThan(0);
    expect(gateway.url).toBe(`http://127.0.0.1:${gateway.port}/router/rest`);
  });

  it('close() releases the port promptly, even with a keep-alive connection open', async () => {
    const gateway = await startMockGateway({
      apis: [loadApi('derby')],
      appKey: APP_KEY,
      appSecret: APP_SECRET,
    });
    const { port } = gateway;
    expect((await derbyCall(gateway.url)).status).toBe(200); // leaves an idle keep-alive socket
    await gateway.close();
    await gateway.close(); // a second close is harmless
    await expect(derbyCall(gateway.url)).rejects.toThrow();
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it('close() does not wait for a request held by a fault delay', async () => {
    const gateway = await startMockGateway({
      apis: [loadApi('derby')],
      appKey: APP_KEY,
      appSecret: APP_SECRET,
    });
    // Longer than the test's time limit: close() can only finish in time by not waiting for it.
    gateway.injectFault({ delayMs: 3_600_000 });
    const pending = derbyCall(gateway.url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await gateway.close();
    await expect(pending).rejects.toThrow();
  });

  it('rejects when the port is taken', async () => {
    const { gateway } = await started();
    await expect(
      startMockGateway({ apis: [], appKey: APP_KEY, appSecret: APP_SECRET, port: gateway.port }),
    ).rejects.toThrow(/EADDRINUSE/);
  });

  it('serves the first doc of an API given twice and reports the duplicate', async () => {
    const first = loadApi('derby');
    const second = { ...first, source: { file: 'other.html', format: 'html' as const }, response: [] };
    const logs: string[] = [];
    const gateway = await startMockGateway({
      apis: [first, second],
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      log: (line) => logs.push(line),
    });
    open.push(gateway);
    expect(logs).toContain(
      `warning: ${DERBY} from other.html ignored; already served from docs-input/alitrip_merchant_galaxy_member_login_derby.txt`,
    );
    const a = await postForm(gateway.url, signedParams(DERBY, {}));
    expect(a.json).toHaveProperty('alitrip_merchant_galaxy_member_login_derby_response.result.success', true);
  });

  it('uses the injected clock for the timestamp check', async () => {
    const { gateway } = await started({ now: () => Date.UTC(2026, 10, 23, 2, 0, 0) }); // 10:00:00 GMT+8
    const ok = await postForm(gateway.url, signedParams(DERBY, {}, { timestamp: '2026-11-23 10:05:00' }));
    expect(ok.json).toHaveProperty('alitrip_merchant_galaxy_member_login_derby_response');
    const stale = errorOf(
      await postForm(gateway.url, signedParams(DERBY, {}, { timestamp: '2026-11-23 09:49:00' })),
    );
    expect(stale.sub_msg).toBe(
      'timestamp 2026-11-23 09:49:00 is 11 minutes behind the gateway time 2026-11-23 10:00:00 (GMT+8); allowed skew is 10 minutes',
    );
  });

  it('keeps serving after a client goes away in the middle of a body', async () => {
    const { gateway, logs } = await started();
    const socket = connect(gateway.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nmethod=ab');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await expect
      .poll(() => logs.at(-1))
      .toBe('POST - -> client closed the connection before the body was complete');
    expect((await derbyCall(gateway.url)).status).toBe(200);
    expect(logs.some((line) => line.startsWith('internal error'))).toBe(false);
  });

  it('answers 413 to a body over the limit', async () => {
    const { gateway } = await started({ maxBodyBytes: 1000 });
    const a = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${'x'.repeat(2000)}`,
    });
    expect(a.status).toBe(413);
  });
});
