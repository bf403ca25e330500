import { BASE_PRICES, monthlyFromHourly } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { formatUsd, monthlyEstimate, toCents } from '../support/estimate.ts';
import { ec2Arn, regionalScope, withName } from './support-scope.ts';
import { volumeMonthlyCost } from './support-volume-cost.ts';

/** Stopped for longer than this many days counts as forgotten. */
const STOPPED_DAYS = 30;
const DAY_MS = 86_400_000;

/** The stop time EC2 writes into StateTransitionReason, e.g. 'User initiated (2026-01-05 10:00:00 GMT)'. */
const STOP_TIME = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/;

/** When the instance was stopped, from its StateTransitionReason; undefined when the reason carries no time. */
export function stoppedAt(stateTransitionReason: string | undefined): Date | undefined {
  const match = stateTransitionReason ? STOP_TIME.exec(stateTransitionReason) : null;
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * An instance stopped for over 30 days. Compute is not billed while stopped, but its EBS volumes are, and so is
 * any Elastic IP still associated with it: that is the saving (volumes from DescribeVolumes; Elastic IPs only
 * when DescribeAddresses was collected). Instances whose reason carries no stop time are skipped, not guessed.
 */
export const instanceStoppedLong = {
  id: 'aws.ec2.instance-stopped-long',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: 'Instance stopped for over 30 days',
  rationale:
    'A long-stopped instance is usually forgotten, yet its EBS volumes and Elastic IPs are billed every month, ' +
    'and its unpatched image is one start away from production.',
  remediation:
    'If it is no longer needed, create an AMI or snapshots to keep its data (`aws ec2 create-image --instance-id ' +
    '<id>`), then terminate it (`aws ec2 terminate-instances --instance-ids <id>`; check DeleteOnTermination ' +
    'of each volume) and release its Elastic IPs. If it is needed occasionally, tag it with an owner and a ' +
    'review date.',
  scope: 'regional',
  requires: [
    { service: 'ec2', operation: 'DescribeInstances' },
    { service: 'ec2', operation: 'DescribeVolumes' },
  ],
  evaluate(scope, context) {
    const regional = regionalScope(scope);
    const ec2 = regional?.inventory.ec2;
    if (!regional || !ec2?.instances || !ec2.volumes) return [];
    const ipMonthly = monthlyFromHourly(BASE_PRICES.publicIpv4PerHour, regional.region);
    const hits: RuleHit[] = [];
    for (const instance of ec2.instances) {
      if (instance.state !== 'stopped') continue;
      const since = stoppedAt(instance.stateTransitionReason);
      if (!since) continue;
      const days = Math.floor((context.now.getTime() - since.getTime()) / DAY_MS);
      if (days <= STOPPED_DAYS) continue;
      const volumes = ec2.volumes.filter((volume) =>
        volume.attachedInstanceIds.includes(instance.instanceId),
      );
      const volumeCosts = volumes.map((volume) => ({
        volumeId: volume.volumeId,
        volumeType: volume.volumeType,
        sizeGiB: volume.sizeGiB,
        monthlyCostUsd: volumeMonthlyCost(volume, regional.region).total,
      }));
      const addresses = (ec2.addresses ?? []).filter((address) => address.instanceId === instance.instanceId);
      const volumeTotal = volumeCosts.reduce((total, volume) => total + volume.monthlyCostUsd, 0);
      const saving = volumeTotal + addresses.length * ipMonthly;
      const parts = [
        `${volumes.length} attached EBS volume${volumes.length === 1 ? '' : 's'} (${formatUsd(volumeTotal)})`,
      ];
      if (addresses.length > 0)
        parts.push(
          `${addresses.length} Elastic IP${addresses.length === 1 ? '' : 's'} (${formatUsd(addresses.length * ipMonthly)})`,
        );
      hits.push({
        resource: {
          type: 'AWS::EC2::Instance',
          id: instance.instanceId,
          arn: ec2Arn(regional, 'instance', instance.instanceId),
        },
        message:
          `Instance ${withName(instance.instanceId, instance.tags)} (${instance.instanceType}) has been stopped ` +
          `for ${days} days (since ${since.toISOString().slice(0, 10)}); its ${parts.join(' and ')} still cost ` +
          `${monthlyEstimate(saving)}.`,
        evidence: {
          instanceId: instance.instanceId,
          instanceType: instance.instanceType,
          state: instance.state,
          stateTransitionReason: instance.stateTransitionReason,
          stoppedAt: since.toISOString(),
          daysStopped: days,
          volumes: volumeCosts.map((volume) => ({
            ...volume,
            monthlyCostUsd: toCents(volume.monthlyCostUsd),
          })),
          elasticIps: addresses.map((address) => address.publicIp),
        },
        estimatedMonthlySavingsUsd: saving,
      });
    }
    return hits;
  },
} satisfies Rule;
