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
