// npm run bench:runtime: calls per second and client CPU per call of the generated client (generated/, built
// with tsc into a temporary folder) against the official Node SDK (ali-topsdk), both calling the same API with
// the same parameters on the same `topgen mock` gateway. The gateway runs in a forked process so that
// process.cpuUsage() in this process measures the clients alone. Every answer is checked for success.
//
// Flags: --calls N (measured calls per client and mode, default 20000), --concurrency N (default 16),
// --rounds N (alternating measurement rounds per client and mode, default 10), --gateway-only (internal).
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const APP_KEY = '12345678';
const APP_SECRET = 'helloworld';
const DERBY = 'alitrip.merchant.galaxy.member.login.derby';
const DERBY_DOC = 'alitrip_merchant_galaxy_member_login_derby.txt';
const PARAMS = {
  tenant_key: '234',
  token: '213456789',
  derby_authentication_param: { email: '认证邮箱@x.com', optin_all: true },
  scene_source: 'DERBY_V1_BINDED_LOGIN',
};

function flag(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

// ---- the gateway process -------------------------------------------------------------------------------------

async function gatewayMain(buildDir) {
  const { startMockGateway } = await import(pathToFileURL(join(buildDir, 'mock', 'index.js')).href);
  const { parseDocument } = await import(pathToFileURL(join(buildDir, 'parse', 'index.js')).href);
  const parsed = parseDocument(readFileSync(join(root, 'docs-input', DERBY_DOC)), `docs-input/${DERBY_DOC}`);
  if (parsed.api === undefined) throw new Error(`cannot parse ${DERBY_DOC}`);
  const gateway = await startMockGateway({ apis: [parsed.api], appKey: APP_KEY, appSecret: APP_SECRET });
  process.on('message', (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
    if (message === 'stop') gateway.close().then(() => process.exit(0));
  });
  process.send({ url: gateway.url });
}

// ---- the clients --------------------------------------------------------------------------------------------

function build(work) {
  const sdk = join(work, 'sdk');
  const gateway = join(work, 'gateway');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'generated'), '--outDir', sdk]);
  // The gateway and the doc reader from source, so the bench never runs a stale dist/ (the type check is
  // `npm run typecheck`'s job).
  execFileSync(process.execPath, [
    tsc,
    ...['--outDir', gateway, '--rootDir', join(root, 'src'), '--module', 'NodeNext'],
    ...[
      '--moduleResolution',
      'NodeNext',
      '--target',
      'ES2022',
      '--skipLibCheck',
      '--types',
      'node',
      '--noCheck',
    ],
    join(root, 'src', 'mock', 'index.ts'),
    join(root, 'src', 'parse', 'index.ts'),
  ]);
  return { sdk, gateway };
}

function startGateway(buildDir) {
  const child = fork(fileURLToPath(import.meta.url), ['--gateway-only', buildDir], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    child.once('message', (message) => resolve({ child, url: message.url }));
  });
}

function gatewayCpu(child) {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message.cpu.user + message.cpu.system));
    child.send('cpu');
  });
}

function fail(label, detail) {
  throw new Error(`${label}: call did not succeed: ${JSON.stringify(detail).slice(0, 300)}`);
}

/** The generated client; `fetch` given: through Node's built-in fetch (undici) instead of the built-in sender. */
async function ourClient(sdkDir, url, fetch) {
  const { TopClient } = await import(pathToFileURL(join(sdkDir, 'index.js')).href);
  const client = new TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: url,
    retries: 0,
    ...(fetch === undefined ? {} : { fetch }),
  });
  return async () => {
    const response = await client.alitripMerchantGalaxyMemberLoginDerby(PARAMS);
    if (response.result?.success !== true) fail('topgen', response);
  };
}

function officialClient(url) {
  const { ApiClient } = createRequire(import.meta.url)('ali-topsdk');
  const client = new ApiClient({ appkey: APP_KEY, appsecret: APP_SECRET, url });
  return () =>
    new Promise((resolve, reject) => {
      client.execute(DERBY, PARAMS, (error, response) => {
        if (error) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        else if (response?.result?.success !== true) reject(new Error(JSON.stringify(response)));
        else resolve();
      });
    });
}

/**
 * The floor of node:http: one fixed, already signed form body POSTed with http.request and the answer parsed
 * with JSON.parse. No signing, serialisation or validation: what any node:http client pays at least.
 */
async function bareHttp(sdkDir, url) {
  let body = '';
  const { TopClient } = await import(pathToFileURL(join(sdkDir, 'index.js')).href);
  // Captures the exact body the generated client sends, through its `fetch` option.
  const capture = new TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: url,
    fetch: async (_url, init) => {
      body = init.body;
      return globalThis.fetch(_url, init);
    },
  });
  await capture.alitripMerchantGalaxyMemberLoginDerby(PARAMS);
  const target = new URL(url);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    'content-length': Buffer.byteLength(body),
  };
  return () =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        { hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            const parsed = JSON.parse(text);
            if (parsed[`${DERBY.replaceAll('.', '_')}_response`]?.result?.success !== true)
              reject(new Error(text));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

// ---- measuring ----------------------------------------------------------------------------------------------

async function runCalls(call, count, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function measure(call, count, concurrency, gateway) {
  const gatewayBefore = await gatewayCpu(gateway);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await runCalls(call, count, concurrency);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const gatewayUs = (await gatewayCpu(gateway)) - gatewayBefore;
  return { ms, cpuUs: cpu.user + cpu.system, gatewayUs, count };
}

function sum(samples) {
  const total = { ms: 0, cpuUs: 0, gatewayUs: 0, count: 0 };
  for (const s of samples) for (const key of Object.keys(total)) total[key] += s[key];
  return {
    callsPerSecond: (total.count / total.ms) * 1000,
    cpuPerCall: total.cpuUs / total.count,
    gatewayPerCall: total.gatewayUs / total.count,
  };
}

async function main() {
  const calls = flag('calls', 20_000);
  const concurrency = flag('concurrency', 16);
  const rounds = flag('rounds', 10);
  // Inside node_modules/.cache so that the compiled doc reader resolves its packages (cheerio) from the repo.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, 'topgen-bench-runtime-'));
  try {
    const dirs = build(work);
    const gateway = await startGateway(dirs.gateway);
    try {
      const clients = {
        topgen: await ourClient(dirs.sdk, gateway.url),
        'topgen via fetch': await ourClient(dirs.sdk, gateway.url, globalThis.fetch),
        'ali-topsdk': officialClient(gateway.url),
        'bare http.request': await bareHttp(dirs.sdk, gateway.url),
      };
      console.log(
        `Node ${process.version}, ${cpus().length} CPUs, load average ${loadText()} at start\n` +
          `${DERBY} on topgen mock (separate process), same parameters for every client; ` +
          `${calls} calls per client and mode in ${rounds} alternating rounds\n` +
          'CPU µs/call: this process (client) per call; gateway µs/call: the gateway process per call\n' +
          "topgen via fetch: the same client given Node's built-in fetch (undici) as its sender\n" +
          'bare http.request: one fixed pre-signed body over node:http, the floor of any node:http client\n',
      );
      const perRound = Math.ceil(calls / rounds);
      const results = {};
      for (const [mode, inFlight] of [
        ['sequential', 1],
        [`concurrency ${concurrency}`, concurrency],
      ]) {
        const samples = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
        // Warm-up: JIT, keep-alive sockets, the gateway's own caches.
        for (const call of Object.values(clients)) await runCalls(call, Math.min(2000, perRound), inFlight);
        for (let round = 0; round < rounds; round++) {
          for (const [name, call] of Object.entries(clients)) {
            samples[name].push(await measure(call, perRound, inFlight, gateway.child));
          }
        }
        results[mode] = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, sum(s)]));
      }
      print(results);
      console.log(`load average ${loadText()} at end`);
    } finally {
      gateway.child.send('stop');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function loadText() {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

function print(results) {
  const pad = (text, width) => String(text).padStart(width);
  const busy = (r, us) => `${((r.callsPerSecond * us) / 1e4).toFixed(0)}%`;
  for (const [mode, byClient] of Object.entries(results)) {
    console.log(mode);
    console.log(
      `  ${'client'.padEnd(18)}${pad('calls/s', 9)}${pad('CPU µs/call', 13)}${pad('busy', 6)}` +
        `${pad('gateway µs/call', 17)}${pad('busy', 6)}`,
    );
    for (const [name, r] of Object.entries(byClient)) {
      console.log(
        `  ${name.padEnd(18)}${pad(r.callsPerSecond.toFixed(0), 9)}${pad(r.cpuPerCall.toFixed(1), 13)}` +
          `${pad(busy(r, r.cpuPerCall), 6)}${pad(r.gatewayPerCall.toFixed(1), 17)}${pad(busy(r, r.gatewayPerCall), 6)}`,
      );
    }
    const ours = byClient.topgen;
    const official = byClient['ali-topsdk'];
    const viaFetch = byClient['topgen via fetch'];
    console.log(
      `  ratio topgen / ali-topsdk: throughput ${(ours.callsPerSecond / official.callsPerSecond).toFixed(2)}×, ` +
        `CPU per call ${(official.cpuPerCall / ours.cpuPerCall).toFixed(2)}× less\n` +
        `  ratio built-in sender / fetch: throughput ${(ours.callsPerSecond / viaFetch.callsPerSecond).toFixed(2)}×, ` +
        `CPU per call ${(viaFetch.cpuPerCall / ours.cpuPerCall).toFixed(2)}× less\n`,
    );
  }
  console.log('busy: share of one core used by the process (100% = that side limits the throughput)');
}

if (process.argv[2] === '--gateway-only') {
  await gatewayMain(process.argv[3]);
} else {
  // ali-topsdk stamps requests in the host's time zone; TOP (and the gateway) expect GMT+8.
  process.env.TZ = 'Asia/Shanghai';
  await main();
}
