// @ts-nocheck (generated code: `topgen check --typecheck` checks it)
/** "Did you mean …?" for a misspelt parameter or field name. */

/** Edit distance (insertions, deletions, substitutions, adjacent transpositions) between two names. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The documented name closest to `name`, when one is close enough to be a likely misspelling: at most a third
 * of the name's length in edits (at least 1, at most 3), or equal ignoring case, `_` and `-`.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const folded = name.toLowerCase().replace(/[_-]/g, '');
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.toLowerCase().replace(/[_-]/g, '') === folded) return candidate;
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
