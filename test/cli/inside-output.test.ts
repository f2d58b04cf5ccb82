/** The rule for paths under `--out` (src/cli/inside-output.ts), against its definition by segments. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertInside } from '../../src/cli/inside-output.js';

/** The rule as defined: no segment may be empty, `.` or `..` (an absolute path has an empty first segment). */
const insideByDefinition = (path: string): boolean =>
  path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');

const passes = (path: string): boolean => {
  try {
    assertInside(path);
    return true;
  } catch {
    return false;
  }
};

describe('assertInside', () => {
  it('accepts package paths and refuses every way out of the folder', () => {
    for (const path of ['package.json', 'src/apis/taobao.item.get.ts', '.gitignore', 'a/..b/c', 'a/.../b'])
      expect(passes(path), path).toBe(true);
    for (const path of ['', '/', '/etc/passwd', '..', '../x', 'a/../../x', 'a/./b', 'a//b', 'a/', '.', './a'])
      expect(passes(path), path).toBe(false);
    expect(() => assertInside('../x')).toThrow(
      'refusing to write "../x": output paths must stay inside --out',
    );
  });

  it('agrees with the segment definition on any path made of segments, dots and slashes', () => {
    const segment = fc.oneof(
      fc.constantFrom('', '.', '..', '...', '.a', 'a.', 'src', 'x.ts'),
      fc.string({ unit: fc.constantFrom('a', '.', '/', '\\', ' ') }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const path = segments.join('/');
        expect(passes(path)).toBe(insideByDefinition(path));
      }),
      { numRuns: 2000 },
    );
  });
});
