import { diagnostic } from '../../model/diagnostics.js';
import type { ApiAccess, Diagnostic } from '../../model/types.js';
import { CODES } from './codes.js';
import { draft, freeze, type DraftNode, type Evidence } from './evidence.js';

/**
 * Nesting overrides (docs/overrides.md): a JSON file next to a page (`<page>.overrides.json`) that lists, per
 * side, the direct children of objects by path:
 *
 *   { "api": "…", "response": { "result": ["result_msg", "data", "result_code", "success"],
 *                               "result.data": ["user_token", "user_id"] } }
 *
 * Every listed field is pinned under the object its entry names, and its `ambiguous-nesting` warning goes away.
 * Fields the file does not list are placed as usual.
 */
export interface OverrideEntry {
  /** Dotted path of the parent object, starting at a top-level field: `result`, `result.data`. */
  readonly parent: string;
  /** Names of its direct children, as the page writes them. */
  readonly children: readonly string[];
  /** 1-based line of the entry in the override file. */
  readonly line: number;
}

export interface NestingOverride {
  /** Where the override was read from; diagnostics about it point there. */
  readonly file: string;
  /** When present, must equal the page's API name. */
  readonly api?: string;
  /** Read or write for the retry policy, over what the API name says. */
  readonly access?: ApiAccess;
  readonly request: readonly OverrideEntry[];
  readonly response: readonly OverrideEntry[];
}

const NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const SIDES = ['request', 'response'] as const;
const KEYS: ReadonlySet<string> = new Set(['$comment', 'api', 'access', ...SIDES]);

/** Reads and validates an override file. Never throws; every problem is an `override-invalid` error. */
export function parseOverride(
  jsonText: string,
  file: string,
): { override?: NestingOverride; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, line: number | undefined, expected: string, found: string): void => {
    diagnostics.push(
      diagnostic('error', CODES.overrideInvalid, message, {
        file,
        ...(line === undefined ? {} : { line }),
        expected,
        found,
      }),
    );
  };
  let data: unknown;
  try {
    data = JSON.parse(jsonText) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    fail(
      `The override file is not valid JSON: ${message}`,
      jsonErrorLine(jsonText, message),
      'a JSON object',
      'invalid JSON',
    );
    return { diagnostics };
  }
  if (!isRecord(data)) {
    fail(
      'The override file must hold one JSON object.',
      1,
      'an object such as {"response": {"result": ["code"]}}',
      describe(data),
    );
    return { diagnostics };
  }
  for (const key of Object.keys(data)) {
    if (!KEYS.has(key)) {
      fail(
        `Unknown key "${key}" in the override file.`,
        lineOf(jsonText, `"${key}"`, 0),
        '"api", "access", "request", "response" or "$comment"',
        `"${key}"`,
      );
    }
  }
  const api = data['api'];
  if (api !== undefined && typeof api !== 'string') {
    fail(
      '"api" must be the API name as a string.',
      lineOf(jsonText, '"api"', 0),
      'a string such as "taobao.user.get"',
      describe(api),
    );
  }
  const access = data['access'];
  if (access !== undefined && access !== 'read' && access !== 'write') {
    fail(
      '"access" must be "read" or "write".',
      lineOf(jsonText, '"access"', 0),
      '"read" (safe to send twice) or "write"',
      describe(access),
    );
  }
  const sides: Record<(typeof SIDES)[number], OverrideEntry[]> = { request: [], response: [] };
  for (const side of SIDES) {
    const value = data[side];
    if (value === undefined) continue;
    const sideAt = jsonText.indexOf(`"${side}"`);
    if (!isRecord(value)) {
      fail(
        `"${side}" must map parent paths to lists of child names.`,
        lineOf(jsonText, `"${side}"`, 0),
        'an object such as {"result": ["code", "data"]}',
        describe(value),
      );
      continue;
    }
    for (const [parent, children] of Object.entries(value)) {
      const line = lineOf(jsonText, JSON.stringify(parent), Math.max(0, sideAt)) ?? 1;
      const segments = parent.split('.');
      if (!segments.every((s) => NAME.test(s))) {
        fail(
          `"${side}" has an invalid parent path "${parent}".`,
          line,
          'field names joined by dots, e.g. "result.data"',
          JSON.stringify(parent),
        );
        continue;
      }
      if (!Array.isArray(children) || !children.every((c): c is string => typeof c === 'string')) {
        fail(
          `The children of "${side}.${parent}" must be a list of field names.`,
          line,
          'an array of strings',
          describe(children),
        );
        continue;
      }
      const bad = children.find((c) => !NAME.test(c));
      if (bad !== undefined) {
        fail(
          `"${side}.${parent}" lists an invalid child name "${bad}".`,
          line,
          'one field name without dots',
          JSON.stringify(bad),
        );
        continue;
      }
      const duplicate = children.find((c, index) => children.indexOf(c) !== index);
      if (duplicate !== undefined) {
        fail(
          `"${side}.${parent}" lists "${duplicate}" twice.`,
          line,
          'each child once',
          `"${duplicate}" twice`,
        );
        continue;
      }
      sides[side].push({ parent, children, line });
    }
  }
  if (diagnostics.length > 0) return { diagnostics };
  return {
    override: {
      file,
      ...(typeof api === 'string' ? { api } : {}),
      ...(access === 'read' || access === 'write' ? { access } : {}),
      request: sides.request,
      response: sides.response,
    },
    diagnostics,
  };
}

/** The override entries of one side as an evidence tree (paths are created as needed, in file order). */
export function overrideEvidence(entries: readonly OverrideEntry[]): Evidence | undefined {
  if (entries.length === 0) return undefined;
  const root = draft('', 1);
  const childNamed = (node: DraftNode, name: string, line: number): DraftNode => {
    let child = node.children.find((c) => c.name === name);
    if (child === undefined) {
      child = draft(name, line);
      node.children.push(child);
    }
    return child;
  };
  for (const entry of entries) {
    let node = root;
    for (const segment of entry.parent.split('.')) node = childNamed(node, segment, entry.line);
    for (const name of entry.children) childNamed(node, name, entry.line);
  }
  return freeze('override', 'the override file', root, [], true);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function lineOf(text: string, needle: string, from: number): number | undefined {
  const at = text.indexOf(needle, from);
  if (at === -1) return undefined;
  return lineAt(text, at);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

/** V8 reports `… at position N` or `… (line L column C)`. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const lineColumn = /\(line (\d+) column \d+\)/.exec(message);
  if (lineColumn?.[1] !== undefined) return Number(lineColumn[1]);
  const position = /at position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return lineAt(text, Number(position[1]));
  // "Unexpected end of JSON input": the problem is at the end.
  return lineAt(text, text.length);
}
