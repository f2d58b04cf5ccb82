import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED } from '../../helpers/paths.js';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import { preorder, readText, listJson } from './support.js';
import { renderPage, type DocJson, type RenderOptions } from './render-page.js';

/**
 * Nesting against ground truth. The corpus pages have no doc JSON of the same API except the derby seed, so
 * the 399 doc JSON files are laid out as form-A pages (render-page.ts) and read back; the JSON's subParams are
 * the truth. Three layouts: with full samples, with sparse samples (some fields without example, hence missing
 * from the Java and XML), and without samples (nesting from field order alone, as on truncated pages).
 */
const JSON_DIR = `${SHARED}corpus/json`;

interface Score {
  /** Fields whose example and description came out as rendered. */
  texts: number;
  textsCorrect: number;
  textMisses: string[];
  nested: number;
  correct: number;
  warned: number;
  /** Fields placed without an ambiguity warning whose parent is wrong: must stay empty. */
  silentWrong: string[];
  pages: number;
  pagesAllCorrect: number;
}

function score(docs: readonly DocJson[], options: RenderOptions): Score {
  const s: Score = {
    texts: 0,
    textsCorrect: 0,
    textMisses: [],
    nested: 0,
    correct: 0,
    warned: 0,
    silentWrong: [],
    pages: 0,
    pagesAllCorrect: 0,
  };
  for (const doc of docs) {
    const { text, fields: rendered } = renderPage(doc, options);
    const fields = withoutDuplicates(rendered);
    const file = `${doc.name}.txt`;
    const result = parseTextDoc(text, file);
    const api = result.api;
    if (api === undefined) throw new Error(`${doc.name}: no api: ${JSON.stringify(result.diagnostics)}`);
    const warnedLines = new Set(
      result.diagnostics
        .filter((d) => d.code === 'ambiguous-nesting')
        .map((d) => `${d.field?.split('.')[0]}:${d.line}`),
    );
    let allCorrect = true;
    for (const side of ['request', 'response'] as const) {
      const truth = fields.filter((f) => f.side === side);
      const got = preorder(side === 'request' ? api.request : api.response);
      expect(got.map((g) => g.path.split('.').pop())).toEqual(truth.map((t) => t.path.split('.').pop()));
      const truthParent = truth.map((t) => {
        const parentPath = t.path.includes('.') ? t.path.slice(0, t.path.lastIndexOf('.')) : undefined;
        if (parentPath === undefined) return -1;
        for (let k = truth.indexOf(t) - 1; k >= 0; k--) if (truth[k]?.path === parentPath) return k;
        return -2;
      });
      truth.forEach((t, k) => {
        const field = got[k]?.field;
        s.texts++;
        if ((field?.example ?? '') === t.example && (field?.description ?? '') === t.description)
          s.textsCorrect++;
        else
          s.textMisses.push(
            `${doc.name} ${side}.${t.path}: ${JSON.stringify([field?.example, field?.description])}, rendered ${JSON.stringify([t.example, t.description])}`,
          );
        if (!t.path.includes('.')) return;
        s.nested++;
        const ok = got[k]?.parent === truthParent[k];
        const warned = warnedLines.has(`${side}:${t.line}`);
        if (ok) s.correct++;
        else allCorrect = false;
        if (warned) s.warned++;
        else if (!ok)
          s.silentWrong.push(
            `${doc.name} ${side}.${t.path} (line ${t.line}) placed as ${side}.${got[k]?.path}`,
          );
      });
    }
    s.pages++;
    if (allCorrect) s.pagesAllCorrect++;
  }
  return s;
}

/**
 * The reader keeps the first of two fields with one name at one level (warning duplicate-field), as the JSON
 * reader does; the truth drops later ones with their sub-fields too. Fields come in preorder.
 */
function withoutDuplicates<T extends { side: string; path: string }>(fields: readonly T[]): T[] {
  const kept: T[] = [];
  const seen = new Set<string>();
  let skipping: string | undefined;
  for (const f of fields) {
    const key = `${f.side}:${f.path}`;
    if (skipping !== undefined && key.startsWith(`${skipping}.`)) continue;
    skipping = undefined;
    if (seen.has(key)) {
      skipping = key;
      continue;
    }
    seen.add(key);
    kept.push(f);
  }
  return kept;
}

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;

// Suites are collected even when skipped, so nothing may be read from the shared folder unless it is there.
const HAS_JSON = HAS_SHARED && existsSync(JSON_DIR);

describe.skipIf(!HAS_JSON)('nesting against the corpus doc JSON', () => {
  const docs = HAS_JSON ? listJson(JSON_DIR).map((f) => JSON.parse(readText(f)) as DocJson) : [];

  it('places every field correctly when the page has full samples', () => {
    const s = score(docs, { samples: true, sparse: false });
    console.log(
      `full samples: ${s.correct}/${s.nested} nested fields correct (${pct(s.correct, s.nested)}), ${s.warned} warned, ${s.pagesAllCorrect}/${s.pages} pages all correct`,
    );
    expect(s.silentWrong).toEqual([]);
    expect(s.correct).toBe(s.nested);
    expect(s.warned).toBe(0);
    console.log(`full samples: ${s.textsCorrect}/${s.texts} example/description pairs as rendered`);
    expect(s.textMisses.slice(0, 20)).toEqual([]);
  });

  it('never places a field wrongly without a warning when samples leave fields out', () => {
    const s = score(docs, { samples: true, sparse: true });
    console.log(
      `sparse samples: ${s.correct}/${s.nested} correct (${pct(s.correct, s.nested)}), ${s.warned} warned, ${s.pagesAllCorrect}/${s.pages} pages all correct`,
    );
    expect(s.silentWrong).toEqual([]);
    expect(s.correct / s.nested).toBeGreaterThan(0.95);
    console.log(`sparse samples: ${s.textsCorrect}/${s.texts} example/description pairs as rendered`);
    expect(s.textMisses.slice(0, 20)).toEqual([]);
  });

  it('never places a field wrongly without a warning when the page has no samples', () => {
    const s = score(docs, { samples: false, sparse: false });
    console.log(
      `no samples: ${s.correct}/${s.nested} correct (${pct(s.correct, s.nested)}), ${s.warned} warned, ${s.pagesAllCorrect}/${s.pages} pages all correct`,
    );
    expect(s.silentWrong).toEqual([]);
    expect(s.correct / s.nested).toBeGreaterThan(0.8);
    console.log(`no samples: ${s.textsCorrect}/${s.texts} example/description pairs as rendered (guessed)`);
  });
});
