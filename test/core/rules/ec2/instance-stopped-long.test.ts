import { describe, expect, it } from 'vitest';
import { instanceStoppedLong, stoppedAt } from '../../../../core/rules/ec2/instance-stopped-long.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, instance, volume } from './fixtures.ts';

const stoppedInSeptember = instance('i-0a0000000000sept', {
  state: 'stopped',
  stateTransitionReason: 'User initiated (2026-09-01 17:42:10 GMT)',
  instanceType: 't3.medium',
});

testRule(instanceStoppedLong, [
  {
    name: 'stopped 84 days: its volumes and Elastic IP are the saving',
    inventory: inventoryFor({
      region: {
        ec2: {
          instances: [stoppedInSeptember],
          volumes: [
            // 100 GiB gp2 ($10.00) + 20 GiB gp3 ($1.60)
            volume('vol-0a0000000000root', {
              volumeType: 'gp2',
              sizeGiB: 100,
              attachedInstanceIds: [stoppedInSeptember.instanceId],
            }),
            volume('vol-0a0000000000data', {
              sizeGiB: 20,
              attachedInstanceIds: [stoppedInSeptember.instanceId],
            }),
            volume('vol-0a00000000others', { sizeGiB: 500, attachedInstanceIds: ['i-0fffffffffffffff0'] }),
          ],
          // + $3.65
          addresses: [
            {
              allocationId: 'eipalloc-0a00000000000sept',
              publicIp: '34.200.1.2',
              associationId: 'eipassoc-0a0000000000sept',
              instanceId: stoppedInSeptember.instanceId,
              domain: 'vpc',
              tags: {},
            },
          ],
        },
      },
    }),
    expected: [
      {
        resourceId: stoppedInSeptember.instanceId,
        severity: 'low',
        savings: 15.25,
        message:
          'has been stopped for 84 days (since 2026-09-01); its 2 attached EBS volumes ($11.60) and 1 Elastic IP ($3.65) still cost about $15.25/month',
      },
    ],
  },
  {
    name: 'without collected Elastic IPs, the volumes alone',
    inventory: inventoryFor({
      region: {
        ec2: {
          instances: [stoppedInSeptember],
          volumes: [
            volume('vol-0b0000000000root', {
              sizeGiB: 30,
              attachedInstanceIds: [stoppedInSeptember.instanceId],
            }),
          ],
        },
      },
    }),
    expected: [{ resourceId: stoppedInSeptember.instanceId, savings: 2.4 }],
  },
  {
    name: 'recently stopped, running, or stopped with no time in the reason do not fire',
    inventory: inventoryFor({
      region: {
        ec2: {
          instances: [
            instance('i-0c00000000000recent', {
              state: 'stopped',
              stateTransitionReason: 'User initiated (2026-10-27 09:00:00 GMT)',
            }),
            instance('i-0c0000000000running', {
              stateTransitionReason: 'User initiated (2025-01-01 00:00:00 GMT)',
            }),
            instance('i-0c00000000000notime', {
              state: 'stopped',
              stateTransitionReason: 'Server.ScheduledStop: Stopped due to scheduled retirement',
            }),
            instance('i-0c0000000000noreason', { state: 'stopped' }),
          ],
          volumes: [],
        },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when DescribeVolumes is denied',
    inventory: inventoryFor({
      region: { ec2: { instances: [stoppedInSeptember] } },
      coverage: [denied('ec2', 'DescribeVolumes')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);

describe('stoppedAt', () => {
  it('reads the GMT time EC2 writes into StateTransitionReason', () => {
    expect(stoppedAt('User initiated (2026-01-05 10:00:00 GMT)')?.toISOString()).toBe(
      '2026-01-05T10:00:00.000Z',
    );
    expect(
      stoppedAt(
        'Client.UserInitiatedHibernate: User initiated hibernate (2026-02-01 00:00:01 GMT)',
      )?.toISOString(),
    ).toBe('2026-02-01T00:00:01.000Z');
    expect(stoppedAt('User initiated')).toBeUndefined();
    expect(stoppedAt(undefined)).toBeUndefined();
  });
});
