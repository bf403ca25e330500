/**
 * Whether a bucket policy grants public access, worked out from the document the way S3's own verdict
 * (GetBucketPolicyStatus) does, for when that verdict cannot be read. S3 calls a policy public unless each
 * statement that allows everyone is tied to fixed values of keys that pin down the caller: a set of source
 * CIDRs (aws:SourceIp), a source ARN, VPC, VPC endpoint, owner or account, a KMS key id, a user id, or (the
 * organisation-wide equivalents) aws:PrincipalOrgID, aws:PrincipalAccount and aws:PrincipalArn. See "The meaning
 * of public" in the S3 user guide.
 */

/** Condition keys that, with a fixed value under a positive operator, keep an Allow-everyone statement private. */
const PINNING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  'aws:userid',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** `"*"`, `{ "AWS": "*" }` or `{ "AWS": ["*", ...] }`: anyone, signed or not. */
function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal)) return false;
  return Object.values(principal).some((value) => list(value).includes('*'));
}

/** A value with no wildcard and no policy variable: the same for every caller. */
function isFixed(key: string, value: unknown): boolean {
  if (typeof value !== 'string' || value === '' || /[*?]|\$\{/.test(value)) return false;
  // A source-IP "range" of the whole internet pins nothing.
  return !(key === 'aws:sourceip' && /\/0$/.test(value.trim()));
}

/**
 * True when the operator only lets through requests whose key has one of the listed values: not negated,
 * not `...IfExists` (an absent key passes), not `ForAllValues:` (an empty set passes), not `Null`.
 */
function isPinningOperator(operator: string): boolean {
  if (/^ForAllValues:/i.test(operator) || /IfExists$/i.test(operator)) return false;
  const bare = operator.replace(/^ForAnyValue:/i, '');
  return !/Not/.test(bare) && bare !== 'Null';
}

function isPinned(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isPinningOperator(operator) || !isRecord(keys)) continue;
    for (const [rawKey, values] of Object.entries(keys)) {
      const key = rawKey.toLowerCase();
      const all = list(values);
      if (PINNING_KEYS.has(key) && all.length > 0 && all.every((value) => isFixed(key, value))) return true;
    }
  }
  return false;
}

function grantsEveryone(statement: Record<string, unknown>): boolean {
  if (statement.Effect !== 'Allow') return false;
  // Allow with NotPrincipal grants everyone but the principals named.
  const everyone = statement.NotPrincipal !== undefined || isEveryone(statement.Principal);
  return everyone && !isPinned(statement.Condition);
}

/**
 * Whether the bucket policy `policy` (JSON text) makes the bucket public; undefined when the text is not a
 * policy document, so no verdict is made up.
 */
export function policyAllowsPublicAccess(policy: string): boolean | undefined {
  let document: unknown;
  try {
    document = JSON.parse(policy);
  } catch {
    return undefined;
  }
  if (!isRecord(document) || document.Statement === undefined) return undefined;
  return list(document.Statement).some((statement) => isRecord(statement) && grantsEveryone(statement));
}
