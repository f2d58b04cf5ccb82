/**
 * Diagnostic codes of the nesting pass: where a nested field goes, what an override file says about it, and the
 * example/description split that the pass's sample matches decide. Stable kebab-case identifiers, like the
 * readers' codes.
 */
export const CODES = {
  /** warning: a field's type is neither a known TOP type nor a struct name. */
  unknownType: 'unknown-type',
  /** warning: a field name appears twice under one parent; the first is kept. */
  duplicateField: 'duplicate-field',
  /** warning: the page does not show which object a nested field belongs to; the reader chose one. */
  ambiguousNesting: 'ambiguous-nesting',
  /** warning: a code sample places a field where the page's field order does not allow it. */
  nestingEvidenceConflict: 'nesting-evidence-conflict',
  /** info: example and description share one cell run and no sample separates them; the reader split it. */
  exampleGuessed: 'example-guessed',
  /** error: an override file names another API than the page. */
  overrideApiMismatch: 'override-api-mismatch',
  /** error: an override places a field where the page's field order does not allow it. */
  overrideConflict: 'override-conflict',
  /** warning: an override entry matches no field of the page. */
  overrideUnused: 'override-unused',
} as const;

export type NestingCode = (typeof CODES)[keyof typeof CODES];
