import { describe, expect, it } from 'vitest';
import { isWallClock, parseGmt8 } from '../../src/mock/timestamp.js';
import { formatTopTime } from '../../src/runtime/timestamp.js';

describe('parseGmt8', () => {
  it('reads the wall clock as China time', () => {
    expect(parseGmt8('2026-11-23 10:00:00')).toBe(Date.UTC(2026, 10, 23, 2, 0, 0));
    expect(parseGmt8('2024-01-01 00:00:00')).toBe(Date.UTC(2023, 11, 31, 16, 0, 0));
  });

  it('is the inverse of the runtime formatter', () => {
    for (const ms of [0, 1_700_000_000_000, Date.UTC(2024, 1, 29, 23, 59, 59)]) {
      expect(parseGmt8(formatTopTime(ms))).toBe(ms);
    }
  });

  it.each([
    '2024-02-30 00:00:00',
    '2023-02-29 00:00:00',
    '2024-13-01 00:00:00',
    '2024-01-01 24:00:00',
    '2024-01-01 23:60:00',
    '2024-01-01 23:59:60',
    '2024-01-01  23:59:59',
    '2024-01-01T23:59:59',
    '2024-01-01 23:59:59.000',
    '２０２４-01-01 00:00:00',
    '',
  ])('refuses %j', (text) => {
    expect(parseGmt8(text)).toBeUndefined();
    expect(isWallClock(text)).toBe(false);
  });

  it('accepts a leap day', () => {
    expect(isWallClock('2024-02-29 12:00:00')).toBe(true);
  });
});
