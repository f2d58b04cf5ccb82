/**
 * Doc files read on a worker thread ahead of the parser (src/cli/read-ahead.ts): every outcome is what the main
 * thread's own read gives, nothing is waited for, and a large enough run parses exactly what it would alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs, MAX_INPUT_BYTES, readInput, type InputEntry } from '../../src/cli/inputs.js';
import { loadModel } from '../../src/cli/load.js';
import { ReadAhead } from '../../src/cli/read-ahead.js';
import { buildModel } from '../../src/model/passes/index.js';
import { parseInput } from '../../src/pipeline.js';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'topgen-read-ahead-'));

/** A small doc JSON of its own for API `taobao.readahead.n<i>`. */
function docJson(i: number): string {
  return JSON.stringify({
    name: `taobao.readahead.n${i}`,
    apiChineseName: `预读 ${i}`,
    description: `第 ${i} 个接口`,
    id: 1000 + i,
    requestParams: [{ name: `field_${i}`, type: 'String', required: i % 2 === 0, description: '字段' }],
    responseParams: [{ name: 'items', type: 'Item[]', subParams: [{ name: 'id', type: 'Number' }] }],
  });
}

/** One entry of every kind a read can give: bytes (also of an empty file), too large, unreadable, vanished. */
function mixedFolder(): InputEntry[] {
  const dir = freshDir();
  const entry = (name: string): InputEntry => ({ path: join(dir, name), file: `docs/${name}` });
  writeFileSync(join(dir, 'a.json'), docJson(1));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), MAX_INPUT_BYTES + 1); // sparse: nothing of it is written to the disk
  mkdirSync(join(dir, 'folder.txt'));
  const entries = ['a.json', 'empty.txt', 'huge.txt', 'folder.txt', 'gone.txt'].map(entry);
  for (let i = 0; i < 70; i++) {
    writeFileSync(join(dir, `doc${i}.json`), docJson(i));
    entries.push(entry(`doc${i}.json`));
  }
  return entries;
}

describe('ReadAhead', () => {
  it('hands over, once each, what reading each file on the main thread gives', async () => {
    const entries = mixedFolder();
    const ahead = new ReadAhead(entries.map((entry) => entry.path));
    await ahead.finished();
    const outcomes = entries.map((_, index) => ahead.take(index));
    expect(outcomes.every((outcome) => outcome !== undefined)).toBe(true);
    expect(entries.map((_, index) => ahead.take(index))).toEqual(entries.map(() => undefined));
    await ahead.stop();

    const read = entries.map((entry, index) => readInput(entry, { readAhead: outcomes[index] }));
    // The bytes arrive as a Uint8Array (a Buffer does not survive the move between threads): compare contents.
    const comparable = (result: ReturnType<typeof readInput>): unknown =>
      'input' in result ? { ...result.input, content: Buffer.from(result.input.content) } : result;
    expect(read.map(comparable)).toEqual(entries.map((entry) => comparable(readInput(entry))));
    const codes = read.map((result) => ('error' in result ? result.error.code : 'read'));
    expect(codes.slice(0, 5)).toEqual([
      'read',
      'read',
      'file-too-large',
      'unreadable-file',
      'unreadable-file',
    ]);
    const first = read[0];
    expect(first !== undefined && 'input' in first && Buffer.from(first.input.content).toString()).toBe(
      docJson(1),
    );
  });

  it('never waits: once stopped it hands over nothing, and the caller reads every file itself', async () => {
    const entries = mixedFolder();
    const ahead = new ReadAhead(entries.map((entry) => entry.path));
    await ahead.stop();
    await ahead.finished();
    expect(entries.map((_, index) => ahead.take(index))).toEqual(entries.map(() => undefined));
  });

  it('drops what arrives for files the caller has read itself meanwhile', async () => {
    const entries = mixedFolder();
    const ahead = new ReadAhead(entries.map((entry) => entry.path));
    // Asked for before the worker can have read them (a worker that has is as good): the caller reads these.
    for (let index = 0; index < 10; index++) ahead.take(index);
    await ahead.finished();
    for (let index = 0; index < 10; index++) expect(ahead.take(index)).toBeUndefined();
    for (let index = 10; index < entries.length; index++) expect(ahead.take(index)).toBeDefined();
    await ahead.stop();
  });
});

describe('a run large enough to read ahead', () => {
  it('parses exactly what reading every file on the main thread parses', async () => {
    const dir = freshDir();
    for (let i = 0; i < 240; i++)
      writeFileSync(join(dir, `doc${String(i).padStart(3, '0')}.json`), docJson(i));
    writeFileSync(join(dir, 'broken.json'), '{"name": ');
    const loaded = await loadModel([dir], false);

    const listed = await discoverInputs([dir], [], { stamps: false });
    const alone = buildModel(
      listed.entries.map((entry) => {
        const read = readInput(entry);
        return 'input' in read ? parseInput(read.input) : { file: entry.file, diagnostics: [read.error] };
      }),
      { strict: false },
    );
    expect(loaded.apis).toHaveLength(240);
    expect(loaded.apis).toEqual(alone.apis);
    expect(loaded.diagnostics).toEqual([...listed.diagnostics, ...alone.diagnostics]);
    expect(loaded.failedFiles).toEqual(alone.failedFiles);
    expect(readFileSync(join(dir, 'broken.json'), 'utf8')).toBe('{"name": ');
    rmSync(dir, { recursive: true, force: true });
  });
});
