import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECT_PREFIX_CHARS, detectFormat, firstInvalidUtf8 } from '../../src/parse/detect.js';
import { DOCS_INPUT, ROOT } from '../helpers/paths.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('detectFormat', () => {
  it('recognises the seed pages as form-A text, as bytes and as strings', () => {
    const page = readFileSync(join(DOCS_INPUT, 'alitrip_merchant_galaxy_member_login_derby.txt'));
    expect(detectFormat(page)).toEqual({ format: 'text' });
    expect(detectFormat(page.toString('utf8'))).toEqual({ format: 'text' });
    expect(
      detectFormat(
        readFileSync(join(DOCS_INPUT, 'alibaba_damai_maizuo_openapi_user_register_byauthcode.txt')),
      ),
    ).toEqual({
      format: 'text',
    });
  });

  it('finds the text header after a notice and breadcrumb, or from section headings alone', () => {
    expect(
      detectFormat(
        '注意:以下文档只适用于TOP接口,请谨慎使用!\n\n文档中心 > API类目 > 火车票API\n\ntaobao.train.agent.order.get (获取订单)\n',
      ),
    ).toEqual({
      format: 'text',
    });
    expect(
      detectFormat('something\r\n\r\n    请求参数\r\n\r\n名称 类型 是否必须 示例值 更多限制 描述\r\n'),
    ).toEqual({ format: 'text' });
  });

  it('recognises doc JSON (bare, wrapped, or broken JSON that the JSON reader will locate)', () => {
    expect(
      detectFormat(readFileSync(join(FIXTURES, 'json', 'alibaba_mydata_self_product_get.json'))),
    ).toEqual({ format: 'json' });
    expect(detectFormat('  \n{"data": {"name": "a.b", "requestParams": []}, "success": true}')).toEqual({
      format: 'json',
    });
    expect(detectFormat('{"name": "a.b", "requestParams": [')).toEqual({ format: 'json' });
  });

  it('recognises saved HTML pages and DOM fragments', () => {
    for (const name of ['damai-nested-tables.html', 'derby-flat-bullets.html', 'mydata-tree-rows.html']) {
      expect(detectFormat(readFileSync(join(FIXTURES, 'html', name))), name).toEqual({ format: 'html' });
    }
    expect(detectFormat('<HTML><body></body></HTML>')).toEqual({ format: 'html' });
    expect(detectFormat('<!-- saved -->\n<div class="api-doc"><h1>x</h1></div>')).toEqual({ format: 'html' });
    expect(detectFormat('<table><tr><td>a</td></tr></table>')).toEqual({ format: 'html' });
  });

  it('strips a UTF-8 byte order mark before deciding', () => {
    expect(detectFormat(concat(BOM, utf8('{"name": "a.b", "responseParams": []}')))).toEqual({
      format: 'json',
    });
    expect(detectFormat(concat(BOM, utf8('<!doctype html><html></html>')))).toEqual({ format: 'html' });
    expect(detectFormat('\uFEFFtaobao.a.b (标题)\n')).toEqual({ format: 'text' });
  });

  it('reports empty and whitespace-only input', () => {
    expect(detectFormat(new Uint8Array())).toMatchObject({
      format: 'unknown',
      code: 'empty-file',
      found: 'no content',
    });
    expect(detectFormat('')).toMatchObject({ format: 'unknown', code: 'empty-file' });
    expect(detectFormat(concat(BOM, utf8(' \n\t\n')))).toMatchObject({
      format: 'unknown',
      code: 'empty-file',
      found: '4 whitespace characters',
    });
  });

  it('reports binary input with the offset of the NUL byte and the first bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const r = detectFormat(png);
    expect(r).toMatchObject({
      format: 'binary',
      code: 'binary-file',
      found: 'bytes 89 50 4e 47 0d 0a 1a 0a 00 00 00 0d',
    });
    expect('reason' in r ? r.reason : '').toMatch(/NUL bytes, the first at offset 8/);
    expect('line' in r).toBe(false);
    expect(detectFormat('taobao.a.b (x)\u0000')).toMatchObject({ format: 'binary', code: 'binary-file' });
  });

  it('takes one stray NUL in otherwise valid UTF-8 text for text, many NULs for binary', () => {
    const page = `taobao.a.b (x)\n\n请求参数\n${'名称 类型 描述\n'.repeat(20)}`;
    const stray = `${page.slice(0, 100)}\u0000${page.slice(100)}`;
    expect(detectFormat(stray)).toEqual({ format: 'text' });
    expect(detectFormat(utf8(stray))).toEqual({ format: 'text' });
    const utf16WithoutBom = new Uint8Array([...utf8(page)].flatMap((b) => [b, 0]));
    expect(detectFormat(utf16WithoutBom)).toMatchObject({ format: 'binary', code: 'binary-file' });
  });

  it('reports invalid UTF-8 (a GBK file) with where it breaks', () => {
    // "请求参数" in GBK, after an ASCII header line.
    const gbk = concat(
      utf8('taobao.a.b (x)\n\n'),
      new Uint8Array([0xc7, 0xeb, 0xc7, 0xf3, 0xb2, 0xce, 0xca, 0xfd]),
    );
    const r = detectFormat(gbk);
    expect(r).toMatchObject({
      format: 'binary',
      code: 'invalid-utf8',
      line: 3,
      found: 'bytes c7 eb c7 f3 b2 ce ca fd',
    });
    expect('reason' in r ? r.reason : '').toMatch(/offset 16.*GBK/);
  });

  it('reports UTF-16 input as not UTF-8', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    expect(detectFormat(utf16)).toMatchObject({
      format: 'binary',
      code: 'invalid-utf8',
      reason: expect.stringContaining('UTF-16LE'),
    });
  });

  it('reports unrecognisable text with its first characters', () => {
    expect(detectFormat('hello world\nnothing here\n')).toMatchObject({
      format: 'unknown',
      code: 'unknown-format',
      found: '"hello world\\nnothing here\\n"',
    });
    expect(detectFormat('<?xml version="1.0"?><error_response/>')).toMatchObject({
      code: 'unknown-format',
      reason: expect.stringContaining('XML'),
    });
    expect(detectFormat('感谢您的反馈!\n| 名称 | 类型 | 是否必须 |\n')).toMatchObject({
      code: 'unknown-format',
      reason: expect.stringContaining('markdown-table'),
    });
  });

  it('decides on a prefix of a 50 MB input', () => {
    const header = utf8('taobao.big.get (大)\n\n');
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    big.set(header, 0);
    expect(detectFormat(big)).toEqual({ format: 'text' });

    // What lies past the prefix is never looked at: a header there does not make the input a page.
    const garbage = 'x'.repeat(50 * 1024 * 1024);
    expect(detectFormat(garbage)).toMatchObject({ format: 'unknown', code: 'unknown-format' });
    const lateHeader = `${'x\n'.repeat(DETECT_PREFIX_CHARS)}taobao.late.get (晚)\n\n请求参数\n`;
    expect(detectFormat(lateHeader)).toMatchObject({ format: 'unknown', code: 'unknown-format' });

    const badTail = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    badTail.set(header, 0);
    badTail[badTail.length - 1] = 0xff;
    expect(detectFormat(badTail)).toMatchObject({ format: 'binary', code: 'invalid-utf8' });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0x42], 2],
    [[0xe4, 0xb8, 0xad, 0xff], 3],
    [[0xc0, 0xaf], 0], // overlong "/"
    [[0xed, 0xa0, 0x80], 0], // UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x41, 0xe4, 0xb8], 1], // cut short
    [[0xf0, 0x9f, 0x98, 0x80, 0x80], 4], // stray continuation byte
  ])('%j → %i', (bytes, at) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
  });
});

describe('stray control characters in a doc', () => {
  it('are dropped with one warning naming the line of the first', async () => {
    const { parseDocument } = await import('../../src/parse/index.js');
    const page = readFileSync(join(DOCS_INPUT, 'alitrip_merchant_galaxy_member_login_derby.txt'), 'utf8');
    const lines = page.split('\n');
    lines[5] = `${lines[5] ?? ''}\u0000`;
    lines[9] = `\u001b[31m${lines[9] ?? ''}\u0007`;
    const dirty = parseDocument(utf8(lines.join('\n')), 'page.txt');
    const clean = parseDocument(utf8(page), 'page.txt');
    const dropped = dirty.diagnostics.filter((d) => d.code === 'control-characters-dropped');
    expect(dropped).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'page.txt',
        line: 6,
        found: 'U+0000, U+001B, U+0007',
      }),
    ]);
    expect(dirty.api?.request).toEqual(clean.api?.request);
    expect(dirty.api?.diagnostics).toContainEqual(dropped[0]);
  });

  it('are dropped from doc JSON too, which the fast JSON reader leaves to the full one', async () => {
    const { parseDocument } = await import('../../src/parse/index.js');
    const doc = {
      name: 'taobao.demo.get',
      apiChineseName: '示例',
      description: '说明',
      requestParams: [{ name: 'q', type: 'String', description: '查询词' }],
      responseParams: [],
    };
    const text = JSON.stringify(doc, null, 2);
    const clean = parseDocument(utf8(text), 'doc.json');
    // A raw U+0001 inside a string: JSON.parse rejects it, the reader drops it with the warning.
    const dirty = parseDocument(utf8(text.replace('"查询词"', '"查询\u0001词"')), 'doc.json');
    expect(clean.diagnostics).toEqual([]);
    expect(dirty.diagnostics).toEqual([
      expect.objectContaining({ code: 'control-characters-dropped', line: 9, found: 'U+0001' }),
    ]);
    expect(dirty.api?.request).toEqual(clean.api?.request);
  });
});
