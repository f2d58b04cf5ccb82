/**
 * The parts of the shared files (client, barrel, README) that belong to one API. They depend only on the API's
 * module, its export names and the templates, so a cache can keep them across regenerations: after one doc
 * changes, only that API's parts are rebuilt and the shared files are joined from the rest.
 */
import type { ApiModule } from './api-module.js';
import { barrelEntryView } from './barrel.js';
import { clientImportView, clientSpecView, renderClientMethod } from './client.js';
import type { ApiNames, Naming } from '../naming/api-names.js';
import type { ApiExportNames, PackageEntry, PackagePlan, PlanItem } from './plan-package.js';
import { readmeRow, readmeSection } from './scaffold.js';
import type { Templates } from './templates.js';
import { sameView } from './same-view.js';
import type { ApiClientView, BarrelEntryView, ClientSpecView, ReadmeRow, ReadmeSection } from './views.js';

export interface EntryFragments {
  readonly clientImport: ApiClientView['imports'][number];
  /** Rendered by client-method.ts.hbs. */
  readonly clientMethod: string;
  readonly clientSpec: ClientSpecView;
  readonly barrel: BarrelEntryView;
  readonly readmeRow: ReadmeRow;
  /** Built when first asked for: only a README of few APIs shows them (EmitOptions.readmeExamplesLimit). */
  readonly readmeSection: () => ReadmeSection;
}

export type FragmentsOf = (entry: PackageEntry) => EntryFragments;

export function buildFragments(
  entry: PackageEntry,
  packageName: string,
  templates: Templates,
): EntryFragments {
  let section: ReadmeSection | undefined;
  return {
    clientImport: clientImportView(entry),
    clientMethod: renderClientMethod(entry, templates),
    clientSpec: clientSpecView(entry),
    barrel: barrelEntryView(entry),
    readmeRow: readmeRow(entry),
    readmeSection: () => (section ??= readmeSection(entry, packageName)),
  };
}

interface Cached {
  readonly packageName: string;
  readonly exports: ApiExportNames;
  readonly templates: Templates;
  readonly fragments: EntryFragments;
}

/** What planPackage reads of one API: its name and its module's names. */
interface PlanInput {
  readonly api: string;
  readonly names: ApiNames;
}

interface CachedPlan {
  readonly runtimeSources: ReadonlyMap<string, string>;
  readonly naming: Naming;
  readonly inputs: readonly PlanInput[];
  readonly plan: PackagePlan;
  /** For each plan entry, the index of the item it was planned from. */
  readonly order: readonly number[];
}

/** The items carry the same plan inputs (a module kept from the last run has the very same names object). */
function samePlanInputs(inputs: readonly PlanInput[], items: readonly PlanItem[]): boolean {
  if (inputs.length !== items.length) return false;
  for (let i = 0; i < items.length; i++) {
    const input = inputs[i];
    const item = items[i];
    if (input === undefined || item === undefined || input.api !== item.api.api) return false;
    const { names } = item.module;
    if (
      input.names !== names &&
      (input.names.fullBase !== names.fullBase ||
        input.names.base !== names.base ||
        input.names.method !== names.method)
    )
      return false;
  }
  return true;
}

interface RenderedFile {
  readonly templates: Templates;
  readonly view: unknown;
  readonly text: string;
}

/**
 * Keyed by module object: a module handed back from a cache is the same object, with the same API inside.
 * Also keeps each shared file's last text with the view it was rendered from.
 */
export class FragmentCache {
  readonly #byModule = new WeakMap<ApiModule, Cached>();
  readonly #files = new Map<string, RenderedFile>();
  #plan: CachedPlan | undefined;

  /**
   * The package plan for `items`, planned again only when an API's name or its module's names changed: the
   * plan depends on nothing else (see planPackage), so after an edit inside one API's doc each entry keeps its
   * export names, and the fragments built from them stay valid. `make` plans (and checks) from scratch.
   */
  planFor(
    items: readonly PlanItem[],
    runtimeSources: ReadonlyMap<string, string>,
    naming: Naming,
    make: () => PackagePlan,
  ): PackagePlan {
    const cached = this.#plan;
    if (
      cached !== undefined &&
      cached.runtimeSources === runtimeSources &&
      cached.naming === naming &&
      samePlanInputs(cached.inputs, items)
    ) {
      const entries = cached.plan.entries.map(({ exports }, k): PackageEntry => {
        const item = items[cached.order[k] ?? -1];
        if (item === undefined) throw new Error('planFor: an entry of an unchanged plan has no item');
        return { api: item.api, module: item.module, exports };
      });
      const plan = { entries };
      this.#plan = { ...cached, plan };
      return plan;
    }
    const plan = make();
    const index = new Map(items.map((item, i) => [item.api, i]));
    this.#plan = {
      runtimeSources,
      naming,
      inputs: items.map(({ api, module }) => ({ api: api.api, names: module.names })),
      plan,
      order: plan.entries.map((entry) => index.get(entry.api) ?? -1),
    };
    return plan;
  }

  /**
   * The text of the shared file `path`, rendered only when its view differs from the one it was last rendered
   * from. A template is a pure function of its view (no escaping, built-in helpers only), so an equal view
   * gives the same text; handing back the same string also lets the writer compare it by identity. After an
   * edit that touches one API's module only (its description, its fields), the megabytes of client, barrel and
   * README are not rendered again.
   */
  textOf<V>(path: string, templates: Templates, view: V, render: (view: V) => string): string {
    const cached = this.#files.get(path);
    if (cached !== undefined && cached.templates === templates && sameView(cached.view, view))
      return cached.text;
    const text = render(view);
    this.#files.set(path, { templates, view, text });
    return text;
  }

  fragmentsFor(packageName: string, templates: Templates): FragmentsOf {
    return (entry) => {
      const { exports } = entry;
      const cached = this.#byModule.get(entry.module);
      if (
        cached !== undefined &&
        cached.packageName === packageName &&
        cached.templates === templates &&
        sameView(cached.exports, exports)
      )
        return cached.fragments;
      const fragments = buildFragments(entry, packageName, templates);
      this.#byModule.set(entry.module, { packageName, exports, templates, fragments });
      return fragments;
    };
  }
}
