/**
 * A set of names in one declaration space (a module, the barrel, a class's members). Names are claimed in a
 * fixed order (by the struct pass and the planners), so the same input always yields the same names.
 */
import { isIdentifier } from './identifiers.js';

/**
 * Global names a generated module may reference or a reader would mistake for the built-in: a doc struct with
 * one of these names is renamed rather than shadowing the global. Platform names (`Response`, `Request`) have
 * their own rule, see PLATFORM_GLOBAL_NAMES.
 */
export const GLOBAL_NAMES: readonly string[] = [
  'Array',
  'ArrayBuffer',
  'Awaited',
  'BigInt',
  'Blob',
  'Boolean',
  'Date',
  'Error',
  'Exclude',
  'Extract',
  'Function',
  'Infinity',
  'InstanceType',
  'Iterable',
  'Iterator',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'NonNullable',
  'Number',
  'Object',
  'Omit',
  'Parameters',
  'Partial',
  'Pick',
  'Promise',
  'PromiseLike',
  'PropertyKey',
  'Proxy',
  'Readonly',
  'ReadonlyArray',
  'ReadonlyMap',
  'ReadonlySet',
  'Record',
  'Reflect',
  'RegExp',
  'Required',
  'ReturnType',
  'Set',
  'String',
  'Symbol',
  'Uint8Array',
  'WeakMap',
  'WeakSet',
  'globalThis',
  'undefined',
];

/**
 * Globals of browsers, Fetch and Node.js that user code refers to by name. A struct the doc names so would
 * shadow the global in every file that imports it (`Response` in 22 real docs, `Request`, `Location`), so it is
 * named `<Name>Data` instead (`ResponseData`): the rule in README's type map.
 */
export const PLATFORM_GLOBAL_NAMES: ReadonlySet<string> = new Set([
  'AbortController',
  'AbortSignal',
  'Attr',
  'Audio',
  'Buffer',
  'Comment',
  'Console',
  'Crypto',
  'CustomEvent',
  'Document',
  'Element',
  'Event',
  'EventTarget',
  'File',
  'FileList',
  'FormData',
  'Headers',
  'History',
  'Image',
  'Location',
  'MessageEvent',
  'Navigator',
  'Node',
  'Notification',
  'Option',
  'Performance',
  'Range',
  'ReadableStream',
  'Request',
  'Response',
  'Screen',
  'Selection',
  'Storage',
  'Text',
  'TextDecoder',
  'TextEncoder',
  'URL',
  'URLSearchParams',
  'WebSocket',
  'Window',
  'Worker',
  'WritableStream',
]);

/** Members of TypeScript's `Object` interface: every object type has them, own property or not. */
export const OBJECT_INTERFACE_MEMBERS: readonly string[] = [
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

/** Runtime names a generated API module imports (always reserved, used or not, so names stay stable). */
export const MODULE_RUNTIME_IMPORTS: readonly string[] = [
  'API_SPEC',
  'ApiSpec',
  'Int64String',
  'apiSpecFromJson',
  'JsonValue',
  'TopFile',
  'TopNumber',
  'TopNumberInput',
];

/** The shared base class every request class extends (generated into src/request-base.ts). */
export const REQUEST_BASE = 'TopRequestBase';

export class NameScope {
  readonly #reserved: ReadonlySet<string>;
  readonly #taken = new Set<string>();

  /** `reserved` may be shared between scopes (it is never changed); `claimed` are taken in this scope only. */
  constructor(reserved: ReadonlySet<string>, claimed: Iterable<string> = []) {
    this.#reserved = reserved;
    for (const name of claimed) this.#taken.add(name);
  }

  has(name: string): boolean {
    return this.#reserved.has(name) || this.#taken.has(name);
  }

  /** True when `name` is an identifier nobody has claimed. */
  isFree(name: string): boolean {
    return isIdentifier(name) && !this.has(name);
  }

  /** Claims `name` if it is free; false otherwise. */
  tryClaim(name: string): boolean {
    if (!this.isFree(name)) return false;
    this.#taken.add(name);
    return true;
  }

  /**
   * Claims the first free candidate, else `<last candidate><n>` for n = 2, 3, …. Throws when no candidate is
   * an identifier: that is a bug in the caller's candidate list, not bad input.
   */
  claim(candidates: readonly string[]): string {
    for (const candidate of candidates) if (this.tryClaim(candidate)) return candidate;
    const last = candidates[candidates.length - 1];
    if (last === undefined || !isIdentifier(last)) {
      throw new Error(`No usable name among ${JSON.stringify(candidates)}`);
    }
    for (let n = 2; ; n++) if (this.tryClaim(`${last}${n}`)) return `${last}${n}`;
  }
}
