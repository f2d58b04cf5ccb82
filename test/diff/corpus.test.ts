import { describe, expect, it } from 'vitest';
import { resolveFieldKinds } from '../../src/model/passes/kinds.js';
import { diffApis, formatDiffText, hasBreaking } from '../../src/diff/index.js';
import type { Api } from '../../src/model/types.js';
import { HAS_CORPUS, loadCorpus } from './corpus.js';

describe.skipIf(!HAS_CORPUS)('diff over the doc JSON corpus (399 real APIs)', () => {
  const { apis } = loadCorpus();

  it('finds no change between the corpus and a copy of it', () => {
    expect(apis).toHaveLength(399);
    const diff = diffApis(apis, structuredClone(apis));
    expect(diff).toEqual({ added: [], removed: [], changed: [], warnings: [] });
  });

  it('catches one edited field among all of them and names it', () => {
    const target = apis.find((a) => a.request.some((f) => f.type === 'String'));
    if (target === undefined) throw new Error('no API with a String request parameter');
    const name = target.request.find((f) => f.type === 'String')?.name ?? '';
    const edited: Api = {
      ...target,
      request: target.request.map((f) => (f.name === name ? resolveFieldKinds({ ...f, type: 'Number' }) : f)),
    };
    const diff = diffApis(
      apis,
      apis.map((a) => (a === target ? edited : a)),
    );
    expect(hasBreaking(diff)).toBe(true);
    expect(diff.changed.map((c) => c.api)).toEqual([target.api]);
    expect(formatDiffText(diff)).toContain(
      `request.${name}: type String → Number: calls must send the new type`,
    );
  });

  it('sees every API as added when the old set is empty', () => {
    const diff = diffApis([], apis);
    expect(diff.added).toHaveLength(new Set(apis.map((a) => a.api)).size);
    expect(hasBreaking(diff)).toBe(false);
  });
});
