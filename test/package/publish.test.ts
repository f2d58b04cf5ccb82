// The committed generated/ package as a publisher and its users see it: built with its own `npm run build`,
// linted with publint, packed, then imported by name from a separate app (plain Node ESM and strict
// TypeScript), including an app that loads one API through the `/runtime` and `/apis/<api>` subpaths only. The
// root exports the client and no API; `/all` exports every API and the client with one method per API.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/runtime/sign.js';
import { GENERATED, ROOT } from '../helpers/paths.js';
import { runnableExamples } from '../helpers/readme-examples.js';

const DERBY = 'alitrip.merchant.galaxy.member.login.derby';
const DAMAI = 'alibaba.damai.maizuo.openapi.user.register.byauthcode';
const PACKAGE_NAME = (JSON.parse(readFileSync(join(GENERATED, 'package.json'), 'utf8')) as { name: string })
  .name;
const STEP_TIMEOUT = 180_000;

/** npm without its network side trips (update check, funding and audit notices). */
const NPM_ENV = {
  ...process.env,
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  // The package's scripts call `node`: make it this one.
  PATH: `${dirname(process.execPath)}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
};

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, [...args], {
    cwd,
    encoding: 'utf8',
    env: NPM_ENV,
    timeout: STEP_TIMEOUT,
    shell: process.platform === 'win32' && command === 'npm',
  });
}

const output = (result: SpawnSyncReturns<string>): string =>
  `exit ${String(result.status)}\n${result.stdout}\n${result.stderr}${result.error === undefined ? '' : `\n${String(result.error)}`}`;

/** Links a dependency folder from topgen's own node_modules, as `npm install` would have installed it. */
function linkModule(nodeModules: string, name: string, target = join(ROOT, 'node_modules', name)): void {
  mkdirSync(dirname(join(nodeModules, name)), { recursive: true });
  symlinkSync(target, join(nodeModules, name), 'dir');
}

/** Every file under `dir`, as posix paths relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** A copy of generated/ (without anything a local build or install left there) with its dev dependencies linked. */
function copyPackage(to: string): void {
  cpSync(GENERATED, to, {
    recursive: true,
    filter: (source) =>
      !['node_modules', 'dist'].includes(relative(GENERATED, source).split(/[\\/]/)[0] ?? ''),
  });
  linkModule(join(to, 'node_modules'), 'typescript');
  linkModule(join(to, 'node_modules'), '@types/node');
  mkdirSync(join(to, 'node_modules', '.bin'));
  symlinkSync(join('..', 'typescript', 'bin', 'tsc'), join(to, 'node_modules', '.bin', 'tsc'));
}

/** An app folder that depends on the package (linked into its node_modules, as `npm install <tarball>` would). */
function makeApp(dir: string, packageDir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  linkModule(join(dir, 'node_modules'), PACKAGE_NAME, packageDir);
  linkModule(join(dir, 'node_modules'), '@types/node');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A stand-in for `fetch` that records each body and answers like TOP does for the derby API. */
const FAKE_FETCH = `
const bodies = [];
const fetch = async (url, init) => {
  bodies.push(String(init.body));
  return new Response(JSON.stringify({
    ${DERBY.replaceAll('.', '_')}_response: { result: { success: true, error_code: '0' }, request_id: 'req-1' },
  }));
};
`;

/** Plain Node ESM: the root, `/all`, the runtime subpath and two API subpaths, checked against each other. */
const APP_SCRIPT = `
import * as root from '${PACKAGE_NAME}';
import * as all from '${PACKAGE_NAME}/all';
import * as runtime from '${PACKAGE_NAME}/runtime';
import * as derby from '${PACKAGE_NAME}/apis/${DERBY}';
import * as damai from '${PACKAGE_NAME}/apis/${DAMAI}';
${FAKE_FETCH}
const client = new root.TopClient({ appKey: 'k', appSecret: 's', gateway: 'http://127.0.0.1:9/router/rest', fetch });
const request = new derby.AlitripMerchantGalaxyMemberLoginDerbyRequest({ tenant_key: '234', scene_source: 'DERBY_V1' });
const response = await client.execute(request);
let rejected;
try {
  await client.execute(new damai.AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest({}));
} catch (error) {
  rejected = { validation: error instanceof runtime.TopValidationError, viaRoot: error instanceof root.TopValidationError };
}
const full = new all.TopClient({ appKey: 'k', appSecret: 's' });
console.log(JSON.stringify({
  sameBase: root.TopClientBase === runtime.TopClientBase && all.TopClientBase === runtime.TopClientBase,
  sameRequest: all.AlitripMerchantGalaxyMemberLoginDerbyRequest === derby.AlitripMerchantGalaxyMemberLoginDerbyRequest,
  rootApis: Object.keys(root).filter((name) => name.startsWith('Ali')),
  clientIsBase: full instanceof root.TopClient && client instanceof runtime.TopClientBase,
  clientMethods: [typeof full.alitripMerchantGalaxyMemberLoginDerby, typeof full.alibabaDamaiMaizuoOpenapiUserRegisterByauthcode],
  specMethod: request[runtime.API_SPEC].method,
  params: { ...request },
  response,
  bodies,
  rejected,
}));
`;

/** Only the runtime and one API: must work with the root entry point, the client and other APIs gone. */
const SUBPATH_SCRIPT = `
import { TopClientBase, API_SPEC } from '${PACKAGE_NAME}/runtime';
import { AlitripMerchantGalaxyMemberLoginDerbyRequest } from '${PACKAGE_NAME}/apis/${DERBY}';
${FAKE_FETCH}
const request = new AlitripMerchantGalaxyMemberLoginDerbyRequest({ token: 't-1' });
const response = await new TopClientBase({ appKey: 'k', appSecret: 's', fetch }).execute(request);
const hidden = await import('${PACKAGE_NAME}/dist/client.js').then(() => 'loaded', (error) => error.code);
console.log(JSON.stringify({ specMethod: request[API_SPEC].method, response, hidden, bodies: bodies.length }));
`;

/** Strict TypeScript: the published declarations resolve through the exports map and carry real types. */
const APP_TYPES = `
import { TopClient, TopClientBase as RootClientBase } from '${PACKAGE_NAME}';
import { TopClient as AllClient, AlitripMerchantGalaxyMemberLoginDerbyRequest as AllRequest } from '${PACKAGE_NAME}/all';
import { TopClientBase, TopError, TopValidationError, type Int64String, type TopNumber } from '${PACKAGE_NAME}/runtime';
import {
  AlitripMerchantGalaxyMemberLoginDerbyRequest,
  type AlitripMerchantGalaxyMemberLoginDerbyResponse,
} from '${PACKAGE_NAME}/apis/${DERBY}';
import type { AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeResponse } from '${PACKAGE_NAME}/apis/${DAMAI}';

const client = new TopClient({ appKey: 'k', appSecret: 's' });
const pending: Promise<AlitripMerchantGalaxyMemberLoginDerbyResponse> = client.execute(
  new AlitripMerchantGalaxyMemberLoginDerbyRequest({ tenant_key: '234' }),
);
const success: boolean | undefined = (await pending).result?.success;
// @ts-expect-error: the response is typed, not any
const wrong: string = (await pending).result?.success;

// @ts-expect-error: tenant_key is a string
new AlitripMerchantGalaxyMemberLoginDerbyRequest({ tenant_key: 234 });

const userId: TopNumber | string | undefined = (null as unknown as AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeResponse).result?.data?.user_id;
const big: Int64String = '9007199254740993' as Int64String;
const base: typeof RootClientBase = TopClientBase;
const full: TopClient = new AllClient({ appKey: 'k', appSecret: 's' });
const viaMethod: Promise<AlitripMerchantGalaxyMemberLoginDerbyResponse> = new AllClient({ appKey: 'k', appSecret: 's' }).alitripMerchantGalaxyMemberLoginDerby();
const sameClass: typeof AlitripMerchantGalaxyMemberLoginDerbyRequest = AllRequest;
const errors = [TopError, TopValidationError] as const;
export { success, wrong, userId, big, base, full, viaMethod, sameClass, errors };
`;

const APP_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    // The package's declarations are checked too, under the app's settings.
    skipLibCheck: false,
    noEmit: true,
  },
  include: ['*.ts'],
};

/** The README's `ts` blocks as app files (see runnableExamples). */
function readmeExamples(readme: string): Record<string, string> {
  return Object.fromEntries(
    runnableExamples(readme, PACKAGE_NAME).map((code, i) => [`readme-${i}.ts`, code]),
  );
}

describe('the generated package, built and published', () => {
  let work: string;
  /** The built copy of generated/. */
  let pkg: string;
  let build: SpawnSyncReturns<string>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'topgen-publish-'));
    pkg = join(work, PACKAGE_NAME);
    copyPackage(pkg);
    // What an earlier build of a since-removed API left behind must not be published.
    mkdirSync(join(pkg, 'dist', 'apis'), { recursive: true });
    writeFileSync(join(pkg, 'dist', 'apis', 'taobao.removed.get.js'), 'export {};\n');
    build = run('npm', ['run', 'build'], pkg);
  }, STEP_TIMEOUT);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('builds ESM JavaScript, declarations and maps for every module with its own build script', () => {
    expect(build.status, output(build)).toBe(0);
    const built = listFiles(join(pkg, 'dist'));
    const sources = listFiles(join(pkg, 'src')).map((path) => path.replace(/\.ts$/, ''));
    expect(sources).toContain(`apis/${DERBY}`);
    expect(sources).toContain('runtime/index');
    expect(built).toEqual(
      sources.flatMap((path) => [`${path}.d.ts`, `${path}.d.ts.map`, `${path}.js`, `${path}.js.map`]).sort(),
    );
    const entry = readFileSync(join(pkg, 'dist', 'index.js'), 'utf8');
    expect(entry).toMatch(/^export \* from '\.\/runtime\/index\.js';$/m);
    expect(entry).not.toMatch(/\brequire\(|module\.exports/);
  });

  it(
    'passes publint with no error and no warning',
    async () => {
      const result = await publint({ pkgDir: pkg, pack: 'npm', level: 'warning' });
      expect(
        result.messages.map(
          (message) => `${message.type} ${message.code}: ${formatMessage(message, result.pkg) ?? ''}`,
        ),
      ).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it('packs the built code, the sources, README and package.json, and nothing else', () => {
    const pack = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], pkg);
    expect(pack.status, output(pack)).toBe(0);
    const [tarball] = JSON.parse(pack.stdout) as [{ files: { path: string }[] }];
    const packed = tarball.files.map((file) => file.path).sort();
    // CHANGELOG.md is there once `generate --changelog-from` wrote one.
    const others = packed.filter((path) => !/^(dist|src)\//.test(path) && path !== 'CHANGELOG.md');
    expect(others).toEqual(['README.md', 'package.json']);
    expect(packed).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/runtime/index.js',
        `dist/apis/${DERBY}.js`,
        `dist/apis/${DERBY}.d.ts`,
        `src/apis/${DERBY}.ts`,
      ]),
    );
  });

  it('runs in a plain Node ESM app, by package name and through the /runtime and /apis/<api> subpaths', () => {
    const app = makeApp(join(work, 'app-js'), pkg, { 'main.js': APP_SCRIPT });
    const result = run(process.execPath, ['main.js'], app);
    expect(result.status, output(result)).toBe(0);
    const seen = JSON.parse(result.stdout) as {
      sameBase: boolean;
      sameRequest: boolean;
      rootApis: string[];
      clientIsBase: boolean;
      clientMethods: string[];
      specMethod: string;
      params: Record<string, unknown>;
      response: unknown;
      bodies: string[];
      rejected: unknown;
    };
    expect(seen).toMatchObject({
      sameBase: true,
      sameRequest: true,
      rootApis: [],
      clientIsBase: true,
      clientMethods: ['function', 'function'],
      specMethod: DERBY,
      params: { tenant_key: '234', scene_source: 'DERBY_V1' },
      response: { result: { success: true, error_code: '0' }, request_id: 'req-1' },
      rejected: { validation: true, viaRoot: true },
    });
    // One call went out (the invalid one never left the client), signed with the app secret.
    expect(seen.bodies).toHaveLength(1);
    const sent = Object.fromEntries(new URLSearchParams(seen.bodies[0]));
    expect(sent).toMatchObject({ method: DERBY, app_key: 'k', tenant_key: '234', scene_source: 'DERBY_V1' });
    expect(verifySignature(sent, 's')).toBe(true);
    expect(verifySignature(sent, 'other secret')).toBe(false);
  });

  it(
    'type-checks a strict TypeScript app against the published declarations, README examples included',
    () => {
      const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
      const examples = readmeExamples(readme);
      expect(Object.keys(examples)).toHaveLength(2 + listFiles(join(pkg, 'src', 'apis')).length);
      const app = makeApp(join(work, 'app-ts'), pkg, {
        'tsconfig.json': JSON.stringify(APP_TSCONFIG),
        'main.ts': APP_TYPES,
        ...examples,
      });
      const tsc = run(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app],
        app,
      );
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it.each(['node10', 'bundler'])(
    'resolves every documented entry point with its types under moduleResolution %s',
    (resolution) => {
      const app = makeApp(join(work, `app-${resolution}`), pkg, {
        'tsconfig.json': JSON.stringify({
          compilerOptions: {
            ...APP_TSCONFIG.compilerOptions,
            module: resolution === 'node10' ? 'CommonJS' : 'ESNext',
            moduleResolution: resolution,
            ...(resolution === 'node10' ? { ignoreDeprecations: '5.0' } : {}),
          },
          include: ['*.ts'],
        }),
        'main.ts': APP_TYPES.replace(/^const success[\s\S]*?;\n/m, '').replace(/await /g, ''),
      });
      const tsc = run(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app],
        app,
      );
      expect(tsc.stdout + tsc.stderr).not.toMatch(/TS2307|TS7016|TS18046/);
    },
    STEP_TIMEOUT,
  );

  it('serves one API through /runtime and /apis/<api> without the root entry point, the clients or other APIs', () => {
    const slim = join(work, 'slim', PACKAGE_NAME);
    cpSync(pkg, slim, {
      recursive: true,
      filter: (source) => !relative(pkg, source).startsWith('node_modules'),
    });
    for (const path of ['index.js', 'all.js', 'client.js', 'api-client.js', `apis/${DAMAI}.js`]) {
      expect(existsSync(join(slim, 'dist', path)), path).toBe(true);
      rmSync(join(slim, 'dist', path));
    }
    const app = makeApp(join(work, 'app-slim'), slim, { 'main.js': SUBPATH_SCRIPT });
    const result = run(process.execPath, ['main.js'], app);
    expect(result.status, output(result)).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      specMethod: DERBY,
      response: { result: { success: true, error_code: '0' }, request_id: 'req-1' },
      hidden: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      bodies: 1,
    });
  });
});
