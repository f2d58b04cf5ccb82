/**
 * The parts of the shared files (client, barrel, README) that belong to one API. They depend only on the API's
 * module, its export names and the templates, so a cache can keep them across regenerations: after one doc
 * changes, only that API's parts are rebuilt and the shared files are joined from the rest.
 */
import type { ApiModule } from './api-module.js';
import { barrelEntryView } from './barrel.js';
import { clientImportView, renderClientMethod } from './client.js';
import type { PackageEntry } from './plan-package.js';
import { readmeRow } from './scaffold.js';
import type { Templates } from './templates.js';
import type { BarrelEntryView, ClientView, ReadmeRow } from './views.js';

export interface EntryFragments {
  readonly clientImport: ClientView['imports'][number];
  /** Rendered by client-method.ts.hbs. */
  readonly clientMethod: string;
  readonly barrel: BarrelEntryView;
  readonly readmeRow: ReadmeRow;
}

export type FragmentsOf = (entry: PackageEntry) => EntryFragments;

export function buildFragments(
  entry: PackageEntry,
  packageName: string,
  templates: Templates,
): EntryFragments {
  return {
    clientImport: clientImportView(entry),
    clientMethod: renderClientMethod(entry, templates),
    barrel: barrelEntryView(entry),
    readmeRow: readmeRow(entry, packageName),
  };
}

interface Cached {
  readonly key: string;
  readonly templates: Templates;
  readonly fragments: EntryFragments;
}

/** Keyed by module object: a module handed back from a cache is the same object, with the same API inside. */
export class FragmentCache {
  readonly #byModule = new WeakMap<ApiModule, Cached>();

  fragmentsFor(packageName: string, templates: Templates): FragmentsOf {
    return (entry) => {
      const key = `${packageName}\0${JSON.stringify(entry.exports)}`;
      const cached = this.#byModule.get(entry.module);
      if (cached !== undefined && cached.key === key && cached.templates === templates)
        return cached.fragments;
      const fragments = buildFragments(entry, packageName, templates);
      this.#byModule.set(entry.module, { key, templates, fragments });
      return fragments;
    };
  }
}
