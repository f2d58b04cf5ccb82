/**
 * Names in the shared files (barrel, client), where APIs meet. Per-API modules keep their own names; here each
 * API gets a namespace name, top-level aliases for its request/init/response and a client method name, all
 * unique. Collisions are resolved in a fixed order, so a name changes only when an API that collides with it
 * is added or removed.
 */
import type { Api } from '../model/types.js';
import type { ApiModule } from './api-module.js';
import type { Naming } from '../naming/api-names.js';
import { compareCodeUnits } from './print.js';
import { GLOBAL_NAMES, NameScope, OBJECT_INTERFACE_MEMBERS, REQUEST_BASE } from '../naming/scope.js';

export const CLIENT_CLASS = 'TopClient';
/** The name src/api-client.ts imports the root's client under, to extend it with a class of the same name. */
export const CLIENT_CORE_ALIAS = 'TopClientCore';

/**
 * Names a client method must not take: Object members (JavaScript's, including the legacy accessors), and
 * `then` (a client with a `then` method would be awaited as a thenable).
 */
const RESERVED_MEMBERS = [
  ...OBJECT_INTERFACE_MEMBERS,
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__proto__',
  'then',
];

export interface ApiExportNames {
  readonly namespace: string;
  /** Top-level names in the barrel (aliases of the module's own names when those collide). */
  readonly request: string;
  readonly requestInit: string;
  readonly response: string;
  readonly method: string;
}

/** One API as the shared files see it. */
export interface PackageEntry {
  readonly api: Api;
  readonly module: ApiModule;
  readonly exports: ApiExportNames;
}

export interface PackagePlan {
  /** In API name order. */
  readonly entries: readonly PackageEntry[];
}

/** Every identifier-like word of a text: over-reserving runtime words is harmless, missing one is not. */
function identifierTokens(source: string): string[] {
  return source.match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? [];
}

/** The runtime's words: a few milliseconds per run, so they are recomputed rather than kept between runs. */
function runtimeWords(runtimeSources: ReadonlyMap<string, string>): {
  all: Set<string>;
  client: Set<string>;
} {
  return {
    all: new Set([...runtimeSources.values()].flatMap(identifierTokens)),
    client: new Set(identifierTokens(runtimeSources.get('client.ts') ?? '')),
  };
}

/** What the plan is made from: each API with its module. */
export interface PlanItem {
  readonly api: Api;
  readonly module: ApiModule;
}

export function planPackage(
  items: readonly PlanItem[],
  runtimeSources: ReadonlyMap<string, string>,
  naming: Naming,
): PackagePlan {
  const sorted = [...items].sort((a, b) => compareCodeUnits(a.api.api, b.api.api));
  const words = runtimeWords(runtimeSources);
  const barrel = new NameScope(
    new Set([...GLOBAL_NAMES, ...words.all, CLIENT_CLASS, CLIENT_CORE_ALIAS, REQUEST_BASE]),
  );
  const members = new NameScope(new Set([...RESERVED_MEMBERS, ...words.client]));

  const records = sorted.map(({ api, module }) => ({
    api,
    module,
    namespace: barrel.claim([module.names.fullBase]),
    base: module.names.base,
    method: members.claim([module.names.method]),
  }));

  // APIs whose class base is their whole name (`tmall.x` → TmallX) keep it before those that dropped a prefix
  // to get it (`qimen.tmall.x` → TmallX), which fall back to their whole name (QimenTmallX).
  const { request, requestInit, response } = naming;
  const patterns = [request, requestInit, response];
  const natural = records.filter((r) => r.module.names.base === r.module.names.fullBase);
  const prefixed = records.filter((r) => r.module.names.base !== r.module.names.fullBase);
  for (const record of [...natural, ...prefixed]) {
    const { base, fullBase } = record.module.names;
    const free = (candidate: string): boolean => patterns.every((p) => barrel.isFree(p(candidate)));
    let chosen = [base, fullBase].find(free);
    for (let n = 2; chosen === undefined; n++) if (free(`${fullBase}${n}`)) chosen = `${fullBase}${n}`;
    for (const p of patterns) barrel.claim([p(chosen)]);
    record.base = chosen;
  }

  const entries = records.map(({ api, module, namespace, base, method }) => ({
    api,
    module,
    exports: {
      namespace,
      request: request(base),
      requestInit: requestInit(base),
      response: response(base),
      method,
    },
  }));
  return { entries };
}
