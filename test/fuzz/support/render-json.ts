/**
 * Renders a DocSpec as the doc JSON the TOP doc site serves: `{name, apiChineseName, description,
 * requestParams, responseParams}` with `subParams`, optionally inside the `{data, success}` envelope.
 *
 * Doc JSON descriptions are HTML source (src/parse/json/description.ts), so text that would read as markup or
 * as an entity is written the way the site writes such text: `&` as `&amp;` and `<` as `&lt;`. Text without
 * either is written raw, so raw `<script>`-free hazards still reach the reader verbatim. Variation that must
 * not change the model is chosen by `style`: `X[]` or `X []`, numbers or numeric strings for constraints,
 * `required` on response fields, absent or null `description`/`subParams`, compact or indented output.
 */
import type { Constraints, DocField as Field } from '../../../src/model/types.js';
import type { DocSpec } from './doc-arbitrary.js';

export interface JsonStyle {
  readonly envelope: boolean;
  readonly spacedArrays: boolean;
  readonly stringConstraints: boolean;
  /** Writes `required: true` on some response fields, as real doc JSON does (the model ignores it). */
  readonly responseRequired: boolean;
  readonly nulls: boolean;
  readonly indent: 0 | 2;
}

export const PLAIN_STYLE: JsonStyle = {
  envelope: false,
  spacedArrays: false,
  stringConstraints: false,
  responseRequired: false,
  nulls: false,
  indent: 2,
};

/** Known formatting tags of doc JSON descriptions; text containing one must be escaped to stay text. */
const MARKUP = /<\/?(?:br|p|div|ul|ol|li|a|span|strong|b|i|em|u|font)(?:[\s/>]|$)/i;

/** HTML source whose rendering is `text`. */
export function htmlSource(text: string): string {
  if (!text.includes('&') && !MARKUP.test(text)) return text;
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

type JsonParam = Record<string, unknown>;

function constraintMembers(c: Constraints | undefined, style: JsonStyle): JsonParam {
  const out: JsonParam = {};
  if (c === undefined) return out;
  for (const key of ['maxLength', 'maxListSize', 'minValue', 'maxValue'] as const) {
    const value = c[key];
    if (value !== undefined) out[key] = style.stringConstraints ? String(value) : value;
  }
  return out;
}

function param(f: Field, side: 'request' | 'response', style: JsonStyle, index: number): JsonParam {
  const type = f.array ? `${f.type}${style.spacedArrays ? ' []' : '[]'}` : f.type;
  const required =
    side === 'request' ? f.required : style.responseRequired && index % 2 === 0 ? true : undefined;
  const out: JsonParam = { name: f.name, type };
  if (required !== undefined) out['required'] = required;
  if (f.description !== undefined) out['description'] = htmlSource(f.description);
  else if (style.nulls) out['description'] = null;
  Object.assign(out, constraintMembers(f.constraints, style));
  if (f.children.length > 0)
    out['subParams'] = f.children.map((child, i) => param(child, side, style, i + index));
  else if (style.nulls) out['subParams'] = null;
  return out;
}

export function renderJson(doc: DocSpec, style: JsonStyle = PLAIN_STYLE): string {
  const body = {
    name: doc.api,
    apiChineseName: htmlSource(doc.title),
    description: htmlSource(doc.description),
    requestParams: doc.request.map((f, i) => param(f, 'request', style, i)),
    responseParams: doc.response.map((f, i) => param(f, 'response', style, i)),
  };
  const value = style.envelope ? { data: body, success: true } : body;
  return JSON.stringify(value, null, style.indent);
}
