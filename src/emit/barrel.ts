/**
 * The package's two barrels. src/index.ts, the root: the runtime's public surface, the request base and the
 * client, and no API module, so that a program importing the root and one API's subpath loads that API alone.
 * src/all.ts (`<package>/all`): the same, with the client that has one method per API, each API module as a
 * namespace, and each API's request class, init and response types at top level (aliased where two APIs share
 * a class name).
 */
import type { FragmentsOf } from './fragments.js';
import { CLIENT_CLASS, type PackageEntry, type PackagePlan } from './plan-package.js';
import { REQUEST_BASE } from '../naming/scope.js';
import { headerComment } from './print.js';
import { stringLiteral } from './safe.js';
import type { BarrelEntryView, BarrelView, RootView } from './views.js';

function exported(own: string, alias: string, typeOnly: boolean): string {
  return `${typeOnly ? 'type ' : ''}${own}${own === alias ? '' : ` as ${alias}`}`;
}

export function barrelEntryView({ module, exports }: PackageEntry): BarrelEntryView {
  const { names } = module;
  const specifiers = [
    exported(names.request, exports.request, false),
    exported(names.requestInit, exports.requestInit, true),
    exported(names.response, exports.response, true),
  ];
  return {
    namespace: exports.namespace,
    from: stringLiteral(names.importPath),
    specifiers: specifiers.join(', '),
  };
}

/** What index.ts.hbs renders src/index.ts from. */
export function rootView(): RootView {
  return { header: headerComment(), requestBase: REQUEST_BASE, client: CLIENT_CLASS };
}

/** What all.ts.hbs renders src/all.ts from. */
export function barrelView(plan: PackagePlan, fragments: FragmentsOf): BarrelView {
  return { ...rootView(), entries: plan.entries.map((entry) => fragments(entry).barrel) };
}
