/**
 * What each generated declaration's JSDoc says, as DocPart lists. The text is raw doc data here; safe.ts
 * escapes it when the block is printed.
 */
import { apiAccess } from '../model/access.js';
import type { Api, Constraints, Field } from '../model/types.js';
import { validExample } from './example-values.js';
import { typeNameFromDoc } from '../naming/identifiers.js';
import type { DocPart } from './safe.js';
import { PLATFORM_GLOBAL_NAMES } from '../naming/scope.js';
import type { Side, StructDecl } from '../model/passes/structs.js';

/**
 * Leftover text of a link the doc rendered as a call to action (`点击查看更多交易API说明`): the link itself is
 * gone, so the words only confuse. Removed where it ends a line and starts a sentence (`用户点击查看商品的次数`
 * is a metric, not a link).
 */
const LINK_LEFTOVER =
  /(^|[\s。；;：:])(?:请)?点击(?:这里|此处)?(?:查看|了解|进入)[^\n。]*?(?:说明|详情|文档|帮助|链接|更多)。?[ \t]*$/gm;

const text = (value: string | undefined): DocPart[] => {
  // The leftover always holds 点击: most texts skip the multi-line scan.
  const cleaned = value?.includes('点击') === true ? value.replace(LINK_LEFTOVER, '$1') : value;
  return cleaned === undefined || cleaned.trim() === '' ? [] : [{ kind: 'text', text: cleaned }];
};

/** The API's page on the TOP doc site, when the doc carries its id. */
export function docPageUrl(api: Api): string | undefined {
  return api.docId === undefined ? undefined : `https://open.taobao.com/api.htm?docId=${api.docId}&docType=2`;
}

const RETIRED_API = 'The doc marks this API as retired (已废弃); it may stop working.';
const RETIRED_FIELD = 'The doc marks this field as retired (已废弃).';

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

/**
 * The member's JSDoc: the doc's description, the doc's type where the TypeScript type does not already read as
 * it (`Doc type: Number.` beside `TopNumberInput`; not `Doc type: String.` beside `string`), then its
 * constraints, example and retirement. Whether the member is required is its `?`, not a word here.
 */
export function fieldDoc(field: Field, side: Side, typeShowsDocType: boolean): DocPart[] {
  const parts: DocPart[] = text(field.description);
  if (!typeShowsDocType)
    parts.push({ kind: 'text', text: `Doc type: ${field.type}${field.array ? '[]' : ''}.` });
  if (field.constraints !== undefined) parts.push(...constraintTags(field.constraints));
  // Only a doc example the request would accept is shown (see example-values.ts).
  const example = side === 'request' ? validExample(field) : field.example;
  if (example !== undefined && example !== '') parts.push(tag('example', example));
  if (field.deprecated === true) parts.push(tag('deprecated', RETIRED_FIELD));
  return parts;
}

/** A note for a level whose doc lists a wire name twice: the declaration keeps the first definition. */
export function repeatedNote(repeated: readonly string[]): DocPart[] {
  return repeated.length === 0
    ? []
    : text(`The doc lists ${repeated.join(', ')} more than once; the first definition is used.`);
}

/** Why a struct's interface is not named as the doc names its type. */
function renameNote(decl: StructDecl): string {
  const docName = typeNameFromDoc(decl.firstUse.type);
  if (docName === '' || decl.name === docName) return '';
  if (PLATFORM_GLOBAL_NAMES.has(docName))
    return ` Named ${decl.name} so that it does not shadow the global ${docName}.`;
  return ` Named ${decl.name} because another ${docName} of this API has different fields.`;
}

export function structDoc(decl: StructDecl): DocPart[] {
  const side = decl.side === 'request' ? 'Request' : 'Response';
  const empty = decl.members.fields.length === 0 ? ' The doc lists no fields for it.' : '';
  return [
    ...text(decl.firstUse.description),
    ...text(`${side} struct ${decl.firstUse.type}, first used at ${decl.path}.${empty}${renameNote(decl)}`),
    ...repeatedNote(decl.members.repeated),
  ];
}

/** `用户注册-验证码方式 (alibaba.damai.maizuo.openapi.user.register.byauthcode)` and the description. */
function apiSummary(api: Api): DocPart[] {
  const heading = api.title.trim() === '' ? api.api : `${api.title} (${api.api})`;
  const description = api.description.trim() === api.title.trim() ? undefined : api.description;
  return [...text(heading), ...text(description)];
}

/**
 * The doc page as a line of text, not a `@see` tag: TypeScript parses a comment's JSDoc in `.ts` and `.d.ts`
 * files only when it holds `@see` or `@link`, and parsing the two comments per API that carried the tag was 8 %
 * of type-checking a 5,187-API package (paired tsc runs, CPU 0.92×). Editors show the link the same either way.
 */
function docPageNote(api: Api): DocPart[] {
  const url = docPageUrl(api);
  return url === undefined ? [] : text(`TOP doc page: ${url}`);
}

/** `@deprecated` for a retired API. */
function apiTags(api: Api): DocPart[] {
  return api.deprecated === true ? [tag('deprecated', RETIRED_API)] : [];
}

/** The request class: summary, doc page, retirement. */
export function apiDoc(api: Api): DocPart[] {
  return [...apiSummary(api), ...docPageNote(api), ...apiTags(api)];
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
    ...apiSummary(api),
    ...accessNote(api),
    ...docPageNote(api),
    tag('param', 'request The API parameters: a request instance or a plain object with wire-named fields.'),
    tag('param', 'options Per-call session, abort signal, timeout and retries.'),
    tag(
      'returns',
      `The content of the ${api.api} response; \`.withResponse()\` adds the answer's status and headers.`,
    ),
    ...apiTags(api),
  ];
}
