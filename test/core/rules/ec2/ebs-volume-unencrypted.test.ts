import { ebsVolumeUnencrypted } from '../../../../core/rules/ec2/ebs-volume-unencrypted.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, volume } from './fixtures.ts';

testRule(ebsVolumeUnencrypted, [
  {
    name: 'unencrypted volumes fire, attached or not',
    inventory: inventoryFor({
      region: {
        ec2: {
          volumes: [
            volume('vol-0a000000000000001', {
              encrypted: false,
              volumeType: 'gp2',
              sizeGiB: 8,
              attachedInstanceIds: ['i-0a00000000000bast'],
            }),
            volume('vol-0a000000000000002', {
              encrypted: false,
              state: 'available',
              sizeGiB: 500,
              volumeType: 'st1',
            }),
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: 'vol-0a000000000000001',
        severity: 'medium',
        message: '(gp2, 8 GiB, attached to i-0a00000000000bast) is not encrypted',
      },
      { resourceId: 'vol-0a000000000000002', message: 'not attached to any instance' },
    ],
  },
  {
    name: 'encrypted volumes and volumes being deleted do not fire',
    inventory: inventoryFor({
      region: {
        ec2: {
          volumes: [
            volume('vol-0b000000000000001'),
            volume('vol-0b000000000000002', { encrypted: false, state: 'deleting' }),
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
