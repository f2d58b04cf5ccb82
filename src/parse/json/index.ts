import { diagnostic } from '../../model/diagnostics.js';
import type { DocApi as Api, ParseResult } from '../../model/types.js';
import { cleanDescription } from './description.js';
import { readCleanDoc } from './fast.js';
import { JsonDiagnostics, readParams } from './params.js';
import { API_NAME, docIdFrom, looksLikeDocKeys } from './rules.js';
import { describeKind, member, scanJson, type JsonNode, type JsonObjectNode } from '../../json/scanner.js';

export { normaliseTypeName, isRecognisedType, type TypeName } from './type-name.js';
export { cleanDescription } from './description.js';

/** Characters an API name may contain at all; anything else could not be a TOP `method` value. */
const API_NAME_CHARS = /^[A-Za-z0-9_.-]+$/;

const EXPECTED_SHAPE =
  'an object with "name" and "requestParams"/"responseParams" (or "apiChineseName"), or {"data": {…}, "success": true} around one';

/**
 * Reads one doc JSON (the structured doc the TOP doc site serves behind each page) into an `Api`.
 *
 * Accepts the bare object `{name, apiChineseName, description, requestParams, responseParams}` and the doc-site
 * envelope `{data: {…}, success}`. Every diagnostic carries the line (and column) of the value it is about.
 * Never throws.
 */
export function parseJsonDoc(text: string, file: string): ParseResult {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return readCleanDoc(json, file) ?? readWithPositions(json, file);
}

/** The full reader: every value with its position, every problem reported. Exported for tests of the fast path. */
export function readWithPositions(json: string, file: string): ParseResult {
  const scanned = scanJson(json);
  if (!scanned.ok) {
    const e = scanned.error;
    return {
      diagnostics: [
        diagnostic('error', 'json-syntax', e.message, {
          file,
          line: e.line,
          column: e.column,
          expected: e.expected,
          found: e.found,
        }),
      ],
    };
  }
  const out = new JsonDiagnostics(file);
  for (const dup of scanned.duplicateKeys) {
    out.add(
      'warning',
      'duplicate-key',
      `Member ${JSON.stringify(dup.key)} occurs twice in one object; the last one is used.`,
      dup,
      {
        expected: 'each member name once per object',
        found: `a second ${JSON.stringify(dup.key)}`,
      },
    );
  }
  const doc = unwrap(scanned.value, out);
  if (doc === undefined) return { diagnostics: out.list };

  const api = readApiName(doc, out);
  const title = readText(doc, 'apiChineseName', out, 'warning');
  const description = readText(doc, 'description', out, 'info');
  const requestNode = member(doc, 'requestParams');
  const responseNode = member(doc, 'responseParams');
  const request = readParams(requestNode, 'request', 'request', 'requestParams', out);
  const response = readParams(responseNode, 'response', 'response', 'responseParams', out);
  if (api === undefined) return { diagnostics: out.list };
  if (requestNode === undefined && responseNode === undefined)
    out.add(
      'info',
      'no-params',
      `The doc of ${api} lists no parameters; the API is generated without request or response fields.`,
      doc,
      { expected: '"requestParams" and "responseParams"', found: 'neither' },
    );

  const docId = readDocId(doc);
  const result: Api = {
    api,
    title,
    description,
    ...(docId === undefined ? {} : { docId }),
    request,
    response,
    source: { file, format: 'json' },
    diagnostics: out.list,
  };
  return { api: result, diagnostics: out.list };
}

/** The doc site's id of the API, when the doc carries one. */
function readDocId(doc: JsonObjectNode): number | undefined {
  const node = member(doc, 'id');
  return docIdFrom(node?.kind === 'number' || node?.kind === 'string' ? node.value : undefined);
}

/** Finds the doc object, looking inside the `{data, success}` envelope when there is one. */
function unwrap(root: JsonNode, out: JsonDiagnostics): JsonObjectNode | undefined {
  if (root.kind !== 'object') {
    out.add('error', 'not-a-doc-json', 'This JSON is not a TOP API doc.', root, {
      expected: EXPECTED_SHAPE,
      found: describeKind(root),
    });
    return undefined;
  }
  if (looksLikeDoc(root)) return root;
  const data = member(root, 'data');
  const success = member(root, 'success');
  if (data !== undefined && success !== undefined) {
    if (success.kind === 'boolean' && !success.value) {
      const reason = firstString(root, ['errorMessage', 'errorMsg', 'message', 'msg', 'errorCode', 'code']);
      out.add(
        'error',
        'doc-json-failure',
        `The doc site answered with success: false${reason === undefined ? '' : ` (${reason})`}; there is no API doc in this file.`,
        success,
        {
          expected: 'success: true',
          found: 'success: false',
        },
      );
      return undefined;
    }
    if (data.kind === 'object' && looksLikeDoc(data)) return data;
    out.add('error', 'not-a-doc-json', 'The `data` of this doc-site answer is not a TOP API doc.', data, {
      expected: 'an object with "name" and "requestParams"/"responseParams" (or "apiChineseName")',
      found: data.kind === 'object' ? keyList(data) : describeKind(data),
    });
    return undefined;
  }
  out.add('error', 'not-a-doc-json', 'This JSON is not a TOP API doc.', root, {
    expected: EXPECTED_SHAPE,
    found: keyList(root),
  });
  return undefined;
}

function looksLikeDoc(node: JsonObjectNode): boolean {
  return looksLikeDocKeys((key) => member(node, key) !== undefined);
}

function readApiName(doc: JsonObjectNode, out: JsonDiagnostics): string | undefined {
  const node = member(doc, 'name');
  if (node === undefined || node.kind !== 'string' || node.value.trim() === '') {
    out.add('error', 'missing-api-name', 'The doc has no API name.', node ?? doc, {
      expected: 'a "name" string such as "taobao.user.seller.get"',
      found: node === undefined ? 'no "name"' : describeKind(node),
    });
    return undefined;
  }
  const name = node.value.trim();
  if (!API_NAME_CHARS.test(name)) {
    out.add(
      'error',
      'invalid-api-name',
      `API name ${JSON.stringify(name)} contains characters a TOP method name cannot have.`,
      node,
      {
        expected: 'letters, digits, ".", "_" and "-"',
        found: JSON.stringify(name),
      },
    );
    return undefined;
  }
  if (!API_NAME.test(name)) {
    out.add(
      'warning',
      'unusual-api-name',
      `API name ${JSON.stringify(name)} does not have the usual lowercase dotted form.`,
      node,
      {
        expected: 'a lowercase dotted name such as "taobao.user.seller.get"',
        found: JSON.stringify(name),
      },
    );
  }
  return name;
}

/** Reads a top-level text member (title, description), reporting a missing one with the given severity. */
function readText(
  doc: JsonObjectNode,
  key: string,
  out: JsonDiagnostics,
  severity: 'warning' | 'info',
): string {
  const node = member(doc, key);
  if (node !== undefined && node.kind === 'string') return cleanDescription(node.value);
  out.add(
    severity,
    `missing-${key === 'apiChineseName' ? 'title' : 'description'}`,
    `The doc has no \`${key}\` text.`,
    node ?? doc,
    {
      expected: `a "${key}" string`,
      found: node === undefined ? `no "${key}"` : describeKind(node),
    },
  );
  return '';
}

function firstString(node: JsonObjectNode, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = member(node, key);
    if (value !== undefined && (value.kind === 'string' || value.kind === 'number')) {
      return value.kind === 'string' ? value.value : value.raw;
    }
  }
  return undefined;
}

function keyList(node: JsonObjectNode): string {
  if (node.members.length === 0) return 'an empty object';
  const keys = node.members.slice(0, 8).map((m) => JSON.stringify(m.key));
  return `an object with ${keys.join(', ')}${node.members.length > 8 ? ', …' : ''}`;
}
