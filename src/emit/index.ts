/**
 * Model → generated package, in memory. `emitPackage` returns every file of the package (posix path → text,
 * in path order); writing them is the caller's business.
 */
import { hasErrors } from '../model/diagnostics.js';
import { planStructs } from '../model/passes/structs.js';
import type { Api } from '../model/types.js';
import { emitApiModule, type ApiModule } from './api-module.js';
import { barrelView, rootView } from './barrel.js';
import { apiClientView, clientView } from './client.js';
import { createEmitContext, type EmitOptions, type GeneratedFiles } from './context.js';
import { buildFragments, FragmentCache, type EntryFragments, type FragmentsOf } from './fragments.js';
import { planPackage, type PackageEntry, type PackagePlan } from './plan-package.js';
import { fileText, NO_CHECK_PRAGMA } from './print.js';
import {
  emitBuildTsconfig,
  emitGitignore,
  emitPackageJson,
  emitRequestBase,
  emitTsconfig,
  readmeView,
  renderReadme,
  runtimeNeedsNodeTypes,
} from './scaffold.js';

export type { EmitOptions, GeneratedFiles, EmitContext, ApiModuleContext } from './context.js';
export { apiModuleContext, createEmitContext, README_EXAMPLES_LIMIT } from './context.js';
export { emitApiModule, type ApiModule } from './api-module.js';
export { FragmentCache } from './fragments.js';
export {
  compileTemplates,
  TemplateError,
  TEMPLATE_FILES,
  type Templates,
  type TemplateSources,
} from './templates.js';
export type * from './views.js';

/** A runtime file name: relative posix path of plain segments ending in `.ts`. */
const RUNTIME_FILE = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\.ts$/;

/**
 * Checks the API names before anything is emitted: two APIs with one name, or names that differ only in case
 * (one file on case-insensitive file systems), would overwrite each other. The model step reports duplicates
 * as diagnostics; reaching here with one is a caller bug.
 */
function assertDistinctNames(apis: readonly Api[]): void {
  const seen = new Map<string, string>();
  for (const { api } of apis) {
    const folded = api.toLowerCase();
    const other = seen.get(folded);
    if (other !== undefined)
      throw new Error(`Cannot generate both ${other} and ${api}: their module files would be the same.`);
    seen.set(folded, api);
  }
}

/**
 * The whole package for `apis`. APIs with an error diagnostic are not generated (see Api.diagnostics). Per-API
 * modules can be produced separately with `emitApiModule` and handed in through `moduleFor` to skip re-emitting
 * unchanged APIs (the Pipeline does, with the struct plans it keeps); without it each API's struct plan is made
 * here by the struct pass. A FragmentCache keeps each API's part of the shared files (api-client, all, README)
 * and each shared file's text, rendered again only when its view changed.
 */
export function emitPackage(
  apis: readonly Api[],
  options: EmitOptions,
  moduleFor?: (api: Api) => ApiModule,
  cache?: FragmentCache,
): GeneratedFiles {
  const ctx = createEmitContext(options);
  const modules = moduleFor ?? ((api: Api): ApiModule => emitApiModule(api, planStructs(api, ctx), ctx));
  const generated = apis.filter((api) => !hasErrors(api.diagnostics));
  const items = generated.map((api) => ({ api, module: modules(api) }));
  const makePlan = (): PackagePlan => {
    assertDistinctNames(generated);
    return planPackage(items, ctx.runtimeSources, ctx.naming);
  };
  // Same names as last time: the names were distinct then, and the plan is the same.
  const plan = cache?.planFor(items, ctx.runtimeSources, ctx.naming, makePlan) ?? makePlan();
  const source: FragmentsOf =
    cache?.fragmentsFor(ctx.packageName, ctx.templates) ??
    ((entry) => buildFragments(entry, ctx.packageName, ctx.templates));
  // Client, barrel and README each ask for every entry's parts: look each up once.
  const fragmentsOfEntry = new Map<PackageEntry, EntryFragments>();
  const fragments: FragmentsOf = (entry) => {
    let found = fragmentsOfEntry.get(entry);
    if (found === undefined) {
      found = source(entry);
      fragmentsOfEntry.set(entry, found);
    }
    return found;
  };
  const { templates } = ctx;
  const shared = <V>(path: string, view: V, render: (view: V) => string): string =>
    cache === undefined
      ? fileText(render(view))
      : cache.textOf(path, templates, view, (same) => fileText(render(same)));
  const nodeTypes = runtimeNeedsNodeTypes(ctx.runtimeSources);

  // Generated texts end in '\n' and hold no '\r' by construction; texts read from files (templates, runtime)
  // are normalised, so a checkout with CRLF line ends still yields the same bytes.
  const files = new Map<string, string>([
    ['.gitignore', emitGitignore()],
    [
      'package.json',
      emitPackageJson(
        ctx,
        nodeTypes,
        plan.entries.map((entry) => entry.api.api),
      ),
    ],
    ['tsconfig.json', emitTsconfig(nodeTypes)],
    ['tsconfig.build.json', emitBuildTsconfig()],
    [
      'README.md',
      shared('README.md', readmeView(ctx, plan, fragments), (view) => renderReadme(templates, view)),
    ],
    ['src/index.ts', fileText(templates.root(rootView()))],
    ['src/client.ts', fileText(templates.client(clientView(ctx)))],
    ['src/all.ts', shared('src/all.ts', barrelView(plan, fragments), templates.barrel)],
    ['src/api-client.ts', shared('src/api-client.ts', apiClientView(plan, fragments), templates.apiClient)],
    ['src/request-base.ts', fileText(emitRequestBase(templates))],
  ]);
  for (const { module } of plan.entries) files.set(module.path, module.text);
  for (const [name, source] of ctx.runtimeSources) {
    if (!RUNTIME_FILE.test(name) || name.split('/').includes('..')) {
      throw new Error(
        `Invalid runtime source name ${JSON.stringify(name)}: expected a relative posix path to a .ts file.`,
      );
    }
    files.set(`src/runtime/${name}`, fileText(`${NO_CHECK_PRAGMA}${source}`));
  }

  // The default order of sort() is code-unit order (compareCodeUnits), without a call per comparison.
  const paths = [...files.keys()].sort();
  return new Map(paths.map((path) => [path, files.get(path) ?? '']));
}
