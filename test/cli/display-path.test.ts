/** A folder's display prefix (src/cli/inputs.ts) gives what displayPath gives each of its files. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverInputs, displayPath, displayPrefix } from '../../src/cli/inputs.js';

const CWD = '/work/project';

describe('displayPrefix', () => {
  it('is the folder as displayPath shows it, then a slash; nothing for the working directory', () => {
    expect(displayPrefix('/work/project', CWD)).toBe('');
    expect(displayPrefix('/work/project/docs', CWD)).toBe('docs/');
    expect(displayPrefix('docs/', CWD)).toBe('docs/');
    expect(displayPrefix('/tmp/docs', CWD)).toBe('/tmp/docs/');
    expect(displayPrefix('/tmp//docs/', CWD)).toBe('/tmp/docs/');
    expect(displayPrefix('../other', CWD)).toBe('../other/');
    expect(displayPrefix('/', CWD)).toBe('/');
  });

  it('agrees with displayPath on every file of any folder', () => {
    const segment = fc.constantFrom('.', '..', '', 'work', 'project', 'projectx', 'docs', '..x', 'a b');
    const folder = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 5 })).map(([absolute, parts]) => {
      const joined = parts.join('/');
      return absolute ? `/${joined}` : joined === '' ? '.' : joined;
    });
    const name = fc
      .string({ minLength: 1, unit: fc.constantFrom('a', 'b', '.', '-', ' ') })
      .filter((text) => !text.startsWith('.'));
    fc.assert(
      fc.property(folder, name, (dir, file) => {
        expect(`${displayPrefix(dir, CWD)}${file}`).toBe(displayPath(join(dir, file), CWD));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('discoverInputs', () => {
  const root = mkdtempSync(join(tmpdir(), 'topgen-display-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names each doc as displayPath does, once, in path order', async () => {
    mkdirSync(join(root, 'b', 'nested'), { recursive: true });
    for (const file of ['a.json', 'b/c.json', 'b/nested/d.txt', 'b/.hidden.json'])
      writeFileSync(join(root, file), '{}');
    const found = await discoverInputs([root, join(root, 'b'), join(root, 'a.json')], [], { stamps: false });
    const paths = ['a.json', 'b/c.json', 'b/nested/d.txt'].map((file) => join(root, file));
    expect(found.entries).toEqual(paths.map((path) => ({ path, file: displayPath(path) })));
  });
});
