/**
 * The naive way to expand IAM action patterns, kept as the benchmark's yardstick: every call compiles the pattern
 * into a fresh RegExp and tests it against every action key of the catalogue, with no index and no cache.
 */

/** Escapes everything a RegExp treats specially, then turns IAM's `*` and `?` into `.*` and `.`. */
export function naivePatternRegExp(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}

/** The keys of `actionKeys` ('service:Name') that `pattern` matches, the slow way. */
export function naiveExpand(pattern: string, actionKeys: readonly string[]): string[] {
  const regex = naivePatternRegExp(pattern);
  return actionKeys.filter((key) => regex.test(key));
}
