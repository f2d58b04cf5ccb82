import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTopDate, formatTopTime, topTimestamp } from '../../src/runtime/timestamp.js';

const CASES: readonly [string, number, string][] = [
  ['the epoch', 0, '1970-01-01 08:00:00'],
  ['UTC 16:00 rolls over to the next day', Date.UTC(2026, 10, 23, 16, 0, 0), '2026-11-24 00:00:00'],
  ['UTC new year eve', Date.UTC(2025, 11, 31, 15, 59, 59), '2025-12-31 23:59:59'],
  ['UTC new year eve, one second later', Date.UTC(2025, 11, 31, 16, 0, 0), '2026-01-01 00:00:00'],
  ['leap day', Date.UTC(2024, 1, 28, 20, 30, 5), '2024-02-29 04:30:05'],
  ['US DST switch instant', Date.UTC(2026, 2, 8, 7, 0, 0), '2026-03-08 15:00:00'],
  ['milliseconds are dropped', Date.UTC(2026, 0, 2, 3, 4, 5, 999), '2026-01-02 11:04:05'],
  ['year below 1000 is zero-padded', Date.UTC(999, 0, 1, 0, 0, 0), '0999-01-01 08:00:00'],
];

describe('formatTopTime', () => {
  it.each(CASES)('%s', (_name, epochMs, expected) => {
    expect(formatTopTime(epochMs)).toBe(expected);
    expect(formatTopDate(new Date(epochMs))).toBe(expected);
  });

  it('caches per second without going stale', () => {
    const t = Date.UTC(2026, 10, 23, 2, 0, 0);
    expect(topTimestamp(t)).toBe('2026-11-23 10:00:00');
    expect(topTimestamp(t + 999)).toBe('2026-11-23 10:00:00');
    expect(topTimestamp(t + 1000)).toBe('2026-11-23 10:00:01');
    expect(topTimestamp(t - 1)).toBe('2026-11-23 09:59:59');
  });
});

describe('GMT+8 whatever the host time zone', () => {
  const original = process.env['TZ'];
  afterAll(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Shanghai'])(
    'in-process TZ=%s',
    (zone) => {
      process.env['TZ'] = zone;
      const instant = Date.UTC(2026, 6, 1, 12, 0, 0);
      // Proof that the zone switch took effect: local hours follow TZ.
      const localHour = new Date(instant).getHours();
      if (zone === 'America/New_York') expect(localHour).toBe(8);
      if (zone === 'UTC') expect(localHour).toBe(12);
      expect(formatTopTime(instant)).toBe('2026-07-01 20:00:00');
    },
  );

  // A child process gets TZ from its environment before any Date exists, the way a server does.
  const dir = mkdtempSync(join(tmpdir(), 'topgen-tz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = readFileSync(new URL('../../src/runtime/timestamp.ts', import.meta.url), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(join(dir, 'timestamp.mjs'), js);
  writeFileSync(
    join(dir, 'probe.mjs'),
    `import { formatTopTime } from './timestamp.mjs';\n` +
      `const instants = ${JSON.stringify(CASES.map((c) => c[1]))};\n` +
      `console.log(JSON.stringify({ hour: new Date(0).getHours(), out: instants.map(formatTopTime) }));\n`,
  );

  it.each([
    ['UTC', 0],
    ['America/New_York', 19],
    ['Asia/Tokyo', 9],
    ['Australia/Lord_Howe', 10],
  ] as const)('child process TZ=%s', (zone, epochLocalHour) => {
    const output = execFileSync(process.execPath, [join(dir, 'probe.mjs')], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    const result = JSON.parse(output) as { hour: number; out: string[] };
    expect(result.hour).toBe(epochLocalHour);
    expect(result.out).toEqual(CASES.map((c) => c[2]));
  });
});
