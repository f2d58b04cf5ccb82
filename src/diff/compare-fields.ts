/**
 * Field-by-field comparison of one side (request or response) of two versions of an API.
 *
 * Fields are matched by name at each nesting level. A name that occurs more than once at one level (a doc
 * mistake, but it happens) is matched by occurrence: the second `x` is `x#2` on both sides. Only the topmost
 * added or removed field is reported: its children come and go with it.
 */
import type { Constraints, Field } from '../model/types.js';
import { DEFAULT_NUMBER_OPTIONS, responseNumberForm } from '../model/numbers.js';
import {
  arrayChanged,
  boundChanged,
  defaultChanged,
  deliveredChanged,
  interfaceRenamed,
  fieldAdded,
  fieldRemoved,
  requiredChanged,
  typeChanged,
  typeLabel,
  type Verdict,
} from './rules.js';
import type { DiffValue, FieldChange, FieldChangeKind, Side } from './types.js';

/** A change plus its path as segments, which the caller sorts by before dropping them. */
export interface LocatedChange {
  readonly segments: readonly string[];
  readonly change: FieldChange;
}

const BOUNDS = ['maxLength', 'maxListSize', 'minValue', 'maxValue'] as const;

/** Fields of one level keyed by name, repeated names numbered from the second occurrence on. */
function keyed(fields: readonly Field[]): Map<string, Field> {
  const seen = new Map<string, number>();
  const out = new Map<string, Field>();
  for (const field of fields) {
    const count = (seen.get(field.name) ?? 0) + 1;
    seen.set(field.name, count);
    out.set(count === 1 ? field.name : `${field.name}#${count}`, field);
  }
  return out;
}

/** The generated interface name of a struct field, in the old and in the new version of its API. */
export interface InterfaceNames {
  /** Undefined for a field the SDK declares no interface for (a repeated wire name: only the first counts). */
  before(side: Side, field: Field): string | undefined;
  after(side: Side, field: Field): string | undefined;
}

export function compareSide(
  side: Side,
  before: readonly Field[],
  after: readonly Field[],
  names?: InterfaceNames,
): LocatedChange[] {
  const out: LocatedChange[] = [];
  compareLevel(side, [side], before, after, out, names);
  return out;
}

function compareLevel(
  side: Side,
  parent: readonly string[],
  before: readonly Field[],
  after: readonly Field[],
  out: LocatedChange[],
  names: InterfaceNames | undefined,
): void {
  const oldFields = keyed(before);
  const newFields = keyed(after);
  for (const [key, field] of oldFields) {
    if (!newFields.has(key)) {
      push(out, side, [...parent, key], 'removed', typeLabel(field), null, fieldRemoved(side, field));
    }
  }
  for (const [key, field] of newFields) {
    const old = oldFields.get(key);
    const segments = [...parent, key];
    if (old === undefined) {
      push(out, side, segments, 'added', null, typeLabel(field), fieldAdded(side, field));
      continue;
    }
    compareField(side, segments, old, field, out, names);
    compareLevel(side, segments, old.children, field.children, out, names);
  }
}

function compareField(
  side: Side,
  segments: readonly string[],
  before: Field,
  after: Field,
  out: LocatedChange[],
  names: InterfaceNames | undefined,
): void {
  if (before.type !== after.type) {
    push(out, side, segments, 'type', before.type, after.type, typeChanged(side, before, after));
  } else if (names !== undefined && before.kind === 'struct' && after.kind === 'struct') {
    // Same doc type, another interface name: a new struct elsewhere in the API took the name first.
    const from = names.before(side, before);
    const to = names.after(side, after);
    if (from !== undefined && to !== undefined && from !== to)
      push(out, side, segments, 'interface', from, to, interfaceRenamed(from, to));
  }
  if (side === 'response') {
    // The default rules only: diff compares docs, not the config's number overrides.
    const from = responseNumberForm('', before, DEFAULT_NUMBER_OPTIONS);
    const to = responseNumberForm('', after, DEFAULT_NUMBER_OPTIONS);
    if (from !== undefined && to !== undefined && from !== to) {
      const label = (form: string): string => (form === 'number' ? 'number' : 'Int64String');
      push(
        out,
        side,
        segments,
        'delivered',
        label(from),
        label(to),
        deliveredChanged(label(from), label(to)),
      );
    }
  }
  if (before.array !== after.array) {
    push(
      out,
      side,
      segments,
      'array',
      before.array,
      after.array,
      arrayChanged(side, before.array, after.array),
    );
  }
  if (before.required !== after.required) {
    const verdict = requiredChanged(side, before.required, after.required);
    push(out, side, segments, 'required', before.required, after.required, verdict);
  }
  const oldLimits: Constraints = before.constraints ?? {};
  const newLimits: Constraints = after.constraints ?? {};
  for (const name of BOUNDS) {
    const from = oldLimits[name];
    const to = newLimits[name];
    if (from !== to)
      push(out, side, segments, name, from ?? null, to ?? null, boundChanged(side, name, from, to));
  }
  const from = oldLimits.default;
  const to = newLimits.default;
  if (from !== to) {
    push(out, side, segments, 'default', from ?? null, to ?? null, defaultChanged(side, from, to));
  }
}

function push(
  out: LocatedChange[],
  side: Side,
  segments: readonly string[],
  kind: FieldChangeKind,
  before: DiffValue,
  after: DiffValue,
  verdict: Verdict,
): void {
  out.push({
    segments,
    change: {
      path: segments.join('.'),
      side,
      kind,
      before,
      after,
      impact: verdict.impact,
      reason: verdict.reason,
    },
  });
}
