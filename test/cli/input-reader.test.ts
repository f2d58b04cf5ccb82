// InputReader in watch mode: told which files changed, it re-reads only those, and falls back to listing
// every input whenever the change is more than an edit of a known doc.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, InputReader } from '../../src/cli/inputs.js';
import { DOCS_INPUT } from '../helpers/paths.js';

function docsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topgen-reader-'));
  for (const name of readdirSync(DOCS_INPUT)) copyFileSync(join(DOCS_INPUT, name), join(dir, name));
  return dir;
}

const files = (inputs: readonly { readonly file: string }[]): string[] => inputs.map((input) => input.file);

describe('InputReader with the files a watcher reported', () => {
  it('re-reads only the edited doc, and gives what a full listing gives', async () => {
    const dir = docsFolder();
    const reader = new InputReader();
    const first = await reader.read([dir]);
    const [edited, untouched] = readdirSync(dir).map((name) => join(dir, name));
    if (edited === undefined || untouched === undefined) throw new Error('docs-input has two docs');
    writeFileSync(edited, 'edited page\n');
    const second = await reader.read([dir], [], new Set([edited]));
    expect(files(second.inputs)).toEqual(files(first.inputs));
    expect(second.inputs[0]?.content.toString()).toBe('edited page\n');
    // The untouched doc is the very same object: the pipeline reuses its parse without hashing.
    expect(second.inputs[1]).toBe(first.inputs[1]);
    expect(second.inputs.map((input) => input.content.toString())).toEqual(
      (await collectInputs([dir])).inputs.map((input) => input.content.toString()),
    );
    // A report of an unchanged file reads nothing; a file no one reported is not even looked at.
    writeFileSync(untouched, 'edited too\n');
    const third = await reader.read([dir], [], new Set([edited]));
    expect(third.inputs[0]).toBe(second.inputs[0]);
    expect(third.inputs[1]).toBe(first.inputs[1]);
    const fourth = await reader.read([dir], [], new Set([untouched]));
    expect(fourth.inputs[1]?.content.toString()).toBe('edited too\n');
  });

  it('lists everything again when a reported file is new, removed or unknown', async () => {
    const dir = docsFolder();
    const reader = new InputReader();
    const first = await reader.read([dir]);
    const added = join(dir, 'added.txt');
    writeFileSync(added, 'notes\n');
    const withAdded = await reader.read([dir], [], new Set([added]));
    expect(files(withAdded.inputs)).toEqual([...files(first.inputs), added].sort());
    rmSync(added);
    const withoutAdded = await reader.read([dir], [], new Set([added]));
    expect(files(withoutAdded.inputs)).toEqual(files(first.inputs));
  });
});
