/**
 * Fixed orderings. Output must be byte-identical on every machine, so strings are compared by UTF-16 code
 * units (never `localeCompare`, whose result depends on the ICU build and locale).
 */
import type { FieldChangeKind, Side } from './types.js';

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Segment by segment, so `a.b` sorts right after `a` and before `a_b`, keeping a struct's fields together. */
export function compareSegments(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareCodeUnits(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const SIDE_ORDER: Readonly<Record<Side, number>> = { request: 0, response: 1 };

/** Structural changes first, then the flags, then constraints in the model's field order. */
const KIND_ORDER: Readonly<Record<FieldChangeKind, number>> = {
  added: 0,
  removed: 1,
  type: 2,
  interface: 3,
  delivered: 4,
  array: 5,
  required: 6,
  maxLength: 7,
  maxListSize: 8,
  minValue: 9,
  maxValue: 10,
  default: 11,
};

export function compareSides(a: Side, b: Side): number {
  return SIDE_ORDER[a] - SIDE_ORDER[b];
}

export function compareKinds(a: FieldChangeKind, b: FieldChangeKind): number {
  return KIND_ORDER[a] - KIND_ORDER[b];
}
