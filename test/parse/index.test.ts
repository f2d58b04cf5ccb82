import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { DOCS_INPUT, ROOT } from '../helpers/paths.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const DERBY = 'alitrip_merchant_galaxy_member_login_derby';

describe('parseDocument', () => {
  it('dispatches by content, not by file name', () => {
    const text = readFileSync(join(DOCS_INPUT, `${DERBY}.txt`));
    const json = readFileSync(join(FIXTURES, 'expected', `${DERBY}.json`));
    const html = readFileSync(join(FIXTURES, 'html', 'derby-flat-bullets.html'));
    expect(parseDocument(text, 'doc.json').api?.source).toEqual({ file: 'doc.json', format: 'text' });
    expect(parseDocument(json, 'doc.txt').api?.source).toEqual({ file: 'doc.txt', format: 'json' });
    expect(parseDocument(html, 'doc').api?.source).toEqual({ file: 'doc', format: 'html' });
    for (const r of [parseDocument(text, 'a'), parseDocument(json, 'b'), parseDocument(html, 'c')]) {
      expect(r.api?.api).toBe('alitrip.merchant.galaxy.member.login.derby');
      expect(r.api?.request.map((f) => f.name)).toEqual([
        'tenant_key',
        'token',
        'derby_authentication_param',
        'scene_source',
      ]);
    }
  });

  it('reads strings and bytes alike, with or without a BOM', () => {
    const json = readFileSync(join(FIXTURES, 'json', 'alibaba_mydata_self_product_get.json'));
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]);
    const a = parseDocument(json, 'm.json');
    expect(parseDocument(withBom, 'm.json')).toEqual(a);
    expect(parseDocument(`\uFEFF${json.toString('utf8')}`, 'm.json')).toEqual(a);
    expect(a.diagnostics).toEqual([]);
  });

  it('keeps JSON line numbers right after a BOM', () => {
    const r = parseDocument(
      Buffer.from(
        '\uFEFF{\n"name": "a.b", "apiChineseName": "t", "description": "d",\n"requestParams": [\n{"name": "x", "type": "long"}\n]\n}',
      ),
      'bom.json',
    );
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'unknown-type', line: 4 })]);
  });

  it.each([
    ['empty-file', new Uint8Array()],
    ['binary-file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])],
    ['invalid-utf8', Buffer.from([0x7b, 0x22, 0xc7, 0xeb, 0x22, 0x7d])],
    ['unknown-format', Buffer.from('just some notes\n')],
  ])('gives one %s error and no API for unreadable input', (code, content) => {
    const r = parseDocument(content, 'bad.bin');
    expect(r.api).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code,
        file: 'bad.bin',
        expected: expect.any(String),
        found: expect.any(String),
      }),
    ]);
  });

  it('handles a 50 MB input without blowing up', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('{"name": "taobao.big.get", "responseParams": [', 0);
    big.write(']}', big.length - 2);
    const r = parseDocument(big, 'big.json');
    expect(r.api?.api).toBe('taobao.big.get');
    expect(parseDocument(Buffer.alloc(50 * 1024 * 1024, 0x78), 'x').diagnostics[0]?.code).toBe(
      'unknown-format',
    );
  });
});
