import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { guardingConditions } from './support/permission-guards.ts';
import { describePrincipal, isServicePrincipal } from './support/permission-principals.ts';
import { allowStatements, constrainingConditions, scalarText } from './support/statement.ts';

/** The confused-deputy defences for a service acting on a resource: whose resource it acts for. */
const SOURCE_KEYS = [
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceOwner',
];
const SOURCE_KEY_SET: ReadonlySet<string> = new Set(SOURCE_KEYS.map((key) => key.toLowerCase()));

/**
 * A resource policy granting an AWS service principal (s3.amazonaws.com, events.amazonaws.com, sns.amazonaws.com,
 * ...) with no aws:SourceArn, aws:SourceAccount or aws:SourceOrgID condition: the service acts for every customer,
 * so any account's bucket, rule or topic can make it write to this queue, topic, bucket or invoke this function.
 * KMS key policies are left out: services scope key use with their own encryption-context keys.
 */
export const resourceServiceWithoutSource = {
  id: 'iam.resource.service-without-source',
  title: 'Service principal without a source condition',
  category: 'security',
  defaultSeverity: 'medium',
  docs: 'A resource policy that lets an AWS service act on it without aws:SourceArn or aws:SourceAccount admits that service acting for any AWS customer (the cross-service confused deputy).',
  remediation:
    'Add "Condition": {"ArnLike": {"aws:SourceArn": "<ARN of your bucket, rule or topic>"}} or {"StringEquals": {"aws:SourceAccount": "<your account id>"}} (for a Lambda permission: the SourceArn / SourceAccount properties).',
  appliesTo: ['resource'],
  evaluate(document) {
    if (document.resourceType === 'kms-key') return [];
    const problems: PolicyProblem[] = [];
    const statements = allowStatements(document);
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      const services = (statement.principal?.entries ?? []).filter(isServicePrincipal);
      const first = services[0];
      if (!first) continue;
      if (constrainingConditions(statement, SOURCE_KEYS).length > 0) continue;
      if (guardingConditions(document, statement, SOURCE_KEY_SET).length > 0) continue;
      const names = services.map((entry) => scalarText(entry.value));
      problems.push({
        message: `${names.join(', ')} may act on this resource with no aws:SourceArn or aws:SourceAccount condition: the service acting for any AWS account's resources is let in too`,
        range: first.range,
        statement,
        evidence: { principals: services.map(describePrincipal) },
        anchor: names.join(','),
      });
    }
    return problems;
  },
} satisfies PolicyCheck;
