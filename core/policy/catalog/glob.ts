/**
 * IAM-style wildcard matching (`*` any run of characters, `?` exactly one) without building a RegExp per pattern:
 * the catalogue tests each pattern against thousands of names, and the two-pointer scan below is linear in
 * practice, allocates nothing and needs no escaping of the many regex metacharacters IAM names may contain.
 */

/** True when `text` contains an IAM wildcard (`*` or `?`). */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

const STAR = 42; // '*'
const QUESTION = 63; // '?'

/**
 * Whether `text` matches the wildcard `pattern`, character for character (callers lowercase both first when they
 * want IAM's case-insensitive action matching).
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = p < pattern.length ? pattern.charCodeAt(p) : -1;
    if (pc === QUESTION || (pc === text.charCodeAt(t) && pc !== STAR)) {
      p++;
      t++;
    } else if (pc === STAR) {
      // Remember the star and first try letting it match nothing; on a later mismatch it absorbs one more char.
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === STAR) p++;
  return p === pattern.length;
}

/** A wildcard pattern prepared once, then tested many times. */
export type GlobMatcher = (text: string) => boolean;

/**
 * Compiles `pattern` into the cheapest test that decides it: equality, a prefix test for the common `Get*` shape,
 * match-all for `*`, or the general scan.
 */
export function compileGlob(pattern: string): GlobMatcher {
  if (!hasWildcard(pattern)) return (text) => text === pattern;
  if (/^\**$/.test(pattern)) return () => true;
  const firstWildcard = pattern.search(/[*?]/);
  if (firstWildcard === pattern.length - 1 && pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return (text) => text.startsWith(prefix);
  }
  return (text) => globMatches(pattern, text);
}
