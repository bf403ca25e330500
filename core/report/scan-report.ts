/**
 * What `axiom scan` tells the renderers besides the findings: the accounts and regions, every coverage gap,
 * the rules that could not run, and the scan's counters (API calls in all and per operation, duration,
 * resources per type). Pure: the same inventory and evaluation always give the same context, so a scan re-run
 * offline from its saved inventory reports exactly what the live scan did.
 */
import type { RuleEvaluation } from '../rules/evaluate.ts';
import type { Rule } from '../rules/rule.ts';
import type { AccountInventory, CoverageEntry, Inventory, RegionInventory } from '../scan/inventory.ts';
import type { CoverageGap, ReportContext, ReportTarget, ReportTool, RuleDescription } from './context.ts';

/** What `buildScanReportContext` needs besides the inventory and the rules' output. */
export interface ScanReportOptions {
  /** The tool and its version. */
  tool: ReportTool;
  /** The rules that ran, for SARIF's rule descriptions. */
  rules: readonly Rule[];
}

/** How many of each resource type one collection holds; absent collections were not collected. */
type Counter = (type: string, items: readonly unknown[] | Record<string, unknown> | undefined) => void;

function countRegion(region: RegionInventory, add: Counter): void {
  add('AWS::EC2::Instance', region.ec2?.instances);
  add('AWS::EC2::Volume', region.ec2?.volumes);
  add('AWS::EC2::SecurityGroup', region.ec2?.securityGroups);
  add('AWS::EC2::VPC', region.ec2?.vpcs);
  add('AWS::EC2::Subnet', region.ec2?.subnets);
  add('AWS::EC2::NatGateway', region.ec2?.natGateways);
  add('AWS::EC2::EIP', region.ec2?.addresses);
  add('AWS::ElasticLoadBalancingV2::LoadBalancer', region.elbv2?.loadBalancers);
  add('AWS::ElasticLoadBalancingV2::TargetGroup', region.elbv2?.targetGroups);
  add('AWS::RDS::DBInstance', region.rds?.instances);
  add('AWS::RDS::DBCluster', region.rds?.clusters);
  add('AWS::Logs::LogGroup', region.logs?.logGroups);
}

function countAccount(account: AccountInventory, add: Counter): void {
  add('AWS::IAM::User', account.iam?.users);
  add('AWS::IAM::Group', account.iam?.groups);
  add('AWS::IAM::Role', account.iam?.roles);
  // AWS managed policies are AWS's catalogue, not the customer's resources: only the account's own count.
  add(
    'AWS::IAM::ManagedPolicy',
    account.iam?.policies?.filter((policy) => !policy.awsManaged),
  );
  add('AWS::S3::Bucket', account.s3?.buckets);
  for (const region of account.regions) {
    const slot = account.regional[region];
    if (slot) countRegion(slot, add);
  }
}

/**
 * Resources inventoried per type, over every account and region, keys sorted. A type appears (possibly with 0)
 * when its collection was collected somewhere, and is absent when it never was.
 */
export function countResources(inventory: Inventory): Record<string, number> {
  const counts = new Map<string, number>();
  const add: Counter = (type, items) => {
    if (items === undefined) return;
    const size = Array.isArray(items) ? items.length : Object.keys(items).length;
    counts.set(type, (counts.get(type) ?? 0) + size);
  };
  for (const account of inventory.accounts) countAccount(account, add);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The coverage entries that are gaps (denied, failed or skipped), as the renderers take them. */
export function coverageGaps(coverage: readonly CoverageEntry[]): CoverageGap[] {
  return coverage.flatMap((entry): CoverageGap[] =>
    entry.status === 'ok'
      ? []
      : [
          {
            account: entry.accountId,
            region: entry.region,
            service: entry.service,
            operation: entry.operation,
            status: entry.status,
            detail: entry.detail ?? `${entry.operation} ${entry.status}`,
          },
        ],
  );
}

function target(account: AccountInventory): ReportTarget {
  return {
    description: `AWS account ${account.accountId}${account.name === undefined ? '' : ` (${account.name})`}`,
    accountId: account.accountId,
    regions: [...account.regions],
  };
}

function ruleDescriptions(rules: readonly Rule[]): Record<string, RuleDescription> {
  return Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      { title: rule.title, description: rule.rationale, remediation: rule.remediation },
    ]),
  );
}

/** The report context of a scan: see the file comment. The counters are those of the scan that made the inventory. */
export function buildScanReportContext(
  inventory: Inventory,
  evaluation: RuleEvaluation,
  options: ScanReportOptions,
): ReportContext {
  const resourcesByType = countResources(inventory);
  return {
    tool: options.tool,
    targets: inventory.accounts.map(target),
    startedAt: inventory.startedAt,
    finishedAt: inventory.finishedAt,
    coverage: coverageGaps(inventory.coverage),
    notEvaluated: evaluation.notEvaluated.map(({ ruleId, accountId, region, reason }) => ({
      ruleId,
      accountId,
      region,
      reason,
    })),
    stats: {
      durationMs: inventory.stats.durationMs,
      apiCalls: inventory.stats.apiCalls.total,
      apiCallsByOperation: inventory.stats.apiCalls.byOperation,
      resources: Object.values(resourcesByType).reduce((total, count) => total + count, 0),
      resourcesByType,
    },
    rules: ruleDescriptions(options.rules),
  };
}
