/** The built-in templates, compiled once per test worker, and the per-API module context that uses them. */
import { loadTemplates } from '../../src/assets/templates.js';
import { apiModuleContext, type ApiModuleContext } from '../../src/emit/context.js';
import { emitApiModule, type ApiModule } from '../../src/emit/api-module.js';
import { planStructs } from '../../src/model/passes/structs.js';
import type { Api } from '../../src/model/types.js';

export const TEMPLATES = loadTemplates();
export const MODULE_CONTEXT = apiModuleContext(TEMPLATES);

/** One API's module, with its struct plan from the struct pass (as the Pipeline makes it). */
export function emitModule(api: Api, ctx: ApiModuleContext = MODULE_CONTEXT): ApiModule {
  return emitApiModule(api, planStructs(api, ctx), ctx);
}
