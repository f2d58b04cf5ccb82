/**
 * Retired APIs and fields. TOP docs have no flag for it; the doc text says it, in a few recurring forms:
 * a title `((已废弃)更新实例化应用)`, descriptions `（该参数已废弃）外部商家团期ID`, `废弃： 产品快照地址`,
 * `escrow fee (deprecated)`, `交易订单快照URL（该字段废弃）`, `首映日期格式:YYYY-MM-DD,已废弃`. A mention elsewhere
 * in the text (`2-不支持退改（已废弃，勿用），7-…`: one enum value retired) does not retire the field.
 */
import type { DocApi, DocField } from './types.js';

const OPEN = '[(（【\\[]';
const CLOSE = '[)）】\\]]';
const RETIRED = '(?:已|建议)?(?:废弃|deprecated)';
const SELF = '(?:该|此|本)(?:参数|字段|属性)';

const FIELD_RULES: readonly RegExp[] = [
  // Leading: `废弃：…`, `（该参数已废弃）…`, `建议废弃 …`, `deprecated: …`.
  new RegExp(`^\\s*${OPEN}?\\s*(?:${SELF})?${RETIRED}`, 'i'),
  // Trailing mark: `…(deprecated)`, `…【废弃】`, `…（该字段废弃）`, `…,已废弃`.
  new RegExp(`${OPEN}\\s*(?:${SELF})?${RETIRED}\\s*${CLOSE}\\s*$`, 'i'),
  /[,，;；]\s*已废弃\s*$/,
  // The description says so of itself, anywhere: `（废弃该参数）`, `该字段已废弃`.
  /(?:该|此|本)(?:参数|字段|属性)(?:已经?)?(?:废弃|弃用|下线)|废弃该(?:参数|字段|属性)/,
];

const API_DESCRIPTION_RULES: readonly RegExp[] = [
  new RegExp(`^\\s*${OPEN}?\\s*${RETIRED}`, 'i'),
  /(?:该|此|本)?(?:接口|API)(?:已经?)(?:废弃|下线|停用)/i,
];

/** Every rule needs one of these: most descriptions hold none and are not tried against each rule. */
const MAY_RETIRE = /弃|下线|deprecated/i;

/** True when a field description marks the field as retired. */
export function isRetiredField(description: string | undefined): boolean {
  return (
    description !== undefined &&
    MAY_RETIRE.test(description) &&
    FIELD_RULES.some((rule) => rule.test(description))
  );
}

/** True when an API's title or description marks it as retired (any 废弃 / deprecated in the title counts). */
export function isRetiredApi(title: string, description: string): boolean {
  return /废弃|deprecated/i.test(title) || API_DESCRIPTION_RULES.some((rule) => rule.test(description));
}

function markField(field: DocField): DocField {
  const children = field.children.length === 0 ? field.children : field.children.map(markField);
  const retired = isRetiredField(field.description);
  if (!retired && children.every((child, i) => child === field.children[i])) return field;
  return retired ? { ...field, deprecated: true, children } : { ...field, children };
}

/** The API with `deprecated: true` on itself and on every field whose doc text retires it. */
export function markDeprecated(api: DocApi): DocApi {
  const request = api.request.map(markField);
  const response = api.response.map(markField);
  const marked: DocApi = { ...api, request, response };
  return isRetiredApi(api.title, api.description) ? { ...marked, deprecated: true } : marked;
}
