import type { Rule, RuleHit } from '../rule.ts';
import { ec2Arn, regionalScope, withName } from './support-scope.ts';

/** An EBS volume stored without encryption (and so are its snapshots and any volume made from them). */
export const ebsVolumeUnencrypted = {
  id: 'aws.ec2.ebs-volume-unencrypted',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: 'EBS volume not encrypted',
  rationale:
    'An unencrypted volume leaves data at rest, its snapshots and the volumes restored from them unprotected by ' +
    'KMS: a shared or leaked snapshot is readable, and key policies cannot limit who restores it. Security Hub ' +
    'EC2.3 requires attached volumes to be encrypted.',
  remediation:
    'Encryption cannot be switched on in place: snapshot the volume, copy the snapshot with encryption ' +
    '(`aws ec2 copy-snapshot --encrypted --kms-key-id <key>`), create a volume from the copy, and swap it in ' +
    'during a maintenance window. Turn on EBS encryption by default so new volumes are encrypted.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'DescribeVolumes' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const volumes = regional?.inventory.ec2?.volumes;
    if (!regional || !volumes) return [];
    const hits: RuleHit[] = [];
    for (const volume of volumes) {
      if (volume.encrypted || volume.state === 'deleting' || volume.state === 'deleted') continue;
      const attached =
        volume.attachedInstanceIds.length > 0
          ? `attached to ${volume.attachedInstanceIds.join(', ')}`
          : 'not attached to any instance';
      hits.push({
        resource: {
          type: 'AWS::EC2::Volume',
          id: volume.volumeId,
          arn: ec2Arn(regional, 'volume', volume.volumeId),
        },
        message: `EBS volume ${withName(volume.volumeId, volume.tags)} (${volume.volumeType}, ${volume.sizeGiB} GiB, ${attached}) is not encrypted.`,
        evidence: {
          volumeId: volume.volumeId,
          encrypted: volume.encrypted,
          volumeType: volume.volumeType,
          sizeGiB: volume.sizeGiB,
          state: volume.state,
          attachedInstanceIds: volume.attachedInstanceIds,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
