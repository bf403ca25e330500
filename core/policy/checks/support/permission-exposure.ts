/**
 * Who a trust or resource policy lets in: statements granting to everyone (`"Principal": "*"`, `{"AWS": "*"}`, or
 * an Allow with NotPrincipal), and the conditions that nonetheless bound the callers to known ones. Shared by the
 * trust-policy and resource-policy exposure checks, which split by policy kind so one problem gives one finding.
 */
import type { ConditionEntry, PolicyDocument, PolicyStatement, SourceRange } from '../../document.ts';
import { guardingConditions } from './permission-guards.ts';
import { isPublicPrincipal } from './permission-principals.ts';
import { allowStatements, constrainingConditions, describeCondition } from './statement.ts';

/**
 * Condition keys that bound the callers of a statement granting to "*" to a known set: one organisation or
 * account, named principals, the resource the service acts for, a network. With one of these the grant is not
 * public. aws:SourceIp counts: an address range is a known set of callers, even when it is broad.
 */
export const CALLER_SCOPING_KEYS: readonly string[] = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:userid',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceOwner',
  'aws:SourceVpce',
  'aws:SourceVpc',
  'aws:SourceIp',
  'aws:VpcSourceIp',
  'kms:CallerAccount',
  's3:DataAccessPointAccount',
  's3:DataAccessPointArn',
];

/**
 * Condition keys that narrow who can call without bounding it: sts:ExternalId is not a secret (AWS says so), and the
 * via-service and service-principal keys admit that service acting for any account. They lower severity one level.
 */
export const WEAK_CALLER_KEYS: readonly string[] = [
  'sts:ExternalId',
  'kms:ViaService',
  'aws:CalledVia',
  'aws:CalledViaFirst',
  'aws:CalledViaLast',
  'aws:PrincipalIsAWSService',
  'aws:PrincipalServiceName',
  'lambda:EventSourceToken',
];

const SCOPING_KEY_SET: ReadonlySet<string> = new Set(CALLER_SCOPING_KEYS.map((key) => key.toLowerCase()));

/** A statement that grants to everyone. */
export interface PublicGrant {
  statement: PolicyStatement;
  /** Where to report: the `*` principal entry, or the NotPrincipal key. */
  range: SourceRange;
  /** `*`, `AWS: *` or `NotPrincipal`. */
  written: string;
  /** Conditions that bound the callers (own, or of a guarding Deny); non-empty means not public. */
  scoping: ConditionEntry[];
  /** Conditions that narrow without bounding; they lower severity. */
  weak: ConditionEntry[];
}

/** The Allow statements that name everyone as principal, with the conditions that bear on it. */
export function publicGrants(document: PolicyDocument): PublicGrant[] {
  const grants: PublicGrant[] = [];
  const statements = allowStatements(document);
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    const star = statement.principal?.entries.find(isPublicPrincipal);
    let where: { range: SourceRange; written: string } | undefined;
    if (star) where = { range: star.range, written: star.type === '*' ? '*' : `${star.type}: *` };
    else if (statement.notPrincipal)
      where = { range: statement.notPrincipal.keyRange, written: 'NotPrincipal' };
    if (!where) continue;
    grants.push({
      statement,
      ...where,
      scoping: constrainingConditions(statement, CALLER_SCOPING_KEYS).concat(
        guardingConditions(document, statement, SCOPING_KEY_SET),
      ),
      weak: constrainingConditions(statement, WEAK_CALLER_KEYS),
    });
  }
  return grants;
}

/** The grant's conditions as evidence strings. */
export function describeConditions(entries: readonly ConditionEntry[]): string[] {
  return entries.map(describeCondition);
}
