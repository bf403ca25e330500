/**
 * "Did you mean" for misspelt services, actions and condition keys: the nearest candidate by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours, since `GetObjetc` is a typical typo), only
 * when it is close enough to be a plausible typo rather than a different word.
 */

/**
 * Edit distance between `a` and `b` (optimal string alignment), or `limit + 1` as soon as it is certain to exceed
 * `limit`, so scanning hundreds of candidates stays cheap.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let beforePrevious = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

/** How far a candidate may be from what was typed and still be offered: a third of its length, at least 1. */
function tolerance(typed: string): number {
  return Math.max(1, Math.floor(typed.length / 3));
}

/**
 * The candidate nearest to `typed` (compared case-insensitively), or undefined when none is a plausible typo.
 * Ties go to the earlier candidate, so callers pass candidates in a stable order.
 */
export function nearest(typed: string, candidates: Iterable<string>): string | undefined {
  const wanted = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = tolerance(wanted) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}
