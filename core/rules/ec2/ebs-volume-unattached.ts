import type { Rule, RuleHit } from '../rule.ts';
import { formatUsd, monthlyEstimate, toCents } from '../support/estimate.ts';
import { ec2Arn, regionalScope, withName } from './support-scope.ts';
import { volumeMonthlyCost } from './support-volume-cost.ts';

/** A volume in state 'available': attached to nothing, billed in full for its storage and provisioned performance. */
export const ebsVolumeUnattached = {
  id: 'aws.ec2.ebs-volume-unattached',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: 'EBS volume not attached',
  rationale:
    'EBS bills provisioned storage (and provisioned IOPS and throughput) whether or not a volume is attached. ' +
    'Volumes left behind by terminated instances or old experiments cost money every month and hold data no one ' +
    'is looking after.',
  remediation:
    'Check the volume is not needed (tags, creation time, the instance it came from), snapshot it if the data ' +
    'may matter (`aws ec2 create-snapshot --volume-id <id>`; snapshots cost less and can be archived), then ' +
    'delete it: `aws ec2 delete-volume --volume-id <id>`.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'DescribeVolumes' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const volumes = regional?.inventory.ec2?.volumes;
    if (!regional || !volumes) return [];
    const hits: RuleHit[] = [];
    for (const volume of volumes) {
      if (volume.state !== 'available') continue;
      const cost = volumeMonthlyCost(volume, regional.region);
      const split =
        cost.performance > 0
          ? ` (${formatUsd(cost.storage)} storage + ${formatUsd(cost.performance)} provisioned IOPS/throughput)`
          : '';
      hits.push({
        resource: {
          type: 'AWS::EC2::Volume',
          id: volume.volumeId,
          arn: ec2Arn(regional, 'volume', volume.volumeId),
        },
        message:
          `EBS volume ${withName(volume.volumeId, volume.tags)} (${volume.volumeType}, ${volume.sizeGiB} GiB` +
          `${volume.createTime ? `, created ${volume.createTime.slice(0, 10)}` : ''}) is not attached to any ` +
          `instance; it costs ${monthlyEstimate(cost.total)}${split}.`,
        evidence: {
          volumeId: volume.volumeId,
          state: volume.state,
          volumeType: volume.volumeType,
          sizeGiB: volume.sizeGiB,
          iops: volume.iops,
          throughput: volume.throughput,
          createTime: volume.createTime,
          estimatedMonthlyCostUsd: toCents(cost.total),
        },
        estimatedMonthlySavingsUsd: cost.total,
      });
    }
    return hits;
  },
} satisfies Rule;
