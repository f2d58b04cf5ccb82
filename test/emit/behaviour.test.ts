// Runs the generated code: transpiled to JavaScript in a temporary directory and imported.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPackage } from '../../src/emit/index.js';
import type { ApiSpec } from '../../src/runtime/spec.js';
import { contractRuntime, seedApis } from './support/build.js';
import { hostileApis } from './support/hostile.js';
import { TEMPLATES } from '../helpers/templates.js';

interface Captured {
  readonly spec: ApiSpec;
  readonly params: object;
}

type Constructor = new (init?: object) => object;

/** The generated barrel, as far as these tests use it. */
interface Sdk {
  readonly API_SPEC: symbol;
  readonly TopClient: new (options: object) => Record<string, (request?: object) => Promise<unknown>>;
  readonly TopRequestBase: Constructor;
  readonly [name: string]: unknown;
}

let dir: string;
let sdk: Sdk;

function write(files: ReadonlyMap<string, string>): void {
  for (const [path, text] of files) {
    const target = join(dir, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    const js = path.endsWith('.ts')
      ? ts.transpileModule(text, {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        }).outputText
      : text;
    writeFileSync(target, js);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'topgen-emit-'));
  write(
    emitPackage([...seedApis(), ...hostileApis()], {
      packageName: 'x',
      packageVersion: '1.0.0',
      runtimeSources: contractRuntime(),
      templates: TEMPLATES,
    }),
  );
  sdk = (await import(pathToFileURL(join(dir, 'src/all.js')).href)) as Sdk;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function requestClass(name: string): Constructor {
  const value = sdk[name];
  if (typeof value !== 'function') throw new Error(`${name} is not exported`);
  return value as Constructor;
}

/** A client whose transport is replaced by a recorder; `call` is the runtime's protected entry point. */
function recordingClient(): {
  client: Record<string, (request?: object) => Promise<unknown>>;
  calls: Captured[];
} {
  const calls: Captured[] = [];
  const client = new sdk.TopClient({ appKey: 'k', appSecret: 's' });
  Object.defineProperty(client, 'call', {
    value: (spec: ApiSpec, params: object) => {
      calls.push({ spec, params });
      return Promise.resolve({ ok: true });
    },
  });
  return { client, calls };
}

/** What a spec-driven serialiser sees: the own values of the params the spec lists, in spec order. */
function wireValues(spec: ApiSpec, params: object): [string, unknown][] {
  return spec.params
    .filter((p) => Object.hasOwn(params, p.name))
    .map((p) => [p.name, (params as Record<string, unknown>)[p.name]]);
}

describe('generated request classes', () => {
  it('copy the init as own data properties, unknown keys included (the client refuses those)', () => {
    const Keys = requestClass('Api1688HostileKeysRequest');
    const init = JSON.parse('{"class":"c","constructor":"x","__proto__":"p","then":"t","bogus":1}') as object;
    const request = new Keys(init);
    expect(Object.getPrototypeOf(request)).toBe(Keys.prototype);
    expect(request).toBeInstanceOf(sdk.TopRequestBase);
    expect(Object.keys(request)).toEqual(['class', 'constructor', '__proto__', 'then', 'bogus']);
    expect(Object.getOwnPropertyDescriptor(request, '__proto__')?.value).toBe('p');
    expect(Object.getOwnPropertyDescriptor(request, 'constructor')?.value).toBe('x');
    expect(Object.getOwnPropertyDescriptor(request, 'bogus')?.value).toBe(1);
  });

  it('expose their spec through a prototype getter, not an own property', () => {
    const Register = requestClass('AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest');
    const request = new Register({ param0: { auth_code: '1' } });
    const spec = (request as Record<symbol, ApiSpec>)[sdk.API_SPEC];
    expect(spec?.method).toBe('alibaba.damai.maizuo.openapi.user.register.byauthcode');
    expect(spec?.responseKey).toBe('alibaba_damai_maizuo_openapi_user_register_byauthcode_response');
    expect(Object.getOwnPropertySymbols(request)).toEqual([]);
    expect(Object.keys(request)).toEqual(['param0']);
  });

  it('are created without an init when no param is required', () => {
    const Derby = requestClass('AlitripMerchantGalaxyMemberLoginDerbyRequest');
    expect(Object.keys(new Derby())).toEqual([]);
  });
});

describe('generated client methods', () => {
  it('hand the request and the API spec to the runtime unchanged', async () => {
    const { client, calls } = recordingClient();
    const init = { param0: { auth_code: '1' } };
    await expect(client.alibabaDamaiMaizuoOpenapiUserRegisterByauthcode?.(init)).resolves.toEqual({
      ok: true,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.params).toBe(init);
    expect(calls[0]?.spec.method).toBe('alibaba.damai.maizuo.openapi.user.register.byauthcode');
  });

  it('let `constructor` and `__proto__` values reach a spec-based serialiser', async () => {
    const { client, calls } = recordingClient();
    const Keys = requestClass('Api1688HostileKeysRequest');
    await client.api1688HostileKeys?.(new Keys({ class: 'c', constructor: 'x', ['__proto__']: 'p' }));
    await client.api1688HostileKeys?.({ class: 'c', constructor: 'x', ['__proto__']: 'p' });
    for (const call of calls) {
      expect(wireValues(call.spec, call.params)).toEqual([
        ['class', 'c'],
        ['__proto__', 'p'],
        ['constructor', 'x'],
      ]);
    }
  });

  it('send an empty object when the optional request is left out', async () => {
    const { client, calls } = recordingClient();
    await client.alitripMerchantGalaxyMemberLoginDerby?.();
    expect(calls[0]?.params).toEqual({});
  });

  it('keep the inherited execute and the renamed colliding methods apart', () => {
    const client = new sdk.TopClient({ appKey: 'k', appSecret: 's' });
    expect(typeof client.execute).toBe('function');
    expect(typeof client.execute2).toBe('function');
    expect(Object.hasOwn(Object.getPrototypeOf(client) as object, 'toString')).toBe(false);
    expect(typeof client.toString2).toBe('function');
  });
});
