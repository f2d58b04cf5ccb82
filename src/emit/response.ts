/** The response interface of an API module: the content of the `<name>_response` envelope. */
import type { Api } from '../model/types.js';
import { REQUEST_ID_DOC, responseDoc } from './docs.js';
import { emitMembers } from './members.js';
import type { ModulePlan } from './plan-module.js';
import { docComment } from './safe.js';

/** Every TOP response carries it; added unless the doc already lists it. */
const REQUEST_ID = 'request_id';

export function emitResponse(api: Api, plan: ModulePlan, uses: Set<string>): string {
  const { names, responseFields } = plan;
  const requestId = responseFields.fields.some((field) => field.name === REQUEST_ID)
    ? ''
    : `${docComment(REQUEST_ID_DOC, '  ')}  ${REQUEST_ID}?: string;\n`;
  return (
    docComment(responseDoc(api, responseFields.repeated), '') +
    `export interface ${names.response} {\n${emitMembers(responseFields.fields, 'response', plan, uses)}${requestId}}\n`
  );
}
