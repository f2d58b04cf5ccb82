/**
 * Reads a nesting override file (docs/overrides.md), the JSON file next to a page (`<page>.overrides.json`).
 * The nesting pass applies it (src/model/passes/nesting/override.ts), for text and HTML pages alike.
 */
import { diagnostic } from '../model/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import type { NestingOverride, OverrideEntry } from '../model/passes/nesting/override.js';
import { CODES } from './text/codes.js';

export type { NestingOverride, OverrideEntry } from '../model/passes/nesting/override.js';

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
