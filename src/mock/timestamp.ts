/**
 * TOP's `yyyy-MM-dd HH:mm:ss` wall-clock values. They are China time (GMT+8, no daylight saving), whatever
 * the caller's or the gateway's own time zone is.
 */

import { isTopDateTime, parseTopDateTime } from '../runtime/timestamp.js';

const GMT8_OFFSET_MS = 8 * 60 * 60 * 1000;

/** True when `text` is a real calendar date and time in `yyyy-MM-dd HH:mm:ss` form (no 2024-02-30, no 24:00:00). */
export function isWallClock(text: string): boolean {
  return isTopDateTime(text);
}

/** Epoch milliseconds of a GMT+8 `yyyy-MM-dd HH:mm:ss`, or undefined when it is not a valid one. */
export function parseGmt8(text: string): number | undefined {
  return parseTopDateTime(text, GMT8_OFFSET_MS);
}
