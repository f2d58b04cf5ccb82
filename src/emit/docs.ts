/**
 * What each generated declaration's JSDoc says, as DocPart lists. The text is raw doc data here; safe.ts
 * escapes it when the block is printed.
 */
import { apiAccess } from '../model/access.js';
import type { Api, Constraints, Field } from '../model/types.js';
import type { DocPart } from './safe.js';
import type { Side, StructDecl } from './plan-module.js';

const text = (value: string | undefined): DocPart[] =>
  value === undefined || value.trim() === '' ? [] : [{ kind: 'text', text: value }];

const tag = (name: string, value?: string): DocPart =>
  value === undefined ? { kind: 'tag', tag: name } : { kind: 'tag', tag: name, text: value };

/** The numeric constraints, in the order docs and specs list them. */
export const NUMERIC_CONSTRAINTS = ['maxLength', 'maxListSize', 'minValue', 'maxValue'] as const;

function constraintTags(constraints: Constraints | undefined): DocPart[] {
  if (constraints === undefined) return [];
  const parts: DocPart[] = [];
  for (const key of NUMERIC_CONSTRAINTS) {
    const value = constraints[key];
    if (value !== undefined && Number.isFinite(value)) parts.push(tag(key, String(value)));
  }
  if (constraints.default !== undefined) parts.push(tag('defaultValue', constraints.default));
  return parts;
}

/** `Number[]`, plus `, required` on the request side. */
function docTypeLine(field: Field, side: Side): string {
  const required = side === 'request' && field.required ? ', required' : '';
  return `Doc type: ${field.type}${field.array ? '[]' : ''}${required}.`;
}

export function fieldDoc(field: Field, side: Side): DocPart[] {
  const parts: DocPart[] = text(field.description);
  parts.push({ kind: 'text', text: docTypeLine(field, side) });
  if (field.constraints !== undefined) parts.push(...constraintTags(field.constraints));
  if (field.example !== undefined && field.example !== '') parts.push(tag('example', field.example));
  return parts;
}

/** A note for a level whose doc lists a wire name twice: the declaration keeps the first definition. */
export function repeatedNote(repeated: readonly string[]): DocPart[] {
  return repeated.length === 0
    ? []
    : text(`The doc lists ${repeated.join(', ')} more than once; the first definition is used.`);
}

export function structDoc(decl: StructDecl): DocPart[] {
  const side = decl.side === 'request' ? 'Request' : 'Response';
  const empty = decl.members.fields.length === 0 ? ' The doc lists no fields for it.' : '';
  return [
    ...text(decl.firstUse.description),
    ...text(`${side} struct ${decl.firstUse.type}, first used at ${decl.path}.${empty}`),
    ...repeatedNote(decl.members.repeated),
  ];
}

/** `用户注册-验证码方式 (alibaba.damai.maizuo.openapi.user.register.byauthcode)` and the description. */
export function apiDoc(api: Api): DocPart[] {
  const heading = api.title.trim() === '' ? api.api : `${api.title} (${api.api})`;
  const description = api.description.trim() === api.title.trim() ? undefined : api.description;
  return [...text(heading), ...text(description)];
}

export function requestInitDoc(api: Api, requestClass: string, repeated: readonly string[]): DocPart[] {
  return [
    ...text(
      `Parameters of ${api.api}, by wire name: what \`new ${requestClass}(…)\` and the client method take.`,
    ),
    ...repeatedNote(repeated),
  ];
}

export function responseDoc(api: Api, repeated: readonly string[]): DocPart[] {
  return [
    ...text(`Response of ${api.api}. Every field is optional: TOP leaves out empty fields.`),
    ...repeatedNote(repeated),
  ];
}

export const REQUEST_ID_DOC: readonly DocPart[] = text(
  'Id of the call on the TOP gateway, for support requests.',
);

export function specDoc(api: Api): DocPart[] {
  return text(`Wire description of ${api.api}: what the runtime validates and serialises.`);
}

/** The retry policy a caller gets, in one sentence. */
export function accessNote(api: Api): DocPart[] {
  return apiAccess(api) === 'read'
    ? text('Read API: retried after transient failures.')
    : text(
        'Write API: sent again only when the request certainly never reached the gateway, never after a timeout or a server error.',
      );
}

export function clientMethodDoc(api: Api): DocPart[] {
  return [
    ...apiDoc(api),
    ...accessNote(api),
    tag('param', 'request The API parameters: a request instance or a plain object with wire-named fields.'),
    tag('param', 'options Per-call session, abort signal, timeout and retries.'),
    tag(
      'returns',
      `The content of the ${api.api} response; \`.withResponse()\` adds the answer's status and headers.`,
    ),
  ];
}
