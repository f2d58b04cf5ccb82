/**
 * TOP's `yyyy-MM-dd HH:mm:ss` wall-clock values. They are China time (GMT+8, no daylight saving), whatever
 * the caller's or the gateway's own time zone is.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const GMT8_OFFSET_MS = 8 * 60 * 60 * 1000;

/** True when `text` is a real calendar date and time in `yyyy-MM-dd HH:mm:ss` form (no 2024-02-30, no 24:00:00). */
export function isWallClock(text: string): boolean {
  return wallClockToUtcMs(text, 0) !== undefined;
}

/** Epoch milliseconds of a GMT+8 `yyyy-MM-dd HH:mm:ss`, or undefined when it is not a valid one. */
export function parseGmt8(text: string): number | undefined {
  return wallClockToUtcMs(text, GMT8_OFFSET_MS);
}

function wallClockToUtcMs(text: string, offsetMs: number): number | undefined {
  const m = WALL_CLOCK.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls over out-of-range parts (Feb 30 → Mar 2); a round trip catches every invalid component.
  const back = new Date(utc);
  const exact =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  return exact ? utc - offsetMs : undefined;
}
