import { draft, freeze, type DraftNode, type Evidence } from '../../model/passes/nesting/evidence.js';
import { lineAtOffset, type SampleBody } from './body.js';
import { SIMPLE_ESCAPES } from '../../json/scanner.js';

/**
 * qimen pages give JSON instead of Java and XML (docs/text-format.md §1): a one-line request body, a pretty
 * response example and a one-line 验签示例. This is a tolerant JSON reader: it builds the tree read so far
 * and stops (marking the result incomplete) at the first syntax problem, so a cut or sloppy sample still
 * yields evidence and never throws. Nesting is limited to MAX_DEPTH.
 */
export interface JsonTree {
  readonly node: DraftNode | undefined;
  readonly complete: boolean;
}

const MAX_DEPTH = 200;

export function readJsonSample(body: SampleBody): JsonTree {
  const s = body.text;
  let i = 0;
  let newlines = 0;
  let broken = false;

  const skip = (): void => {
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 10) newlines++;
      else if (c !== 32 && c !== 9 && c !== 13) return;
      i++;
    }
  };
  const readString = (): string | undefined => {
    // s[i] is the opening quote.
    let out = '';
    i++;
    while (i < s.length) {
      const c = s[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') newlines++;
      if (c === '\\') {
        const e = s[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          const hex = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        out += SIMPLE_ESCAPES.get(e) ?? e;
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    broken = true;
    return undefined;
  };
  const readValue = (name: string, wrapper: boolean, depth: number): DraftNode | undefined => {
    skip();
    const line = lineAtOffset(body, newlines);
    const node = draft(name, line, wrapper);
    if (depth > MAX_DEPTH || i >= s.length) {
      broken = true;
      return undefined;
    }
    const c = s[i];
    if (c === '{') {
      i++;
      skip();
      if (s[i] === '}') {
        i++;
        return node;
      }
      while (!broken) {
        skip();
        if (s[i] !== '"') {
          broken = true;
          break;
        }
        const key = readString();
        if (key === undefined) break;
        skip();
        if (s[i] !== ':') {
          broken = true;
          break;
        }
        i++;
        const child = readValue(key, false, depth + 1);
        if (child !== undefined) node.children.push(child);
        if (broken) break;
        skip();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          break;
        }
        broken = true;
      }
      return node;
    }
    if (c === '[') {
      i++;
      skip();
      if (s[i] === ']') {
        i++;
        return node;
      }
      while (!broken) {
        const child = readValue('', true, depth + 1);
        if (child !== undefined) node.children.push(child);
        if (broken) break;
        skip();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          break;
        }
        broken = true;
      }
      return node;
    }
    if (c === '"') {
      const text = readString();
      if (text === undefined) return undefined;
      node.value = text;
      return node;
    }
    const start = i;
    while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
    const word = s.slice(start, i);
    if (word === '' || !/^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/.test(word)) {
      broken = true;
      return undefined;
    }
    node.value = word;
    return node;
  };

  const node = readValue('', false, 0);
  if (!broken) {
    skip();
    if (i < s.length) broken = true;
  }
  return { node, complete: !broken };
}

/**
 * Evidence from a qimen JSON body or response example. An envelope object with a single `…_response` key is
 * unwrapped like the XML root.
 */
export function jsonEvidence(body: SampleBody, label: string): Evidence | undefined {
  const tree = readJsonSample(body);
  let root = tree.node;
  if (root === undefined || root.value !== undefined) return undefined;
  const only = root.children.length === 1 ? root.children[0] : undefined;
  if (only !== undefined && only.name.endsWith('_response') && only.value === undefined && !only.wrapper) {
    root = only;
  }
  root.name = '';
  return freeze('json', label, root, [], tree.complete && !body.cut);
}

/** Characters of JSON numbers and of `true`, `false`, `null`. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 43 ||
    code === 46 ||
    code === 69
  );
}
