/**
 * Model-level checks every doc goes through after parsing, whatever its format: nesting is cut at
 * MAX_FIELD_DEPTH (so nothing after this recurses without bound), and parameters that clash with TOP's common
 * parameters are reported.
 */
import { limitFieldDepth } from './depth.js';
import { reservedParamClashes } from './reserved-params.js';
import type { Api, Diagnostic } from './types.js';

export function checkModel(parsed: Api): { api: Api; added: Diagnostic[] } {
  const limited = limitFieldDepth(parsed);
  const clashes = reservedParamClashes(limited.api);
  const api =
    clashes.length === 0
      ? limited.api
      : { ...limited.api, diagnostics: [...limited.api.diagnostics, ...clashes] };
  return { api, added: [...limited.diagnostics, ...clashes] };
}
