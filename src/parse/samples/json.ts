import { draft, freeze, type DraftNode, type Evidence } from '../../model/passes/nesting/evidence.js';
import { scanJsonTolerant, type JsonNode } from '../../json/scanner.js';
import { lineAtOffset, type SampleBody } from './body.js';

/**
 * qimen pages give JSON instead of Java and XML (docs/text-format.md §1): a one-line request body, a pretty
 * response example and a one-line 验签示例. Samples are often cut or sloppy, so they are read with the JSON
 * reader's tolerant mode (`scanJsonTolerant`): the tree read before the first syntax problem still yields
 * evidence, the result is then marked incomplete, and reading never throws. This module only turns that tree
 * into evidence nodes on file lines.
 */
export interface JsonTree {
  readonly node: DraftNode | undefined;
  readonly complete: boolean;
}

/** Deepest array/object level read (the top level is 0); a deeper one ends the read like a syntax error. */
const MAX_DEPTH = 200;

export function readJsonSample(body: SampleBody): JsonTree {
  const scan = scanJsonTolerant(body.text, { maxDepth: MAX_DEPTH + 1 });
  const node = scan.value === undefined ? undefined : toDraft(scan.value, '', false, body);
  return { node, complete: scan.error === undefined };
}

/** An evidence node for a scanned value: members keep their names, array items are unnamed list wrappers. */
function toDraft(value: JsonNode, name: string, wrapper: boolean, body: SampleBody): DraftNode {
  // Body lines are joined with '\n', so scanner line k is body line k - 1.
  const node = draft(name, lineAtOffset(body, value.line - 1), wrapper);
  switch (value.kind) {
    case 'object':
      for (const m of value.members) node.children.push(toDraft(m.value, m.key, false, body));
      break;
    case 'array':
      for (const item of value.items) node.children.push(toDraft(item, '', true, body));
      break;
    case 'string':
      node.value = value.value;
      break;
    case 'number':
      node.value = value.raw;
      break;
    case 'boolean':
      node.value = String(value.value);
      break;
    case 'null':
      node.value = 'null';
      break;
  }
  return node;
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
