import type { DraftNode } from '../../model/passes/nesting/evidence.js';
import type { Line } from './lines.js';
import { readJsonSample } from '../samples/json.js';
import type { SampleBody } from '../samples/body.js';
import type { Section } from './sections.js';
import type { TextLimit } from './lines.js';
import { parseXmlForest } from '../samples/xml.js';

/**
 * The error example (异常示例, identical on every form-A page: `<error_response>` with code, msg, sub_code and
 * sub_msg), the qimen signature-check example (验签示例, one JSON line) and the error code table (错误码解释,
 * usually empty; rows would read `<code> <description> <solution>`). None of this enters the API model; it is
 * kept on the page record for consumers such as the mock gateway.
 */
export interface ErrorExample {
  readonly line: number;
  /** Top-level values of the example (`code`, `msg`, `sub_code`, `sub_msg`, or the qimen status fields). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface ErrorCodeRow {
  readonly line: number;
  readonly code: string;
  /** The description and solution cells, unsplit: both may contain spaces. */
  readonly text: string;
  /** Set only when the split is certain: the text is two equal halves (`签名失败 签名失败`). */
  readonly description?: string;
  readonly solution?: string;
}

/** The XML error example: the children of `<error_response>` with their text. */
export function readErrorExample(body: SampleBody): ErrorExample | undefined {
  if (body.text === '') return undefined;
  const forest = parseXmlForest(body);
  const root = forest.roots[0];
  if (root === undefined) return undefined;
  return { line: root.line, fields: scalarFields(root.children) };
}

/** The qimen 验签示例 JSON: its scalar fields, one level below an envelope object if there is one. */
export function readSignCheckExample(body: SampleBody): ErrorExample | undefined {
  const tree = readJsonSample(body);
  let node = tree.node;
  if (node === undefined) return undefined;
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only !== undefined && only.children.length > 0) node = only;
  return { line: body.lineNos[0] ?? body.headingLine, fields: scalarFields(node.children) };
}

/** Name → value of the scalar nodes. `fromEntries` defines keys, so a `__proto__` key stays an ordinary key. */
function scalarFields(nodes: readonly DraftNode[]): Readonly<Record<string, string>> {
  const entries: [string, string][] = [];
  for (const node of nodes) if (node.value !== undefined) entries.push([node.name, node.value]);
  return Object.fromEntries(entries);
}

const ERROR_TABLE_HEADER = '错误码 错误描述 解决方案';

/** Rows of the 错误码解释 table; `limit` excludes the partial last line of a truncated page. */
export function readErrorCodes(lines: readonly Line[], section: Section, limit: TextLimit): ErrorCodeRow[] {
  const end = Math.min(section.end, limit.end);
  const rows: ErrorCodeRow[] = [];
  let i = section.start;
  while (i < end && lines[i]?.text === '') i++;
  if (lines[i]?.text === ERROR_TABLE_HEADER) i++;
  for (; i < end; i++) {
    const line = lines[i];
    if (line === undefined || line.text === '') break;
    const space = line.text.indexOf(' ');
    const code = space === -1 ? line.text : line.text.slice(0, space);
    const text = space === -1 ? '' : line.text.slice(space + 1).trim();
    const half = (text.length - 1) / 2;
    const equalHalves =
      Number.isInteger(half) &&
      half > 0 &&
      text[half] === ' ' &&
      text.slice(0, half) === text.slice(half + 1);
    rows.push({
      line: line.no,
      code,
      text,
      ...(equalHalves ? { description: text.slice(0, half), solution: text.slice(half + 1) } : {}),
    });
  }
  return rows;
}
