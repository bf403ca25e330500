import { ebsVolumeUnattached } from '../../../../core/rules/ec2/ebs-volume-unattached.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, volume } from './fixtures.ts';

testRule(ebsVolumeUnattached, [
  {
    name: 'storage and provisioned performance of available volumes, us-east-1 list prices',
    inventory: inventoryFor({
      region: {
        ec2: {
          volumes: [
            // 100 GiB gp2: 100 x $0.10
            volume('vol-0c000000000000gp2', {
              volumeType: 'gp2',
              sizeGiB: 100,
              iops: 300,
              state: 'available',
            }),
            // 100 GiB io1 with 1,000 IOPS: 100 x $0.125 + 1,000 x $0.065
            volume('vol-0c000000000000io1', {
              volumeType: 'io1',
              sizeGiB: 100,
              iops: 1000,
              state: 'available',
            }),
            // 100 GiB io2 with 40,000 IOPS: $12.50 + 32,000 x $0.065 + 8,000 x $0.0455
            volume('vol-0c000000000000io2', {
              volumeType: 'io2',
              sizeGiB: 100,
              iops: 40_000,
              state: 'available',
            }),
            // 1,000 GiB sc1: 1,000 x $0.015
            volume('vol-0c000000000000sc1', { volumeType: 'sc1', sizeGiB: 1000, state: 'available' }),
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: 'vol-0c000000000000gp2',
        severity: 'low',
        savings: 10,
        message: 'about $10.00/month (estimate, list prices as of 2026-11-01)',
      },
      {
        resourceId: 'vol-0c000000000000io1',
        savings: 77.5,
        message: '($12.50 storage + $65.00 provisioned IOPS/throughput)',
      },
      { resourceId: 'vol-0c000000000000io2', savings: 2456.5, message: 'about $2,456.50/month' },
      { resourceId: 'vol-0c000000000000sc1', savings: 15 },
    ],
  },
  {
    name: 'gp3 above its included IOPS and throughput, with the region multiplier',
    inventory: inventoryFor({
      regional: {
        'eu-west-1': {
          ec2: {
            volumes: [
              // (500 x $0.08 + 3,000 x $0.005 + 125 x $0.04) x 1.08
              volume('vol-0d0000000000gp3x', {
                sizeGiB: 500,
                iops: 6000,
                throughput: 250,
                state: 'available',
              }),
            ],
          },
        },
      },
    }),
    expected: [{ resourceId: 'vol-0d0000000000gp3x', savings: 64.8 }],
  },
  {
    name: 'attached volumes and volumes being created do not fire',
    inventory: inventoryFor({
      region: {
        ec2: {
          volumes: [
            volume('vol-0e000000000000001', { attachedInstanceIds: ['i-0a00000000000bast'] }),
            volume('vol-0e000000000000002', { state: 'creating' }),
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
