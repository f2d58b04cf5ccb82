/**
 * Depth constraints of one top-level row and the bullet blocks under it (docs/text-format.md §5).
 *
 * Bullets are a preorder listing of a tree whose depths are not written. Item 0 is the row (depth 0); a bullet
 * has depth ≥ 1. What the page does tell:
 *  - an item after an object (no `└`) is that object's first child: d(i) = d(i-1) + 1 (objects always have
 *    fields; 681 of 681 checked against the doc JSON);
 *  - an item after a leaf cannot be deeper than it: d(i) ≤ d(i-1).
 * Samples add facts "the parent of item k is item p": d(k) = d(p) + 1 and every item between them is deeper
 * than p (p is still open at k). All of these are bounds on single items or on neighbours, so each item's
 * possible depths form an interval, and one forward and one backward sweep make every interval exact (each
 * value in it extends to a full solution). That is what lets the reader tell a placement that the evidence
 * forces from one that it merely prefers.
 */
export interface DepthChain {
  /** Per item: true for the row and for bullets without `└` (objects). */
  readonly object: readonly boolean[];
  readonly lo: number[];
  readonly hi: number[];
}

export function createChain(object: readonly boolean[]): DepthChain {
  const lo: number[] = [];
  const hi: number[] = [];
  for (let i = 0; i < object.length; i++) {
    lo.push(i === 0 ? 0 : 1);
    hi.push(i);
  }
  const chain = { object, lo, hi };
  propagate(chain);
  return chain;
}

/** Tightens every interval to what the neighbour constraints allow; false when some interval is empty. */
export function propagate(chain: DepthChain, from = 1): boolean {
  const { object, lo, hi } = chain;
  const n = object.length;
  for (let i = Math.max(1, from); i < n; i++) {
    const pLo = lo[i - 1] ?? 0;
    const pHi = hi[i - 1] ?? 0;
    if (object[i - 1] === true) {
      lo[i] = Math.max(lo[i] ?? 0, pLo + 1);
      hi[i] = Math.min(hi[i] ?? 0, pHi + 1);
    } else {
      hi[i] = Math.min(hi[i] ?? 0, pHi);
    }
  }
  for (let i = n - 1; i >= 1; i--) {
    const cLo = lo[i] ?? 0;
    const cHi = hi[i] ?? 0;
    if (object[i - 1] === true) {
      lo[i - 1] = Math.max(lo[i - 1] ?? 0, cLo - 1);
      hi[i - 1] = Math.min(hi[i - 1] ?? 0, cHi - 1);
    } else {
      lo[i - 1] = Math.max(lo[i - 1] ?? 0, cLo);
    }
  }
  for (let i = 0; i < n; i++) if ((lo[i] ?? 0) > (hi[i] ?? 0)) return false;
  return true;
}

/** The depth of item `i` when the constraints leave only one, else undefined. */
export function fixedDepth(chain: DepthChain, i: number): number | undefined {
  const lo = chain.lo[i];
  return lo !== undefined && lo === chain.hi[i] ? lo : undefined;
}

/**
 * Adds "the parent of k is p" when it is consistent with everything known so far; otherwise leaves the chain
 * unchanged and returns false. p must be an object before k whose depth is already fixed.
 */
export function addParentFact(chain: DepthChain, k: number, p: number): boolean {
  const dp = fixedDepth(chain, p);
  if (dp === undefined || p >= k || chain.object[p] !== true) return false;
  const savedLo = chain.lo.slice();
  const savedHi = chain.hi.slice();
  chain.lo[k] = Math.max(chain.lo[k] ?? 0, dp + 1);
  chain.hi[k] = Math.min(chain.hi[k] ?? 0, dp + 1);
  for (let j = p + 1; j < k; j++) chain.lo[j] = Math.max(chain.lo[j] ?? 0, dp + 1);
  if (propagate(chain)) return true;
  for (let j = 0; j < savedLo.length; j++) {
    chain.lo[j] = savedLo[j] ?? 0;
    chain.hi[j] = savedHi[j] ?? 0;
  }
  return false;
}

/** Fixes item i at depth v (inside its interval) and carries the consequence forward. */
export function fixDepth(chain: DepthChain, i: number, v: number): void {
  chain.lo[i] = v;
  chain.hi[i] = v;
  propagate(chain, i + 1);
}

/**
 * The items that can be the parent of item i under the current intervals: objects j < i that can sit at depth
 * v - 1 while every item between j and i sits at depth ≥ v, for some allowed depth v of i. This is a necessary
 * condition, so a single candidate means the parent is certain.
 */
export function parentCandidates(chain: DepthChain, i: number): number[] {
  const { object, lo, hi } = chain;
  if (object[i - 1] === true) return [i - 1];
  const iLo = lo[i] ?? 0;
  const iHi = hi[i] ?? 0;
  const out: number[] = [];
  let between = Number.POSITIVE_INFINITY;
  for (let j = i - 1; j >= 0; j--) {
    if (object[j] === true) {
      const a = Math.max(iLo, (lo[j] ?? 0) + 1);
      const b = Math.min(iHi, (hi[j] ?? 0) + 1, between);
      if (a <= b) out.push(j);
    }
    between = Math.min(between, hi[j] ?? 0);
    if (between < iLo) break;
  }
  return out;
}
