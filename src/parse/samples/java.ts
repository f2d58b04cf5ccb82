import { draft, freeze, type DraftNode, type Evidence } from '../../model/passes/nesting/evidence.js';
import { lineAtOffset, type SampleBody } from './body.js';

/**
 * The Java request sample (docs/text-format.md §5.4, §6). Each nested object is its own variable
 * (`Req.Inner obj1 = new Req.Inner(); obj1.setX(..); req.setParam(obj1);`), objects inside objects are attached
 * with `obj1.setOperator(obj2)`, lists with `list3.add(obj4); obj1.setTravelerList(list3)`. The result is an
 * evidence tree keyed by setter names (`AuthCode`), whose leaves carry the literal values.
 */
export interface JavaSample {
  readonly evidence: Evidence;
  /** `DefaultTaobaoClient` or `DefaultQimenCloudClient` (qimen APIs in the ordinary layout). */
  readonly client?: string;
  /** The request class, e.g. `AlibabaDamaiMaizuoOpenapiUserRegisterByauthcodeRequest`. */
  readonly requestClass?: string;
  /** `client.execute(req, sessionKey)`: the API needs a user session. Undefined when the call was cut. */
  readonly session?: boolean;
}

interface Statement {
  readonly text: string;
  readonly line: number;
}

/** Splits code into `;`-terminated statements, ignoring `;` inside string and char literals. */
function statements(body: SampleBody): Statement[] {
  const s = body.text;
  const out: Statement[] = [];
  let start = 0;
  let startNewlines = 0;
  let newlines = 0;
  let quote = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) newlines++;
    if (quote !== 0) {
      if (c === 92 /* \ */) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      quote = c;
    } else if (c === 59 /* ; */) {
      const raw = s.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const leadingNewlines = countNewlines(raw, lead);
      const text = raw.trim();
      if (text !== '') out.push({ text, line: lineAtOffset(body, startNewlines + leadingNewlines) });
      start = i + 1;
      startNewlines = newlines;
    }
  }
  return out;
}

function countNewlines(text: string, upTo: number): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < upTo; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const NUMBER = /^-?\d+(?:\.\d+)?[LlFfDd]?$/;

/** `"a\"b"` → `a"b`; undefined when `text` is not exactly one string literal. */
function stringLiteral(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return undefined;
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '"') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[++i];
    if (e === undefined || i >= text.length - 1) return undefined;
    if (e === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
      continue;
    }
    out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
  }
  return out;
}

type Arg =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'other' };

/** The value a setter argument gives its field, as the page's table would write it. */
function parseArg(text: string): Arg {
  const literal = stringLiteral(text);
  if (literal !== undefined) return { kind: 'value', value: literal };
  if (NUMBER.test(text)) return { kind: 'value', value: /[LlFfDd]$/.test(text) ? text.slice(0, -1) : text };
  if (text === 'true' || text === 'false' || text === 'null') return { kind: 'value', value: text };
  if (IDENT.test(text)) return { kind: 'var', name: text };
  const open = text.indexOf('(');
  if (open > 0 && text.endsWith(')') && text.slice(0, open) === 'StringUtils.parseDateTime') {
    const inner = stringLiteral(text.slice(open + 1, -1).trim());
    if (inner !== undefined) return { kind: 'value', value: inner };
  }
  return { kind: 'other' };
}

/** `v.method(args)` → its parts; undefined for other statement shapes. */
function parseCall(text: string): { target: string; method: string; args: string } | undefined {
  const dot = text.indexOf('.');
  const open = text.indexOf('(');
  if (dot <= 0 || open <= dot || !text.endsWith(')')) return undefined;
  const target = text.slice(0, dot);
  const method = text.slice(dot + 1, open);
  if (!IDENT.test(target) || !IDENT.test(method)) return undefined;
  return { target, method, args: text.slice(open + 1, -1).trim() };
}

/** `Type name = new Ctor(...)` → its parts; undefined for other shapes. */
function parseDeclaration(text: string): { type: string; name: string; ctor: string } | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const left = text.slice(0, eq).trim();
  const right = text.slice(eq + 1).trim();
  if (!right.startsWith('new ')) return undefined;
  const space = left.lastIndexOf(' ');
  if (space <= 0) return undefined;
  const name = left.slice(space + 1);
  const type = left.slice(0, space).trim();
  if (!IDENT.test(name)) return undefined;
  const open = right.indexOf('(');
  const ctor = (open === -1 ? right.slice(4) : right.slice(4, open)).trim();
  return { type, name, ctor };
}

/** `A.B.Inner` → `Inner`; `List<A.Inner>` → `Inner`. */
function innerClass(type: string): string {
  const lt = type.indexOf('<');
  const core =
    lt === -1 ? type : type.slice(lt + 1, type.lastIndexOf('>') === -1 ? undefined : type.lastIndexOf('>'));
  const dot = core.lastIndexOf('.');
  return core.slice(dot + 1).trim();
}

interface Variable {
  readonly node: DraftNode;
  readonly list: boolean;
  attached: boolean;
}

export function readJavaSample(body: SampleBody, label: string): JavaSample | undefined {
  const vars = new Map<string, Variable>();
  const root = draft('', body.headingLine);
  let rootName: string | undefined;
  let requestClass: string | undefined;
  let client: string | undefined;
  let session: boolean | undefined;
  let sawCode = false;

  for (const statement of statements(body)) {
    const call = parseCall(statement.text);
    if (call !== undefined) {
      sawCode = true;
      const target = vars.get(call.target);
      if (target === undefined) continue;
      if (call.method === 'add' && target.list) {
        const item = vars.get(call.args);
        if (item === undefined) continue;
        item.attached = true;
        target.node.children.push({
          name: '',
          line: statement.line,
          children: item.node.children,
          wrapper: true,
        });
        continue;
      }
      if (!call.method.startsWith('set') || call.method.length <= 3 || target.list) continue;
      const setter = call.method.slice(3);
      const arg = parseArg(call.args);
      const node = draft(setter, statement.line);
      if (arg.kind === 'value') node.value = arg.value;
      if (arg.kind === 'var') {
        const value = vars.get(arg.name);
        if (value !== undefined) {
          value.attached = true;
          node.children = value.node.children;
        }
      }
      target.node.children.push(node);
      continue;
    }
    const eq = statement.text.indexOf('=');
    const assigned = eq > 0 ? parseCall(statement.text.slice(eq + 1).trim()) : undefined;
    if (assigned !== undefined && assigned.method === 'execute') {
      // `XResponse rsp = client.execute(req[, sessionKey])`: the last statement that matters.
      sawCode = true;
      session = assigned.args.includes(',');
      continue;
    }
    const declaration = parseDeclaration(statement.text);
    if (declaration === undefined) continue;
    sawCode = true;
    const { type, name, ctor } = declaration;
    // `TaobaoClient client = new DefaultTaobaoClient(…)`; an inner class (`DefaultARequest.TopClient` of API
    // `taobao.default.a`) is a request object even when its name looks like a client.
    if (ctor.startsWith('Default') && ctor.endsWith('Client') && !ctor.includes('.')) {
      client = ctor;
    } else if (
      rootName === undefined &&
      !type.includes('.') &&
      !type.includes('<') &&
      type.endsWith('Request')
    ) {
      rootName = name;
      requestClass = type;
      vars.set(name, { node: root, list: false, attached: true });
    } else if (type.includes('<')) {
      const node = draft('', statement.line);
      node.typeHint = `${innerClass(type)}[]`;
      vars.set(name, { node, list: true, attached: false });
    } else if (type.includes('.')) {
      const node = draft('', statement.line);
      node.typeHint = innerClass(type);
      vars.set(name, { node, list: false, attached: false });
    }
  }
  if (!sawCode) return undefined;
  const floating: DraftNode[] = [];
  for (const variable of vars.values()) {
    if (!variable.attached) floating.push(variable.node);
  }
  const evidence = freeze('java', label, root, floating, session !== undefined && !body.cut);
  return {
    evidence,
    ...(client === undefined ? {} : { client }),
    ...(requestClass === undefined ? {} : { requestClass }),
    ...(session === undefined ? {} : { session }),
  };
}
