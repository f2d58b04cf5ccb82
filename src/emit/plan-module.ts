/**
 * Everything one API module's printers read: the API's own symbol names, the struct plan the struct pass made
 * (src/model/passes/structs.ts: which fields share an interface and its name), and how each response Number
 * is delivered. Nothing here names a struct: the plan only reads the model.
 */
import type { Api } from '../model/types.js';
import type { StructPlan } from '../model/passes/structs.js';
import { apiNames, type ApiNames, type Naming } from '../naming/api-names.js';

export interface ModulePlan extends StructPlan {
  readonly names: ApiNames;
}

export function planModule(api: Api, structs: StructPlan, naming: Naming): ModulePlan {
  return {
    params: structs.params,
    responseFields: structs.responseFields,
    structs: structs.structs,
    structName: (side, field) => structs.structName(side, field),
    members: (field) => structs.members(field),
    symbols: structs.symbols,
    names: apiNames(api.api, naming, structs.symbols),
    numberForm: (field) => structs.numberForm(field),
  };
}
