/**
 * The result of comparing two sets of APIs, seen from a caller's point of view.
 *
 * Plain JSON-serialisable data, so `topgen diff --json` prints it and tests compare it directly. Every list is
 * already in its final order (API name, then field path), so formatters never sort.
 */

/** Whether a change can break existing code or calls. */
export type Impact = 'breaking' | 'compatible';

/** Request parameters and response fields follow opposite rules: callers write one and read the other. */
export type Side = 'request' | 'response';

/** Constraints as in the model's `Constraints`, compared one by one. */
export type ConstraintName = 'maxLength' | 'maxListSize' | 'minValue' | 'maxValue' | 'default';

/**
 * `interface`: the name of the SDK's interface for a struct field, when the doc type stayed but another struct
 * took the name first. `delivered`: how the SDK delivers a response `Number` (`number`, or an id as
 * `Int64String`/`bigint`), which follows the field's name and the first clause of its description, so it can
 * change without the type.
 */
export type FieldChangeKind =
  'added' | 'removed' | 'type' | 'interface' | 'delivered' | 'array' | 'required' | ConstraintName;

/** A compared value; `null` means "absent" (no such field, no such constraint). */
export type DiffValue = string | number | boolean | null;

export interface FieldChange {
  /** Dotted path prefixed by the side: `request.param0.auth_code`. A repeated name is `name#2`, `name#3`. */
  readonly path: string;
  readonly side: Side;
  readonly kind: FieldChangeKind;
  /** Old value: the type label (`String[]`) for added/removed/type, the flag or constraint otherwise. */
  readonly before: DiffValue;
  readonly after: DiffValue;
  readonly impact: Impact;
  /** One line for humans: what changed and why it matters (or not) to a caller. */
  readonly reason: string;
}

/** An API that exists on one side only. */
export interface ApiEntry {
  readonly api: string;
  readonly title: string;
  readonly impact: Impact;
  readonly reason: string;
}

/** An API present on both sides with at least one field change. */
export interface ApiFieldChanges {
  readonly api: string;
  /** Title of the new version. */
  readonly title: string;
  readonly changes: readonly FieldChange[];
}

export interface ApiDiff {
  readonly added: readonly ApiEntry[];
  readonly removed: readonly ApiEntry[];
  readonly changed: readonly ApiFieldChanges[];
  /** Input problems the comparison worked around (an API name given twice), so nothing is dropped silently. */
  readonly warnings: readonly string[];
}

export interface ChangeCounts {
  readonly breaking: number;
  readonly compatible: number;
}
