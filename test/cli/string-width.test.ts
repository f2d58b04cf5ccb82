/** The command line's string-width (src/cli/string-width.ts) measures every text as string-width does. */
import fc from 'fast-check';
import realStringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/cli/string-width.js';

describe('stringWidth', () => {
  it('counts printable ASCII itself and hands anything else to string-width', () => {
    expect(stringWidth('')).toBe(0);
    expect(stringWidth('--out <dir>  write the package here')).toBe(35);
    expect(stringWidth('商品ID')).toBe(6);
    expect(stringWidth('\u001B[31mred\u001B[39m')).toBe(3);
    expect(stringWidth('👍 ok')).toBe(5);
    expect(stringWidth('a\tb')).toBe(realStringWidth('a\tb'));
  });

  it('agrees with string-width on any text', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        'a',
        'Z',
        ' ',
        '~',
        '-',
        '\t',
        '\n',
        '\u001B[1m',
        '\u0301',
        '\u200D',
        '中',
        'ｱ',
        '👍',
        '\u007F',
      ),
      fc.string({ unit: 'grapheme-ascii', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(stringWidth(text)).toBe(realStringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });
});
