import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countChanges,
  diffApis,
  formatChangelogEntry,
  formatDiffJson,
  formatDiffText,
} from '../../src/diff/index.js';
import { arbApi } from './arbitrary.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);

describe('diffApis on generated APIs', () => {
  it('finds nothing between a set of APIs and a copy of it', () => {
    fc.assert(
      fc.property(fc.array(arbApi, { maxLength: 4 }), (apis) => {
        const diff = diffApis(apis, structuredClone(apis));
        expect(diff.added).toEqual([]);
        expect(diff.removed).toEqual([]);
        expect(diff.changed).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps one change per line and agrees on the counts in every format', () => {
    fc.assert(
      fc.property(fc.array(arbApi, { maxLength: 3 }), fc.array(arbApi, { maxLength: 3 }), (before, after) => {
        const diff = diffApis(before, after);
        const { breaking, compatible } = countChanges(diff);
        const lines = formatDiffText(diff).split('\n');
        expect(lines.filter((l) => l.startsWith('  ✖ breaking    '))).toHaveLength(breaking);
        expect(lines.filter((l) => l.startsWith('  ✓ compatible  '))).toHaveLength(compatible);
        const entry = formatChangelogEntry(diff, '1.0.0').split('\n');
        expect(entry.filter((l) => l.startsWith('- '))).toHaveLength(breaking + compatible);
        const json = JSON.parse(formatDiffJson(diff)) as {
          summary: { breaking: number; compatible: number };
        };
        expect(json.summary).toMatchObject({ breaking, compatible });
        expect(diffApis(before, after)).toEqual(diff);
      }),
      { numRuns: RUNS },
    );
  });
});
