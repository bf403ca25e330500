import { BASE_PRICES, EBS_PERFORMANCE_PRICES, regionMultiplier } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { formatUsd, monthlyEstimate } from '../support/estimate.ts';
import { ec2Arn, regionalScope, withName } from './support-scope.ts';

/** gp2 baseline performance: 3 IOPS per GiB, at least 100 and at most 16,000. */
const GP2_IOPS_PER_GIB = 3;
const GP2_MIN_IOPS = 100;
const GP2_MAX_IOPS = 16_000;
/** Above this size gp2 delivers up to 250 MiB/s; gp3's included 125 MiB/s may then be less than it had. */
const GP2_HIGH_THROUGHPUT_FROM_GIB = 170;
/** gp2's throughput ceiling. */
const GP2_MAX_THROUGHPUT_MIBPS = 250;

/** What moving one gp2 volume to gp3 saves, with the performance it needs to keep gp2's baseline. */
export interface Gp3Migration {
  /** gp2's baseline IOPS at this size. */
  gp2BaselineIops: number;
  /** IOPS to provision on gp3 to match it (3,000 are included; this is the total, at least 3,000). */
  gp3Iops: number;
  /** Storage price difference, per month, in the region. */
  storageSaving: number;
  /** Extra gp3 IOPS beyond the included 3,000, per month, in the region. */
  extraIopsCost: number;
  /** storageSaving - extraIopsCost. */
  saving: number;
}

/**
 * The saving of a gp2 -> gp3 change that keeps gp2's baseline IOPS: the storage price difference, less the
 * provisioned IOPS gp3 needs when gp2's 3 IOPS/GiB exceed gp3's included 3,000 (volumes over 1,000 GiB).
 * Throughput is not priced in: gp3 includes 125 MiB/s, gp2 reaches 250 MiB/s only above 170 GiB and only when
 * the workload drives it; the message says what matching it would cost.
 */
export function gp3Migration(sizeGiB: number, region: string): Gp3Migration {
  const multiplier = regionMultiplier(region);
  const gp2 = BASE_PRICES.ebsPerGiBMonth.gp2 ?? 0.1;
  const gp3 = BASE_PRICES.ebsPerGiBMonth.gp3 ?? 0.08;
  const gp2BaselineIops = Math.min(GP2_MAX_IOPS, Math.max(GP2_MIN_IOPS, GP2_IOPS_PER_GIB * sizeGiB));
  const gp3Iops = Math.max(EBS_PERFORMANCE_PRICES.gp3IncludedIops, gp2BaselineIops);
  const storageSaving = (gp2 - gp3) * sizeGiB * multiplier;
  const extraIopsCost =
    (gp3Iops - EBS_PERFORMANCE_PRICES.gp3IncludedIops) * EBS_PERFORMANCE_PRICES.gp3PerIopsMonth * multiplier;
  return { gp2BaselineIops, gp3Iops, storageSaving, extraIopsCost, saving: storageSaving - extraIopsCost };
}

/**
 * An in-use gp2 volume: gp3 costs 20% less per GiB, includes 3,000 IOPS and 125 MiB/s whatever its size, and
 * the change is online. Unattached gp2 volumes are left to the unattached-volume rule (deleting saves more).
 */
export const ebsVolumeGp2 = {
  id: 'aws.ec2.ebs-volume-gp2',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: 'EBS volume is gp2 (gp3 is cheaper)',
  rationale:
    'gp3 storage is 20% cheaper than gp2 and its performance does not depend on size: 3,000 IOPS and 125 MiB/s ' +
    'are included, and more can be provisioned. Changing type is an online operation with no detach or downtime.',
  remediation:
    'Change the type in place: `aws ec2 modify-volume --volume-id <id> --volume-type gp3` (add `--iops` and ' +
    "`--throughput` to keep a large volume's gp2 performance), or EC2 console > Volumes > Modify volume. One " +
    'modification per volume every 6 hours; the volume stays in use while it optimises.',
  scope: 'regional',
  requires: [{ service: 'ec2', operation: 'DescribeVolumes' }],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const volumes = regional?.inventory.ec2?.volumes;
    if (!regional || !volumes) return [];
    const hits: RuleHit[] = [];
    for (const volume of volumes) {
      if (volume.volumeType !== 'gp2' || volume.state !== 'in-use') continue;
      const migration = gp3Migration(volume.sizeGiB, regional.region);
      if (migration.saving <= 0) continue;
      const iopsNote =
        migration.gp3Iops > EBS_PERFORMANCE_PRICES.gp3IncludedIops
          ? ` after provisioning ${migration.gp3Iops.toLocaleString('en-US')} IOPS on gp3 to keep gp2's baseline ` +
            `(${formatUsd(migration.extraIopsCost)}/month of the ${formatUsd(migration.storageSaving)} storage saving)`
          : ` (gp3's included 3,000 IOPS cover gp2's ${migration.gp2BaselineIops.toLocaleString('en-US')} baseline IOPS)`;
      const extraThroughput = GP2_MAX_THROUGHPUT_MIBPS - EBS_PERFORMANCE_PRICES.gp3IncludedThroughputMiBps;
      const throughputNote =
        volume.sizeGiB > GP2_HIGH_THROUGHPUT_FROM_GIB
          ? ` gp3 includes 125 MiB/s; if the workload needs gp2's up to 250 MiB/s, provisioning it costs ` +
            `${formatUsd(extraThroughput * EBS_PERFORMANCE_PRICES.gp3PerThroughputMiBpsMonth * regionMultiplier(regional.region))}` +
            `/month more (not included).`
          : '';
      const modify =
        `aws ec2 modify-volume --volume-id ${volume.volumeId} --volume-type gp3` +
        (migration.gp3Iops > EBS_PERFORMANCE_PRICES.gp3IncludedIops ? ` --iops ${migration.gp3Iops}` : '');
      hits.push({
        resource: {
          type: 'AWS::EC2::Volume',
          id: volume.volumeId,
          arn: ec2Arn(regional, 'volume', volume.volumeId),
        },
        message:
          `EBS volume ${withName(volume.volumeId, volume.tags)} is gp2 (${volume.sizeGiB} GiB); changing it to ` +
          `gp3 saves ${monthlyEstimate(migration.saving)}${iopsNote}.${throughputNote}`,
        evidence: {
          volumeId: volume.volumeId,
          volumeType: volume.volumeType,
          sizeGiB: volume.sizeGiB,
          iops: volume.iops,
          state: volume.state,
          gp2BaselineIops: migration.gp2BaselineIops,
          gp3IopsToProvision: migration.gp3Iops,
        },
        remediation: `Run \`${modify}\` (online; the volume stays in use while it optimises).`,
        estimatedMonthlySavingsUsd: migration.saving,
      });
    }
    return hits;
  },
} satisfies Rule;
