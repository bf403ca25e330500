import { describe, expect, it } from 'vitest';
import { ebsVolumeGp2, gp3Migration } from '../../../../core/rules/ec2/ebs-volume-gp2.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, volume } from './fixtures.ts';

const inUse = { state: 'in-use', attachedInstanceIds: ['i-0a00000000000bast'] };

testRule(ebsVolumeGp2, [
  {
    name: 'small gp2: the storage difference, gp3 baseline covers its IOPS',
    inventory: inventoryFor({
      region: {
        ec2: {
          volumes: [
            volume('vol-0f00000000000small', { ...inUse, volumeType: 'gp2', sizeGiB: 100, iops: 300 }),
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: 'vol-0f00000000000small',
        severity: 'low',
        // 100 x ($0.10 - $0.08)
        savings: 2,
        message:
          "saves about $2.00/month (estimate, list prices as of 2026-11-01) (gp3's included 3,000 IOPS cover gp2's 300 baseline IOPS)",
      },
    ],
  },
  {
    name: 'large gp2: less the gp3 IOPS needed to keep its baseline, with the throughput note',
    inventory: inventoryFor({
      region: {
        ec2: {
          volumes: [
            // 2,000 GiB: $40 storage - (6,000 - 3,000) x $0.005
            volume('vol-0f00000000000large', { ...inUse, volumeType: 'gp2', sizeGiB: 2000, iops: 6000 }),
            // 16,384 GiB: $327.68 - (16,000 - 3,000) x $0.005
            volume('vol-0f000000000000max', { ...inUse, volumeType: 'gp2', sizeGiB: 16_384, iops: 16_000 }),
          ],
        },
      },
    }),
    expected: [
      { resourceId: 'vol-0f00000000000large', savings: 25, message: 'after provisioning 6,000 IOPS on gp3' },
      {
        resourceId: 'vol-0f000000000000max',
        savings: 262.68,
        message: "if the workload needs gp2's up to 250 MiB/s",
      },
    ],
  },
  {
    name: 'the region multiplier applies',
    inventory: inventoryFor({
      regional: {
        'eu-central-1': {
          ec2: { volumes: [volume('vol-0f0000000000000eu', { ...inUse, volumeType: 'gp2', sizeGiB: 100 })] },
        },
      },
    }),
    expected: [{ resourceId: 'vol-0f0000000000000eu', savings: 2.28 }],
  },
  {
    name: 'gp3, io1 and unattached gp2 volumes do not fire',
    inventory: inventoryFor({
      region: {
        ec2: {
          volumes: [
            volume('vol-0f0000000000000g3', inUse),
            volume('vol-0f0000000000000i1', { ...inUse, volumeType: 'io1', iops: 1000 }),
            volume('vol-0f00000000000avail', { volumeType: 'gp2', state: 'available' }),
          ],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeVolumes is denied',
    inventory: inventoryFor({ region: {}, coverage: [denied('ec2', 'DescribeVolumes')] }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);

describe('gp3Migration', () => {
  it('keeps gp2 baseline IOPS: 3 per GiB, at least 100, at most 16,000', () => {
    expect(gp3Migration(10, 'us-east-1').gp2BaselineIops).toBe(100);
    expect(gp3Migration(1000, 'us-east-1')).toMatchObject({
      gp2BaselineIops: 3000,
      gp3Iops: 3000,
      extraIopsCost: 0,
    });
    expect(gp3Migration(1001, 'us-east-1').gp3Iops).toBe(3003);
    expect(gp3Migration(16_384, 'us-east-1').gp3Iops).toBe(16_000);
  });

  it('saves money at every gp2 size', () => {
    for (const size of [1, 170, 334, 1000, 1001, 3000, 5334, 16_384])
      expect(gp3Migration(size, 'sa-east-1').saving).toBeGreaterThan(0);
  });
});
