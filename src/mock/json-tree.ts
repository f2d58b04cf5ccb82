/**
 * A JSON value tree that keeps number literals as text.
 *
 * TOP ids are often 64-bit; `JSON.parse` would round them and `JSON.stringify` cannot write them. The gateway
 * reads struct parameters and writes answers through this tree so that every digit survives both ways.
 */
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

/** Nesting limit: a hostile parameter must not be able to overflow the stack. */
const MAX_DEPTH = 256;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Parses JSON text into a tree; throws JsonSyntaxError. Duplicate keys are kept in order (the reader decides). */
export function parseJsonTree(text: string): JsonNode {
  const parser = new TreeParser(text);
  const node = parser.value(0);
  parser.skipSpace();
  if (!parser.atEnd()) throw new JsonSyntaxError('unexpected text after the JSON value', parser.pos);
  return node;
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

const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: readonly (readonly [string, JsonNode])[] = [
  ['true', { t: 'boolean', value: true }],
  ['false', { t: 'boolean', value: false }],
  ['null', { t: 'null' }],
];

class TreeParser {
  pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      // JSON whitespace is exactly space, tab, LF and CR.
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, this.pos);
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return { t: 'string', value: this.string() };
    for (const [word, node] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return node;
      }
    }
    NUMBER_TOKEN.lastIndex = this.pos;
    const match = NUMBER_TOKEN.exec(this.text);
    if (match !== null) {
      this.pos += match[0].length;
      return { t: 'number', text: match[0] };
    }
    throw new JsonSyntaxError(
      c === undefined ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(c)}`,
      this.pos,
    );
  }

  private object(depth: number): JsonNode {
    this.pos++; // '{'
    const entries: JsonEntry[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { t: 'object', entries };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') throw new JsonSyntaxError('expected a quoted object key', this.pos);
      const key = this.string();
      this.skipSpace();
      this.expect(':');
      entries.push([key, this.value(depth + 1)]);
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect('}');
      return { t: 'object', entries };
    }
  }

  private array(depth: number): JsonNode {
    this.pos++; // '['
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { t: 'array', items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect(']');
      return { t: 'array', items };
    }
  }

  /**
   * Finds the closing quote. A literal without escapes or control characters is its own text; otherwise
   * JSON.parse decodes the escapes (and rejects raw control characters).
   */
  private string(): string {
    const start = this.pos;
    let i = start + 1;
    let plain = true;
    while (i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c === 0x5c) {
        plain = false;
        i += 2;
      } else if (c === 0x22) {
        break;
      } else {
        if (c < 0x20) plain = false;
        i++;
      }
    }
    if (i >= this.text.length) throw new JsonSyntaxError('unterminated string', start);
    this.pos = i + 1;
    if (plain) return this.text.slice(start + 1, i);
    try {
      return JSON.parse(this.text.slice(start, i + 1)) as string;
    } catch {
      throw new JsonSyntaxError('invalid string literal', start);
    }
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) {
      const found = this.text[this.pos];
      throw new JsonSyntaxError(
        `expected ${JSON.stringify(char)}, found ${found === undefined ? 'end of JSON' : JSON.stringify(found)}`,
        this.pos,
      );
    }
    this.pos++;
  }
}
