import type { ResourcePolicyType } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { describeConditions, publicGrants } from './support/permission-exposure.ts';
import { lowerSeverity } from './support/permission-severity.ts';
import { literalValues } from './support/statement.ts';

const RESOURCE_NAMES: Record<ResourcePolicyType, string> = {
  's3-bucket': 'bucket',
  'sqs-queue': 'queue',
  'sns-topic': 'topic',
  'kms-key': 'key',
  'lambda-permission': 'function',
};

/**
 * A resource policy (S3 bucket, SQS queue, SNS topic, KMS key, Lambda permission) that grants to everyone with no
 * condition bounding the callers (support/permission-exposure.ts CALLER_SCOPING_KEYS: aws:PrincipalOrgID,
 * aws:SourceVpce, aws:SourceArn, kms:CallerAccount, ...), on the statement or through a guarding Deny. Critical when
 * it grants write or permission-management actions, high for reads; one level lower when only a weak condition
 * (kms:ViaService, aws:PrincipalIsAWSService, ...) applies. Trust policies are the trust check's.
 */
export const resourcePublicAccess = {
  id: 'iam.resource.public-access',
  title: 'Resource open to anyone',
  category: 'security',
  defaultSeverity: 'high',
  docs: 'A bucket, queue, topic, key or function policy with Principal "*" (or an Allow with NotPrincipal) and no condition bounding the callers is open to every AWS account and, for S3, to anonymous internet users.',
  remediation:
    'Name the accounts or roles in Principal, or keep "*" and add a condition that bounds the callers: aws:PrincipalOrgID for your organisation, aws:SourceVpce for a VPC endpoint, aws:SourceArn/aws:SourceAccount for a service acting for your resource.',
  appliesTo: ['resource'],
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const what = document.resourceType ? RESOURCE_NAMES[document.resourceType] : 'resource';
    const grants = publicGrants(document);
    for (let i = 0; i < grants.length; i++) {
      const grant = grants[i]!;
      if (grant.scoping.length > 0) continue;
      const patterns = literalValues(grant.statement.action);
      const actions = patterns.flatMap((pattern) => catalog.expandActionPattern(pattern).actions);
      const changes =
        grant.statement.notAction !== undefined ||
        actions.some(
          (action) => action.accessLevels.has('Write') || action.accessLevels.has('Permissions management'),
        );
      const base = changes ? 'critical' : 'high';
      const weak = describeConditions(grant.weak);
      const granted = grant.statement.notAction
        ? 'every action but its NotAction'
        : patterns.map((pattern) => `"${pattern}"`).join(', ') || 'its actions';
      const who =
        grant.written === 'NotPrincipal'
          ? 'everyone but the NotPrincipal list'
          : `Principal "${grant.written}"`;
      problems.push({
        message: `${who} is allowed ${granted} with no condition limiting the callers: any AWS account${document.resourceType === 's3-bucket' ? ', and anonymous internet users,' : ''} can use this ${what}${weak.length > 0 ? ` (only ${weak.join('; ')} narrows it)` : ''}`,
        range: grant.range,
        statement: grant.statement,
        severity: weak.length > 0 ? lowerSeverity(base) : base,
        evidence: { principal: grant.written, actions: patterns, writes: changes, conditions: weak },
        anchor: grant.written,
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
