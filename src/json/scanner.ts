/**
 * topgen's JSON reader: a small parser that keeps the source position of every value (and every number as
 * written). The doc-JSON reader (src/parse/json) and the mock gateway (src/mock/json-tree.ts) both read through
 * it; the generated runtime has its own (src/runtime/json.ts), because the generated package depends on nothing.
 *
 * `JSON.parse` reports neither the line of a syntax error in a portable way nor where a value came from, and the
 * doc-JSON reader must point its diagnostics at the line of the offending parameter. This parser builds a tiny
 * syntax tree instead of plain values; it follows RFC 8259 strictly (no comments, no trailing commas, no raw
 * control characters inside strings) and never throws: problems come back as a `JsonSyntaxError` value.
 */

/** 1-based line and column (column counts UTF-16 code units, as editors do for the BMP). */
export interface Pos {
  readonly line: number;
  readonly column: number;
}

export interface JsonObjectNode extends Pos {
  readonly kind: 'object';
  readonly members: readonly JsonMember[];
}

export interface JsonMember {
  readonly key: string;
  readonly keyPos: Pos;
  readonly value: JsonNode;
}

export interface JsonArrayNode extends Pos {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
}

export interface JsonStringNode extends Pos {
  readonly kind: 'string';
  readonly value: string;
}

export interface JsonNumberNode extends Pos {
  readonly kind: 'number';
  readonly value: number;
  /** The number exactly as written, for messages. */
  readonly raw: string;
}

export interface JsonBooleanNode extends Pos {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface JsonNullNode extends Pos {
  readonly kind: 'null';
}

export type JsonNode =
  JsonObjectNode | JsonArrayNode | JsonStringNode | JsonNumberNode | JsonBooleanNode | JsonNullNode;

export interface JsonSyntaxError extends Pos {
  readonly message: string;
  readonly expected: string;
  readonly found: string;
}

/** A key that occurs twice in one object; like `JSON.parse`, lookups see the last occurrence. */
export interface DuplicateKey extends Pos {
  readonly key: string;
}

export type ScanResult =
  | { readonly ok: true; readonly value: JsonNode; readonly duplicateKeys: readonly DuplicateKey[] }
  | { readonly ok: false; readonly error: JsonSyntaxError };

/**
 * Nesting limit. Real doc JSON nests parameters 7 deep (about 16 JSON levels); the limit only exists so that a
 * hostile input such as a million `[` cannot exhaust the call stack.
 */
export const MAX_JSON_DEPTH = 512;

/** The one-character escapes of JSON strings (RFC 8259 §7) and what they stand for. */
export const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

/** JSON insignificant whitespace (RFC 8259 §2). */
const WHITESPACE_RUN = /[ \t\n\r]*/y;

/** Characters a JSON string may contain unescaped (RFC 8259 §7). */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what a JSON string may not contain raw
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Thrown inside the scanner only; `scanJson` turns it into a result value. */
class SyntaxStop {
  constructor(readonly error: JsonSyntaxError) {}
}

/** Parses `text` as one JSON value. */
export function scanJson(text: string): ScanResult {
  const scanner = new Scanner(text);
  try {
    const value = scanner.document();
    return { ok: true, value, duplicateKeys: scanner.duplicateKeys };
  } catch (stop) {
    if (stop instanceof SyntaxStop) return { ok: false, error: stop.error };
    throw stop;
  }
}

/** Looks up a member; the last occurrence wins, as in `JSON.parse`. */
export function member(node: JsonObjectNode, key: string): JsonNode | undefined {
  for (let i = node.members.length - 1; i >= 0; i--) {
    const m = node.members[i];
    if (m !== undefined && m.key === key) return m.value;
  }
  return undefined;
}

/** A short human description of a node's JSON type: `an object`, `a string`, … */
export function describeKind(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${JSON.stringify(shorten(node.value))}`;
    case 'number':
      return `the number ${node.raw}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

class Scanner {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  readonly duplicateKeys: DuplicateKey[] = [];

  private readonly hasCarriageReturn: boolean;

  constructor(private readonly text: string) {
    this.hasCarriageReturn = text.includes('\r');
  }

  document(): JsonNode {
    this.skipWhitespace();
    if (this.i >= this.text.length) this.fail('a JSON value', 'an empty document');
    const value = this.value(0);
    this.skipWhitespace();
    if (this.i < this.text.length) this.fail('end of input after the top-level value', this.describeHere());
    return value;
  }

  private pos(): Pos {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  private fail(expected: string, found: string, message?: string): never {
    const pos = this.pos();
    throw new SyntaxStop({
      ...pos,
      message: message ?? `JSON syntax error: expected ${expected}, found ${found}.`,
      expected,
      found,
    });
  }

  private describeHere(): string {
    if (this.i >= this.text.length) return 'end of input';
    const c = this.text.codePointAt(this.i) ?? 0;
    if (c < 0x20) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return `'${String.fromCodePoint(c)}'`;
  }

  private skipWhitespace(): void {
    const t = this.text;
    const start = this.i;
    WHITESPACE_RUN.lastIndex = start;
    WHITESPACE_RUN.test(t);
    const end = WHITESPACE_RUN.lastIndex;
    if (end === start) return;
    this.i = end;
    if (!this.hasCarriageReturn) {
      // Fast path (LF-only files): jump from line break to line break.
      for (let k = t.indexOf('\n', start); k !== -1 && k < end; k = t.indexOf('\n', k + 1)) {
        this.line++;
        this.lineStart = k + 1;
      }
      return;
    }
    for (let k = start; k < end; k++) {
      const c = t.charCodeAt(k);
      // CRLF counts as one line break (at its LF), a lone CR as one too.
      if (c === 0x0a || (c === 0x0d && t.charCodeAt(k + 1) !== 0x0a)) {
        this.line++;
        this.lineStart = k + 1;
      }
    }
  }

  private value(depth: number): JsonNode {
    const c = this.text.charCodeAt(this.i);
    switch (c) {
      case 0x7b /* { */:
        return this.object(depth);
      case 0x5b /* [ */:
        return this.array(depth);
      case 0x22 /* " */: {
        const line = this.line;
        const column = this.i - this.lineStart + 1;
        return { kind: 'string', value: this.string(), line, column };
      }
      case 0x74 /* t */:
        return this.literal('true', {
          kind: 'boolean',
          value: true,
          line: this.line,
          column: this.i - this.lineStart + 1,
        });
      case 0x66 /* f */:
        return this.literal('false', {
          kind: 'boolean',
          value: false,
          line: this.line,
          column: this.i - this.lineStart + 1,
        });
      case 0x6e /* n */:
        return this.literal('null', { kind: 'null', line: this.line, column: this.i - this.lineStart + 1 });
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail('a JSON value', this.describeHere());
    }
  }

  private literal(word: string, node: JsonNode): JsonNode {
    if (!this.text.startsWith(word, this.i)) this.fail(`'${word}'`, this.describeHere());
    this.i += word.length;
    return node;
  }

  private number(): JsonNumberNode {
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (m === null) return this.fail('a number', this.describeHere());
    const raw = m[0];
    this.i += raw.length;
    return { kind: 'number', value: Number(raw), raw, line, column };
  }

  private string(): string {
    const t = this.text;
    this.i++; // opening quote
    let out = '';
    for (;;) {
      // Runs of ordinary characters are skipped by the regex engine, which is much faster than a JS loop.
      PLAIN_RUN.lastIndex = this.i;
      PLAIN_RUN.test(t);
      const end = PLAIN_RUN.lastIndex;
      if (end > this.i) {
        out += t.slice(this.i, end);
        this.i = end;
      }
      const c = t.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return out;
      }
      if (c === 0x5c) {
        out += this.escape();
        continue;
      }
      if (Number.isNaN(c)) this.fail("'\"' closing the string", 'end of input');
      this.fail(
        "'\"' or an escaped character",
        this.describeHere(),
        `JSON syntax error: a string contains a raw ${this.describeHere()}; write it escaped (\\n, \\t, \\u00XX) or close the string.`,
      );
    }
  }

  private escape(): string {
    const t = this.text;
    this.i++; // backslash
    const c = t[this.i];
    const simple = c === undefined ? undefined : SIMPLE_ESCAPES.get(c);
    if (simple !== undefined) {
      this.i++;
      return simple;
    }
    if (c === 'u') {
      const hex = t.slice(this.i + 1, this.i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.i++;
        this.fail('four hex digits after \\u', hex.length === 0 ? 'end of input' : JSON.stringify(hex));
      }
      this.i += 5;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', `\\${c ?? ''}`);
  }

  private enter(depth: number): void {
    if (depth >= MAX_JSON_DEPTH) {
      this.fail(
        `at most ${MAX_JSON_DEPTH} nested arrays/objects`,
        'deeper nesting',
        `JSON is nested more than ${MAX_JSON_DEPTH} levels deep; a doc JSON never is.`,
      );
    }
  }

  private object(depth: number): JsonObjectNode {
    this.enter(depth);
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    this.i++; // {
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return { kind: 'object', members, line, column };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.i) !== 0x22) this.fail('a quoted member name', this.describeHere());
      const keyPos = this.pos();
      const key = this.string();
      // Objects in doc JSON have a handful of members, so a linear scan beats allocating a Set per object.
      if (members.some((m) => m.key === key))
        this.duplicateKeys.push({ key, line: keyPos.line, column: keyPos.column });
      this.skipWhitespace();
      if (this.text.charCodeAt(this.i) !== 0x3a)
        this.fail(`':' after member name ${JSON.stringify(key)}`, this.describeHere());
      this.i++;
      this.skipWhitespace();
      const value = this.value(depth + 1);
      members.push({ key, keyPos, value });
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x7d) {
        this.i++;
        return { kind: 'object', members, line, column };
      }
      this.fail("',' or '}'", this.describeHere());
    }
  }

  private array(depth: number): JsonArrayNode {
    this.enter(depth);
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    this.i++; // [
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return { kind: 'array', items, line, column };
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x5d) {
        this.i++;
        return { kind: 'array', items, line, column };
      }
      this.fail("',' or ']'", this.describeHere());
    }
  }
}
