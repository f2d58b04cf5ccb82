import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import { FIXTURES, SEEDS, readText } from './support.js';

/**
 * 5,000 pages must parse in well under a second. The pages here are the two complete seed pages (with Java and
 * XML samples, the most work per page) and six saved corpus pages, repeated; the time is the best of three runs
 * after a warm-up, so a busy machine does not fail the test by itself.
 */
describe('speed', () => {
  const pages = [
    ...SEEDS.map((name) => [name, readText(`${FIXTURES}pages/${name}.txt`)] as const),
    ...readdirSync(new URL('./fixtures/', import.meta.url))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => [f, readText(new URL(`./fixtures/${f}`, import.meta.url))] as const),
  ];

  it('parses 5,000 pages in well under a second', () => {
    const batch = Array.from({ length: 5_000 }, (_, i) => pages[i % pages.length]).filter(
      (p) => p !== undefined,
    );
    for (const [file, text] of batch.slice(0, 500)) parseTextDoc(text, file);
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      for (const [file, text] of batch) parseTextDoc(text, file);
      best = Math.min(best, performance.now() - started);
    }
    console.log(`5,000 pages parsed in ${best.toFixed(0)} ms (best of 3)`);
    expect(best).toBeLessThan(1_000);
  });
});
