import { natGatewayIdle } from '../../../../core/rules/ec2/nat-gateway-idle.ts';
import type { NatGateway } from '../../../../core/scan/inventory.ts';
import { inventoryFor, testRule } from '../../../helpers/rule-harness.ts';
import { denied, flat, metrics, steps } from './fixtures.ts';

function gateway(natGatewayId: string, overrides: Partial<NatGateway> = {}): NatGateway {
  return {
    natGatewayId,
    state: 'available',
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    subnetId: 'subnet-0aa11bb22cc33dd44',
    createTime: '2025-06-01T12:00:00.000Z',
    tags: { Name: `${natGatewayId.slice(-3)}-egress` },
    ...overrides,
  };
}

const BYTES = 'BytesOutToDestination:Sum';

testRule(natGatewayIdle, [
  {
    name: 'no datapoints at all, or under 1 GB in 14 days, is idle: hourly x 730',
    inventory: inventoryFor({
      region: {
        ec2: { natGateways: [gateway('nat-0a00000000000quiet'), gateway('nat-0a0000000000trickle')] },
        metrics: metrics({
          'nat-0a00000000000quiet': { [BYTES]: flat(null) },
          // 14 x 50 MB = 700 MB
          'nat-0a0000000000trickle': { [BYTES]: flat(50_000_000) },
        }),
      },
    }),
    expected: [
      {
        resourceId: 'nat-0a00000000000quiet',
        severity: 'low',
        savings: 32.85,
        message: 'sent 0 bytes to destinations in the 14 days from 2026-11-11 (under 1 GB)',
      },
      { resourceId: 'nat-0a0000000000trickle', savings: 32.85, message: 'sent 700.0 MB' },
    ],
  },
  {
    name: 'the region multiplier applies and data processing is said to be excluded',
    inventory: inventoryFor({
      regional: {
        'eu-west-2': {
          ec2: { natGateways: [gateway('nat-0b0000000000london')] },
          metrics: metrics({ 'nat-0b0000000000london': { [BYTES]: flat(0) } }),
        },
      },
    }),
    // $0.045 x 730 x 1.12
    expected: [{ resourceId: 'nat-0b0000000000london', savings: 36.79, message: 'data processing excluded' }],
  },
  {
    name: 'busy, unmeasured, new or deleted gateways do not fire',
    inventory: inventoryFor({
      region: {
        ec2: {
          natGateways: [
            gateway('nat-0c00000000000busy'),
            gateway('nat-0c0000000000unseen'),
            gateway('nat-0c00000000000new1', { createTime: '2026-11-20T08:00:00.000Z' }),
            gateway('nat-0c00000000000gone', { state: 'deleted' }),
          ],
        },
        metrics: metrics({
          // 1.5 GB on the last day only: over the 1 GB limit
          'nat-0c00000000000busy': { [BYTES]: steps(null, 1_500_000_000, 1) },
          'nat-0c00000000000new1': { [BYTES]: flat(null) },
          'nat-0c00000000000gone': { [BYTES]: flat(null) },
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when CloudWatch GetMetricData is denied (no guessing from missing metrics)',
    inventory: inventoryFor({
      region: { ec2: { natGateways: [gateway('nat-0d000000000000001')] } },
      coverage: [denied('cloudwatch', 'GetMetricData')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
  {
    name: 'not evaluated when DescribeNatGateways is denied',
    inventory: inventoryFor({
      region: { metrics: metrics({}) },
      coverage: [denied('ec2', 'DescribeNatGateways')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);
