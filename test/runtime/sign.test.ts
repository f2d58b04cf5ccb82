import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank, sign, verifySignature, type SignMethod } from '../../src/runtime/sign.js';

const ROOT = new URL('../../', import.meta.url);
const SHARED = fileURLToPath(new URL('../shared/', ROOT));
const VECTORS = `${SHARED}data/sign-vectors.json`;

interface Vector {
  readonly name: string;
  readonly sign_method: SignMethod;
  readonly secret: string;
  readonly params: Record<string, string>;
  readonly expected_sign: string;
}

describe.skipIf(!existsSync(VECTORS))('sign() against the shared vectors', () => {
  const vectors = existsSync(VECTORS) ? (JSON.parse(readFileSync(VECTORS, 'utf8')) as Vector[]) : [];

  it('has vectors for every method', () => {
    expect(new Set(vectors.map((v) => v.sign_method))).toEqual(new Set(['md5', 'hmac', 'hmac-sha256']));
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect(sign(v.params, v.secret, v.sign_method)).toBe(v.expected_sign);
    expect(verifySignature({ ...v.params, sign: v.expected_sign }, v.secret)).toBe(true);
  });
});

// ---- an independent reference: the platform's documented algorithm written out plainly ----------------------

/** Characters Java's Character.isWhitespace accepts (the reference signer skips values made only of these). */
const JAVA_WHITESPACE = new Set([
  ...'\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u2028\u2029\u205f\u3000',
]);

function referenceBase(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign')
    .filter((k) => ![...(params[k] as string)].every((ch) => JAVA_WHITESPACE.has(ch)))
    .sort()
    .map((k) => k + params[k])
    .join('');
}

function nonBlank(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => ![...v].every((ch) => JAVA_WHITESPACE.has(ch))),
  );
}

// ---- the official Node SDK as oracle for md5 -------------------------------------------------------------------

const require = createRequire(import.meta.url);
const { ApiClient } = require('ali-topsdk') as {
  ApiClient: new (o: { appkey: string; appsecret: string }) => {
    sign(params: Record<string, string>): string;
  };
};

const CHINESE = ['女装', '认证邮箱@x.com', '淘宝', '非法参数', '天猫超市', '𠮷野家', '中文,逗号'];
const WHITESPACE = ['', ' ', '  ', '\t', '\n', '\u3000', ' \r\n '];

const keyArb = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/),
  fc.constantFrom(
    'method',
    'app_key',
    'timestamp',
    'v',
    'format',
    'sign_method',
    'session',
    'Zeta',
    '_x',
    'a.b',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
);
const valueArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...CHINESE),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom(...WHITESPACE),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n }).map(String),
);
const paramsArb = fc.dictionary(keyArb, valueArb, { minKeys: 0, maxKeys: 14 });
const secretArb = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('helloworld', '密钥'));

const RUNS = 3000;

describe('sign() md5 against ali-topsdk', () => {
  it('matches the official SDK on random parameter sets (blank values removed for the SDK)', () => {
    fc.assert(
      fc.property(paramsArb, secretArb, (params, secret) => {
        const oracle = new ApiClient({ appkey: 'k', appsecret: secret });
        expect(sign(params, secret, 'md5')).toBe(oracle.sign(nonBlank(params)));
      }),
      { seed: 20261123, numRuns: RUNS },
    );
  });

  it('matches the official SDK exactly when no value is blank', () => {
    const filled = fc.dictionary(
      keyArb,
      valueArb.filter((v) => !isBlank(v)),
      { maxKeys: 14 },
    );
    fc.assert(
      fc.property(filled, secretArb, (params, secret) => {
        const oracle = new ApiClient({ appkey: 'k', appsecret: secret });
        expect(sign(params, secret)).toBe(oracle.sign(params));
      }),
      { seed: 42, numRuns: RUNS },
    );
  });

  it('parts from the official Node SDK on blank values, as the platform reference signer does', () => {
    const params = { app_key: '1', empty: '', q: '女装', spaces: ' \u3000 ' };
    const oracle = new ApiClient({ appkey: 'k', appsecret: SECRET_OF_DOCS });
    // ali-topsdk signs `empty` and `spaces` with their keys; the reference (Java) signer skips them.
    expect(oracle.sign(params)).not.toBe(sign(params, SECRET_OF_DOCS));
    expect(sign(params, SECRET_OF_DOCS)).toBe(oracle.sign({ app_key: '1', q: '女装' }));
  });
});
const SECRET_OF_DOCS = 'helloworld';

describe('sign() hmac methods against node:crypto', () => {
  it.each([
    ['hmac', 'md5'],
    ['hmac-sha256', 'sha256'],
  ] as const)('%s is HMAC-%s(secret, base), upper-case hex', (method, algorithm) => {
    fc.assert(
      fc.property(paramsArb, secretArb, (params, secret) => {
        const expected = createHmac(algorithm, secret)
          .update(referenceBase(params), 'utf8')
          .digest('hex')
          .toUpperCase();
        expect(sign(params, secret, method)).toBe(expected);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('md5 is MD5(secret + base + secret)', () => {
    fc.assert(
      fc.property(paramsArb, secretArb, (params, secret) => {
        const expected = createHash('md5')
          .update(secret + referenceBase(params) + secret, 'utf8')
          .digest('hex')
          .toUpperCase();
        expect(sign(params, secret, 'md5')).toBe(expected);
      }),
      { seed: 8, numRuns: 1000 },
    );
  });
});

describe('sign() rules', () => {
  const base = { method: 'a.b', app_key: '1', timestamp: '2026-11-23 10:00:00' };

  it('ignores `sign`, absent values and files', () => {
    const plain = sign(base, 's');
    expect(sign({ ...base, sign: 'ABC' }, 's')).toBe(plain);
    expect(sign({ ...base, x: undefined, y: null }, 's')).toBe(plain);
    expect(sign({ ...base, image: new Uint8Array([1, 2]), doc: new Blob(['x']) }, 's')).toBe(plain);
    expect(sign({ ...base, pic: { data: new Uint8Array([1]), filename: 'a.png' } }, 's')).toBe(plain);
  });

  it('signs numbers, bigints and booleans as their text', () => {
    expect(sign({ ...base, n: 5, b: true, id: 12345678901234567890n }, 's')).toBe(
      sign({ ...base, n: '5', b: 'true', id: '12345678901234567890' }, 's'),
    );
  });

  it('sorts keys by UTF-16 code unit, not by locale', () => {
    const params = { b: '1', B: '2', _: '3', a: '4', é: '5', z: '6' };
    const expected = createHash('md5').update('sB2_3a4b1z6é5s', 'utf8').digest('hex').toUpperCase();
    expect(sign(params, 's')).toBe(expected);
  });

  it('reads own properties only', () => {
    const inherited = Object.create({ extra: 'x' }) as Record<string, string>;
    Object.assign(inherited, base);
    expect(sign(inherited, 's')).toBe(sign(base, 's'));
    const odd = JSON.parse('{"__proto__":"p","constructor":"c"}') as Record<string, string>;
    const expected = createHash('md5').update('s__proto__pconstructorcs', 'utf8').digest('hex').toUpperCase();
    expect(sign(odd, 's')).toBe(expected);
  });

  it('appends a signed body after the parameters', () => {
    const expected = createHash('md5').update('sa1{"x":1}s', 'utf8').digest('hex').toUpperCase();
    expect(sign({ a: '1' }, 's', 'md5', '{"x":1}')).toBe(expected);
  });

  it('rejects values that are not wire text', () => {
    expect(() => sign({ a: { b: 1 } }, 's')).toThrow(TypeError);
    expect(() => sign({ a: new Date() }, 's')).toThrow(/parameter "a" must be a wire value/);
    expect(() => sign({ a: '1' }, 's', 'sha1' as SignMethod)).toThrow(/Unknown sign method/);
  });

  it('treats Java whitespace, and only it, as blank', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank(' \t\n\r\u000b\f\u001c\u3000\u2028\u205f')).toBe(true);
    expect(isBlank('\u00a0')).toBe(false); // no-break space is not Java whitespace
    expect(isBlank('\u2007')).toBe(false);
    expect(isBlank('\ufeff')).toBe(false);
    expect(isBlank(' a ')).toBe(false);
  });
});

describe('verifySignature()', () => {
  const params = {
    method: 'qimen.x',
    app_key: '1',
    timestamp: '2026-11-23 10:00:00',
    format: 'json',
    v: '2.0',
  };

  it.each(['md5', 'hmac', 'hmac-sha256'] as const)('accepts a correct %s signature', (method) => {
    const signed = { ...params, sign_method: method };
    const value = sign(signed, 'sec', method);
    expect(verifySignature({ ...signed, sign: value }, 'sec')).toBe(true);
    expect(verifySignature({ ...signed, sign: value.toLowerCase() }, 'sec')).toBe(true);
  });

  it('defaults to md5 when sign_method is absent', () => {
    expect(verifySignature({ ...params, sign: sign(params, 'sec', 'md5') }, 'sec')).toBe(true);
  });

  it('rejects tampering, a wrong secret, a missing sign and unknown methods', () => {
    const signed = { ...params, sign_method: 'md5', sign: sign({ ...params, sign_method: 'md5' }, 'sec') };
    expect(verifySignature({ ...signed, app_key: '2' }, 'sec')).toBe(false);
    expect(verifySignature(signed, 'other')).toBe(false);
    expect(verifySignature({ ...signed, sign: undefined }, 'sec')).toBe(false);
    expect(verifySignature({ ...signed, sign: 'short' }, 'sec')).toBe(false);
    expect(verifySignature({ ...signed, sign_method: 'sha1' }, 'sec')).toBe(false);
    expect(verifySignature({ ...signed, extra: { not: 'text' } }, 'sec')).toBe(false);
  });

  it('checks a signed body', () => {
    const signed = { ...params, sign: sign(params, 'sec', 'md5', '<xml/>') };
    expect(verifySignature(signed, 'sec', '<xml/>')).toBe(true);
    expect(verifySignature(signed, 'sec', '<xml />')).toBe(false);
  });
});
