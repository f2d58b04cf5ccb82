/** What a doc JSON must look like, shared by the scanner-based reader and its fast path (fast.ts). */

/** The header rule of form A (text-format.md §2), used here to flag API names no page could carry. */
export const API_NAME = /^[a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+$/;

/** Field names the emitters can use as-is; others are kept (they are wire names) but reported. */
export const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The numeric constraints doc JSON carries (it has no default values). */
export const CONSTRAINT_KEYS = ['maxLength', 'maxListSize', 'minValue', 'maxValue'] as const;

/** A constraint's value: a finite number, or a number written as a string (`"64"`), which some exports use. */
export function constraintValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
  return undefined;
}

/**
 * A doc has a name and its parameter lists, or, for an API without parameters (the doc site then leaves both
 * lists out), a name and a title. `has` tells whether the object has a member.
 */
export function looksLikeDocKeys(has: (key: string) => boolean): boolean {
  return has('name') && (has('requestParams') || has('responseParams') || has('apiChineseName'));
}

/** The doc site's id of an API (the doc's `id`: a positive integer or its digits), or undefined for anything else. */
export function docIdFrom(value: unknown): number | undefined {
  const id = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
