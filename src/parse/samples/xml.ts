import { draft, freeze, type DraftNode, type Evidence } from '../../model/passes/nesting/evidence.js';
import { lineAtOffset, type SampleBody } from './body.js';

/**
 * The XML response example (docs/text-format.md §7) and the XML error example (§8). A small tolerant reader:
 * elements, text and entities only, one linear pass, never throws. Indentation is ignored (it shifts by 4 after
 * §1.1), element nesting is all that counts. A cut example yields the elements read so far.
 */
export interface XmlForest {
  readonly roots: readonly DraftNode[];
  /** Every element was closed and the text did not stop inside a tag. */
  readonly complete: boolean;
}

const ENTITY = /&(quot|amp|lt|gt|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** `&quot;` → `"`, numeric references included; unknown entities are kept as written. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    const named = NAMED[body];
    if (named !== undefined) return named;
    const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 58;
}

interface Open {
  readonly node: DraftNode;
  text: string;
}

export function parseXmlForest(body: SampleBody): XmlForest {
  const s = body.text;
  const roots: DraftNode[] = [];
  const stack: Open[] = [];
  let newlines = 0;
  let broken = false;
  const advance = (from: number, to: number): void => {
    for (let k = s.indexOf('\n', from); k !== -1 && k < to; k = s.indexOf('\n', k + 1)) newlines++;
  };
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) !== 60 /* < */) {
      let j = s.indexOf('<', i);
      if (j === -1) j = s.length;
      const top = stack[stack.length - 1];
      if (top !== undefined) top.text += s.slice(i, j);
      advance(i, j);
      i = j;
      continue;
    }
    if (s.startsWith('<!--', i) || s.startsWith('<?', i) || s.startsWith('<!', i)) {
      const closer = s.startsWith('<!--', i) ? '-->' : '>';
      const j = s.indexOf(closer, i + 2);
      if (j === -1) {
        broken = true;
        break;
      }
      advance(i, j);
      i = j + closer.length;
      continue;
    }
    const closing = s.charCodeAt(i + 1) === 47; /* / */
    const nameStart = i + (closing ? 2 : 1);
    let nameEnd = nameStart;
    if (isNameStart(s.charCodeAt(nameStart))) {
      nameEnd++;
      while (nameEnd < s.length && isNameChar(s.charCodeAt(nameEnd))) nameEnd++;
    }
    if (nameEnd === nameStart) {
      // A lone `<` in text (not markup): keep it as text.
      const top = stack[stack.length - 1];
      if (top !== undefined) top.text += '<';
      i++;
      continue;
    }
    const gt = s.indexOf('>', nameEnd);
    if (gt === -1) {
      broken = true;
      break;
    }
    const name = s.slice(nameStart, nameEnd);
    const line = lineAtOffset(body, newlines);
    advance(i, gt);
    i = gt + 1;
    if (closing) {
      closeElement(stack, name);
      continue;
    }
    const node = draft(name, line);
    const parent = stack[stack.length - 1];
    if (parent === undefined) roots.push(node);
    else parent.node.children.push(node);
    if (s.charCodeAt(gt - 1) === 47 /* / */) node.value = '';
    else stack.push({ node, text: '' });
  }
  return { roots, complete: !broken && stack.length === 0 && roots.length > 0 };
}

/** Closes the innermost open element called `name` (and any unclosed elements inside it). */
function closeElement(stack: Open[], name: string): void {
  let at = stack.length - 1;
  while (at >= 0 && stack[at]?.node.name !== name) at--;
  if (at < 0) return;
  const open = stack[at];
  if (open !== undefined && open.node.children.length === 0) open.node.value = unescapeXml(open.text.trim());
  stack.length = at;
}

/**
 * Evidence from a response XML example. The root is the `<…_response>` envelope when there is exactly one
 * such element; qimen pages may omit the envelope (`qimen.tmall.car.leads.synchronize`), and then the
 * top-level elements are the top-level fields.
 */
export function xmlEvidence(body: SampleBody, label: string): Evidence | undefined {
  const forest = parseXmlForest(body);
  if (forest.roots.length === 0) return undefined;
  const only = forest.roots.length === 1 ? forest.roots[0] : undefined;
  let root: DraftNode;
  if (only !== undefined && only.name.endsWith('_response')) {
    root = only;
  } else {
    root = draft('', body.headingLine);
    root.children = [...forest.roots];
  }
  return freeze('xml', label, root, [], forest.complete && !body.cut);
}
