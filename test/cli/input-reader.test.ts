// InputReader in watch mode: told which files changed, it re-reads only those, and falls back to listing
// every input whenever the change is more than an edit of a known doc.
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectInputs,
  discoverInputs,
  InputReader,
  MAX_INPUT_BYTES,
  readInput,
} from '../../src/cli/inputs.js';
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

describe('a one-shot listing (no stamps)', () => {
  it('stats nothing up front: readInput reads each doc whole and reports one too large to be a doc', async () => {
    const dir = docsFolder();
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_INPUT_BYTES + 1); // sparse: nothing of it is written to the disk
    const listed = await discoverInputs([dir], [], { stamps: false });
    expect(listed.diagnostics).toEqual([]);
    expect(listed.entries.every((entry) => entry.stamp === undefined)).toBe(true);
    const read = listed.entries.map(readInput);
    const tooLarge = read.flatMap((result) => ('error' in result ? [result.error] : []));
    expect(tooLarge).toEqual([
      expect.objectContaining({
        code: 'file-too-large',
        expected: `at most ${MAX_INPUT_BYTES} bytes`,
        found: `${MAX_INPUT_BYTES + 1} bytes`,
      }),
    ]);
    const stamped = await discoverInputs([dir]);
    expect(stamped.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    const contents = read.flatMap((result) => ('input' in result ? [Buffer.from(result.input.content)] : []));
    expect(contents).toEqual(stamped.entries.map((entry) => readFileSync(entry.path)));
  });
});
