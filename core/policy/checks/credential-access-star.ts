import type { PolicyCheck } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { sensitiveGrantProblem, sensitiveGrants } from './support/permission-sensitive-grants.ts';

/**
 * Actions that return credentials, passwords or a session as someone else (support/permission-sensitive-actions.ts
 * CREDENTIAL_ACTIONS, with why each is there and why sts:GetSessionToken and ecr:GetAuthorizationToken are not),
 * on every resource. Severity per action; one level lower with a narrowing condition.
 */
export const credentialAccessStar = {
  id: 'iam.policy.credential-access-star',
  title: 'Credential-returning actions on every resource',
  category: 'security',
  defaultSeverity: 'high',
  docs: 'Actions that hand back credentials or a way in (sts:AssumeRole, redshift:GetClusterCredentials, rds-db:connect, ec2-instance-connect:SendSSHPublicKey, ...) on "*" reach every role, database or instance, not only the workload\'s own.',
  remediation:
    'Name the roles, database users, clusters or instances the workload needs in Resource (their ARNs) instead of "*".',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    return sensitiveGrants(analyzePermissions(document, catalog), 'credentials').map(sensitiveGrantProblem);
  },
} satisfies PolicyCheck;
