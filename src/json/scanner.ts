/**
 * topgen's JSON reader: a small parser that keeps the source position of every value (and every number as
 * written). The doc-JSON reader (src/parse/json), the mock gateway (src/mock/json-tree.ts) and the qimen sample
 * reader (src/parse/samples/json.ts, through `scanJsonTolerant`) all read through it; the generated runtime has
 * its own (src/runtime/json.ts), because the generated package depends on nothing.
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
 * What `scanJsonTolerant` read. `value` is the tree read before the first syntax error: every value completed
 * before it, and the arrays/objects still open at it with the members and items they had so far (a scalar the
 * error cut into is left out). `undefined` when not even a first value was begun.
 */
export interface TolerantScan {
  readonly value: JsonNode | undefined;
  /** The first syntax error; absent when the whole text was one value. */
  readonly error?: JsonSyntaxError;
}

export interface TolerantOptions {
  /** Arrays/objects nested deeper than this end the read like a syntax error (the deeper one is left out). */
  readonly maxDepth: number;
}

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

/** What a tolerant read accepts beyond RFC 8259, as written in hand-made samples. */
// A bare word in value position: letters, digits and number punctuation, read whole and then checked.
const WORD = /[0-9a-z+\-.E]*/y;
const SLOPPY_SCALAR = /^(?:true|false|null|-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)$/;

/**
 * Thrown inside the scanner only; `scanJson` turns it into a result value. In a tolerant read, each array and
 * object it passes through on the way out wraps `partial` (the innermost open container read so far) in itself.
 */
class SyntaxStop {
  partial: JsonNode | undefined = undefined;
  constructor(readonly error: JsonSyntaxError) {}
}

/** Parses `text` as one JSON value. */
export function scanJson(text: string): ScanResult {
  const scanner = new Scanner(text, undefined);
  try {
    const value = scanner.document();
    return { ok: true, value, duplicateKeys: scanner.duplicateKeys };
  } catch (stop) {
    if (stop instanceof SyntaxStop) return { ok: false, error: stop.error };
    throw stop;
  }
}

/**
 * Reads hand-written JSON samples, which are often cut or sloppy: reads like `scanJson` but keeps the tree read
 * before the first syntax error (with positions), so a broken sample still shows its nesting. It also accepts
 * what authors commonly write by hand: raw control characters in strings (a raw line break counts as one),
 * unknown escapes (`\q` reads `q`) and numbers with leading zeros. For valid JSON the result is the value
 * `scanJson` returns. Never throws.
 */
export function scanJsonTolerant(text: string, options: TolerantOptions): TolerantScan {
  const scanner = new Scanner(text, options.maxDepth);
  try {
    return { value: scanner.document() };
  } catch (stop) {
    if (stop instanceof SyntaxStop) return { value: stop.partial, error: stop.error };
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
  /** Set for a tolerant read (`scanJsonTolerant`); strict reads use MAX_JSON_DEPTH. */
  private readonly tolerant: boolean;
  private readonly maxDepth: number;

  constructor(
    private readonly text: string,
    tolerantMaxDepth: number | undefined,
  ) {
    this.hasCarriageReturn = text.includes('\r');
    this.tolerant = tolerantMaxDepth !== undefined;
    this.maxDepth = tolerantMaxDepth ?? MAX_JSON_DEPTH;
  }

  document(): JsonNode {
    this.skipWhitespace();
    if (this.i >= this.text.length) this.fail('a JSON value', 'an empty document');
    const value = this.value(0);
    this.skipWhitespace();
    if (this.i < this.text.length) {
      try {
        this.fail('end of input after the top-level value', this.describeHere());
      } catch (stop) {
        if (stop instanceof SyntaxStop) stop.partial = value;
        throw stop;
      }
    }
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
        if (this.tolerant) return this.word();
        return this.literal('true', {
          kind: 'boolean',
          value: true,
          line: this.line,
          column: this.i - this.lineStart + 1,
        });
      case 0x66 /* f */:
        if (this.tolerant) return this.word();
        return this.literal('false', {
          kind: 'boolean',
          value: false,
          line: this.line,
          column: this.i - this.lineStart + 1,
        });
      case 0x6e /* n */:
        if (this.tolerant) return this.word();
        return this.literal('null', { kind: 'null', line: this.line, column: this.i - this.lineStart + 1 });
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.tolerant ? this.word() : this.number();
        return this.fail('a JSON value', this.describeHere());
    }
  }

  /**
   * A scalar of a tolerant read: the whole run of word characters, so `truex` or `1-2` is an error rather than
   * `true` or `1` followed by one; leading zeros are accepted.
   */
  private word(): JsonNode {
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    WORD.lastIndex = this.i;
    WORD.test(this.text);
    const raw = this.text.slice(this.i, WORD.lastIndex);
    if (!SLOPPY_SCALAR.test(raw)) return this.fail('true, false, null or a number', JSON.stringify(raw));
    this.i += raw.length;
    if (raw === 'null') return { kind: 'null', line, column };
    if (raw === 'true' || raw === 'false') return { kind: 'boolean', value: raw === 'true', line, column };
    return { kind: 'number', value: Number(raw), raw, line, column };
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
      if (this.tolerant) {
        out += t[this.i];
        this.stepOverRaw(c);
        continue;
      }
      this.fail(
        "'\"' or an escaped character",
        this.describeHere(),
        `JSON syntax error: a string contains a raw ${this.describeHere()}; write it escaped (\\n, \\t, \\u00XX) or close the string.`,
      );
    }
  }

  /** Steps over a raw character inside a string (tolerant reads only), counting a line break as one. */
  private stepOverRaw(c: number): void {
    this.i++;
    if (c === 0x0a || (c === 0x0d && this.text.charCodeAt(this.i) !== 0x0a)) {
      this.line++;
      this.lineStart = this.i;
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
    if (this.tolerant && c !== undefined) {
      this.stepOverRaw(c.charCodeAt(0));
      return c;
    }
    return this.fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', `\\${c ?? ''}`);
  }

  private enter(depth: number): void {
    if (depth >= this.maxDepth) {
      this.fail(
        `at most ${this.maxDepth} nested arrays/objects`,
        'deeper nesting',
        `JSON is nested more than ${this.maxDepth} levels deep${this.tolerant ? '' : '; a doc JSON never is'}.`,
      );
    }
  }

  private object(depth: number): JsonObjectNode {
    this.enter(depth);
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    this.i++; // {
    const members: JsonMember[] = [];
    // The member whose value is being read, for a tolerant read's partial tree (no object: this is the hot loop).
    let pendingKey: string | undefined;
    let pendingKeyPos: Pos | undefined;
    try {
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
        pendingKey = key;
        pendingKeyPos = keyPos;
        const value = this.value(depth + 1);
        pendingKey = undefined;
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
    } catch (stop) {
      if (this.tolerant && stop instanceof SyntaxStop) {
        // `stop.partial` is set only when the value being read was an array/object the error stopped inside.
        if (stop.partial !== undefined && pendingKey !== undefined && pendingKeyPos !== undefined)
          members.push({ key: pendingKey, keyPos: pendingKeyPos, value: stop.partial });
        stop.partial = { kind: 'object', members, line, column };
      }
      throw stop;
    }
  }

  private array(depth: number): JsonArrayNode {
    this.enter(depth);
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    this.i++; // [
    const items: JsonNode[] = [];
    try {
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
    } catch (stop) {
      if (this.tolerant && stop instanceof SyntaxStop) {
        // As in `object`: an item the error stopped inside is kept as far as it was read.
        if (stop.partial !== undefined) items.push(stop.partial);
        stop.partial = { kind: 'array', items, line, column };
      }
      throw stop;
    }
  }
}
