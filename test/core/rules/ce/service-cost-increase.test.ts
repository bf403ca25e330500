import { expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { serviceCostIncrease } from '../../../../core/rules/ce/service-cost-increase.ts';
import { evaluateRules } from '../../../../core/rules/evaluate.ts';
import type { CostInventory } from '../../../../core/scan/inventory.ts';
import { inventoryFor, TEST_ACCOUNT, TEST_NOW, testRule } from '../../../helpers/rule-harness.ts';

function costs(
  previous: Record<string, number>,
  latest: Record<string, number>,
  months: [string, string] = ['2026-09-01', '2026-10-01'],
  unit = 'USD',
): CostInventory {
  return {
    unit,
    months: [
      { start: months[0], byService: previous },
      { start: months[1], byService: latest },
    ],
  };
}

testRule(serviceCostIncrease, [
  {
    name: 'services up more than 10% (in total and per day) above the $10 floor, new services included',
    inventory: inventoryFor({
      account: {
        costs: costs(
          {
            'Amazon Relational Database Service': 800,
            'Amazon Elastic Compute Cloud - Compute': 1000,
            'AWS Lambda': 9,
            'Amazon Simple Storage Service': 4,
            Tax: 100,
          },
          {
            'Amazon Relational Database Service': 1000,
            'Amazon Elastic Compute Cloud - Compute': 1050,
            'AWS Lambda': 12,
            'Amazon Simple Storage Service': 8,
            'Amazon GuardDuty': 25,
            Tax: 150,
          },
        ),
      },
    }),
    expected: [
      {
        resourceId: 'Amazon Relational Database Service',
        severity: 'low',
        message:
          'Amazon Relational Database Service cost $1,000.00 in 2026-10, up 25.0% from $800.00 in 2026-09 ' +
          '(+$200.00; 21.0% more per day).',
      },
      { resourceId: 'AWS Lambda', severity: 'info', message: 'up 33.3% from $9.00' },
      {
        resourceId: 'Amazon GuardDuty',
        severity: 'low',
        message: 'Amazon GuardDuty cost $25.00 in 2026-10 and nothing in 2026-09: a new cost.',
      },
    ],
  },
  {
    name: 'a longer month alone is not a rise: 31 days against 30, or March against February',
    inventory: inventoryFor({
      account: {
        costs: costs(
          { AmazonCloudWatch: 100, 'Amazon DynamoDB': 100 },
          // CloudWatch: +10.5% in total, +0% per day. DynamoDB: +25% in total, +12.9% per day.
          { AmazonCloudWatch: 110.5, 'Amazon DynamoDB': 125 },
          ['2027-02-01', '2027-03-01'],
        ),
      },
    }),
    now: new Date('2027-04-10T00:00:00Z'),
    expected: [{ resourceId: 'Amazon DynamoDB', message: '12.9% more per day' }],
  },
  {
    name: 'February after January: the same bill is a higher daily rate but not a higher bill',
    inventory: inventoryFor({
      account: {
        costs: costs({ 'Amazon Route 53': 100 }, { 'Amazon Route 53': 100 }, ['2027-01-01', '2027-02-01']),
      },
    }),
    expected: [],
  },
  {
    name: 'other currencies are named as such',
    inventory: inventoryFor({
      account: {
        costs: costs(
          { 'Amazon OpenSearch Service': 1000 },
          { 'Amazon OpenSearch Service': 1500 },
          undefined,
          'EUR',
        ),
      },
    }),
    expected: [
      {
        resourceId: 'Amazon OpenSearch Service',
        message: 'cost 1,500.00 EUR in 2026-10, up 50.0% from 1,000.00 EUR',
      },
    ],
  },
  {
    name: 'one month of data, or none, does not fire',
    inventory: inventoryFor({
      account: {
        costs: { unit: 'USD', months: [{ start: '2026-10-01', byService: { 'AWS Lambda': 500 } }] },
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when Cost Explorer was not requested',
    inventory: inventoryFor({
      coverage: [
        {
          accountId: TEST_ACCOUNT,
          region: 'global',
          service: 'ce',
          operation: 'GetCostAndUsage',
          status: 'skipped',
          detail: 'not requested: AWS bills each Cost Explorer request',
        },
      ],
    }),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);

it('tells how to drill into the service that grew, with the exact two-month query', () => {
  const inventory = inventoryFor({
    account: {
      costs: costs(
        { 'Amazon Relational Database Service': 800 },
        { 'Amazon Relational Database Service': 1000 },
      ),
    },
  });
  const [finding] = evaluateRules(inventory, [serviceCostIncrease], {
    now: TEST_NOW,
    catalog: loadIamCatalog(),
  }).findings;
  expect(finding?.remediation).toContain(
    '`aws ce get-cost-and-usage --time-period Start=2026-09-01,End=2026-11-01 --granularity MONTHLY --metrics ' +
      'UnblendedCost --filter \'{"Dimensions":{"Key":"SERVICE","Values":["Amazon Relational Database Service"]}}\' ' +
      '--group-by Type=DIMENSION,Key=USAGE_TYPE`',
  );
  expect(finding?.evidence).toMatchObject({ increase: 200, increasePercent: 25, dailyIncreasePercent: 21 });
});
