import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic, DocField as Field } from '../../types.js';
import { CODES } from './codes.js';
import { buildFields } from './fields.js';
import { overrideEvidence, type NestingOverride } from './override.js';
import type { PageContent, Side } from './page-content.js';
import { decideParents } from './parents.js';

export { CODES as NESTING_DIAGNOSTIC_CODES, type NestingCode } from './codes.js';
export { draft, freeze, type DraftNode, type Evidence, type EvidenceNode } from './evidence.js';
export type { NestingOverride, OverrideEntry } from './override.js';
export type { PageContent, Side, SideContent, TableItem } from './page-content.js';

/** The field trees of one page and what the pass found doubtful on the way. */
export interface NestedFields {
  readonly request: Field[];
  readonly response: Field[];
  /** In the order found: override file, then request side, then response side. */
  readonly diagnostics: Diagnostic[];
}

/**
 * The nesting pass: page content (rows and bullet blocks without depth, and the samples that show it) → the
 * model's field trees. For each side, parents come from the override file first, then from the page's sample,
 * then from the depth constraints of the field order; whatever is still open is placed by the field-order rule
 * with an `ambiguous-nesting` warning naming the alternatives (parents.ts). Example and description cells are
 * split with the values of the sample node each field was matched to (examples.ts).
 *
 * Pure: the result depends only on the arguments, which are not modified.
 */
export function resolveNesting(page: PageContent, override?: NestingOverride): NestedFields {
  const out: Diagnostic[] = [];
  if (override?.api !== undefined && override.api !== page.api) {
    out.push(
      diagnostic(
        'error',
        CODES.overrideApiMismatch,
        `The override file is for "${override.api}", but the page documents "${page.api}".`,
        {
          file: override.file,
          expected: `"api": "${page.api}"`,
          found: `"api": "${override.api}"`,
        },
      ),
    );
  }
  const side = (which: Side): Field[] => {
    const content = page[which];
    if (content === undefined) return [];
    const entries = override?.[which];
    const pinned = entries === undefined ? undefined : overrideEvidence(entries);
    const { items, sample, noSample } = content;
    const nesting = decideParents(
      {
        side: which,
        items,
        file: page.file,
        noSample,
        ...(sample === undefined ? {} : { sample }),
        ...(pinned === undefined || override === undefined
          ? {}
          : { override: { evidence: pinned, file: override.file } }),
      },
      out,
    );
    return buildFields(which, items, nesting, sample, page.file, out);
  };
  const request = side('request');
  const response = side('response');
  return { request, response, diagnostics: out };
}
