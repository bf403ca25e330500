import { LOGS_PRICES, PRICES_AS_OF, regionMultiplier } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { formatUsd } from '../support/estimate.ts';

/** Bytes in the GB that CloudWatch bills storage by (binary: it keeps the figure on the low side). */
const BYTES_PER_GB = 1024 ** 3;

/** 1536 -> "1.5 KiB"; storedBytes as people read it. */
function formatBinaryBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * A log group without a retention setting, so CloudWatch keeps its events forever. What a retention period
 * would delete depends on the age of the stored events, which DescribeLogGroups does not tell, so no saving is
 * claimed: the message and evidence give what the stored bytes cost per month today (list price), the amount
 * that keeps growing while nothing expires.
 */
export const logGroupRetentionUnset = {
  id: 'aws.logs.log-group-retention-unset',
  service: 'logs',
  category: 'hygiene',
  severity: 'low',
  title: 'Log group keeps events forever',
  rationale:
    'A log group without retention never deletes anything: storage is billed every month for every byte ever ' +
    'written, and logs that may hold personal data or secrets outlive any data-retention policy. Lambda, API ' +
    'Gateway, ECS and most AWS services create their log groups this way by default.',
  remediation:
    'Set a retention that matches how long the logs are needed (often 30 to 400 days; export to S3 with a lifecycle ' +
    'for long-term archives): CloudWatch console > Log groups > the group > Actions > Edit retention setting, or ' +
    '`aws logs put-retention-policy --log-group-name <name> --retention-in-days 90`. Set it where the group is ' +
    'created (CloudFormation RetentionInDays, Terraform retention_in_days) so new groups start with one.',
  scope: 'regional',
  requires: [{ service: 'logs', operation: 'DescribeLogGroups' }],
  evaluate(scope) {
    if (scope.kind !== 'regional') return [];
    const groups = scope.inventory.logs?.logGroups;
    if (!groups) return [];
    const perGB = LOGS_PRICES.storagePerGBMonth * regionMultiplier(scope.region);
    const hits: RuleHit[] = [];
    for (const group of groups) {
      if (group.retentionInDays !== undefined) continue;
      const storageCost = Math.round((group.storedBytes / BYTES_PER_GB) * perGB * 100) / 100;
      const arn =
        group.arn ??
        `arn:${scope.account.partition}:logs:${scope.region}:${scope.account.accountId}:log-group:${group.logGroupName}`;
      hits.push({
        resource: { type: 'AWS::Logs::LogGroup', id: group.logGroupName, arn },
        message:
          `Log group ${group.logGroupName} in ${scope.region} has no retention (events never expire) and stores ` +
          `${formatBinaryBytes(group.storedBytes)}, which costs about ${formatUsd(storageCost)}/month to keep ` +
          `(estimate, list prices as of ${PRICES_AS_OF}) and grows for as long as nothing expires.`,
        evidence: {
          logGroupName: group.logGroupName,
          retentionInDays: null,
          storedBytes: group.storedBytes,
          creationTime: group.creationTime,
          storageCostUsdPerMonth: storageCost,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
