/**
 * The parts of the shared files (client, barrel, README) that belong to one API. They depend only on the API's
 * module and its export names, so a cache can keep them across regenerations: after one doc changes, only that
 * API's parts are rebuilt and the shared files are joined from the rest.
 */
import type { ApiModule } from './api-module.js';
import { emitClientImport, emitClientMethod } from './client.js';
import { emitBarrelEntry } from './barrel.js';
import type { PackageEntry } from './plan-package.js';
import { readmeRow } from './scaffold.js';
import type { ReadmeRow } from './templates.js';

export interface EntryFragments {
  readonly clientImport: string;
  readonly clientMethod: string;
  readonly barrel: string;
  readonly readmeRow: ReadmeRow;
}

export type FragmentsOf = (entry: PackageEntry) => EntryFragments;

export function buildFragments(entry: PackageEntry, packageName: string): EntryFragments {
  return {
    clientImport: emitClientImport(entry),
    clientMethod: emitClientMethod(entry),
    barrel: emitBarrelEntry(entry),
    readmeRow: readmeRow(entry, packageName),
  };
}

/** Keyed by module object: a module handed back from a cache is the same object, with the same API inside. */
export class FragmentCache {
  readonly #byModule = new WeakMap<ApiModule, { readonly key: string; readonly fragments: EntryFragments }>();

  fragmentsFor(packageName: string): FragmentsOf {
    return (entry) => {
      const key = `${packageName}\0${JSON.stringify(entry.exports)}`;
      const cached = this.#byModule.get(entry.module);
      if (cached !== undefined && cached.key === key) return cached.fragments;
      const fragments = buildFragments(entry, packageName);
      this.#byModule.set(entry.module, { key, fragments });
      return fragments;
    };
  }
}
