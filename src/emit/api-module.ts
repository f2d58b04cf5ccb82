/**
 * One API → `src/apis/<api>.ts`. The output depends on the API alone (and the fixed naming config and
 * templates), so callers may cache it per API and rebuild only the shared files when the set of APIs changes.
 */
import type { Api } from '../model/types.js';
import type { ApiModuleContext } from './context.js';
import type { ApiNames } from '../naming/api-names.js';
import type { StructPlan } from '../model/passes/structs.js';
import { planModule } from './plan-module.js';
import { MODULE_RUNTIME_IMPORTS, REQUEST_BASE } from '../naming/scope.js';
import { structView } from './members.js';
import { compareCodeUnits, fileText, headerComment } from './print.js';
import { hasRequiredParams, requestClassView, requestInitView } from './request.js';
import { responseView } from './response.js';
import { specView } from './spec.js';
import type { ApiModuleView } from './views.js';

export interface ApiModule {
  readonly path: string;
  readonly text: string;
  readonly names: ApiNames;
  /** False when every param is optional: the client method's request argument is optional then. */
  readonly requiresRequest: boolean;
}

/** Runtime values (everything else imported is a type). */
const RUNTIME_VALUES: ReadonlySet<string> = new Set(['API_SPEC', 'apiSpecFromJson']);

function runtimeImports(uses: ReadonlySet<string>): string {
  const names = MODULE_RUNTIME_IMPORTS.filter((name) => uses.has(name)).sort(compareCodeUnits);
  return names.map((name) => (RUNTIME_VALUES.has(name) ? name : `type ${name}`)).join(', ');
}

/** The module of one API, from the API and its struct plan (the struct pass's output). */
/**
 * The doc's file name without its folder: the path as given depends on the working directory (and, outside it,
 * is a path of the machine that ran topgen), and the generated files must be the same wherever they are made.
 */
function docFileName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

export function emitApiModule(api: Api, structs: StructPlan, ctx: ApiModuleContext): ApiModule {
  const plan = planModule(api, structs, ctx.naming);
  const uses = new Set<string>(['API_SPEC', 'ApiSpec', 'apiSpecFromJson']);
  const request = requestClassView(api, plan);
  const init = requestInitView(api, plan, uses);
  const response = responseView(api, plan, uses);
  const structViews = plan.structs.map((decl) => structView(decl, plan, uses));
  const view: ApiModuleView = {
    header: headerComment(docFileName(api.source.file)),
    runtimeImports: runtimeImports(uses),
    requestBase: REQUEST_BASE,
    request,
    init,
    response,
    structs: structViews,
    spec: specView(api, plan),
  };
  return {
    path: plan.names.modulePath,
    text: fileText(ctx.templates.apiModule(view)),
    names: plan.names,
    requiresRequest: hasRequiredParams(plan),
  };
}
