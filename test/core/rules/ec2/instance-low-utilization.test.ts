import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { instanceLowUtilization } from '../../../../core/rules/ec2/instance-low-utilization.ts';
import { evaluateRules } from '../../../../core/rules/evaluate.ts';
import type { DailySeries } from '../../../../core/scan/inventory.ts';
import { inventoryFor, TEST_NOW, testRule } from '../../../helpers/rule-harness.ts';
import { denied, flat, instance, metrics, steps } from './fixtures.ts';

const MB = 1_000_000;

/** CPU, NetworkIn and NetworkOut series for one instance. */
function usage(cpu: DailySeries, networkIn: DailySeries, networkOut: DailySeries = flat(0)) {
  return { 'CPUUtilization:Average': cpu, 'NetworkIn:Sum': networkIn, 'NetworkOut:Sum': networkOut };
}

const unknownTypeInventory = inventoryFor({
  region: {
    ec2: { instances: [instance('i-0a0000000000000x2', { instanceType: 'x2idn.32xlarge' })] },
    metrics: metrics({ 'i-0a0000000000000x2': usage(flat(1), flat(MB)) }),
  },
});

testRule(instanceLowUtilization, [
  {
    name: 'idle all 14 days: half the on-demand price, one size down',
    inventory: inventoryFor({
      region: {
        ec2: { instances: [instance('i-0a00000000000idle')] },
        metrics: metrics({ 'i-0a00000000000idle': usage(flat(2.5), flat(MB), flat(MB)) }),
      },
    }),
    // m5.large $0.096 x 730 x 0.5
    expected: [
      {
        resourceId: 'i-0a00000000000idle',
        severity: 'low',
        savings: 35.04,
        message: 'on 14 of the last 14 days; one size down saves about $35.04/month (estimate',
      },
    ],
  },
  {
    name: 'exactly 4 low days at the thresholds (10% CPU, 5 MB in + out) fire',
    inventory: inventoryFor({
      region: {
        ec2: { instances: [instance('i-0b0000000000edge4', { instanceType: 't3.large' })] },
        metrics: metrics({
          'i-0b0000000000edge4': usage(
            steps(60, 10, 4),
            steps(900 * MB, 3 * MB, 4),
            steps(900 * MB, 2 * MB, 4),
          ),
        }),
      },
    }),
    // t3.large $0.0832 x 730 x 0.5
    expected: [{ resourceId: 'i-0b0000000000edge4', savings: 30.37, message: 'on 4 of the last 14 days' }],
  },
  {
    name: 'an instance type missing from the price table still fires, without a figure',
    inventory: unknownTypeInventory,
    expected: [{ resourceId: 'i-0a0000000000000x2', message: 'price unknown for type x2idn.32xlarge' }],
  },
  {
    name: 'near misses: 3 low days, busy network, CPU just over, unmeasured days, stopped, no series',
    inventory: inventoryFor({
      region: {
        ec2: {
          instances: [
            instance('i-0c00000000000three'),
            instance('i-0c0000000000network'),
            instance('i-0c00000000000cpu10'),
            instance('i-0c000000000nulldays'),
            instance('i-0c000000000stopped', { state: 'stopped' }),
            instance('i-0c00000000noseries'),
          ],
        },
        metrics: metrics({
          'i-0c00000000000three': usage(steps(55, 1, 3), flat(MB)),
          'i-0c0000000000network': usage(flat(3), flat(40 * MB)),
          'i-0c00000000000cpu10': usage(flat(10.01), flat(MB)),
          // Launched 3 days ago: 11 days without data do not count as low.
          'i-0c000000000nulldays': usage(steps(null, 1, 3), steps(null, MB, 3), steps(null, MB, 3)),
          'i-0c000000000stopped': usage(flat(0), flat(0)),
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'a day with CPU but no network data does not count',
    inventory: inventoryFor({
      region: {
        ec2: { instances: [instance('i-0d0000000000nonet')] },
        metrics: metrics({ 'i-0d0000000000nonet': usage(flat(1), flat(null), flat(null)) }),
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when CloudWatch GetMetricData is denied',
    inventory: inventoryFor({
      region: { ec2: { instances: [instance('i-0e000000000000001')] } },
      coverage: [denied('cloudwatch', 'GetMetricData')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);

describe('low-utilisation evidence', () => {
  it('gives no saving for an unknown type and lists the days it judged', () => {
    const [finding] = evaluateRules(unknownTypeInventory, [instanceLowUtilization], {
      now: TEST_NOW,
      catalog: loadIamCatalog(),
    }).findings;
    expect(finding?.estimatedMonthlySavingsUsd).toBeUndefined();
    const days = finding?.evidence.days as { date: string; cpuPercent: number; networkBytes: number }[];
    expect(days).toHaveLength(14);
    expect(days[0]).toEqual({ date: '2026-11-11', cpuPercent: 1, networkBytes: 1_000_000 });
    expect(days[13]?.date).toBe('2026-11-24');
  });
});
