/**
 * The request side of an API module: the init interface (wire-named params) and the request class. The class
 * gets its params through an interface merged with it rather than class fields, because a class field may not
 * be named `constructor` and would shadow the spec-driven copy in the base constructor.
 */
import type { Api } from '../model/types.js';
import { apiDoc, requestInitDoc } from './docs.js';
import { indexSignature, memberViews } from './members.js';
import { isPageable } from './pagination.js';
import type { ModulePlan } from './plan-module.js';
import { REQUEST_BASE } from '../naming/scope.js';
import { docComment } from './safe.js';
import type { InterfaceView, RequestClassView } from './views.js';

/** Member of TopRequestBase a wire param cannot share a name with on the instance type. */
const PHANTOM_MEMBER = '__response';

export function hasRequiredParams(plan: ModulePlan): boolean {
  return plan.params.fields.some((field) => field.required);
}

export function requestInitView(api: Api, plan: ModulePlan, uses: Set<string>): InterfaceView {
  const { names, params } = plan;
  return {
    doc: docComment(requestInitDoc(api, names.request, params.repeated), ''),
    name: names.requestInit,
    // No params: an index signature of `never` still accepts `{}` but rejects any key, which `{}` would not.
    members:
      params.fields.length === 0
        ? [indexSignature('never', true)]
        : memberViews(params.fields, 'request', plan, uses),
  };
}

export function requestClassView(api: Api, plan: ModulePlan): RequestClassView {
  const { names, params } = plan;
  const base = params.fields.some((field) => field.name === PHANTOM_MEMBER)
    ? `Omit<${names.requestInit}, '${PHANTOM_MEMBER}'>`
    : names.requestInit;
  return {
    doc: docComment(apiDoc(api), ''),
    name: names.request,
    base: REQUEST_BASE,
    init: names.requestInit,
    response: names.response,
    spec: names.spec,
    initRequired: hasRequiredParams(plan),
    pageable: isPageable(api),
    merged:
      params.fields.length === 0
        ? false
        : {
            doc: docComment(
              [{ kind: 'text', text: 'The params of this request, readable by wire name.' }],
              '',
            ),
            base,
          },
  };
}
