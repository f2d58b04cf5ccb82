/**
 * Everything one API module's printers read: the API's own symbol names and the struct plan the struct pass made
 * (src/model/passes/structs.ts: which fields share an interface and its name, and how each response Number is
 * delivered). Nothing here names a struct: the plan only reads the model.
 */
import type { Api } from '../model/types.js';
import type { StructPlan } from '../model/passes/structs.js';
import { apiNames, type ApiNames, type Naming } from '../naming/api-names.js';

export interface ModulePlan extends StructPlan {
  readonly names: ApiNames;
}

export function planModule(api: Api, structs: StructPlan, naming: Naming): ModulePlan {
  // The struct plan is a plain object (planStructs), so spreading it keeps every member it gains.
  return { ...structs, names: apiNames(api.api, naming, structs.symbols) };
}
