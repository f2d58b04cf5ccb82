import type { Constraints } from '../../model/types.js';

/**
 * One item of a parameter table: a top-level row or a bullet block, in document order. Depth is not decided
 * here: bullets carry only their leaf mark, and nesting.ts decides which object each belongs to.
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
  /** Rows with 更多限制: `rest` holds only the example; the description came on its own bullet. */
  readonly constrained?: boolean;
  readonly descriptionBullet?: string;
  readonly constraints?: Constraints;
  /** Bullets: the example/description cells after the type (and required) cell: 0, 1 or 2 entries. */
  readonly cells?: readonly string[];
  /** The last block of a table that a truncated page cuts: cells after the ones read are lost. */
  readonly cut?: boolean;
}
