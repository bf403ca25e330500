/**
 * Role ARNs as people paste them. The parser says exactly what is wrong (an assumed-role session ARN, a user
 * ARN, an 11-digit account id, a missing `role/`) and shows the expected shape, because "invalid ARN" alone
 * sends the user back to the console guessing.
 */

/** AWS partitions Axiom supports. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The supported partitions, in display order. */
export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** A parsed IAM role ARN. */
export interface RoleArn {
  /** The partition (`aws`, `aws-cn`, `aws-us-gov`). */
  partition: Partition;
  /** The 12-digit account id that owns the role. */
  accountId: string;
  /** The role path, `/` or `/a/b/` (begins and ends with `/`). */
  path: string;
  /** The role name (1-64 characters of letters, digits and `+=,.@_-`). */
  roleName: string;
  /** The ARN, normalised (surrounding whitespace removed). */
  arn: string;
}

/** Result of `parseRoleArn`: the ARN, or what is wrong with it. */
export type RoleArnResult =
  | {
      /** Parsed. */
      ok: true;
      /** The role ARN. */
      arn: RoleArn;
    }
  | {
      /** Not a role ARN. */
      ok: false;
      /** What is wrong and the expected shape, one sentence for a person. */
      error: string;
      /** What is wrong, without the example (for callers that add their own context). */
      reason: string;
    };

/** The shape shown in every error. */
export const ROLE_ARN_EXAMPLE = 'arn:aws:iam::123456789012:role/axiom-readonly';

/** IAM's role name rule. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** IAM's path rule: `/`, or `/`...`/` of printable ASCII (0x21-0x7F), at most 512 characters. */
const ROLE_PATH = /^(\/|\/[\u0021-\u007F]+\/)$/;
const MAX_PATH_LENGTH = 512;

function fail(reason: string): RoleArnResult {
  return { ok: false, reason, error: `${reason}. Expected a role ARN like ${ROLE_ARN_EXAMPLE}` };
}

function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

/** Describes the first character IAM does not allow in a role name. */
function badNameCharacter(name: string): string {
  const character = [...name].find((c) => !/[\w+=,.@-]/.test(c)) ?? '';
  return JSON.stringify(character);
}

/** Checks the resource part after `role/` (path and name). */
function parseRoleResource(afterRole: string): { path: string; roleName: string } | string {
  const slash = afterRole.lastIndexOf('/');
  const roleName = afterRole.slice(slash + 1);
  const path = slash === -1 ? '/' : `/${afterRole.slice(0, slash + 1)}`;
  if (roleName === '')
    return afterRole === ''
      ? "the role name is missing after 'role/'"
      : 'the role name is missing (the ARN ends with "/")';
  if (roleName.length > 64)
    return `the role name is ${roleName.length} characters long; IAM allows at most 64`;
  if (!ROLE_NAME.test(roleName))
    return `the role name "${roleName}" contains ${badNameCharacter(roleName)}; IAM role names allow only letters, digits and + = , . @ _ -`;
  if (path.length > MAX_PATH_LENGTH)
    return `the role path is ${path.length} characters long; IAM allows at most 512`;
  if (!ROLE_PATH.test(path))
    return `the role path "${path}" is not valid: IAM paths are "/" or start and end with "/" with printable ASCII characters between`;
  return { path, roleName };
}

/**
 * Parses an IAM role ARN (`arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`). Surrounding whitespace is ignored;
 * anything else that is not a role ARN is an error that says what was found instead.
 */
export function parseRoleArn(text: string): RoleArnResult {
  const arn = text.trim();
  if (arn === '') return fail('the role ARN is empty');
  if (/\s/.test(arn))
    return fail(`"${arn}" contains whitespace (a line break or a space pasted into the ARN?)`);
  if (/^["'`]|["'`]$/.test(arn)) return fail(`"${arn}" is wrapped in quotes; paste the ARN without them`);
  if (/^\d{12}$/.test(arn)) return fail(`"${arn}" is an account id, not a role ARN`);
  if (!arn.startsWith('arn:')) return fail(`"${arn}" does not start with "arn:"`);
  const parts = arn.split(':');
  if (parts.length < 6)
    return fail(
      `"${arn}" has ${parts.length} colon-separated parts; a role ARN has 6 (arn:partition:iam::account:role/name)`,
    );
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!isPartition(partition))
    return fail(`the partition "${partition}" is not one of ${PARTITIONS.join(', ')}`);
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const roleName = resource.split('/')[1] ?? 'NAME';
    return fail(
      `"${arn}" is an assumed-role session ARN (what GetCallerIdentity returns), not the role's ARN; ` +
        `use the role ARN from the IAM console, e.g. arn:${partition}:iam::${accountId}:role/${roleName} (add the role's path if it has one)`,
    );
  }
  if (service !== 'iam') return fail(`the service is "${service}"; a role ARN has "iam"`);
  if (region !== '') return fail(`IAM ARNs have no region, but this one has "${region}" (expected "iam::")`);
  if (!/^\d{12}$/.test(accountId)) {
    const digits = /^\d+$/.test(accountId) ? ` (${accountId.length} digits)` : '';
    return fail(`the account id must be 12 digits, got "${accountId}"${digits}`);
  }
  for (const kind of ['user', 'group', 'policy', 'instance-profile', 'oidc-provider', 'saml-provider']) {
    if (resource.startsWith(`${kind}/`))
      return fail(`"${arn}" is an IAM ${kind} ARN; Axiom needs the ARN of a role (…:role/NAME)`);
  }
  if (resource === 'root')
    return fail(`"${arn}" is an account root ARN; Axiom needs the ARN of a role (…:role/NAME)`);
  if (resource === 'role') return fail("the role name is missing after 'role/'");
  if (!resource.startsWith('role/'))
    return fail(`"role/" is missing before the role name (found "${resource}")`);
  const parsed = parseRoleResource(resource.slice('role/'.length));
  if (typeof parsed === 'string') return fail(parsed);
  return { ok: true, arn: { partition, accountId, path: parsed.path, roleName: parsed.roleName, arn } };
}
