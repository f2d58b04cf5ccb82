/**
 * Everything one API module's printers read: the API's own symbol names, the struct plan the struct pass made
 * (src/model/passes/structs.ts: which fields share an interface and its name), and how each response Number
 * is delivered. Nothing here names a struct: the plan only reads the model.
 */
import type { Api, Field } from '../model/types.js';
import type { StructPlan } from '../model/passes/structs.js';
import { apiNames, type ApiNames, type Naming } from '../naming/api-names.js';
import {
  DEFAULT_NUMBER_OPTIONS,
  responseNumberForm,
  type NumberForm,
  type NumberOptions,
} from '../model/numbers.js';

export interface ModulePlan extends StructPlan {
  readonly names: ApiNames;
  /** How a response field of kind `number` is delivered (undefined for other kinds). */
  numberForm(field: Field): NumberForm | undefined;
}

export function planModule(
  api: Api,
  structs: StructPlan,
  naming: Naming,
  numbers: NumberOptions = DEFAULT_NUMBER_OPTIONS,
): ModulePlan {
  const forms = new Map<Field, NumberForm | undefined>();
  return {
    params: structs.params,
    responseFields: structs.responseFields,
    structs: structs.structs,
    structName: (side, field) => structs.structName(side, field),
    members: (field) => structs.members(field),
    symbols: structs.symbols,
    names: apiNames(api.api, naming, structs.symbols),
    // Asked for by a Number field's member and again by its spec: its role is read from its name once.
    numberForm: (field) => {
      if (field.kind !== 'number') return undefined;
      let form = forms.get(field);
      if (form === undefined) {
        form = responseNumberForm(api.api, field, numbers);
        forms.set(field, form);
      }
      return form;
    },
  };
}
