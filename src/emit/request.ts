/**
 * The request side of an API module: the init interface (wire-named params) and the request class. The class
 * gets its params through an interface merged with it rather than class fields, because a class field may not
 * be named `constructor` and would shadow the spec-driven copy in the base constructor.
 */
import type { Api } from '../model/types.js';
import { apiDoc, requestInitDoc } from './docs.js';
import { emitMembers } from './members.js';
import { isPageable } from './pagination.js';
import { REQUEST_BASE, type ModulePlan } from './plan-module.js';
import { docComment } from './safe.js';

/** Member of TopRequestBase a wire param cannot share a name with on the instance type. */
const PHANTOM_MEMBER = '__response';

export function hasRequiredParams(plan: ModulePlan): boolean {
  return plan.params.fields.some((field) => field.required);
}

export function emitRequestInit(api: Api, plan: ModulePlan, uses: Set<string>): string {
  const { names, params } = plan;
  const doc = docComment(requestInitDoc(api, names.request, params.repeated), '');
  // No params: an index signature of `never` still accepts `{}` but rejects any key, which `{}` would not.
  const body =
    params.fields.length === 0
      ? '  readonly [key: string]: never;\n'
      : emitMembers(params.fields, 'request', plan, uses);
  return `${doc}export interface ${names.requestInit} {\n${body}}\n`;
}

export function emitRequestClass(api: Api, plan: ModulePlan): string {
  const { names, params } = plan;
  let merged = '';
  if (params.fields.length > 0) {
    const base = params.fields.some((field) => field.name === PHANTOM_MEMBER)
      ? `Omit<${names.requestInit}, '${PHANTOM_MEMBER}'>`
      : names.requestInit;
    merged =
      docComment([{ kind: 'text', text: 'The params of this request, readable by wire name.' }], '') +
      `export interface ${names.request} extends ${base} {}\n`;
  }
  const init = hasRequiredParams(plan) ? `init: ${names.requestInit}` : `init: ${names.requestInit} = {}`;
  const brand = isPageable(api)
    ? '  /** Phantom member, never present at run time: `client.paginate(request)` accepts this request. */\n' +
      '  declare readonly __pageable: true;\n\n'
    : '';
  return (
    merged +
    docComment(apiDoc(api), '') +
    `export class ${names.request} extends ${REQUEST_BASE}<${names.response}> {\n` +
    brand +
    `  constructor(${init}) {\n` +
    `    super(${names.spec}, init);\n` +
    '  }\n\n' +
    '  override get [API_SPEC](): ApiSpec {\n' +
    `    return ${names.spec};\n` +
    '  }\n' +
    '}\n'
  );
}
