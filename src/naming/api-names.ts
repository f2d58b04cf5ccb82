/**
 * Names derived from an API name alone. Every function here is pure in the API name, so a per-API module never
 * depends on which other APIs are generated; cross-API collisions are resolved later, in the shared files only
 * (see emit/plan-package.ts).
 */
import { createHash } from 'node:crypto';
import { camelCase, pascalCase } from './identifiers.js';

/** What a generatable API name looks like: dotted words, as the TOP `method` parameter spells them. */
export const API_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Name patterns for the per-API symbols; `{{Name}}` is the PascalCase base, `{{name}}` its camelCase form. */
export interface NamingConfig {
  readonly request: string;
  readonly requestInit: string;
  readonly response: string;
  readonly spec: string;
}

/** The patterns as functions of the base (compiled once: they run for every API). */
export type Naming = { readonly [K in keyof NamingConfig]: (base: string) => string };

export const DEFAULT_NAMING_CONFIG: NamingConfig = Object.freeze({
  request: '{{Name}}Request',
  requestInit: '{{Name}}RequestInit',
  response: '{{Name}}Response',
  spec: '{{name}}Spec',
});

/** The symbols one API module exports, plus the names the shared files start from. */
export interface ApiNames {
  /** The API name (`method`), also the module file stem. */
  readonly api: string;
  /** PascalCase base of the request class, as the official Java SDK names it. */
  readonly base: string;
  readonly request: string;
  readonly requestInit: string;
  readonly response: string;
  readonly spec: string;
  /** PascalCase of the whole API name: the barrel namespace name before collision handling. */
  readonly fullBase: string;
  /** camelCase of the whole API name: the client method name before collision handling. */
  readonly method: string;
  /** Path of the module inside the package. */
  readonly modulePath: string;
  /** Import specifier of the module from a file in src/ (the barrel, the client). */
  readonly importPath: string;
}

/** Longest module file stem: with `.d.ts.map` and a deep install path it stays far inside 255 bytes and MAX_PATH. */
export const MAX_MODULE_STEM = 100;
/** Hex digits of the hash that keeps shortened stems distinct. */
const STEM_HASH_LENGTH = 8;
/** Device names Windows reserves whatever the extension (`con.x.ts` cannot exist there), in any case. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * File stem of an API's module, portable and bounded. TypeScript reads every `.ts` file whose name contains `.d.` as a declaration
 * file (`x.d.ts`, and since 5.0 `x.d.<ext>.ts`): it is not checked under skipLibCheck and no JavaScript is
 * emitted for it, so the module of `taobao.d.get` or `taobao.item.d` would be missing from dist/. A segment
 * `d` is therefore written `d~`. Windows reserves device names (`con`, `nul`, `aux`, `com1`, … with any
 * extension), so such a first segment is written `con~`; and a stem longer than MAX_MODULE_STEM is cut and
 * ends in `~` and a short hash of the full name. `~` cannot occur in an API name, so stems stay distinct. The package's
 * exports map keeps `<package>/apis/<API name>` pointing at the renamed module (see emit/scaffold.ts).
 */
export function moduleStem(api: string): string {
  const stem = api
    .split('.')
    .map((segment, index) =>
      segment === 'd' || (index === 0 && WINDOWS_RESERVED.test(segment)) ? `${segment}~` : segment,
    )
    .join('.');
  if (stem.length <= MAX_MODULE_STEM) return stem;
  // A stable short hash of the full name keeps two long names with one beginning apart.
  const hash = createHash('sha256').update(api).digest('hex').slice(0, STEM_HASH_LENGTH);
  return `${stem.slice(0, MAX_MODULE_STEM - STEM_HASH_LENGTH - 1)}~${hash}`;
}

/** Prefixes the official SDKs drop from class names (`taobao.fenxiao.x` → `FenxiaoX`, `qimen.tmall.x` → `TmallX`). */
const DROPPED_PREFIXES = ['taobao.', 'qimen.'] as const;

/** PascalCase that is also a valid identifier start (`1688.x` → `Api1688X`). */
function pascalIdentifier(text: string): string {
  const pascal = pascalCase(text);
  return /^[0-9]/.test(pascal) || pascal === '' ? `Api${pascal}` : pascal;
}

function camelIdentifier(text: string): string {
  const camel = camelCase(text);
  return /^[0-9]/.test(camel) || camel === '' ? `api${pascalCase(text)}` : camel;
}

/** Java SDK class base: CamelCase of the API name without a leading `taobao.` or `qimen.`. */
export function classBase(api: string): string {
  const prefix = DROPPED_PREFIXES.find((p) => api.startsWith(p) && api.length > p.length);
  return pascalIdentifier(prefix === undefined ? api : api.slice(prefix.length));
}

/** Key of the success envelope: dots → `_`, a leading `taobao_` dropped, plus `_response`. */
export function responseKey(api: string): string {
  const underscored = api.replaceAll('.', '_');
  return `${underscored.startsWith('taobao_') ? underscored.slice('taobao_'.length) : underscored}_response`;
}

/** A name pattern as a function of the PascalCase base. */
function namePattern(pattern: string): (base: string) => string {
  const upper = pattern.split('{{Name}}');
  const lower = pattern.split('{{name}}');
  if (upper.length === 2 && lower.length === 1) return (base) => `${upper[0] ?? ''}${base}${upper[1] ?? ''}`;
  return (base) =>
    pattern.replaceAll('{{Name}}', base).replaceAll('{{name}}', base.charAt(0).toLowerCase() + base.slice(1));
}

export function compileNaming(config: NamingConfig): Naming {
  return Object.freeze({
    request: namePattern(config.request),
    requestInit: namePattern(config.requestInit),
    response: namePattern(config.response),
    spec: namePattern(config.spec),
  });
}

export const DEFAULT_NAMING: Naming = compileNaming(DEFAULT_NAMING_CONFIG);

/** The symbols an API's module declares: what its struct names must not take. */
export type ApiSymbolNames = Pick<ApiNames, 'base' | 'request' | 'requestInit' | 'response' | 'spec'>;

/** The API's own symbol names, without the package-level names apiNames adds. */
export function apiSymbolNames(api: string, naming: Naming): ApiSymbolNames {
  const base = classBase(api);
  return {
    base,
    request: naming.request(base),
    requestInit: naming.requestInit(base),
    response: naming.response(base),
    spec: naming.spec(base),
  };
}

/**
 * All per-API names. Throws for a name that cannot be a module file (the model never produces one). `symbols`:
 * the API's symbol names when already made (the struct pass makes them), else made here.
 */
export function apiNames(
  api: string,
  naming: Naming,
  symbols: ApiSymbolNames = apiSymbolNames(api, naming),
): ApiNames {
  if (!API_NAME_PATTERN.test(api)) {
    throw new Error(
      `Cannot generate API ${JSON.stringify(api)}: expected dotted words matching ${String(API_NAME_PATTERN)}.`,
    );
  }
  const stem = moduleStem(api);
  return {
    api,
    ...symbols,
    fullBase: pascalIdentifier(api),
    method: camelIdentifier(api),
    modulePath: `src/apis/${stem}.ts`,
    importPath: `./apis/${stem}.js`,
  };
}
