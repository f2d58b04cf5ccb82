/**
 * Lossless JSON parsing for TOP responses.
 *
 * TOP ids (`num_iid`, `tid`, order ids) are 64-bit and `JSON.parse` silently rounds integers beyond 2^53.
 * `parseJson` returns exactly what `JSON.parse` returns, except that an integer literal (no fraction, no
 * exponent) whose magnitude exceeds `Number.MAX_SAFE_INTEGER` becomes its decimal text, e.g.
 * `"12345678901234567890"` or `"-9007199254740993"` (an `Int64String`). Numbers with a fraction or an exponent
 * stay numbers, as with `JSON.parse`.
 *
 * How it stays fast: an integer that is not safe has at least 16 digits, so a text without a run of 16 digits
 * goes straight to `JSON.parse`. Otherwise one linear scan finds the unsafe integer tokens in value position
 * (strings are skipped with `indexOf`), quotes them, and `JSON.parse` builds the result natively. Syntax errors
 * are `JSON.parse`'s own: the scan only ever quotes a well-formed integer token where a value is expected, so
 * it never turns invalid JSON into valid JSON.
 */

const SIXTEEN_DIGITS = /\d{16}/;
const MAX_SAFE_DIGITS = '9007199254740991';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DOT = 0x2e;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** Parses JSON text; integers beyond ±(2^53 - 1) come back as decimal strings. Throws SyntaxError like JSON.parse. */
export function parseJson(text: string): unknown {
  if (!SIXTEEN_DIGITS.test(text)) return JSON.parse(text);
  return JSON.parse(quoteUnsafeIntegers(text));
}

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

/** `text[start, end)` holds only digits without a leading zero; true when its value exceeds MAX_SAFE_INTEGER. */
function isUnsafeMagnitude(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length !== MAX_SAFE_DIGITS.length) return length > MAX_SAFE_DIGITS.length;
  return text.slice(start, end) > MAX_SAFE_DIGITS;
}

/** Index just past the string literal whose opening quote is at `open` (or text.length if unterminated). */
export function skipString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}

/** Returns `text` with every unsafe integer token in value position wrapped in quotes. */
export function quoteUnsafeIntegers(text: string): string {
  // Containers currently open: true for an object. `expectKey` is true right after `{` or after `,` in an object.
  const inObject: boolean[] = [];
  let expectKey = false;
  let out = '';
  let copied = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i);
      continue;
    }
    if (c === MINUS || isDigit(c)) {
      const start = i;
      if (c === MINUS) i++;
      const digitsStart = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const digitsEnd = i;
      const next = text.charCodeAt(i);
      if (next === DOT || next === LOWER_E || next === UPPER_E) {
        // A fraction or an exponent: JSON.parse handles it as a double, as it should. Skip the rest of the token.
        i++;
        while (i < n) {
          const t = text.charCodeAt(i);
          if (isDigit(t) || t === DOT || t === LOWER_E || t === UPPER_E || t === MINUS || t === 0x2b) i++;
          else break;
        }
        continue;
      }
      const digits = digitsEnd - digitsStart;
      if (
        !expectKey &&
        digits >= MAX_SAFE_DIGITS.length &&
        text.charCodeAt(digitsStart) !== DIGIT_0 &&
        isUnsafeMagnitude(text, digitsStart, digitsEnd)
      ) {
        out += text.slice(copied, start) + '"' + text.slice(start, digitsEnd) + '"';
        copied = digitsEnd;
      }
      continue;
    }
    switch (c) {
      case OPEN_BRACE:
        inObject.push(true);
        expectKey = true;
        break;
      case OPEN_BRACKET:
        inObject.push(false);
        expectKey = false;
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        inObject.pop();
        expectKey = false;
        break;
      case COLON:
        expectKey = false;
        break;
      case COMMA:
        expectKey = inObject[inObject.length - 1] === true;
        break;
      default:
        break;
    }
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
