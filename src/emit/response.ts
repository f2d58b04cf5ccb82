/** The response interface of an API module: the content of the `<name>_response` envelope. */
import type { Api } from '../model/types.js';
import { REQUEST_ID_DOC, responseDoc } from './docs.js';
import { MEMBER_INDENT, memberViews } from './members.js';
import type { ModulePlan } from './plan-module.js';
import { docComment } from './safe.js';
import type { InterfaceView } from './views.js';

/** Every TOP response carries it; added unless the doc already lists it. */
const REQUEST_ID = 'request_id';

export function responseView(api: Api, plan: ModulePlan, uses: Set<string>): InterfaceView {
  const { names, responseFields } = plan;
  const members = memberViews(responseFields.fields, 'response', plan, uses);
  if (!responseFields.fields.some((field) => field.name === REQUEST_ID))
    members.push({
      doc: docComment(REQUEST_ID_DOC, MEMBER_INDENT),
      readonly: '',
      key: REQUEST_ID,
      optional: '?',
      type: 'string',
    });
  return { doc: docComment(responseDoc(api, responseFields.repeated), ''), name: names.response, members };
}
