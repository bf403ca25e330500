import { BASE_PRICES, monthlyFromHourly } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { monthlyEstimate } from '../support/estimate.ts';
import { ec2Arn, regionalScope } from './support-scope.ts';

/** An Elastic IP address allocated but associated with nothing: billed as an idle public IPv4 address. */
export const elasticIpUnassociated = {
  id: 'aws.ec2.elastic-ip-unassociated',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: 'Elastic IP not associated',
  rationale:
    'AWS bills every public IPv4 address by the hour, in use or idle. An Elastic IP associated with no instance ' +
    'or network interface costs money and serves nothing (Trusted Advisor: Unassociated Elastic IP Addresses).',
  remediation:
    'If no DNS record, allow list or partner depends on the address, release it: `aws ec2 release-address ' +
    '--allocation-id <id>` (a released address usually cannot be recovered). Otherwise associate it with the ' +
    'resource that needs it.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'DescribeAddresses' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const addresses = regional?.inventory.ec2?.addresses;
    if (!regional || !addresses) return [];
    const monthly = monthlyFromHourly(BASE_PRICES.publicIpv4PerHour, regional.region);
    const hits: RuleHit[] = [];
    for (const address of addresses) {
      if (address.associationId || address.instanceId || address.networkInterfaceId) continue;
      const id = address.allocationId ?? address.publicIp;
      const name = address.tags.Name ? ` (${address.tags.Name})` : '';
      hits.push({
        resource: {
          type: 'AWS::EC2::EIP',
          id,
          ...(address.allocationId ? { arn: ec2Arn(regional, 'elastic-ip', address.allocationId) } : {}),
        },
        message:
          `Elastic IP ${address.publicIp}${name} (${id}) is not associated with any instance or network ` +
          `interface; it costs ${monthlyEstimate(monthly)}.`,
        evidence: {
          allocationId: address.allocationId,
          publicIp: address.publicIp,
          domain: address.domain,
          associationId: null,
        },
        estimatedMonthlySavingsUsd: monthly,
      });
    }
    return hits;
  },
} satisfies Rule;
