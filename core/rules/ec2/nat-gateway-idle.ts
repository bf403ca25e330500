import { BASE_PRICES, monthlyFromHourly } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { monthlyEstimate } from '../support/estimate.ts';
import { dailySeries, existedForLastDays, seriesTotal } from '../support/metrics.ts';
import { ec2Arn, regionalScope, withName } from './support-scope.ts';

/** The metric: bytes the gateway sent on to destinations, daily sums. */
const BYTES_OUT = 'BytesOutToDestination:Sum';
/** Under this many bytes over the whole window (1 GB, decimal as CloudWatch counts bytes) is idle. */
const IDLE_BYTES = 1_000_000_000;

/** Bytes as people read them: 12345678 -> "12.3 MB". */
function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * An available NAT gateway that forwarded under 1 GB to destinations over the whole metric window (14 days).
 * No datapoint on a day is no traffic. A gateway with no series at all was not measured and is skipped, as is
 * one created inside the window.
 */
export const natGatewayIdle = {
  id: 'aws.ec2.nat-gateway-idle',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: 'NAT gateway idle',
  rationale:
    'A NAT gateway is billed every hour it exists, whether or not traffic flows. One that forwarded almost ' +
    'nothing for two weeks usually serves a subnet that no longer needs outbound internet access, or duplicates ' +
    'another gateway.',
  remediation:
    'Confirm no route table sends traffic it still needs through it (VPC console > Route tables, target ' +
    'nat-...), remove those routes or point them at another gateway, then delete it: `aws ec2 ' +
    'delete-nat-gateway --nat-gateway-id <id>` and release its Elastic IP (`aws ec2 release-address`).',
  scope: 'regional',
  requires: [
    { service: 'ec2', operation: 'DescribeNatGateways' },
    { service: 'cloudwatch', operation: 'GetMetricData' },
  ],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const gateways = regional?.inventory.ec2?.natGateways;
    const metrics = regional?.inventory.metrics;
    if (!regional || !gateways || !metrics) return [];
    const monthly = monthlyFromHourly(BASE_PRICES.natGatewayPerHour, regional.region);
    const hits: RuleHit[] = [];
    for (const gateway of gateways) {
      if (gateway.state !== 'available') continue;
      const series = dailySeries(metrics, gateway.natGatewayId, BYTES_OUT);
      if (!series || !existedForLastDays(metrics, gateway.createTime, metrics.days)) continue;
      const bytes = seriesTotal(series);
      if (bytes >= IDLE_BYTES) continue;
      hits.push({
        resource: {
          type: 'AWS::EC2::NatGateway',
          id: gateway.natGatewayId,
          arn: ec2Arn(regional, 'natgateway', gateway.natGatewayId),
        },
        message:
          `NAT gateway ${withName(gateway.natGatewayId, gateway.tags)}${gateway.vpcId ? ` in ${gateway.vpcId}` : ''} ` +
          `sent ${formatBytes(bytes)} to destinations in the ${metrics.days} days from ${metrics.windowStart} ` +
          `(under 1 GB); its hourly charge is ${monthlyEstimate(monthly)}, data processing excluded.`,
        evidence: {
          natGatewayId: gateway.natGatewayId,
          state: gateway.state,
          vpcId: gateway.vpcId,
          subnetId: gateway.subnetId,
          createTime: gateway.createTime,
          metric: BYTES_OUT,
          windowStart: metrics.windowStart,
          windowDays: metrics.days,
          bytesOutToDestination: bytes,
          dailyBytesOutToDestination: series,
        },
        estimatedMonthlySavingsUsd: monthly,
      });
    }
    return hits;
  },
} satisfies Rule;
