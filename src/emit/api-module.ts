/**
 * One API → `src/apis/<api>.ts`. The output depends on the API alone (and the fixed naming config), so callers
 * may cache it per API and rebuild only the shared files when the set of APIs changes.
 */
import type { Api } from '../model/types.js';
import type { ApiModuleContext } from './context.js';
import type { ApiNames } from './names.js';
import { MODULE_RUNTIME_IMPORTS, planModule, REQUEST_BASE } from './plan-module.js';
import { emitStruct } from './members.js';
import { compareCodeUnits, headerComment } from './print.js';
import { emitRequestClass, emitRequestInit, hasRequiredParams } from './request.js';
import { emitResponse } from './response.js';
import { emitSpec } from './spec.js';

export interface ApiModule {
  readonly path: string;
  readonly text: string;
  readonly names: ApiNames;
  /** False when every param is optional: the client method's request argument is optional then. */
  readonly requiresRequest: boolean;
}

/** Runtime values (everything else imported is a type). */
const RUNTIME_VALUES: ReadonlySet<string> = new Set(['API_SPEC', 'apiSpecFromJson']);

function runtimeImport(uses: ReadonlySet<string>): string {
  const names = MODULE_RUNTIME_IMPORTS.filter((name) => uses.has(name)).sort(compareCodeUnits);
  const specifiers = names.map((name) => (RUNTIME_VALUES.has(name) ? name : `type ${name}`));
  return `import { ${specifiers.join(', ')} } from '../runtime/index.js';\n`;
}

export function emitApiModule(api: Api, ctx: ApiModuleContext): ApiModule {
  const plan = planModule(api, ctx.naming);
  const uses = new Set<string>(['API_SPEC', 'ApiSpec', 'apiSpecFromJson']);
  const sections = [
    emitRequestClass(api, plan),
    emitRequestInit(api, plan, uses),
    emitResponse(api, plan, uses),
    ...plan.structs.map((decl) => emitStruct(decl, plan, uses)),
    emitSpec(api, plan),
  ];
  const text =
    headerComment(api.source.file) +
    runtimeImport(uses) +
    `import { ${REQUEST_BASE} } from '../request-base.js';\n\n` +
    sections.join('\n');
  return { path: plan.names.modulePath, text, names: plan.names, requiresRequest: hasRequiredParams(plan) };
}
