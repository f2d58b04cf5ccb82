import { describe, expect, it } from 'vitest';
import { MultipartError, multipartBoundary, parseMultipart } from '../../src/mock/multipart.js';

const CRLF = '\r\n';

function body(...lines: string[]): Buffer {
  return Buffer.from(lines.join(CRLF), 'utf8');
}

describe('multipartBoundary', () => {
  it.each([
    ['multipart/form-data; boundary=abc', 'abc'],
    ['multipart/form-data; charset=utf-8; BOUNDARY="a b:c"', 'a b:c'],
    ['multipart/form-data', undefined],
    [`multipart/form-data; boundary=${'x'.repeat(71)}`, undefined],
  ])('%s → %s', (header, expected) => {
    expect(multipartBoundary(header)).toBe(expected);
  });
});

describe('parseMultipart', () => {
  it('reads text and file parts, keeping binary data and CRLF inside values', async () => {
    const form = new FormData();
    form.append('title', '女装\r\n连衣裙');
    form.append(
      'image',
      new Blob([new Uint8Array([0, 13, 10, 45, 45, 255])], { type: 'image/png' }),
      'a "b".png',
    );
    const request = new Request('http://x/', { method: 'POST', body: form });
    const boundary = multipartBoundary(request.headers.get('content-type') ?? '');
    expect(boundary).toBeDefined();
    const parts = parseMultipart(Buffer.from(await request.arrayBuffer()), boundary ?? '');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ name: 'title' });
    expect(parts[0]?.filename).toBeUndefined();
    expect(parts[0]?.data.toString('utf8')).toBe('女装\r\n连衣裙');
    expect(parts[1]).toMatchObject({ name: 'image', contentType: 'image/png' });
    expect(parts[1]?.filename).toMatch(/^a .*b.*\.png$/);
    expect([...(parts[1]?.data ?? [])]).toEqual([0, 13, 10, 45, 45, 255]);
  });

  it('skips a preamble and reads an empty filename as a file part', () => {
    const parts = parseMultipart(
      body('preamble', '--B', 'Content-Disposition: form-data; name="f"; filename=""', '', '', '--B--', ''),
      'B',
    );
    expect(parts).toEqual([{ name: 'f', filename: '', data: Buffer.alloc(0) }]);
  });

  it.each([
    ['no boundary at all', body('hello')],
    ['no closing boundary', body('--B', 'Content-Disposition: form-data; name="a"', '', 'x')],
    ['a part without name', body('--B', 'Content-Disposition: form-data', '', 'x', '--B--')],
    ['a part without disposition', body('--B', 'Content-Type: text/plain', '', 'x', '--B--')],
    ['a part without end of headers', body('--B', 'Content-Disposition: form-data; name="a"')],
  ])('refuses %s', (_label, input) => {
    expect(() => parseMultipart(input, 'B')).toThrow(MultipartError);
  });
});
