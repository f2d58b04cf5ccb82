/**
 * Renders a DocSpec (text profile) as a form-A page, line for line as the doc site lays it out
 * (/work/shared/docs/text-format.md §1–§9): optional notice and breadcrumb, header, description, 公共参数, the
 * request table (one-line top-level rows with empty cells omitted, 5-line bullet blocks, `└` on leaves only,
 * 更多限制 bullets followed by the 4-space shift of every later line), the response table (4-line blocks), the
 * Java request sample (one `objN` variable per object, `listN` for lists), the XML response example (4 spaces
 * per level, list items wrapped in an element named after the item type in snake_case, `"` as `&quot;`), the
 * error example, 错误码解释 and the footer `FAQ\n\n返回\n顶部`.
 */
import type { Constraints, DocField as Field } from '../../../src/model/types.js';
import type { DocSpec } from './doc-arbitrary.js';

export interface TextStyle {
  /** `注意:以下文档只适用于TOP接口,请谨慎使用!` before everything (doc.alidayu.com pages). */
  readonly notice: boolean;
  /** `文档中心 > API类目 > …` before the header. */
  readonly breadcrumb: boolean;
  /** `client.execute(req, sessionKey)` instead of `client.execute(req)`. */
  readonly session: boolean;
}

export const PLAIN_TEXT_STYLE: TextStyle = { notice: false, breadcrumb: true, session: false };

/** `auth_code` → `AuthCode` (the Java SDK's setter suffix). */
function upperCamel(name: string): string {
  return name
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `FenxiaoItemRecord` → `fenxiao_item_record`, `String` → `string` (§5.4). */
function snakeType(type: string): string {
  return type.replace(/[A-Z]/g, (c, at: number) => (at === 0 ? '' : '_') + c.toLowerCase());
}

function typeCell(f: Field, topLevel: boolean): string {
  if (!f.array) return f.type;
  return topLevel && f.type === 'byte' ? 'byte[]' : `${f.type} []`;
}

const isStruct = (f: Field): boolean => f.children.length > 0;

/** 更多限制 bullets in the site's order (§3). */
function constraintCells(c: Constraints | undefined): string[] {
  if (c === undefined) return [];
  const out: string[] = [];
  if (c.default !== undefined) out.push(`默认值:${c.default}`);
  if (c.maxLength !== undefined) out.push(`最大长度:${c.maxLength}`);
  if (c.maxListSize !== undefined) out.push(`最大列表长度:${c.maxListSize}`);
  if (c.minValue !== undefined) out.push(`最小值:${c.minValue}`);
  if (c.maxValue !== undefined) out.push(`最大值:${c.maxValue}`);
  return out;
}

class Page {
  readonly lines: string[] = [];
  /** Four spaces once a top-level request row has 更多限制 (§1.1); never more. */
  shift = '';
  push(text: string): void {
    this.lines.push(text === '' ? '' : this.shift + text);
  }
}

function renderTable(page: Page, fields: readonly Field[], side: 'request' | 'response'): void {
  const request = side === 'request';
  page.push(request ? '请求参数' : '响应参数');
  page.push('');
  page.push(request ? '名称 类型 是否必须 示例值 更多限制 描述' : '名称 类型 示例值 描述');
  for (const f of fields) {
    const limits = request ? constraintCells(f.constraints) : [];
    const cells = [f.name, typeCell(f, true)];
    if (request) cells.push(f.required ? '必须' : '可选');
    if (f.example !== undefined) cells.push(f.example);
    if (limits.length === 0 && f.description !== undefined) cells.push(f.description);
    page.push(cells.join(' '));
    if (limits.length > 0) {
      // The 更多限制 and description bullets keep 2 spaces; everything after them moves by 4 (§1.1).
      page.shift = '';
      for (const limit of limits) page.push(`  • ${limit}`);
      if (f.description !== undefined) page.push(`  • ${f.description}`);
      page.shift = '    ';
    }
    renderBullets(page, f.children, request);
  }
  page.push('');
}

/** Nested fields as bullet blocks: name (`└ ` for leaves), type, [必须|可选], example, description (§5.1). */
function renderBullets(page: Page, fields: readonly Field[], request: boolean): void {
  for (const f of fields) {
    page.push(`  • ${isStruct(f) ? '' : '└ '}${f.name}`);
    page.push(`  • ${typeCell(f, false)}`);
    if (request) page.push(`  • ${f.required ? '必须' : '可选'}`);
    if (f.example !== undefined) page.push(`  • ${f.example}`);
    if (f.description !== undefined) page.push(`  • ${f.description}`);
    renderBullets(page, f.children, request);
  }
}

/** The Java SDK request class: CamelCase of the API name, a leading `taobao.` dropped (§6). */
export function requestClass(api: string): string {
  return `${upperCamel(api.replace(/^taobao\./, '').replaceAll('.', '_'))}Request`;
}

function javaString(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** The literal the Java sample passes for a leaf's example (§6). */
function javaLiteral(f: Field, example: string): string {
  if (f.array) return f.type === 'byte' ? 'new FileItem("/tmp/file.txt")' : javaString(example);
  switch (f.type) {
    case 'Number':
    case 'byte':
      return `${example}L`;
    case 'Boolean':
      return example;
    case 'Date':
      return `StringUtils.parseDateTime(${javaString(example)})`;
    default:
      return javaString(example);
  }
}

function renderJava(page: Page, doc: DocSpec, style: TextStyle): void {
  const cls = requestClass(doc.api);
  let vars = 0;
  page.push('请求示例');
  page.push('');
  for (const tab of ['JAVA', '.NET', 'PHP', 'CURL', 'Python', 'C/C++', 'NodeJS']) page.push(`  • ${tab}`);
  page.push('TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);');
  page.push(`${cls} req = new ${cls}();`);
  const fill = (fields: readonly Field[], target: string): void => {
    for (const f of fields) {
      const setter = `set${upperCamel(f.name)}${f.type === 'Json' ? 'String' : ''}`;
      if (!isStruct(f)) {
        if (f.example !== undefined) page.push(`${target}.${setter}(${javaLiteral(f, f.example)});`);
        continue;
      }
      const inner = `${cls}.${f.type}`;
      if (f.array) {
        const list = `list${++vars}`;
        const obj = `obj${++vars}`;
        page.push(`List<${inner}> ${list} = new ArrayList<${inner}>();`);
        page.push(`${inner} ${obj} = new ${inner}();`);
        page.push(`${list}.add(${obj});`);
        fill(f.children, obj);
        page.push(`${target}.${setter}(${list});`);
      } else {
        const obj = `obj${++vars}`;
        page.push(`${inner} ${obj} = new ${inner}();`);
        fill(f.children, obj);
        page.push(`${target}.${setter}(${obj});`);
      }
    }
  };
  fill(doc.request, 'req');
  page.push(
    `${cls.replace(/Request$/, 'Response')} rsp = client.execute(req${style.session ? ', sessionKey' : ''});`,
  );
  page.push('System.out.println(rsp.getBody());');
  page.push('');
}

function xmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** The response root element: dots to underscores, a leading `taobao_` dropped, `_response` added (§7). */
export function responseRoot(api: string): string {
  return `${api.replaceAll('.', '_').replace(/^taobao_/, '')}_response`;
}

function renderXml(page: Page, doc: DocSpec): void {
  page.push('响应示例');
  page.push('');
  page.push('  • XML示例');
  page.push('  • JSON示例');
  const root = responseRoot(doc.api);
  const walk = (fields: readonly Field[], depth: number): void => {
    const pad = '    '.repeat(depth);
    for (const f of fields) {
      if (!isStruct(f)) {
        if (f.example === undefined) continue;
        const value = xmlText(f.example);
        const item = snakeType(f.type);
        page.push(
          f.array
            ? `${pad}<${f.name}><${item}>${value}</${item}></${f.name}>`
            : `${pad}<${f.name}>${value}</${f.name}>`,
        );
        continue;
      }
      page.push(`${pad}<${f.name}>`);
      if (f.array) {
        const item = snakeType(f.type);
        page.push(`${pad}    <${item}>`);
        walk(f.children, depth + 2);
        page.push(`${pad}    </${item}>`);
      } else {
        walk(f.children, depth + 1);
      }
      page.push(`${pad}</${f.name}>`);
    }
  };
  page.push(`<${root}>`);
  walk(doc.response, 1);
  page.push(`</${root}>`);
  page.push('');
}

const ERROR_EXAMPLE = [
  '异常示例',
  '',
  '  • XML示例',
  '  • JSON示例',
  '<error_response>',
  '    <code>50</code>',
  '    <msg>Remote service error</msg>',
  '    <sub_code>isv.invalid-parameter</sub_code>',
  '    <sub_msg>非法参数</sub_msg>',
  '</error_response>',
  '',
  '错误码解释',
  '',
  '错误码 错误描述 解决方案',
  '',
  'API工具',
  '',
  '如何获得此API',
  '',
  'FAQ',
  '',
  '返回',
  '顶部',
];

export function renderText(doc: DocSpec, style: TextStyle = PLAIN_TEXT_STYLE): string {
  const page = new Page();
  if (style.notice) {
    page.push('注意:以下文档只适用于TOP接口,请谨慎使用!');
    page.push('');
  }
  if (style.breadcrumb) {
    page.push('文档中心 > API类目 > 测试API');
    page.push('');
  }
  page.push(`${doc.api} (${doc.title})`);
  page.push('');
  for (const line of doc.description.split('\n')) page.push(line);
  page.push('');
  page.push('公共参数');
  page.push('');
  renderTable(page, doc.request, 'request');
  renderTable(page, doc.response, 'response');
  renderJava(page, doc, style);
  renderXml(page, doc);
  for (const line of ERROR_EXAMPLE) page.push(line);
  // No trailing newline after 顶部 (§1).
  return page.lines.join('\n');
}
