// Bad input, case by case: every kind of input topgen must refuse or doubt gets one diagnostic that says
// where (file, line, field path), what was expected and what was found. CLI exit codes for the same inputs are
// in test/cli/cli.test.ts; here the diagnostics themselves are pinned down.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverInputs, MAX_INPUT_BYTES, readInput } from '../../src/cli/inputs.js';
import { InputError } from '../../src/cli/errors.js';
import { loadModel } from '../../src/cli/load.js';
import { generate } from '../../src/generate.js';
import type { Diagnostic } from '../../src/model/types.js';
import { EXPECTED_FORMATS } from '../../src/parse/detect.js';
import { parseDocument } from '../../src/parse/index.js';
import { DOCS_INPUT, HAS_SHARED, ROOT, SHARED } from '../helpers/paths.js';
import { TEMPLATES } from '../helpers/templates.js';

const DERBY = readFileSync(join(DOCS_INPUT, 'alitrip_merchant_galaxy_member_login_derby.txt'));
const DERBY_TEXT = DERBY.toString('utf8');
const NESTED_HTML = readFileSync(join(ROOT, 'test/fixtures/html/damai-nested-tables.html'), 'utf8');
const ANY_DOC = 'a TOP API doc: form-A text, saved HTML or doc JSON, in UTF-8';

const scratch = mkdtempSync(join(tmpdir(), 'topgen-bad-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The parts of a diagnostic a user acts on; absent members stay `undefined`, so "no line" is asserted too. */
function where(d: Diagnostic | undefined): Record<string, unknown> {
  return {
    severity: d?.severity,
    code: d?.code,
    file: d?.file,
    line: d?.line,
    field: d?.field,
    expected: d?.expected,
    found: d?.found,
  };
}

/** A doc JSON with one parameter object per line, so the line of each is known (first at line 6). */
function docJson(request: readonly string[]): string {
  return [
    '{',
    '"name": "taobao.demo.get",',
    '"apiChineseName": "演示",',
    '"description": "demo",',
    '"requestParams": [',
    request.join(',\n'),
    '],',
    '"responseParams": []',
    '}',
  ].join('\n');
}

/** 1-based line of the first occurrence of `needle` at or after `from`. */
const lineOf = (text: string, needle: string, from = 0): number =>
  text.slice(0, text.indexOf(needle, from)).split('\n').length;

interface Case {
  readonly name: string;
  /** The diagnostics of the input; the case's diagnostic is the one with `want.code`. */
  readonly diagnostics: () => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;
  readonly want: Record<string, unknown>;
}

const DUPLICATE_HTML_ROW =
  '<tr><td>auth_code</td><td>String</td><td>必须</td><td>1</td><td></td><td>again</td></tr>';
const HTML_WITH_DUPLICATE = NESTED_HTML.replace(
  '<tr><td>ptnr_token</td>',
  `${DUPLICATE_HTML_ROW}\n                <tr><td>ptnr_token</td>`,
);
const HTML_WITH_EMPTY_NAME = NESTED_HTML.replace('<tr><td>auth_code</td>', '<tr><td> </td>');
const TEXT_WITH_UNKNOWN_TYPE = DERBY_TEXT.replace('token String 可选', 'token long 可选');

const CASES: readonly Case[] = [
  {
    name: 'unreadable file (a directory where a file was listed)',
    diagnostics: () => {
      const dir = join(scratch, 'is-a-dir.txt');
      mkdirSync(dir, { recursive: true });
      const read = readInput({ path: dir, file: 'docs/is-a-dir.txt' });
      return 'error' in read ? [read.error] : [];
    },
    want: {
      severity: 'error',
      code: 'unreadable-file',
      file: 'docs/is-a-dir.txt',
      line: undefined,
      field: undefined,
      expected: 'a readable file',
      found: 'EISDIR',
    },
  },
  {
    name: 'unreadable file (removed between listing and reading)',
    diagnostics: async () => {
      const dir = join(scratch, 'vanishing');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'page.txt'), DERBY);
      const found = await discoverInputs([dir]);
      rmSync(join(dir, 'page.txt'));
      const entry = found.entries[0];
      if (entry === undefined) throw new Error('the page was not listed');
      const read = readInput({ ...entry, file: 'docs/page.txt' });
      return 'error' in read ? [read.error] : [];
    },
    want: {
      severity: 'error',
      code: 'unreadable-file',
      file: 'docs/page.txt',
      line: undefined,
      field: undefined,
      expected: 'a readable file',
      found: 'ENOENT',
    },
  },
  {
    name: 'unknown format',
    diagnostics: () =>
      parseDocument(Buffer.from('just some notes\nnot a doc page\n'), 'docs/notes.txt').diagnostics,
    want: {
      severity: 'error',
      code: 'unknown-format',
      file: 'docs/notes.txt',
      line: undefined,
      field: undefined,
      expected: ANY_DOC,
      found: JSON.stringify('just some notes\nnot a doc page\n'),
    },
  },
  {
    name: 'XML (a response example saved by mistake)',
    diagnostics: () =>
      parseDocument('<?xml version="1.0"?>\n<a_response/>\n', 'docs/example.xml').diagnostics,
    want: {
      severity: 'error',
      code: 'unknown-format',
      file: 'docs/example.xml',
      line: undefined,
      field: undefined,
      expected: ANY_DOC,
      found: expect.stringMatching(/^"<\?xml/),
    },
  },
  {
    name: 'binary file',
    diagnostics: () =>
      parseDocument(
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        'docs/logo.png',
      ).diagnostics,
    want: {
      severity: 'error',
      code: 'binary-file',
      file: 'docs/logo.png',
      line: undefined,
      field: undefined,
      expected: ANY_DOC,
      found: 'bytes 89 50 4e 47 0d 0a 1a 0a 00 00 00 0d',
    },
  },
  {
    name: 'empty file',
    diagnostics: () => parseDocument(new Uint8Array(), 'docs/empty.txt').diagnostics,
    want: {
      severity: 'error',
      code: 'empty-file',
      file: 'docs/empty.txt',
      line: undefined,
      field: undefined,
      expected: ANY_DOC,
      found: 'no content',
    },
  },
  {
    name: 'file in a legacy encoding (GBK)',
    diagnostics: () =>
      parseDocument(Buffer.from('taobao.a.get (t)\n\n\xc7\xeb\n', 'latin1'), 'docs/gbk.txt').diagnostics,
    want: {
      severity: 'error',
      code: 'invalid-utf8',
      file: 'docs/gbk.txt',
      line: 3,
      field: undefined,
      expected: ANY_DOC,
      found: 'bytes c7 eb 0a',
    },
  },
  {
    name: '50 MB file',
    diagnostics: async () => {
      const dir = join(scratch, 'huge');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, 'huge.txt');
      writeFileSync(path, '');
      truncateSync(path, 50 * 1024 * 1024); // sparse: no 50 MB written to the disk
      return (await discoverInputs([dir])).diagnostics;
    },
    want: {
      severity: 'error',
      code: 'file-too-large',
      file: expect.stringMatching(/huge[/\\]huge\.txt$/),
      line: undefined,
      field: undefined,
      expected: `at most ${MAX_INPUT_BYTES} bytes`,
      found: `${50 * 1024 * 1024} bytes`,
    },
  },
  {
    name: 'duplicate API names across files',
    diagnostics: () =>
      generate(
        [
          { file: 'docs/b/derby.txt', content: DERBY },
          { file: 'docs/a/derby.txt', content: DERBY },
        ],
        { packageName: 'x', packageVersion: '1.0.0', runtimeSources: new Map(), templates: TEMPLATES },
      ).diagnostics,
    want: {
      severity: 'error',
      code: 'duplicate-api',
      // Files are taken in path order: a/ wins, b/ is the duplicate.
      file: 'docs/b/derby.txt',
      line: undefined,
      field: undefined,
      expected: 'one doc per API name',
      found: 'a second doc for alitrip.merchant.galaxy.member.login.derby',
    },
  },
  {
    name: 'duplicate API names that differ only in case (one module file on case-insensitive disks)',
    diagnostics: () =>
      generate(
        [
          { file: 'docs/a.json', content: docJson([]) },
          { file: 'docs/b.json', content: docJson([]).replace('taobao.demo.get', 'taobao.Demo.get') },
        ],
        { packageName: 'x', packageVersion: '1.0.0', runtimeSources: new Map(), templates: TEMPLATES },
      ).diagnostics,
    want: {
      severity: 'error',
      code: 'duplicate-api',
      file: 'docs/b.json',
      line: undefined,
      field: undefined,
      expected: 'one doc per API name',
      found: 'a second doc for taobao.Demo.get',
    },
  },
  {
    name: 'duplicate field names (doc JSON)',
    diagnostics: () =>
      parseDocument(
        docJson(['{"name": "a", "type": "String"}', '{"name": "a", "type": "Number"}']),
        'docs/dup.json',
      ).diagnostics,
    want: {
      severity: 'warning',
      code: 'duplicate-field',
      file: 'docs/dup.json',
      line: 7,
      field: 'request.a',
      expected: 'unique field names at one level',
      found: 'a second `a`',
    },
  },
  {
    name: 'duplicate field names (saved HTML, nested tables)',
    diagnostics: () => parseDocument(HTML_WITH_DUPLICATE, 'docs/dup.html').diagnostics,
    want: {
      severity: 'warning',
      code: 'duplicate-field',
      file: 'docs/dup.html',
      line: lineOf(HTML_WITH_DUPLICATE, DUPLICATE_HTML_ROW),
      field: 'request.param0.auth_code',
      expected: 'unique field names at one level',
      found: 'a second `auth_code`',
    },
  },
  {
    name: 'empty names (doc JSON)',
    diagnostics: () =>
      parseDocument(docJson(['{"name": "  ", "type": "String"}']), 'docs/empty-name.json').diagnostics,
    want: {
      severity: 'warning',
      code: 'empty-name',
      file: 'docs/empty-name.json',
      line: 6,
      field: 'request',
      expected: 'a non-empty field name',
      found: '"  "',
    },
  },
  {
    name: 'empty names (saved HTML)',
    diagnostics: () => parseDocument(HTML_WITH_EMPTY_NAME, 'docs/empty-name.html').diagnostics,
    want: {
      severity: 'warning',
      code: 'empty-name',
      file: 'docs/empty-name.html',
      line: lineOf(HTML_WITH_EMPTY_NAME, '<tr><td> </td>'),
      field: 'request.param0',
      expected: expect.any(String),
      found: expect.any(String),
    },
  },
  {
    name: 'unknown types (doc JSON)',
    diagnostics: () =>
      parseDocument(docJson(['{"name": "a", "type": "long"}']), 'docs/long.json').diagnostics,
    want: {
      severity: 'warning',
      code: 'unknown-type',
      file: 'docs/long.json',
      line: 6,
      field: 'request.a',
      expected: expect.stringContaining('a CamelCase struct name'),
      found: '"long"',
    },
  },
  {
    name: 'unknown types (text page)',
    diagnostics: () => parseDocument(TEXT_WITH_UNKNOWN_TYPE, 'docs/long.txt').diagnostics,
    want: {
      severity: 'warning',
      code: 'unknown-type',
      file: 'docs/long.txt',
      line: lineOf(TEXT_WITH_UNKNOWN_TYPE, 'token long'),
      field: 'request.token',
      expected: expect.stringContaining('a struct name'),
      found: '"long"',
    },
  },
  {
    name: 'broken doc JSON',
    diagnostics: () =>
      parseDocument(docJson(['{"name": "a", "type": "String"']), 'docs/broken.json').diagnostics,
    want: {
      severity: 'error',
      code: 'json-syntax',
      file: 'docs/broken.json',
      line: 7,
      field: undefined,
      expected: "',' or '}'",
      found: "']'",
    },
  },
  {
    name: 'JSON that is not a doc',
    diagnostics: () => parseDocument('{"hello": "world"}', 'docs/other.json').diagnostics,
    want: {
      severity: 'error',
      code: 'not-a-doc-json',
      file: 'docs/other.json',
      line: 1,
      field: undefined,
      expected: expect.stringContaining('"name"'),
      found: 'an object with "hello"',
    },
  },
  {
    name: 'text page without its header line',
    diagnostics: () =>
      parseDocument(
        '请求参数\n\n名称 类型 是否必须 示例值 更多限制 描述\na String 必须 1 x\n',
        'docs/headless.txt',
      ).diagnostics,
    want: {
      severity: 'error',
      code: 'missing-header',
      file: 'docs/headless.txt',
      line: 1,
      field: undefined,
      expected: expect.stringContaining('<api.name> (<title>)'),
      found: '"请求参数"',
    },
  },
];

describe('bad input: one clear diagnostic per case', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const diagnostics = await c.diagnostics();
    const matching = diagnostics.filter((d) => d.code === c.want['code']);
    expect(matching, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
    expect(where(matching[0])).toEqual(c.want);
    expect(matching[0]?.message.trim()).not.toBe('');
  });

  it('empty input folder: a usage error (exit code 2), not a doc diagnostic', async () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir, { recursive: true });
    expect((await discoverInputs([dir])).entries).toEqual([]);
    const error = await loadModel([dir], false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`no doc files found in ${dir}`);
  });

  it('every refused input says what was expected', () => {
    // The dispatcher's reason sentences name the accepted formats in full.
    const r = parseDocument('hello', 'docs/hello.txt');
    expect(r.diagnostics[0]?.message).toContain(EXPECTED_FORMATS);
  });

  // Found by this table: the text reader kept both fields of a name documented twice at one level.
  it.each([
    [
      'top-level row',
      DERBY_TEXT.replace(
        'token String 可选 213456789 token\n',
        'token String 可选 213456789 token\ntoken Number 可选 1 again\n',
      ),
      'request.token',
    ],
    [
      'nested bullet',
      DERBY_TEXT.replace('  • └ password\n  • String', '  • └ email\n  • String'),
      'request.derby_authentication_param.email',
    ],
  ])('duplicate field names (text page, %s): warns duplicate-field and keeps the first', (_, text, field) => {
    const result = parseDocument(text, 'docs/derby.txt');
    const duplicates = result.diagnostics.filter((d) => d.code === 'duplicate-field');
    expect(duplicates).toHaveLength(1);
    const lines = text.split('\n');
    const name = field.split('.').pop() ?? '';
    const second = lines.findIndex(
      (line, i) => i > lines.findIndex((l) => l.includes(name)) && line.includes(name),
    );
    expect(where(duplicates[0])).toEqual({
      severity: 'warning',
      code: 'duplicate-field',
      file: 'docs/derby.txt',
      line: second + 1,
      field,
      expected: 'unique field names at one level',
      found: `a second "${name}"`,
    });
    const names = (fields: readonly { readonly name: string }[] | undefined): string[] =>
      (fields ?? []).map((f) => f.name);
    const request = result.api?.request ?? [];
    if (field === 'request.token')
      expect(names(request)).toEqual(['tenant_key', 'token', 'derby_authentication_param', 'scene_source']);
    else
      expect(names(request[2]?.children)).toEqual([
        'email',
        'user_register_type',
        'accepted_tand_c',
        'optin_all',
        'data_export_agreement',
      ]);
  });
});

const PAGES = join(SHARED, 'corpus/pages');
const HAS_PAGES = HAS_SHARED && existsSync(join(PAGES, 'INDEX.tsv'));

/** Truncated pages of the shared corpus, by file name, from its index. */
function truncatedPages(): string[] {
  if (!HAS_PAGES) return [];
  return readFileSync(join(PAGES, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([, , status]) => status?.startsWith('truncated') === true)
    .map(([api]) => `${(api ?? '').replaceAll('.', '_')}.txt`)
    .filter((file) => existsSync(join(PAGES, file)))
    .sort();
}

describe.skipIf(!HAS_PAGES)('bad input: truncated pages of the corpus', () => {
  const pages = truncatedPages();

  it('the corpus has truncated pages to test', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s is reported as truncated at its last line', (file) => {
    const text = readFileSync(join(PAGES, file), 'utf8');
    const lines = text.split('\n');
    let last = lines.length;
    while (last > 1 && (lines[last - 1] ?? '').trim() === '') last--;
    const result = parseDocument(text, `corpus/${file}`);
    const found = result.diagnostics.filter((d) => d.code === 'truncated-page');
    expect(found, JSON.stringify(result.diagnostics, null, 1)).toHaveLength(1);
    expect(where(found[0])).toEqual({
      severity: 'warning',
      code: 'truncated-page',
      file: `corpus/${file}`,
      line: last,
      field: undefined,
      expected: 'the page footer "FAQ", "返回", "顶部"',
      found: expect.stringMatching(new RegExp(`^end of text at line ${last}\\b`)),
    });
  });
});
