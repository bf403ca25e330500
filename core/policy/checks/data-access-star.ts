import type { PolicyCheck } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { sensitiveGrantProblem, sensitiveGrants } from './support/permission-sensitive-grants.ts';

/**
 * Actions that read secrets or bulk data (support/permission-sensitive-actions.ts DATA_ACTIONS: Secrets Manager,
 * SSM parameters, kms:Decrypt, S3 objects, DynamoDB items, logs, ...) on every resource: what an attacker with the
 * credential exfiltrates. Severity per action (high for secrets); one level lower with a narrowing condition such as
 * kms:ViaService or aws:ResourceTag/...
 */
export const dataAccessStar = {
  id: 'iam.policy.data-access-star',
  title: 'Data-reading actions on every resource',
  category: 'security',
  defaultSeverity: 'medium',
  docs: 'Actions that read secrets or data (secretsmanager:GetSecretValue, ssm:GetParameter, kms:Decrypt, s3:GetObject, dynamodb:Scan, ...) on "*": a leaked credential exposes every secret, bucket or table of the account, not only the workload\'s.',
  remediation:
    'Name the secrets, parameters, keys, buckets or tables the workload reads in Resource (e.g. "arn:aws:secretsmanager:*:*:secret:my-app/*"), or narrow with a condition such as kms:ViaService or aws:ResourceTag/<key>.',
  appliesTo: ['identity'],
  evaluate(document, { catalog }) {
    return sensitiveGrants(analyzePermissions(document, catalog), 'data').map(sensitiveGrantProblem);
  },
} satisfies PolicyCheck;
