// Proxies: which one the environment and options choose, and the built-in sender going through a loopback
// proxy (absolute-form requests for http gateways, a CONNECT tunnel for https ones).
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { certificate, hasOpenssl } from './tls.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TopClientBase } from '../../src/runtime/client.js';
import { HttpAgent } from '../../src/runtime/http-agent.js';
import { bypassesProxy, proxyFor } from '../../src/runtime/proxy.js';
import type { HttpAnswer, HttpTarget } from '../../src/runtime/transport.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  vi.unstubAllEnvs();
});

describe('proxyFor', () => {
  const env = { HTTPS_PROXY: 'http://secure-proxy:3128', HTTP_PROXY: 'plain-proxy:8080' };

  it('takes HTTPS_PROXY for https gateways and HTTP_PROXY for http ones (scheme optional)', () => {
    expect(proxyFor('https://eco.taobao.com/router/rest', undefined, env)).toBe('http://secure-proxy:3128/');
    expect(proxyFor('http://gw.api.taobao.com/router/rest', undefined, env)).toBe('http://plain-proxy:8080/');
    expect(proxyFor('https://eco.taobao.com/router/rest', undefined, {})).toBeUndefined();
  });

  it('prefers the lower-case variable, as curl does', () => {
    expect(
      proxyFor('http://gw/x', undefined, { http_proxy: 'http://lower:1', HTTP_PROXY: 'http://upper:2' }),
    ).toBe('http://lower:1/');
  });

  it('lets the option win, and `false` ignore the environment', () => {
    expect(proxyFor('https://eco.taobao.com/r', 'http://mine:9', env)).toBe('http://mine:9/');
    expect(proxyFor('https://eco.taobao.com/r', false, env)).toBeUndefined();
    expect(() => proxyFor('https://eco.taobao.com/r', 'https://tls-proxy:443', {})).toThrow(/http:\/\/ URL/);
  });

  it.each([
    ['*', 'eco.taobao.com', '443', true],
    ['taobao.com', 'eco.taobao.com', '443', true],
    ['.taobao.com', 'eco.taobao.com', '443', true],
    ['*.taobao.com', 'eco.taobao.com', '443', true],
    ['eco.taobao.com:443', 'eco.taobao.com', '443', true],
    ['eco.taobao.com:8443', 'eco.taobao.com', '443', false],
    ['ataobao.com', 'eco.taobao.com', '443', false],
    ['localhost, 127.0.0.1', '127.0.0.1', '80', true],
    ['[::1]', '[::1]', '80', true],
  ])('NO_PROXY %j for %s:%s → bypass %s', (noProxy, host, port, bypass) => {
    expect(bypassesProxy(noProxy, host, port)).toBe(bypass);
  });

  it('applies NO_PROXY to the environment proxies', () => {
    expect(
      proxyFor('https://eco.taobao.com/r', undefined, { ...env, NO_PROXY: 'taobao.com' }),
    ).toBeUndefined();
  });
});

/** A loopback HTTP proxy: records what it receives; answers plain requests itself, tunnels CONNECT. */
async function proxyServer(options: { refuse?: boolean } = {}) {
  const heads: string[] = [];
  const server: Server = createServer((socket: Socket) => {
    socket.on('error', () => undefined);
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buffer.slice(0, end);
      heads.push(head);
      const connectTarget = /^CONNECT ([^ ]+) /.exec(head)?.[1];
      if (connectTarget === undefined) {
        const body = '{"trade_get_response":{"via":"proxy"}}';
        socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
        buffer = '';
        return;
      }
      socket.off('data', onData);
      if (options.refuse === true) {
        socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const [host, port] = [
        connectTarget.slice(0, connectTarget.lastIndexOf(':')),
        connectTarget.slice(connectTarget.lastIndexOf(':') + 1),
      ];
      const upstream = connect(
        { host: host === 'localhost' ? '127.0.0.1' : host, port: Number(port) },
        () => {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(socket);
          socket.pipe(upstream);
        },
      );
      upstream.on('error', () => socket.destroy());
      closers.push(() => upstream.destroy());
    };
    socket.on('data', onData);
    closers.push(() => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, heads };
}

describe('through a proxy', () => {
  it('sends plain-HTTP calls in absolute form with the proxy credentials', async () => {
    const proxy = await proxyServer();
    const proxyUrl = proxy.url.replace('http://', 'http://alice:s%40cret@');
    const client = new TopClientBase({
      appKey: 'k',
      appSecret: 's',
      gateway: 'http://gw.api.taobao.com/router/rest',
      proxy: proxyUrl,
    });
    expect(await client.execute('taobao.trade.get')).toEqual({ via: 'proxy' });
    expect(proxy.heads[0]).toMatch(/^POST http:\/\/gw\.api\.taobao\.com\/router\/rest HTTP\/1\.1\r\n/);
    expect(proxy.heads[0]).toContain(
      `\r\nProxy-Authorization: Basic ${Buffer.from('alice:s@cret').toString('base64')}`,
    );
    expect(proxy.heads[0]).toContain('\r\nHost: gw.api.taobao.com\r\n');
  });

  it('reads HTTP_PROXY from the environment, and NO_PROXY turns it off', async () => {
    const proxy = await proxyServer();
    vi.stubEnv('HTTP_PROXY', proxy.url);
    const viaEnv = new TopClientBase({
      appKey: 'k',
      appSecret: 's',
      gateway: 'http://gw.api.taobao.com/router/rest',
    });
    expect(await viaEnv.execute('taobao.trade.get')).toEqual({ via: 'proxy' });
    vi.stubEnv('NO_PROXY', 'gw.api.taobao.com');
    const direct = new TopClientBase({
      appKey: 'k',
      appSecret: 's',
      gateway: 'http://gw.api.taobao.com/router/rest',
    });
    expect(direct.toJSON()).not.toHaveProperty('proxy');
    expect(viaEnv.toJSON()).toHaveProperty('proxy');
  });
});

describe.skipIf(!hasOpenssl)('https through a CONNECT tunnel', () => {
  const post = (agent: HttpAgent, target: HttpTarget) =>
    new Promise<{ answer?: HttpAnswer; error?: unknown; unsent?: boolean }>((resolve) => {
      agent.send(target, 'a=1', (error, answer, unsent) => resolve({ answer, error, unsent }));
    });

  it('tunnels to the gateway, verifies its certificate, and reuses the tunnel', async () => {
    const { key, cert } = certificate();
    const gateway = createHttpsServer({ key, cert }, (_req, res) => res.end('{"secure":true}'));
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      gateway.closeAllConnections();
      gateway.close();
    });
    const proxy = await proxyServer();
    const agent = new HttpAgent({ tls: { ca: cert } });
    const port = (gateway.address() as AddressInfo).port;
    const target: HttpTarget = {
      url: `https://localhost:${port}/router/rest`,
      userAgent: 'sdk/1',
      maxResponseBytes: 1 << 20,
      proxy: proxy.url,
    };
    for (let i = 0; i < 2; i++) expect((await post(agent, target)).answer?.text).toBe('{"secure":true}');
    expect(proxy.heads).toEqual([`CONNECT localhost:${port} HTTP/1.1\r\nHost: localhost:${port}`]);
    agent.closeIdle();
  });

  it('a refused tunnel fails the call as never sent', async () => {
    const proxy = await proxyServer({ refuse: true });
    const result = await post(new HttpAgent(), {
      url: 'https://localhost:1/router/rest',
      userAgent: 'sdk/1',
      maxResponseBytes: 1 << 20,
      proxy: proxy.url,
    });
    expect(String(result.error)).toMatch(/proxy refused the tunnel: "HTTP\/1\.1 407/);
    expect(result.unsent).toBe(true);
  });
});
