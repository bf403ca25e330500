import { globMatches } from '../../policy/catalog/glob.ts';

/**
 * Whether a bucket policy enforces TLS the way AWS Config's s3-bucket-ssl-requests-only, Security Hub S3.5 and
 * CIS 2.1.1 expect: a Deny statement for every principal and every S3 action, on the bucket and all its
 * objects, when `aws:SecureTransport` is false (Bool or BoolIfExists). An Allow that requires TLS does not count:
 * an IAM policy can still allow plain HTTP. A Deny narrowed by another condition, a principal, a subset of
 * actions or a prefix of the keys leaves the rest reachable over HTTP, so it does not count either.
 */
export type TlsPolicyVerdict =
  | { kind: 'enforced'; statement: string }
  | { kind: 'no-policy' }
  | { kind: 'unreadable'; reason: string }
  | {
      kind: 'not-enforced';
      /** Deny statements on aws:SecureTransport false that fall short, with why ("statement 'X': it does not ..."). */
      nearMisses: string[];
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}

/** `"*"` or `{ "AWS": "*" }`: the deny applies to every caller. */
function appliesToEveryone(statement: Record<string, unknown>): boolean {
  if (statement.NotPrincipal !== undefined) return false;
  const principal = statement.Principal;
  if (principal === '*') return true;
  return isRecord(principal) && strings(principal.AWS).includes('*');
}

/** `"*"` or `"s3:*"` (IAM action names are case-insensitive). */
function coversAllActions(statement: Record<string, unknown>): boolean {
  if (statement.NotAction !== undefined) return false;
  return strings(statement.Action).some((action) => action === '*' || action.toLowerCase() === 's3:*');
}

/** Whether wildcard `pattern` matches every object ARN `<bucketArn>/<key>` (every key, whatever its prefix). */
function coversAllObjects(pattern: string, bucketArn: string): boolean {
  if (!pattern.endsWith('*')) return false;
  const stem = pattern.replace(/\*+$/, '');
  const objectPrefix = `${bucketArn}/`;
  // The trailing `*` absorbs any key as soon as the stem matches some prefix of "<bucketArn>/".
  for (let length = 0; length <= objectPrefix.length; length++)
    if (globMatches(stem, objectPrefix.slice(0, length))) return true;
  return false;
}

/** The values `Bool`/`BoolIfExists` test `aws:SecureTransport` against, when the statement has that test. */
function secureTransportFalse(condition: unknown): { tested: boolean; others: string[] } {
  const others: string[] = [];
  let tested = false;
  if (!isRecord(condition)) return { tested, others };
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isRecord(keys)) continue;
    for (const [key, values] of Object.entries(keys)) {
      const isTransport =
        /^bool(ifexists)?$/i.test(operator) &&
        key.toLowerCase() === 'aws:securetransport' &&
        list(values).some((value) => String(value).toLowerCase() === 'false');
      if (isTransport) tested = true;
      else others.push(`${operator} ${key}`);
    }
  }
  return { tested, others };
}

/** Why a Deny on aws:SecureTransport false does not cover the whole bucket, or [] when it does. */
function shortfalls(statement: Record<string, unknown>, bucketArn: string, others: string[]): string[] {
  const reasons: string[] = [];
  if (!appliesToEveryone(statement)) reasons.push('it does not apply to every principal ("Principal": "*")');
  if (!coversAllActions(statement)) reasons.push('it does not deny every action ("s3:*")');
  if (statement.NotResource !== undefined) {
    reasons.push('it uses NotResource, which leaves resources out');
  } else {
    const resources = strings(statement.Resource);
    if (!resources.some((resource) => globMatches(resource, bucketArn)))
      reasons.push(`its Resource does not cover the bucket (${bucketArn})`);
    if (!resources.some((resource) => coversAllObjects(resource, bucketArn)))
      reasons.push(`its Resource does not cover every object (${bucketArn}/*)`);
  }
  if (others.length > 0) reasons.push(`it also requires ${others.join(', ')}`);
  return reasons;
}

/**
 * The verdict for the bucket policy `policy` (JSON text as S3 returns it; null when the bucket has none) on the
 * bucket `bucketArn`. Never throws: text that is not a policy document is 'unreadable'.
 */
export function tlsPolicyVerdict(policy: string | null, bucketArn: string): TlsPolicyVerdict {
  if (policy === null) return { kind: 'no-policy' };
  let document: unknown;
  try {
    document = JSON.parse(policy);
  } catch (error) {
    return {
      kind: 'unreadable',
      reason: `not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!isRecord(document) || document.Statement === undefined)
    return { kind: 'unreadable', reason: 'no Statement element' };
  const nearMisses: string[] = [];
  let enforcing: string | undefined;
  list(document.Statement).forEach((statement, index) => {
    if (enforcing !== undefined || !isRecord(statement) || statement.Effect !== 'Deny') return;
    const { tested, others } = secureTransportFalse(statement.Condition);
    if (!tested) return;
    const name =
      typeof statement.Sid === 'string' && statement.Sid !== '' ? `'${statement.Sid}'` : `#${index + 1}`;
    const reasons = shortfalls(statement, bucketArn, others);
    if (reasons.length === 0) enforcing = name;
    else nearMisses.push(`statement ${name}: ${reasons.join('; ')}`);
  });
  return enforcing !== undefined
    ? { kind: 'enforced', statement: enforcing }
    : { kind: 'not-enforced', nearMisses };
}
