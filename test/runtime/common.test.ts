import { describe, expect, it } from 'vitest';
import { commonEntries, formEncode, mergedBase } from '../../src/runtime/common.js';

const ALL = {
  method: 'a.b',
  appKey: 'k',
  timestamp: '2026-11-23 10:00:00',
  signMethod: 'hmac' as const,
  session: 's',
  partnerId: 'p',
  targetAppKey: 't',
  simplify: true,
};

describe('commonEntries', () => {
  it('lists every common parameter in code unit order', () => {
    const { keys, values } = commonEntries(ALL, undefined);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual([
      'app_key',
      'format',
      'method',
      'partner_id',
      'session',
      'sign_method',
      'simplify',
      'target_app_key',
      'timestamp',
      'v',
    ]);
    expect(values).toEqual(['k', 'json', 'a.b', 'p', 's', 'hmac', 'true', 't', '2026-11-23 10:00:00', '2.0']);
  });

  it('leaves out unset and overridden parameters', () => {
    const minimal = { ...ALL, session: undefined, partnerId: undefined, targetAppKey: '', simplify: false };
    expect(commonEntries(minimal, undefined).keys).toEqual([
      'app_key',
      'format',
      'method',
      'sign_method',
      'timestamp',
      'v',
    ]);
    expect(commonEntries(ALL, new Set(['session', 'simplify'])).keys).not.toContain('session');
  });
});

describe('mergedBase', () => {
  it('interleaves two sorted lists by key', () => {
    const a = { keys: ['app_key', 'method', 'v'], values: ['1', 'm', '2.0'] };
    const b = { keys: ['fields', 'q', 'z'], values: ['f', '女', 'zz'] };
    expect(mergedBase(a, b)).toBe('app_key1fieldsfmethodmq女v2.0zzz');
    expect(mergedBase(b, a)).toBe('app_key1fieldsfmethodmq女v2.0zzz');
    expect(mergedBase(a, { keys: [], values: [] })).toBe('app_key1methodmv2.0');
  });
});

describe('formEncode', () => {
  it('percent-encodes keys and values as UTF-8', () => {
    expect(formEncode({ keys: ['q', 'a&b', 't'], values: ['女装 x', '=&+', '2026-11-23 10:00:00'] })).toBe(
      'q=%E5%A5%B3%E8%A3%85%20x&a%26b=%3D%26%2B&t=2026-11-23%2010%3A00%3A00',
    );
    expect(formEncode({ keys: [], values: [] })).toBe('');
  });

  it('sends a lone surrogate as U+FFFD, the bytes it is signed as', () => {
    expect(formEncode({ keys: ['q'], values: ['a\ud83d'] })).toBe('q=a%EF%BF%BD');
    expect(formEncode({ keys: ['q'], values: ['\ude00b\ud83d\ude00'] })).toBe('q=%EF%BF%BDb%F0%9F%98%80');
    expect(Buffer.from('a\ud83d', 'utf8')).toEqual(Buffer.from('a\ufffd', 'utf8'));
  });
});
