/**
 * Renders a doc JSON (the shape of corpus/json: name, apiChineseName, description, requestParams,
 * responseParams with subParams) as a form-A text page, the way the doc site lays it out
 * (docs/text-format.md): one-line top-level rows, bullet blocks for nested fields with `└` on leaves, 更多限制
 * bullets and the 4-space shift, the Java request sample and the XML response example.
 *
 * The doc JSON has no example values, so each leaf gets a deterministic one; `sparse` leaves some empty, which
 * drops them from the Java and XML samples as on real pages. Tests use the rendering to check the reader's
 * nesting against the JSON's true nesting.
 */
export interface DocParam {
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly description?: string;
  readonly maxLength?: number;
  readonly maxListSize?: number;
  readonly subParams?: readonly DocParam[] | null;
}

export interface DocJson {
  readonly name: string;
  readonly apiChineseName?: string;
  readonly description?: string;
  readonly requestParams?: readonly DocParam[] | null;
  readonly responseParams?: readonly DocParam[] | null;
}

export interface RenderOptions {
  /** Include the Java request sample and the XML response example. */
  readonly samples: boolean;
  /** Leave every fifth leaf without an example (and so out of the samples). */
  readonly sparse: boolean;
}

export interface RenderedField {
  /** Dotted path of the field in the JSON: the truth. */
  readonly path: string;
  /** 1-based line of its row or name bullet in the rendered page. */
  readonly line: number;
  readonly side: 'request' | 'response';
  /** The example and description cells as rendered ('' when the cell is empty). */
  readonly example: string;
  readonly description: string;
}

export interface Rendered {
  readonly text: string;
  readonly fields: readonly RenderedField[];
}

const flat = (text: string | undefined): string => (text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();

export function splitType(raw: string | undefined): { base: string; array: boolean } {
  const type = (raw ?? '').trim();
  const array = type.endsWith('[]');
  const base = (array ? type.slice(0, -2) : type).trim();
  return { base: base === '' ? 'String' : base, array };
}

const kids = (p: DocParam): readonly DocParam[] => p.subParams ?? [];

const upperCamel = (name: string): string =>
  name
    .split('_')
    .filter((s) => s !== '')
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join('');

const snake = (type: string): string =>
  type.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '_') + c.toLowerCase());

export function renderPage(doc: DocJson, options: RenderOptions): Rendered {
  const lines: string[] = [];
  const fields: RenderedField[] = [];
  let shift = '';
  let counter = 0;
  const examples = new Map<DocParam, string>();
  const exampleOf = (p: DocParam): string | undefined => {
    if (kids(p).length > 0) return undefined;
    let value = examples.get(p);
    if (value === undefined) {
      counter++;
      const { base } = splitType(p.type);
      value =
        options.sparse && counter % 5 === 3
          ? ''
          : base === 'Number'
            ? String(counter)
            : base === 'Boolean'
              ? counter % 2 === 0
                ? 'true'
                : 'false'
              : base === 'Date'
                ? '2000-01-01 00:00:00'
                : `v${counter}`;
      examples.set(p, value);
    }
    return value === '' ? undefined : value;
  };
  const push = (text: string): number => {
    lines.push(text);
    return lines.length;
  };

  push(`${doc.name} (${flat(doc.apiChineseName) || doc.name})`);
  push('');
  push(flat(doc.description) || doc.name);
  push('');
  push('公共参数');
  push('');
  for (const side of ['request', 'response'] as const) {
    const params = (side === 'request' ? doc.requestParams : doc.responseParams) ?? [];
    push(`${shift}${side === 'request' ? '请求参数' : '响应参数'}`);
    push('');
    push(
      `${shift}${side === 'request' ? '名称 类型 是否必须 示例值 更多限制 描述' : '名称 类型 示例值 描述'}`,
    );
    for (const top of params) {
      const { base, array } = splitType(top.type);
      const typeText = array ? (base === 'byte' ? 'byte[]' : `${base} []`) : base;
      const required = side === 'request' ? (top.required === true ? '必须' : '可选') : undefined;
      const example = exampleOf(top);
      const description = flat(top.description);
      const limits: string[] = [];
      if (side === 'request' && top.maxLength !== undefined && top.maxLength !== null)
        limits.push(`最大长度:${top.maxLength}`);
      if (side === 'request' && top.maxListSize !== undefined && top.maxListSize !== null)
        limits.push(`最大列表长度:${top.maxListSize}`);
      const cells = [top.name, typeText, required, example, limits.length > 0 ? undefined : description];
      const line = push(shift + cells.filter((c) => c !== undefined && c !== '').join(' '));
      fields.push({ path: top.name, line, side, example: example ?? '', description });
      if (limits.length > 0) {
        for (const limit of limits) push(`  • ${limit}`);
        if (description !== '') push(`  • ${description}`);
        shift = '    ';
      }
      const walk = (list: readonly DocParam[], parent: string): void => {
        for (const p of list) {
          const sub = kids(p);
          const t = splitType(p.type);
          const at = push(`${shift}  • ${sub.length > 0 ? '' : '└ '}${p.name}`);
          push(`${shift}  • ${t.array ? `${t.base} []` : t.base}`);
          if (side === 'request') push(`${shift}  • ${p.required === true ? '必须' : '可选'}`);
          const ex = exampleOf(p);
          if (ex !== undefined) push(`${shift}  • ${ex}`);
          const d = flat(p.description);
          if (d !== '') push(`${shift}  • ${d}`);
          fields.push({ path: `${parent}.${p.name}`, line: at, side, example: ex ?? '', description: d });
          walk(sub, `${parent}.${p.name}`);
        }
      };
      walk(kids(top), top.name);
    }
    push('');
  }
  const reqClass = `${upperCamel(doc.name.replace(/^taobao\./, '').replace(/\./g, '_'))}Request`;
  if (options.samples) {
    push(`${shift}请求示例`);
    push('');
    for (const tab of ['JAVA', '.NET', 'PHP', 'CURL', 'Python', 'C/C++', 'NodeJS'])
      push(`${shift}  • ${tab}`);
    push(`${shift}TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);`);
    push(`${shift}${reqClass} req = new ${reqClass}();`);
    let vars = 0;
    const literal = (p: DocParam, value: string): string => {
      const { base, array } = splitType(p.type);
      if (base === 'Number' && !array) return `${value}L`;
      if (base === 'Boolean' && !array) return value;
      if (base === 'Date') return `StringUtils.parseDateTime("${value}")`;
      if (base === 'byte' && array) return 'new FileItem("/tmp/file.txt")';
      return JSON.stringify(value);
    };
    const fill = (list: readonly DocParam[], target: string): void => {
      for (const p of list) {
        const setter = `set${upperCamel(p.name)}${splitType(p.type).base === 'Json' ? 'String' : ''}`;
        const sub = kids(p);
        if (sub.length === 0) {
          const ex = exampleOf(p);
          if (ex !== undefined) push(`${shift}${target}.${setter}(${literal(p, ex)});`);
          continue;
        }
        const { base, array } = splitType(p.type);
        const obj = `obj${++vars}`;
        if (array) {
          const listVar = `list${++vars}`;
          push(`${shift}List<${reqClass}.${base}> ${listVar} = new ArrayList<${reqClass}.${base}>();`);
          push(`${shift}${reqClass}.${base} ${obj} = new ${reqClass}.${base}();`);
          push(`${shift}${listVar}.add(${obj});`);
          fill(sub, obj);
          push(`${shift}${target}.${setter}(${listVar});`);
        } else {
          push(`${shift}${reqClass}.${base} ${obj} = new ${reqClass}.${base}();`);
          fill(sub, obj);
          push(`${shift}${target}.${setter}(${obj});`);
        }
      }
    };
    fill(doc.requestParams ?? [], 'req');
    push(`${shift}${reqClass.replace(/Request$/, 'Response')} rsp = client.execute(req, sessionKey);`);
    push(`${shift}System.out.println(rsp.getBody());`);
    push('');
    push(`${shift}响应示例`);
    push('');
    push(`${shift}  • XML示例`);
    push(`${shift}  • JSON示例`);
    const root = `${doc.name.replace(/\./g, '_').replace(/^taobao_/, '')}_response`;
    const escape = (v: string): string =>
      v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const xml = (list: readonly DocParam[], depth: number): void => {
      const pad = shift + '    '.repeat(depth);
      for (const p of list) {
        const sub = kids(p);
        const { base, array } = splitType(p.type);
        if (sub.length === 0) {
          const ex = exampleOf(p);
          if (ex === undefined) continue;
          if (array)
            push(`${pad}<${p.name}><${base.toLowerCase()}>${escape(ex)}</${base.toLowerCase()}></${p.name}>`);
          else push(`${pad}<${p.name}>${escape(ex)}</${p.name}>`);
          continue;
        }
        push(`${pad}<${p.name}>`);
        if (array) {
          push(`${pad}    <${snake(base)}>`);
          xml(sub, depth + 2);
          push(`${pad}    </${snake(base)}>`);
        } else {
          xml(sub, depth + 1);
        }
        push(`${pad}</${p.name}>`);
      }
    };
    push(`${shift}<${root}>`);
    xml(doc.responseParams ?? [], 1);
    push(`${shift}</${root}>`);
    push('');
  }
  for (const tail of [
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
  ]) {
    push(tail === '' ? '' : shift + tail);
  }
  lines.push(`${shift}顶部`);
  return { text: lines.join('\n'), fields };
}
