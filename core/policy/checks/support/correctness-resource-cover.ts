/**
 * Whether one Resource pattern covers another: every ARN the narrower one matches, the wider one matches too.
 * Both sides may hold wildcards, so this is pattern-in-pattern containment, answered soundly but not completely:
 * a "yes" is certain, a "no" may miss an exotic case. ARNs are compared part by part (the first five parts cannot
 * swallow a ':'), and a policy variable in the narrower pattern is matched only by a '*' of the wider one.
 */

const STAR = 42;
const QUESTION = 63;
/** Stands for a policy variable of the narrower pattern: any run of characters. */
const VARIABLE = 0;

/**
 * Whether pattern `wide` matches every string pattern `narrow` matches. `wide`'s '*' consumes any run of
 * `narrow`'s characters (its wildcards included), its '?' one character that is neither a '*' nor a variable of
 * `narrow`, and its other characters only themselves.
 */
function patternCovers(wide: string, narrow: string): boolean {
  let w = 0;
  let n = 0;
  let starW = -1;
  let starN = 0;
  while (n < narrow.length) {
    const wc = w < wide.length ? wide.charCodeAt(w) : -1;
    const nc = narrow.charCodeAt(n);
    const single =
      wc !== STAR &&
      wc !== -1 &&
      (wc === QUESTION ? nc !== STAR && nc !== VARIABLE : wc === nc && nc !== STAR && nc !== QUESTION);
    if (single) {
      w++;
      n++;
    } else if (wc === STAR) {
      starW = w++;
      starN = n;
    } else if (starW >= 0) {
      w = starW + 1;
      n = ++starN;
    } else {
      return false;
    }
  }
  while (w < wide.length && wide.charCodeAt(w) === STAR) w++;
  return w === wide.length;
}

/** A Resource value prepared for coverage tests. */
export interface ResourcePattern {
  /** The value as written. */
  readonly value: string;
  /** True for '*' (or '**'): covers everything. */
  readonly star: boolean;
  /** True when the value has wildcards, so it can cover something other than itself. */
  readonly wildcard: boolean;
  /** True when the value holds a policy variable, which a wider pattern cannot reason about. */
  readonly variable: boolean;
  /** The six ARN parts, policy variables masked; undefined for a value with fewer parts. */
  readonly parts: readonly string[] | undefined;
}

/** Splits a Resource value once, for any number of coverage tests. */
export function prepareResource(value: string): ResourcePattern {
  const masked = value.replace(/\$\{[^}]*\}/g, '\u0000');
  const split = masked.split(':');
  return {
    value,
    star: /^\*+$/.test(value),
    wildcard: /[*?]/.test(value),
    variable: masked !== value,
    parts: split.length < 6 ? undefined : split.slice(0, 5).concat(split.slice(5).join(':')),
  };
}

/** True when Resource `wide` covers Resource `narrow` (and they are not the same text). */
export function resourceCovers(wide: ResourcePattern, narrow: ResourcePattern): boolean {
  if (wide.value === narrow.value || !wide.wildcard) return false;
  if (wide.star) return true;
  if (wide.variable || !wide.parts || !narrow.parts) return false;
  const wideParts = wide.parts;
  const narrowParts = narrow.parts;
  // The service part (index 2) rejects most pairs, so try it first.
  for (let i = 0; i < PART_ORDER.length; i++) {
    const index = PART_ORDER[i]!;
    if (!patternCovers(wideParts[index]!, narrowParts[index]!)) return false;
  }
  return true;
}

/** The order in which the six ARN parts are compared: the service first, then the resource. */
const PART_ORDER = [2, 5, 0, 1, 3, 4] as const;
