import type { Rule, RuleHit } from '../rule.ts';
import { type FullAdminStatement, fullAdminStatements } from '../support/iam-full-admin.ts';
import { policyDocumentOf, policyPath } from '../support/iam-policy-documents.ts';
import {
  consolePath,
  customerPrincipals,
  type IamPrincipal,
  isAwsManagedArn,
  managedPoliciesByArn,
  policyNameFromArn,
  principalLabel,
  principalResource,
} from '../support/iam-principals.ts';
import { iamScope, isIdentityCenterRole } from '../support/iam-scope.ts';

/** AWS's own full-access policy; recognised by ARN even when its document was not collected. */
const ADMINISTRATOR_ACCESS = /^arn:[\w-]+:iam::aws:policy\/AdministratorAccess$/;

/** One policy of a principal that grants `*:*`. */
interface AdminGrant {
  policyName: string;
  type: 'inline' | 'customer-managed' | 'aws-managed';
  arn?: string;
  statements: FullAdminStatement[];
}

function describeGrant(grant: AdminGrant): string {
  const what =
    grant.type === 'inline'
      ? `inline policy "${grant.policyName}"`
      : `${grant.type === 'aws-managed' ? 'AWS managed' : 'customer managed'} policy ${grant.policyName}`;
  const where = grant.statements.map((statement) =>
    statement.conditions.length > 0
      ? `${statement.statement}, conditions: ${statement.conditions.join('; ')}`
      : statement.statement,
  );
  return where.length > 0 ? `${what} (${where.join('; ')})` : what;
}

function adminGrants(
  principal: IamPrincipal,
  policies: ReturnType<typeof managedPoliciesByArn>,
): AdminGrant[] {
  const grants: AdminGrant[] = [];
  for (const inline of principal.inlinePolicies) {
    const path = policyPath(principal.kind, principal.name, 'inline', inline.policyName);
    const document = policyDocumentOf(inline.document, 'identity', path);
    const statements = document ? fullAdminStatements(document) : [];
    if (statements.length > 0) grants.push({ policyName: inline.policyName, type: 'inline', statements });
  }
  for (const arn of principal.attachedPolicyArns) {
    const policy = policies.get(arn);
    const awsManaged = policy?.awsManaged ?? isAwsManagedArn(arn);
    const name = policy?.policyName ?? policyNameFromArn(arn);
    const path = policyPath(awsManaged ? 'aws-managed' : 'policy', name);
    const document = policyDocumentOf(policy?.document, 'identity', path);
    const statements = document ? fullAdminStatements(document) : [];
    if (statements.length === 0 && !(document === undefined && ADMINISTRATOR_ACCESS.test(arn))) continue;
    grants.push({ policyName: name, type: awsManaged ? 'aws-managed' : 'customer-managed', arn, statements });
  }
  return grants;
}

/**
 * Users, groups and roles holding a policy that allows every action on every resource: a customer managed or inline
 * policy with "Action": "*" on "Resource": "*", or AWS's AdministratorAccess attached. One finding per principal,
 * naming every such policy. IAM Identity Center permission-set roles are reported at low severity: an administrator
 * permission set is the recommended way to give people admin access, so there the review is of who is assigned.
 * NotAction forms of full access are found by the policy-analysis rule (iam.policy.full-admin).
 */
export const fullAdminPolicyAttached = {
  id: 'aws.iam.full-admin-policy-attached',
  service: 'iam',
  category: 'security',
  severity: 'high',
  title: 'Full administrator (*:*) policy attached',
  rationale:
    'A principal with "Action": "*" on "Resource": "*" can do anything in the account, including turning off ' +
    'logging and granting itself or others any access, so one stolen credential or one confused workload is a ' +
    'full compromise. CIS AWS Foundations 1.16 and Security Hub IAM.1 require that no such policy be attached.',
  remediation:
    'Replace the policy with one granting the actions the principal uses (IAM Access Analyzer can generate it from ' +
    'CloudTrail, and last-accessed data shows what is unused). Keep administrator access only on a few roles that ' +
    'people assume with MFA, ideally through IAM Identity Center, and never on workload roles or IAM users.',
  scope: 'global',
  requires: [{ service: 'iam', operation: 'GetAccountAuthorizationDetails' }],
  evaluate(scope) {
    const iam = iamScope(scope);
    if (!iam?.iam.users || !iam.iam.roles || !iam.iam.groups) return [];
    const policies = managedPoliciesByArn(iam.iam);
    const hits: RuleHit[] = [];
    for (const principal of customerPrincipals(iam.iam)) {
      const grants = adminGrants(principal, policies);
      if (grants.length === 0) continue;
      const identityCenter = principal.role !== undefined && isIdentityCenterRole(principal.role);
      hits.push({
        resource: principalResource(principal),
        message:
          `${principalLabel(principal)} has full administrator access ("Action": "*" on "Resource": "*") ` +
          `through ${grants.map(describeGrant).join(', ')}.` +
          (identityCenter
            ? ' It is managed by IAM Identity Center: review who is assigned the permission set.'
            : ''),
        evidence: {
          principalType: principal.kind,
          principal: principal.name,
          arn: principal.arn,
          ...(principal.members ? { groupMembers: principal.members } : {}),
          policies: grants,
        },
        ...(identityCenter ? { severity: 'low' as const } : {}),
        remediation: identityCenter
          ? 'In IAM Identity Center > Permission sets, check that the administrator permission set is assigned only ' +
            'to the people who need it, with MFA, and give everyone else a narrower permission set.'
          : `Detach or narrow the policies named (${consolePath(principal)}), replacing them with the actions ` +
            'this principal needs; keep administrator access only on roles people assume with MFA.',
      });
    }
    return hits;
  },
} satisfies Rule;
