/**
 * Loads a generated package in a fresh `node:vm` context and exercises it: every module is transpiled
 * (TypeScript → CommonJS) and imported, every request class constructed with a value for each parameter, and
 * every client method called against a fake `fetch` (which answers with a TOP error, so the whole
 * sign/serialise/send/parse path runs). Doc text carries payloads that set `__pwned` on the global object or
 * `throw __pwned` (a ReferenceError); the result says whether any of them ran.
 */
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

const hostRequire = createRequire(import.meta.url);
const transpiled = new Map<string, string>();

function transpile(path: string, text: string): string {
  const key = `${path}\u0000${text}`;
  let js = transpiled.get(key);
  if (js === undefined) {
    js = ts.transpileModule(text, {
      fileName: path,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    if (path.startsWith('src/runtime/')) transpiled.set(key, js);
  }
  return js;
}

export interface SandboxReport {
  /** True when a payload set the sentinel, in the sandbox or in the host. */
  readonly pwned: boolean;
  /** Errors thrown while importing modules or constructing requests (none is expected). */
  readonly importErrors: readonly string[];
  /** Client call errors that running code raised (ReferenceError, SyntaxError …), not validation or TOP errors. */
  readonly payloadErrors: readonly string[];
  readonly modules: number;
  readonly requests: number;
  readonly calls: number;
}

type Exports = Record<string, unknown>;

/** Host globals the runtime may use (a vm context has only the ECMAScript built-ins). */
function sandboxGlobals(): Record<string, unknown> {
  return {
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    AbortSignal,
    Blob,
    FormData,
    Headers,
    Request,
    Response,
    Buffer,
    setTimeout,
    clearTimeout,
    setImmediate,
    queueMicrotask,
    structuredClone,
    performance,
    process: { env: {}, versions: process.versions, version: process.version, platform: process.platform },
  };
}

/** A value of the right kind for a parameter, so the runtime's serialisers run on every parameter. */
function sampleValue(param: { kind?: unknown; array?: unknown; children?: unknown }): unknown {
  let value: unknown;
  switch (param.kind) {
    case 'number':
    case 'byte':
      value = 7;
      break;
    case 'boolean':
      value = true;
      break;
    case 'date':
      value = '2020-01-02 03:04:05';
      break;
    case 'price':
      value = '1.50';
      break;
    case 'json':
      value = { a: 1 };
      break;
    case 'map':
      value = { k: 'v' };
      break;
    case 'file':
      return undefined;
    case 'struct': {
      const children = Array.isArray(param.children) ? (param.children as Record<string, unknown>[]) : [];
      const init: Record<string, unknown> = {};
      for (const child of children) {
        const v = sampleValue(child);
        if (v !== undefined && typeof child['name'] === 'string')
          Object.defineProperty(init, child['name'], {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      value = init;
      break;
    }
    default:
      value = 'x';
  }
  return param.array === true ? [value] : value;
}

function initFor(spec: unknown): Record<string, unknown> {
  const init: Record<string, unknown> = {};
  const params = (spec as { params?: unknown } | undefined)?.params;
  if (!Array.isArray(params)) return init;
  for (const param of params as Record<string, unknown>[]) {
    const value = sampleValue(param);
    // defineProperty: a wire name such as `__proto__` must become a plain data property.
    if (value !== undefined && typeof param['name'] === 'string')
      Object.defineProperty(init, param['name'], {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return init;
}

const describe = (error: unknown): string =>
  error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? `${String((error as Error).message)}\n${String((error as Error).stack ?? '')}`
    : String(error);

/** An error thrown by running code, as an escaped payload would (`throw __pwned` → ReferenceError). */
function isCodeError(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return (
    name === 'ReferenceError' ||
    name === 'SyntaxError' ||
    name === 'EvalError' ||
    /is not defined/.test(describe(error))
  );
}

export async function runPackage(files: ReadonlyMap<string, string>): Promise<SandboxReport> {
  const hostBefore = (globalThis as Record<string, unknown>)['__pwned'];
  const context = vm.createContext(sandboxGlobals());
  const cache = new Map<string, { exports: Exports }>();
  const importErrors: string[] = [];

  const load = (path: string): Exports => {
    const cached = cache.get(path);
    if (cached !== undefined) return cached.exports;
    const text = files.get(path);
    if (text === undefined) throw new Error(`module ${path} is not in the package`);
    const module = { exports: {} as Exports };
    cache.set(path, module);
    const wrapper = vm.runInContext(
      `(function (exports, require, module) {${transpile(path, text)}\n})`,
      context,
      { filename: path },
    ) as (e: Exports, r: (s: string) => unknown, m: { exports: Exports }) => void;
    const require = (specifier: string): unknown => {
      if (specifier.startsWith('node:')) return hostRequire(specifier);
      if (!specifier.startsWith('.')) throw new Error(`generated code imports a package: ${specifier}`);
      return load(posix.join(posix.dirname(path), specifier).replace(/\.js$/, '.ts'));
    };
    wrapper(module.exports, require, module);
    return module.exports;
  };

  const modules = [...files.keys()].filter((p) => p.startsWith('src/') && p.endsWith('.ts')).sort();
  const loaded = new Map<string, Exports>();
  for (const path of modules) {
    try {
      loaded.set(path, load(path));
    } catch (error) {
      importErrors.push(`${path}: ${describe(error)}`);
    }
  }

  const runtime = loaded.get('src/runtime/index.ts');
  const apiSpecKey = runtime?.['API_SPEC'] as symbol | undefined;
  let requests = 0;
  const instances: object[] = [];
  for (const [path, exports] of loaded) {
    if (!path.startsWith('src/apis/')) continue;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || !name.endsWith('Request')) continue;
      try {
        const Ctor = value as new (init: object) => Record<symbol, unknown>;
        const spec =
          apiSpecKey === undefined ? undefined : (Ctor.prototype as Record<symbol, unknown>)[apiSpecKey];
        const instance = new Ctor(initFor(spec));
        if (apiSpecKey !== undefined) void instance[apiSpecKey];
        instances.push(instance);
        requests++;
      } catch (error) {
        importErrors.push(`${path} ${name}: ${describe(error)}`);
      }
    }
  }

  const payloadErrors: string[] = [];
  let calls = 0;
  // The client of `/all`: one method per API on its prototype, `execute` inherited.
  const client = loaded.get('src/api-client.ts')?.['TopClient'] as (new (o: object) => object) | undefined;
  if (client !== undefined) {
    const fakeFetch = async (): Promise<Response> =>
      new Response('{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.x"}}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const instance = new client({ appKey: 'k', appSecret: 's', retries: 0, fetch: fakeFetch });
    const call = async (label: string, run: () => Promise<unknown>): Promise<void> => {
      calls++;
      try {
        await run();
      } catch (error) {
        // Validation errors (which quote wire names, payloads included) and the faked TOP error are expected;
        // an error that code raises when it runs is not.
        if (isCodeError(error)) payloadErrors.push(`${label}: ${describe(error)}`);
      }
    };
    // Each generated method with an empty init (its body runs, validation may reject it) …
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto).sort()) {
      const fn = proto[method];
      if (method === 'constructor' || typeof fn !== 'function') continue;
      await call(method, () => (fn as (r: object) => Promise<unknown>).call(instance, {}));
    }
    // … and every request instance, filled in, through the whole sign/serialise/send/parse path.
    const execute = (instance as { execute?: (r: object) => Promise<unknown> }).execute;
    if (typeof execute === 'function')
      for (const request of instances) await call('execute', () => execute.call(instance, request));
  }

  const pwned =
    Object.prototype.hasOwnProperty.call(context, '__pwned') ||
    (globalThis as Record<string, unknown>)['__pwned'] !== hostBefore;
  return { pwned, importErrors, payloadErrors, modules: loaded.size, requests, calls };
}
