import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED } from '../../helpers/paths.js';
import { parseTextDoc } from '../../../src/parse/text/index.js';
import type { DocField as Field } from '../../../src/model/types.js';
import { listJson, preorder, readText, truthOf, type TruthParam } from './support.js';

/** The real saved pages of the shared corpus: totality, truncation reports, and nesting against doc JSON. */
const PAGES = `${SHARED}corpus/pages/`;
const JSON_DIR = `${SHARED}corpus/json`;
// Suites are collected even when skipped, so nothing may be read from the shared folder unless it is there.
const HAS_PAGES = HAS_SHARED && existsSync(`${PAGES}INDEX.tsv`);
const HAS_JSON = HAS_PAGES && existsSync(JSON_DIR);

interface IndexRow {
  readonly api: string;
  readonly file: string;
  readonly complete: boolean;
  /** For truncated pages: the section the page ends in, per the index. */
  readonly section?: string;
}

function readIndex(): IndexRow[] {
  const [, ...rows] = readText(`${PAGES}INDEX.tsv`).trim().split('\n');
  return rows.map((row) => {
    const [api = '', , status = ''] = row.split('\t');
    const section = /in section (\S+)/.exec(status)?.[1];
    return {
      api,
      file: `${PAGES}${api.replaceAll('.', '_')}.txt`,
      complete: status === 'complete',
      ...(section === undefined ? {} : { section }),
    };
  });
}

/** 1-based number of the last line with visible text. */
function lastVisibleLine(text: string): number {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] ?? '').trim() !== '') return i + 1;
  return 1;
}

describe.skipIf(!HAS_PAGES)('corpus pages', () => {
  const index = HAS_PAGES ? readIndex() : [];

  it('lists every saved page', () => {
    const files = readdirSync(PAGES).filter((f) => f.endsWith('.txt'));
    expect(index.length).toBe(files.length);
    for (const row of index) expect(existsSync(row.file)).toBe(true);
  });

  for (const row of index) {
    it(`${row.api}: ${row.complete ? 'complete, no errors' : `truncated in ${row.section}, reported`}`, () => {
      const text = readText(row.file);
      const result = parseTextDoc(text, row.file);
      expect(result.diagnostics.filter((d) => d.code === 'parser-bug')).toEqual([]);
      expect(result.api?.api).toBe(row.api);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const truncation = result.diagnostics.filter((d) => d.code === 'truncated-page');
      if (row.complete) {
        expect(errors).toEqual([]);
        expect(truncation).toEqual([]);
        return;
      }
      expect(truncation).toHaveLength(1);
      const [warning] = truncation;
      const line = lastVisibleLine(text);
      expect(warning?.severity).toBe('warning');
      expect(warning?.line).toBe(line);
      expect(warning?.message).toContain(`ends at line ${line} in section ${row.section} `);
      expect(errors).toEqual([]);
    });
  }
});

/** Parent agreement of one side: per field in document order, whether its parent path matches the truth. */
function agreement(got: readonly Field[], truth: readonly TruthParam[]): { path: string; ok: boolean }[] {
  const truthPaths: string[] = [];
  const walk = (list: readonly TruthParam[], prefix: string): void => {
    for (const p of list) {
      const path = prefix === '' ? p.name : `${prefix}.${p.name}`;
      truthPaths.push(path);
      walk(p.subParams ?? [], path);
    }
  };
  walk(truth, '');
  const truthSet = new Set(truthPaths);
  return preorder(got).map(({ path }) => ({ path, ok: truthSet.has(path) }));
}

describe.skipIf(!HAS_JSON)('corpus pages against the doc JSON of the same API', () => {
  it('places every field that has no ambiguity warning where the doc JSON has it', () => {
    const byName = new Map<string, string>();
    for (const file of listJson(JSON_DIR)) {
      const name = (JSON.parse(readText(file)) as { name?: string }).name;
      if (name !== undefined) byName.set(name, file);
    }
    const pages = [
      ...readIndex().map((r) => r.file),
      ...readdirSync(`${SHARED}seeds`)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `${SHARED}seeds/${f}`),
    ];
    let total = 0;
    let correct = 0;
    const matched: string[] = [];
    const silentWrong: string[] = [];
    for (const file of pages) {
      const result = parseTextDoc(readText(file), file);
      const api = result.api;
      const json = api === undefined ? undefined : byName.get(api.api);
      if (api === undefined || json === undefined) continue;
      matched.push(api.api);
      const doc = JSON.parse(readText(json)) as {
        requestParams?: Parameters<typeof truthOf>[0];
        responseParams?: Parameters<typeof truthOf>[0];
      };
      const warned = new Set(
        result.diagnostics.filter((d) => d.code === 'ambiguous-nesting').map((d) => d.field),
      );
      for (const [side, fields, params] of [
        ['request', api.request, doc.requestParams],
        ['response', api.response, doc.responseParams],
      ] as const) {
        for (const { path, ok } of agreement(fields, truthOf(params))) {
          total++;
          if (ok) correct++;
          else if (!warned.has(`${side}.${path}`)) silentWrong.push(`${api.api} ${side}.${path}`);
        }
      }
    }
    console.log(
      `pages with doc JSON of the same API: ${matched.join(', ')}; ${correct}/${total} fields placed as in the JSON`,
    );
    expect(matched.length).toBeGreaterThan(0);
    expect(silentWrong).toEqual([]);
  });
});
