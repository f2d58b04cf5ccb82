import type { Constraints } from '../../types.js';
import type { Evidence } from './evidence.js';

/**
 * Page content: what a doc page says about its parameters before nesting is decided. Every page reader that
 * meets a table without written depth (form-A text, saved HTML in the flat-bullet layout) produces this, and
 * the nesting pass (index.ts) turns it into the model's field trees. Lines are lines of the file the reader
 * read (the `.txt` page, or the element's line in the `.html` file), so diagnostics point there.
 */

export type Side = 'request' | 'response';

/**
 * One item of a parameter table: a top-level row or a bullet block, in document order. Depth is not written:
 * bullets carry only their leaf mark (docs/text-format.md §5.2), and the pass decides which object each belongs
 * to.
 */
export interface TableItem {
  readonly kind: 'row' | 'bullet';
  /** 1-based line of the row or of the block's name line. */
  readonly line: number;
  readonly name: string;
  readonly type: string;
  readonly array: boolean;
  /** Request rows and blocks: 必须. Response items: false. */
  readonly required: boolean;
  /** Bullets: written with `└`, i.e. a field without sub-fields. Rows: false. */
  readonly leaf: boolean;
  /** Rows: example and description, unsplit ('' when both are empty). */
  readonly rest?: string;
  /**
   * Rows whose example and description are separate (更多限制 rows of a text page, every row of an HTML table):
   * `rest` holds only the example and `descriptionBullet` the description, so neither is guessed.
   */
  readonly constrained?: boolean;
  readonly descriptionBullet?: string;
  readonly constraints?: Constraints;
  /** Bullets: the example/description cells after the type (and required) cell: 0, 1 or 2 entries. */
  readonly cells?: readonly string[];
  /** The last block of a table that a truncated page cuts: cells after the ones read are lost. */
  readonly cut?: boolean;
}

/** One parameter table (请求参数 or 响应参数) with the sample that can place its nested fields. */
export interface SideContent {
  readonly items: readonly TableItem[];
  /** The Java or JSON request sample (request side), the XML or JSON response example (response side). */
  readonly sample?: Evidence;
  /** Why this side has no sample, in words for diagnostics ("the page has no response example"). */
  readonly noSample: string;
}

/** The parameter tables of one page; a side the reader did not find (or read otherwise) is absent. */
export interface PageContent {
  /** The page file, as diagnostics name it. */
  readonly file: string;
  /** The API the page documents (checked against an override file's `api`). */
  readonly api: string;
  readonly request?: SideContent;
  readonly response?: SideContent;
}
