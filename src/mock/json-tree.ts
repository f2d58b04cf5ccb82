/**
 * A JSON value tree that keeps number literals as text.
 *
 * TOP ids are often 64-bit; `JSON.parse` would round them and `JSON.stringify` cannot write them. The gateway
 * reads struct parameters and writes answers through this tree so that every digit survives both ways. It is
 * read by topgen's one JSON reader (src/json/scanner.ts, which also reads doc JSON) and only reshaped here.
 */
import { scanJson, type JsonNode as ScannedNode } from '../json/scanner.js';

export type JsonNode =
  | { readonly t: 'null' }
  | { readonly t: 'boolean'; readonly value: boolean }
  | { readonly t: 'number'; readonly text: string }
  | { readonly t: 'string'; readonly value: string }
  | { readonly t: 'array'; readonly items: readonly JsonNode[] }
  | { readonly t: 'object'; readonly entries: readonly JsonEntry[] };

export type JsonEntry = readonly [key: string, value: JsonNode];

/** A JSON number literal exactly as RFC 8259 allows it (no leading zeros, no `+`, no bare `.`). */
export const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Parses JSON text into a tree; throws JsonSyntaxError. Duplicate keys are kept in order (the reader decides). */
export function parseJsonValue(text: string): JsonNode {
  const scanned = scanJson(text);
  if (!scanned.ok) {
    const { message, line, column } = scanned.error;
    throw new JsonSyntaxError(message, line, column);
  }
  return reshape(scanned.value);
}

function reshape(node: ScannedNode): JsonNode {
  switch (node.kind) {
    case 'null':
      return { t: 'null' };
    case 'boolean':
      return { t: 'boolean', value: node.value };
    case 'number':
      return { t: 'number', text: node.raw };
    case 'string':
      return { t: 'string', value: node.value };
    case 'array':
      return { t: 'array', items: node.items.map(reshape) };
    case 'object':
      return { t: 'object', entries: node.members.map(({ key, value }) => [key, reshape(value)] as const) };
  }
}

/** Looks a key up in an object node (first occurrence, like most JSON readers on the server side). */
export function getEntry(node: Extract<JsonNode, { t: 'object' }>, key: string): JsonNode | undefined {
  return node.entries.find(([name]) => name === key)?.[1];
}

/** Writes compact JSON text. Number literals are copied verbatim, strings go through JSON.stringify. */
export function writeJson(node: JsonNode): string {
  switch (node.t) {
    case 'null':
      return 'null';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return JSON.stringify(node.value);
    case 'array':
      return `[${node.items.map(writeJson).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${writeJson(value)}`).join(',')}}`;
  }
}
