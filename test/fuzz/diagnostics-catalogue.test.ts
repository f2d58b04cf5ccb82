// docs/diagnostics.md must list every diagnostic code the code base can emit, with the severity it is emitted
// with, and nothing that no longer exists. The codes are read from src/ with the TypeScript parser
// (support/diagnostic-codes.ts), so a new code fails this test until it is documented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NESTING_DIAGNOSTIC_CODES } from '../../src/model/passes/nesting/index.js';
import { TEXT_DIAGNOSTIC_CODES } from '../../src/parse/text/index.js';
import { ROOT } from '../helpers/paths.js';
import { scanDiagnosticCodes } from './support/diagnostic-codes.js';

const scan = scanDiagnosticCodes(join(ROOT, 'src'), {
  ...TEXT_DIAGNOSTIC_CODES,
  ...NESTING_DIAGNOSTIC_CODES,
});
const catalogue = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');

/** Table rows `| \`code\` | severity | meaning | what to do |` → code → severity cells. */
function documented(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*`([a-z0-9-]+)`\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|\s*$/.exec(line);
    if (m === null) continue;
    const [, code = '', severity = '', meaning = '', todo = ''] = m;
    expect(meaning, `meaning of ${code}`).not.toBe('');
    expect(todo, `what to do about ${code}`).not.toBe('');
    rows.set(code, [...(rows.get(code) ?? []), severity]);
  }
  return rows;
}

describe('docs/diagnostics.md', () => {
  const rows = documented(catalogue);
  const emitted = new Set(scan.codes.map((c) => c.code));

  it('can resolve every code argument in src/', () => {
    expect(scan.unresolved).toEqual([]);
    // The scan is not vacuous: codes of every stage are found.
    for (const code of [
      'unreadable-file',
      'binary-file',
      'truncated-page',
      'json-syntax',
      'html-too-deep',
      'duplicate-api',
    ])
      expect(emitted).toContain(code);
  });

  it('documents every code that can be emitted', () => {
    const missing = [...emitted].filter((code) => !rows.has(code)).sort();
    expect(missing, `add these codes to docs/diagnostics.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('documents each code with the severity it is emitted with', () => {
    const wrong = scan.codes
      .filter(
        (c) =>
          c.severity !== undefined &&
          !(rows.get(c.code) ?? []).some((cell) => cell.includes(c.severity ?? '')),
      )
      .map((c) => `${c.code} is emitted as ${c.severity} at ${c.at}`);
    expect(wrong).toEqual([]);
    for (const [code, cells] of rows)
      for (const cell of cells)
        expect(cell, `severity of ${code}`).toMatch(/^(?:error|warning|info)(?:, (?:error|warning|info))*$/);
  });

  it('lists no code that the code base no longer emits', () => {
    const stale = [...rows.keys()].filter((code) => !emitted.has(code)).sort();
    expect(stale).toEqual([]);
  });
});
