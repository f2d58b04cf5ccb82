// The V8 tuning of a one-shot generate: only when the caller hands main() a way to set flags (the `topgen`
// executable does), never for a run that type-checks or watches.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DOCS_INPUT } from '../helpers/paths.js';

const out = (): string => join(mkdtempSync(join(tmpdir(), 'topgen-tuning-')), 'out');

/** main() with stderr muted, and the flags it set. */
async function run(argv: readonly string[]): Promise<{ status: number; flags: string[] }> {
  const flags: string[] = [];
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const status = await main(argv, { setV8Flags: (flag) => flags.push(flag) });
    return { status, flags };
  } finally {
    write.mockRestore();
  }
}

describe('one-shot tuning', () => {
  it('turns TurboFan inlining off for a generate run by the topgen executable', async () => {
    expect(await run(['generate', '-i', DOCS_INPUT, '-o', out()])).toEqual({
      status: 0,
      flags: ['--no-turbo-inlining'],
    });
  });

  it('keeps inlining for runs that type-check (the compiler runs long enough to gain from it)', async () => {
    expect((await run(['check', '-i', DOCS_INPUT, '-o', out(), '--typecheck'])).flags).toEqual([]);
    expect((await run(['generate', '-i', DOCS_INPUT, '-o', out(), '--typecheck'])).flags).toEqual([]);
  });
});
