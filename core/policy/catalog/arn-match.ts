/**
 * Could a policy's Resource value name a resource of a given type? Both sides are patterns: the policy value has
 * wildcards (`*`, `?`) and policy variables (`${aws:username}`), the catalogue's ARN template has placeholders
 * (`${BucketName}`). The answer is yes when some ARN satisfies both, so the check errs towards "match": a finding
 * built on a "no" is then never a false alarm.
 *
 * As in IAM, the first five colon-separated parts (arn, partition, service, region, account) are compared part by
 * part, so a wildcard there cannot reach into the next part; the resource part is everything after the fifth colon,
 * where wildcards and placeholders may span ':' and '/' (`function:${FunctionName}` also names `function:f:alias`).
 * Letters compare case-insensitively, again erring towards "match".
 */

/**
 * A pattern as codes: a lowercased character code, ANY_ONE (`?`), or a run of any length: ANY_RUN (`*`, a policy
 * variable, most placeholders), SEGMENT_RUN (a placeholder of the first five parts when a value is compared whole:
 * no colon), NAME_RUN (a placeholder whose values are plain names: no colon, no slash).
 */
type Tokens = readonly number[];

const ANY_RUN = -1;
const ANY_ONE = -2;
const SEGMENT_RUN = -3;
const NAME_RUN = -4;
const COLON = 58;
const SLASH = 47;

/**
 * Placeholders whose values never hold '/' or ':'. Other placeholders may (`${RoleNameWithPath}`, `${ObjectName}`,
 * a Lambda `${FunctionName}` with its `:alias`), so they match anything; naming S3 buckets here lets
 * `arn:aws:s3:::bucket/*` be told apart from a bucket, the classic s3:ListBucket mistake.
 */
const NAME_PLACEHOLDERS = new Set(['bucketname', 'accesspointname']);

function isRun(token: number): boolean {
  return token === ANY_RUN || token === SEGMENT_RUN || token === NAME_RUN;
}

/** Whether run token `run` can produce the single-character token `token` (a literal or `?`). */
function runCovers(run: number, token: number): boolean {
  if (run === ANY_RUN || token === ANY_ONE) return true;
  return token !== COLON && (run === SEGMENT_RUN || token !== SLASH);
}

function pushRun(tokens: number[], run: number): void {
  if (tokens[tokens.length - 1] !== run) tokens.push(run);
}

/** A pattern split into its five leading ARN parts and the resource part, or whole when it has fewer parts. */
export interface ArnPattern {
  /** Six parts when the pattern has at least five colons, else one part: the whole pattern. */
  readonly parts: readonly Tokens[];
}

function tokenize(pattern: string, wildcards: boolean): number[] {
  const tokens: number[] = [];
  const lower = pattern.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code === 36 && lower.charCodeAt(i + 1) === 123) {
      // '${...}': a template placeholder, or a policy variable whose value is unknown here; either may be anything.
      const end = lower.indexOf('}', i + 2);
      if (end !== -1) {
        const placeholder = lower.slice(i + 2, end);
        pushRun(tokens, !wildcards && NAME_PLACEHOLDERS.has(placeholder) ? NAME_RUN : ANY_RUN);
        i = end;
        continue;
      }
    }
    if (code === 42) pushRun(tokens, ANY_RUN);
    else if (code === 63 && wildcards) tokens.push(ANY_ONE);
    else tokens.push(code);
  }
  return tokens;
}

function split(tokens: number[]): ArnPattern {
  const parts: Tokens[] = [];
  let start = 0;
  for (let i = 0; i < tokens.length && parts.length < 5; i++) {
    if (tokens[i] === COLON) {
      parts.push(tokens.slice(start, i));
      start = i + 1;
    }
  }
  if (parts.length < 5) return { parts: [tokens] };
  parts.push(tokens.slice(start));
  return { parts };
}

/** Prepares a policy Resource value (wildcards and policy variables allowed). */
export function parseResourcePattern(resource: string): ArnPattern {
  return split(tokenize(resource, true));
}

/**
 * Prepares a catalogue ARN template: each `${Placeholder}` may be any text, including none (a template's region
 * is a placeholder even where some ARNs of the type leave it empty), and a literal '*' in a template is a wildcard.
 */
export function parseArnTemplate(template: string): ArnPattern {
  return split(tokenize(template, false));
}

/** True when the tokens are all plain characters: the pattern matches only itself. */
function isLiteral(tokens: Tokens): boolean {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]! < 0) return false;
  return true;
}

function sameTokens(a: Tokens, b: Tokens): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The table of `intersectsByTable`, kept between calls rather than allocated for each; grown when too small. */
let table = new Uint8Array(1024);

/** Whether single-character tokens `x` and `y` (literals or `?`) can stand for the same character. */
function sameChar(x: number, y: number): boolean {
  return x === y || x === ANY_ONE || y === ANY_ONE;
}

/** Whether `tokens[from..to)` can match the empty string: it holds only runs. */
function onlyRuns(tokens: Tokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isRun(tokens[i]!)) return false;
  return true;
}

/**
 * Whether some string matches both token patterns. Leading and trailing single characters are matched off first
 * (a common word starts and ends with a character both sides allow there): that settles most pairs of a
 * policy set (`vpc/*` against `subnet/${SubnetId}` fails at the first letter, `key/*` against `key/${KeyId}`
 * leaves two runs) without the dynamic programming over both positions that the rest needs.
 */
function intersects(a: Tokens, b: Tokens): boolean {
  // A lone run (`${Partition}`, `*`) matches every string, and every pattern matches at least one string (runs
  // may be empty); two plain parts (`s3`, `aws`) meet only when equal.
  if ((a.length === 1 && a[0] === ANY_RUN) || (b.length === 1 && b[0] === ANY_RUN)) return true;
  if (isLiteral(a) && isLiteral(b)) return sameTokens(a, b);
  let aStart = 0;
  let bStart = 0;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aStart < aEnd && bStart < bEnd) {
    const x = a[aStart]!;
    const y = b[bStart]!;
    if (isRun(x) || isRun(y)) break;
    if (!sameChar(x, y)) return false;
    aStart++;
    bStart++;
  }
  while (aStart < aEnd && bStart < bEnd) {
    const x = a[aEnd - 1]!;
    const y = b[bEnd - 1]!;
    if (isRun(x) || isRun(y)) break;
    if (!sameChar(x, y)) return false;
    aEnd--;
    bEnd--;
  }
  // One side used up: the rest of the other must be able to match nothing.
  if (aStart === aEnd) return onlyRuns(b, bStart, bEnd);
  if (bStart === bEnd) return onlyRuns(a, aStart, aEnd);
  if ((aEnd - aStart === 1 && a[aStart] === ANY_RUN) || (bEnd - bStart === 1 && b[bStart] === ANY_RUN))
    return true;
  return intersectsByTable(a, aStart, aEnd, b, bStart, bEnd);
}

/**
 * Whether some string matches both `a[aStart..aEnd)` and `b[bStart..bEnd)`: dynamic programming over both
 * positions, `reached[i][j]` meaning some word matches the first i tokens of one and the first j of the other.
 */
function intersectsByTable(
  a: Tokens,
  aStart: number,
  aEnd: number,
  b: Tokens,
  bStart: number,
  bEnd: number,
): boolean {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const width = bLength + 1;
  const size = (aLength + 1) * width;
  if (table.length < size) table = new Uint8Array(Math.max(size, table.length * 2));
  const reached = table;
  reached.fill(0, 0, size);
  reached[0] = 1;
  for (let i = 0; i <= aLength; i++) {
    for (let j = 0; j <= bLength; j++) {
      if (reached[i * width + j] === 0) continue;
      if (i === aLength && j === bLength) return true;
      const x = i < aLength ? a[aStart + i]! : undefined;
      const y = j < bLength ? b[bStart + j]! : undefined;
      const xRun = x !== undefined && isRun(x);
      const yRun = y !== undefined && isRun(y);
      // A run may end here, or produce the other side's next single character. When both sides are runs, letting
      // either end first covers every common word.
      if (xRun) {
        reached[(i + 1) * width + j] = 1;
        if (y !== undefined && !yRun && runCovers(x, y)) reached[i * width + j + 1] = 1;
      }
      if (yRun) {
        reached[i * width + j + 1] = 1;
        if (x !== undefined && !xRun && runCovers(y, x)) reached[(i + 1) * width + j] = 1;
      }
      if (x !== undefined && y !== undefined && !xRun && !yRun && sameChar(x, y))
        reached[(i + 1) * width + j + 1] = 1;
    }
  }
  return false;
}

/** The order in which two six-part ARNs are compared: the service part first. */
const PART_ORDER = [2, 0, 1, 3, 4, 5] as const;

/** Whether the policy Resource `resource` could name a resource whose ARN follows `template`. */
export function arnPatternsOverlap(resource: ArnPattern, template: ArnPattern): boolean {
  if (resource.parts.length === 6 && template.parts.length === 6) {
    // The service part (index 2) rejects most pairs, so try it first.
    for (let i = 0; i < PART_ORDER.length; i++) {
      const index = PART_ORDER[i]!;
      if (!intersects(resource.parts[index]!, template.parts[index]!)) return false;
    }
    return true;
  }
  // A value with fewer than five colons (say 'arn:aws:s3:*') is not a full ARN; compare it whole, letting its own
  // wildcards span parts (the generous reading) while the template's placeholders stay within theirs.
  return intersects(joinParts(resource.parts, false), joinParts(template.parts, true));
}

function joinParts(parts: readonly Tokens[], keepSegments: boolean): Tokens {
  const joined: number[] = [];
  parts.forEach((part, index) => {
    if (index > 0) joined.push(COLON);
    const inSegment = keepSegments && parts.length === 6 && index < 5;
    for (const token of part) joined.push(inSegment && token === ANY_RUN ? SEGMENT_RUN : token);
  });
  return joined;
}
