// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/**
 * TOP times are `yyyy-MM-dd HH:mm:ss` in China Standard Time (GMT+8, no daylight saving). They are computed
 * from epoch milliseconds with the UTC getters, so the host time zone (TZ) never matters.
 */

const GMT8_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  if (n >= 1000) return `${n}`;
  if (n >= 0) return `000${n}`.slice(-4);
  return `-${pad4(-n)}`;
}

/** Formats epoch milliseconds as `yyyy-MM-dd HH:mm:ss` in GMT+8. */
export function formatTopTime(epochMs: number): string {
  const d = new Date(epochMs + GMT8_OFFSET_MS);
  return (
    `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}

/** Formats a Date as `yyyy-MM-dd HH:mm:ss` in GMT+8 (the wire form of TOP `Date` values). */
export function formatTopDate(date: Date): string {
  return formatTopTime(date.getTime());
}

// The `timestamp` common parameter is formatted once per second at most: every call within the same
// second reuses the string (calls are hot, the formatting allocates a Date and eight strings).
let cachedSecond = Number.NaN;
let cachedText = '';

/** The `timestamp` common parameter for the instant `epochMs`. */
export function topTimestamp(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== cachedSecond) {
    cachedText = formatTopTime(second * 1000);
    cachedSecond = second;
  }
  return cachedText;
}

const TOP_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Epoch milliseconds of a `yyyy-MM-dd HH:mm:ss` wall-clock text read as UTC minus `offsetMs` (pass 8 hours for
 * GMT+8), or undefined when the text is not a real calendar date and time (no `2024-02-30`, no `24:00:00`).
 */
export function parseTopDateTime(text: string, offsetMs: number): number | undefined {
  const m = TOP_DATE_TIME.exec(text);
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
  // Date.UTC rolls out-of-range parts over (Feb 30 → Mar 2): a round trip catches every invalid component.
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

/** True when `text` is a real calendar date and time written `yyyy-MM-dd HH:mm:ss`. */
export function isTopDateTime(text: string): boolean {
  return parseTopDateTime(text, 0) !== undefined;
}
