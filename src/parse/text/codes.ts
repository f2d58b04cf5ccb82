/**
 * Diagnostic codes produced by the form-A reader (the nesting pass has its own, in
 * src/model/passes/nesting/codes.ts). Codes are stable kebab-case identifiers; the message of each
 * diagnostic says what happened at that place, the code says which kind of problem it is.
 */
export const CODES = {
  /** error: the input has neither a TOP header line nor the TOP section headings. */
  notTopPage: 'not-a-top-page',
  /** error: no `<api.name> (<title>)` line before the first section heading. */
  missingHeader: 'missing-header',
  /** error: a complete page lacks its 请求参数 or 响应参数 section. */
  missingSection: 'missing-section',
  /** error: a parameter table does not start with its column header line. */
  badTableHeader: 'bad-table-header',
  /** warning: the page does not end with the `FAQ / 返回 / 顶部` footer, so it was cut short. */
  truncatedPage: 'truncated-page',
  /** info: a partial last line or bullet block of a truncated page was left out of the model. */
  partialFieldDropped: 'partial-field-dropped',
  /** warning: a table line that is neither a parameter row nor a bullet. */
  unrecognizedRow: 'unrecognized-row',
  /** warning: a bullet block without a type line, or with more cells than a block can hold. */
  badBulletBlock: 'bad-bullet-block',
  /** warning: a bullet line before the first row of its table. */
  orphanBullet: 'orphan-bullet',
  /** warning: text inside a section where the section has no room for it. */
  unexpectedLine: 'unexpected-line',
  /** warning: a 更多限制 constraint whose value is not a number. */
  badConstraint: 'bad-constraint',
  /** warning: a code or response sample could not be read. */
  sampleUnreadable: 'sample-unreadable',
  /** error: an override file is not valid JSON or not in the documented shape. */
  overrideInvalid: 'override-invalid',
  /** error: an internal failure of the reader (a bug); the message carries the cause. */
  parserBug: 'parser-bug',
} as const;

export type TextCode = (typeof CODES)[keyof typeof CODES];
