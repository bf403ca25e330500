/**
 * The globs of suppressions: `*`, `**` and `?`, nothing else, so that the brackets, braces and parentheses that
 * ARNs and file names may hold are taken literally. (node:path's `matchesGlob` would read them as patterns and,
 * on Windows, treat `\` as a separator.)
 */

/** How a glob reads `/`. */
export interface GlobOptions {
  /**
   * Paths: `*` and `?` stay within one `/`-separated segment and `**` spans segments (`infra/**`, `**\/*.tf`).
   * Otherwise (rule ids, ARNs) `*` matches any run of characters, `/` included.
   */
  paths?: boolean;
  /** Compare without regard to case (rule ids). */
  ignoreCase?: boolean;
}

/** True when `text` matches the glob `pattern`. */
export function matchesGlob(pattern: string, text: string, options: GlobOptions = {}): boolean {
  return compileGlob(pattern, options).test(text);
}

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 512;

/** The glob as an anchored RegExp; cached, since one ignore file tests the same patterns against every finding. */
export function compileGlob(pattern: string, options: GlobOptions = {}): RegExp {
  const key = `${options.paths ? 'p' : 'n'}${options.ignoreCase ? 'i' : 's'}${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const source = options.paths ? pathGlobSource(pattern) : nameGlobSource(pattern);
  const compiled = new RegExp(`^${source}$`, options.ignoreCase ? 'isu' : 'su');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

function nameGlobSource(pattern: string): string {
  let source = '';
  for (const char of pattern) {
    if (char === '*') source += source.endsWith('.*') ? '' : '.*';
    else if (char === '?') source += '.';
    else source += escapeRegExp(char);
  }
  return source;
}

function pathGlobSource(pattern: string): string {
  let source = '';
  let index = 0;
  while (index < pattern.length) {
    const atSegmentStart = index === 0 || pattern[index - 1] === '/';
    if (atSegmentStart && pattern.startsWith('**/', index)) {
      // Zero or more whole directories: `**/main.tf` matches `main.tf` and `a/b/main.tf`.
      source += '(?:.*/)?';
      index += 3;
    } else if (atSegmentStart && pattern.slice(index) === '**') {
      source += '.*';
      index += 2;
    } else if (pattern[index] === '*') {
      while (pattern[index] === '*') index++;
      source += '[^/]*';
    } else {
      const char = String.fromCodePoint(pattern.codePointAt(index)!);
      source += char === '?' ? '[^/]' : escapeRegExp(char);
      index += char.length;
    }
  }
  return source;
}

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}
