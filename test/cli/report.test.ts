import { describe, expect, it } from 'vitest';
import { createProgress, plural, printDiagnostics } from '../../src/cli/report.js';
import type { Diagnostic } from '../../src/model/types.js';

function target(isTTY: boolean): { isTTY: boolean; text: string; write(t: string): void } {
  return {
    isTTY,
    text: '',
    write(t: string) {
      this.text += t;
    },
  };
}

describe('createProgress', () => {
  it('draws a counter on a terminal for large runs and clears it at the end', () => {
    const out = target(true);
    const progress = createProgress(300, 'parsing', out, {});
    for (let i = 0; i < 300; i++) progress.tick();
    progress.done();
    expect(out.text).toContain('\rparsing 1/300 (0%)');
    expect(out.text).toContain('\rparsing 300/300 (100%)');
    expect(out.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it.each([
    ['in CI', true, { CI: '1' }, 300],
    ['in a pipe', false, {}, 300],
    ['for a small run', true, {}, 200],
  ])('stays silent %s', (_, isTTY, env, total) => {
    const out = target(isTTY);
    const progress = createProgress(total, 'parsing', out, env);
    for (let i = 0; i < total; i++) progress.tick();
    progress.done();
    expect(out.text).toBe('');
  });
});

describe('printDiagnostics', () => {
  const note: Diagnostic = {
    severity: 'info',
    code: 'example-guessed',
    message: 'A guess.',
    file: 'a.txt',
    line: 3,
  };
  const warning: Diagnostic = {
    severity: 'warning',
    code: 'truncated-page',
    message: 'Cut.',
    file: 'a.txt',
    line: 9,
  };

  it('counts notes unless --verbose', () => {
    const lines: string[] = [];
    printDiagnostics([note, warning], (line) => lines.push(line));
    expect(lines).toEqual([
      'a.txt:9: warning truncated-page: Cut.',
      'topgen: 1 note not shown (--verbose shows them)',
    ]);
    const verbose: string[] = [];
    printDiagnostics([note, warning], (line) => verbose.push(line), true);
    expect(verbose).toEqual([
      'a.txt:3: info example-guessed: A guess.',
      'a.txt:9: warning truncated-page: Cut.',
    ]);
  });

  it('pluralises', () => {
    expect([plural(1, 'API'), plural(2, 'API'), plural(0, 'error')]).toEqual(['1 API', '2 APIs', '0 errors']);
  });
});
