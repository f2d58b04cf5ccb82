import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpProtocolError, MAX_HEAD_BYTES, ResponseReader } from '../../src/runtime/http1.js';
import { ResponseTooLargeError } from '../../src/runtime/transport.js';

interface Read {
  readonly complete: boolean;
  readonly status: number;
  readonly text: string;
  readonly reusable: boolean;
  readonly keepAliveMs: number | undefined;
}

function state(reader: ResponseReader, complete: boolean): Read {
  return {
    complete,
    status: reader.status,
    text: complete ? reader.text() : '',
    reusable: reader.reusable,
    keepAliveMs: reader.keepAliveMs,
  };
}

/** Feeds `wire` cut at the given offsets; `close` then reports the end of the connection. */
function read(wire: string | Buffer, cuts: readonly number[] = [], close = false): Read {
  const bytes = typeof wire === 'string' ? Buffer.from(wire, 'utf8') : wire;
  const reader = new ResponseReader();
  let complete = false;
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    complete = reader.push(bytes.subarray(from, at));
    from = at;
  }
  if (close) complete = reader.end();
  return state(reader, complete);
}

// 淘宝 is six bytes in UTF-8: the body is 14 bytes, its second chunk 9.
const OK_LENGTH =
  'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{"a":"淘宝"}';
const OK_CHUNKED =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
  '5;ext=1\r\n{"a":\r\n' +
  '9\r\n"淘宝"}\r\n' +
  '0\r\nX-Trailer: 1\r\n\r\n';

describe('ResponseReader framing', () => {
  it('reads a Content-Length body, counted in bytes', () => {
    expect(read(OK_LENGTH)).toEqual({
      complete: true,
      status: 200,
      text: '{"a":"淘宝"}',
      reusable: true,
      keepAliveMs: undefined,
    });
  });

  it('reads a chunked body with extensions and trailers', () => {
    expect(read(OK_CHUNKED)).toMatchObject({
      complete: true,
      status: 200,
      text: '{"a":"淘宝"}',
      reusable: true,
    });
  });

  it.each([
    ['Content-Length', OK_LENGTH],
    ['chunked', OK_CHUNKED],
  ])('gives the same answer whatever the reads are cut at (%s)', (_name, wire) => {
    const bytes = Buffer.from(wire, 'utf8');
    const whole = read(bytes);
    for (let at = 0; at <= bytes.length; at++) expect(read(bytes, [at])).toEqual(whole);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), (cuts) => {
        expect(
          read(
            bytes,
            [...cuts].sort((a, b) => a - b),
          ),
        ).toEqual(whole);
      }),
    );
  });

  it('is not complete before the last byte', () => {
    const bytes = Buffer.from(OK_CHUNKED, 'utf8');
    const reader = new ResponseReader();
    expect(reader.push(bytes.subarray(0, bytes.length - 1))).toBe(false);
    expect(reader.push(bytes.subarray(bytes.length - 1))).toBe(true);
  });

  it('reads a body delimited by the connection closing, which is then not reusable', () => {
    const wire = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it';
    const reader = new ResponseReader();
    expect(reader.push(Buffer.from(wire))).toBe(false);
    expect(reader.end()).toBe(true);
    expect(state(reader, true)).toMatchObject({ text: 'all of it', reusable: false });
  });

  it('reports a body cut short by the close', () => {
    const reader = new ResponseReader();
    reader.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345'));
    expect(reader.end()).toBe(false);
    const chunked = new ResponseReader();
    chunked.push(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab'));
    expect(chunked.end()).toBe(false);
    expect(new ResponseReader().end()).toBe(false);
  });

  it('completes 204, 304 and empty bodies at the head', () => {
    expect(read('HTTP/1.1 204 No Content\r\n\r\n')).toMatchObject({ complete: true, status: 204, text: '' });
    expect(read('HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n')).toMatchObject({ complete: true });
    expect(read('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ complete: true, text: '' });
  });

  it('skips interim 1xx responses', () => {
    const wire = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n' + OK_LENGTH;
    expect(read(wire)).toMatchObject({ complete: true, status: 200, text: '{"a":"淘宝"}', reusable: true });
    expect(read(wire, [10, 25, 40])).toMatchObject({ complete: true, status: 200 });
  });

  it('keeps the status of error answers', () => {
    expect(read('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 3\r\n\r\nbad')).toMatchObject({
      status: 502,
      text: 'bad',
    });
  });

  it('reads a second response after reset', () => {
    const reader = new ResponseReader();
    expect(reader.push(Buffer.from(OK_CHUNKED))).toBe(true);
    reader.reset();
    expect(reader.started).toBe(false);
    expect(reader.push(Buffer.from('HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}'))).toBe(true);
    expect(state(reader, true)).toMatchObject({ status: 201, text: '{}', reusable: true });
  });
});

describe('ResponseReader with many tiny chunks', () => {
  it('keeps the body in a few buffers, not one object pinning its read per chunk', () => {
    // 1 MiB of 1-byte chunks, arriving in 64 KiB reads as a socket delivers them.
    const payload = 1024 * 1024;
    const frames = Buffer.from('1\r\nx\r\n'.repeat(payload) + '0\r\n\r\n');
    const head = Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
    const wire = Buffer.concat([head, frames]);
    const reads: Buffer[] = [];
    for (let at = 0; at < wire.length; at += 65536) reads.push(Buffer.from(wire.subarray(at, at + 65536)));
    const reader = new ResponseReader();
    reader.reset(32 * 1024 * 1024);
    const before = process.memoryUsage();
    let complete = false;
    for (const chunk of reads) complete = reader.push(chunk);
    const after = process.memoryUsage();
    expect(complete).toBe(true);
    // A Buffer object per chunk took about 100 bytes each: ~100 MB for this body.
    const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    expect(grown).toBeLessThan(50 * 1024 * 1024);
    expect(reader.body().equals(Buffer.alloc(payload, 'x'))).toBe(true);
  });
});

describe('ResponseReader connection reuse', () => {
  it.each([
    ['Connection: close', 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', false],
    [
      'a token list with close',
      'HTTP/1.1 200 OK\r\nConnection: Upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n',
      false,
    ],
    ['HTTP/1.0', 'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.0 keep-alive', 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.1 default', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', true],
  ])('%s', (_name, wire, reusable) => {
    expect(read(wire).reusable).toBe(reusable);
  });

  it('reads the Keep-Alive timeout hint', () => {
    const wire = 'HTTP/1.1 200 OK\r\nKeep-Alive: max=100, timeout=5\r\nContent-Length: 0\r\n\r\n';
    expect(read(wire).keepAliveMs).toBe(5000);
  });

  it('gives up the connection when bytes follow the response', () => {
    expect(read(`${OK_LENGTH}HTTP/1.1 200 OK`)).toMatchObject({ complete: true, reusable: false });
    expect(read(`${OK_CHUNKED}x`)).toMatchObject({ complete: true, reusable: false });
    expect(read('HTTP/1.1 204 No Content\r\n\r\nx')).toMatchObject({ complete: true, reusable: false });
    const reader = new ResponseReader();
    reader.push(Buffer.from(OK_LENGTH));
    expect(reader.reusable).toBe(true);
    reader.push(Buffer.from('late'));
    expect(reader.reusable).toBe(false);
  });

  it('prefers Transfer-Encoding over Content-Length, and does not trust the connection after it', () => {
    const wire =
      'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n';
    expect(read(wire)).toMatchObject({ complete: true, text: 'ok', reusable: false });
  });

  it('reads a body with a transfer coding other than chunked until the close', () => {
    const reader = new ResponseReader();
    expect(reader.push(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxyz'))).toBe(false);
    expect(reader.end()).toBe(true);
    expect(reader.text()).toBe('xyz');
  });

  it('accepts repeated identical Content-Length values', () => {
    expect(read('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok').text).toBe('ok');
    expect(read('HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok').text).toBe('ok');
  });
});

describe('ResponseReader reads obsolete folded headers', () => {
  it('joins a continuation line onto its header with one space', () => {
    const reader = new ResponseReader();
    const wire = 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\n\tagain\r\nContent-Length:\r\n 2\r\n\r\nok';
    expect(reader.push(Buffer.from(wire))).toBe(true);
    expect(reader.text()).toBe('ok');
  });
});

describe('ResponseReader refuses what it cannot frame', () => {
  it.each([
    ['a status line that is not HTTP/1.x', 'HTTP/2 200\r\n\r\n'],
    ['a garbage status line', 'hello\r\n\r\n'],
    ['a status below 100', 'HTTP/1.1 099 Odd\r\n\r\n'],
    ['conflicting Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok'],
    ['a signed Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok'],
    ['a huge Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n'],
    ['a folded line before any header', 'HTTP/1.1 200 OK\r\n  continued\r\nContent-Length: 0\r\n\r\n'],
    ['a header line ending in a bare LF', 'HTTP/1.1 200 OK\nContent-Length: 2\n\nok'],
    ['a bare LF inside the head', 'HTTP/1.1 200 OK\r\nX-A: 1\nContent-Length: 2\r\n\r\nok'],
    ['whitespace before the colon', 'HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nok'],
    ['a tab before the colon', 'HTTP/1.1 200 OK\r\nX-A\t: 1\r\nContent-Length: 2\r\n\r\nok'],
    ['a header without a colon', 'HTTP/1.1 200 OK\r\nbroken\r\n\r\n'],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a chunk size beyond 2^52', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFF\r\n'],
    ['chunk data not followed by CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX'],
    ['a chunk line ending in a bare LF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\nok\r\n'],
    ['101 Switching Protocols', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n'],
  ])('%s', (_name, wire) => {
    const reader = new ResponseReader();
    expect(() => reader.push(Buffer.from(wire))).toThrow(HttpProtocolError);
    expect(reader.reusable).toBe(false);
  });

  it('a bare LF as soon as it arrives, before the head could end', () => {
    const reader = new ResponseReader();
    expect(() => reader.push(Buffer.from('HTTP/1.1 200 OK\n'))).toThrow(/bare LF/);
  });

  it('a body over the limit, by its Content-Length or as it arrives', () => {
    expect(() =>
      new ResponseReader().push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n')),
    ).not.toThrow();
    const declared = new ResponseReader();
    declared.reset(10);
    expect(() => declared.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n'))).toThrow(
      ResponseTooLargeError,
    );
    const streamed = new ResponseReader();
    streamed.reset(10);
    streamed.push(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n'));
    expect(() => streamed.push(Buffer.from('8\r\n12345678\r\n'))).toThrow(
      /exceeds maxResponseBytes \(10 bytes\)/,
    );
    expect(streamed.reusable).toBe(false);
  });

  it('a head larger than the limit, whether or not it ends', () => {
    const endless = Buffer.from(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(MAX_HEAD_BYTES)}`);
    expect(() => new ResponseReader().push(endless)).toThrow(/exceeds 65536 bytes/);
    const reader = new ResponseReader();
    expect(() => {
      for (let i = 0; i < 2000; i++) reader.push(Buffer.from(`X-${i}: ${'b'.repeat(40)}\r\n`));
    }).toThrow(HttpProtocolError);
  });

  it('an endless chunk line', () => {
    const reader = new ResponseReader();
    reader.push(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'));
    expect(() => reader.push(Buffer.from(`1;${'e'.repeat(5000)}`))).toThrow(/chunk line exceeds/);
  });

  it('says what was wrong', () => {
    expect(() => new ResponseReader().push(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(
      'malformed HTTP response: malformed status line "SSH-2.0-OpenSSH"',
    );
  });
});
