import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { costExplorerCollector, lastTwoFullMonths } from '../../../../core/scan/collectors/cost-explorer.ts';
import { type FakeAws, json, jsonError, startFakeAws } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws({ region: 'eu-west-2' });
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

function group(service: string, amount: string) {
  return { Keys: [service], Metrics: { UnblendedCost: { Amount: amount, Unit: 'USD' } } };
}

/** GetCostAndUsage's JSON 1.1 answer, shaped like the example in the Cost Explorer API reference. */
const ANSWER = {
  GroupDefinitions: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
  ResultsByTime: [
    {
      TimePeriod: { Start: '2025-11-01', End: '2025-12-01' },
      Total: {},
      Groups: [
        group('Amazon Elastic Compute Cloud - Compute', '1200.4567'),
        group('Amazon Simple Storage Service', '80.1'),
      ],
      Estimated: false,
    },
    {
      TimePeriod: { Start: '2025-12-01', End: '2026-01-01' },
      Total: {},
      Groups: [group('Amazon Elastic Compute Cloud - Compute', '1500'), group('AWS Lambda', '0.0000012')],
      Estimated: false,
    },
  ],
  DimensionValueAttributes: [],
};

async function collect(options: { includeCostExplorer: boolean; maxAttempts?: number }) {
  const { context, coverage } = collectorContext({ aws, now: new Date('2026-01-15T10:00:00Z'), ...options });
  const target = collectorTarget({ region: 'eu-west-2' });
  await costExplorerCollector.collect(context, target);
  return { costs: target.account.costs, coverage };
}

describe('costExplorerCollector', () => {
  it('makes no request unless asked, and says why in coverage', async () => {
    const { costs, coverage } = await collect({ includeCostExplorer: false });
    expect(aws.requests).toHaveLength(0);
    expect(costs).toBeUndefined();
    expect(coverage).toEqual([
      {
        accountId: '111122223333',
        region: 'eu-west-2',
        service: 'ce',
        operation: 'GetCostAndUsage',
        status: 'skipped',
        detail: 'not requested: AWS bills each Cost Explorer request',
      },
    ]);
  });

  it('reads the last two full months by service in one us-east-1 request', async () => {
    aws.on('CostExplorer', 'GetCostAndUsage', () => json(ANSWER));
    const { costs, coverage } = await collect({ includeCostExplorer: true });
    const calls = aws.calls('CostExplorer', 'GetCostAndUsage');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.params).toEqual({
      TimePeriod: { Start: '2025-11-01', End: '2026-01-01' },
      Granularity: 'MONTHLY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    });
    expect(calls[0]?.headers.authorization).toContain('/us-east-1/ce/aws4_request');
    expect(costs).toEqual({
      unit: 'USD',
      months: [
        {
          start: '2025-11-01',
          byService: {
            'Amazon Elastic Compute Cloud - Compute': 1200.4567,
            'Amazon Simple Storage Service': 80.1,
          },
        },
        {
          start: '2025-12-01',
          byService: { 'Amazon Elastic Compute Cloud - Compute': 1500, 'AWS Lambda': 0.0000012 },
        },
      ],
    });
    expect(coverage).toMatchObject([{ operation: 'GetCostAndUsage', status: 'ok' }]);
  });

  it('follows NextPageToken and merges groups of the same month', async () => {
    aws.on('CostExplorer', 'GetCostAndUsage', (request) => {
      const [november, december] = ANSWER.ResultsByTime;
      if (request.params.NextPageToken === undefined)
        return json({
          ...ANSWER,
          ResultsByTime: [november, { ...december, Groups: [] }],
          NextPageToken: 'next',
        });
      return json({ ...ANSWER, ResultsByTime: [{ ...november, Groups: [] }, december] });
    });
    const { costs } = await collect({ includeCostExplorer: true });
    expect(aws.calls('CostExplorer', 'GetCostAndUsage').map((call) => call.params.NextPageToken)).toEqual([
      undefined,
      'next',
    ]);
    expect(costs?.months.map((month) => Object.keys(month.byService).length)).toEqual([2, 2]);
  });

  it('turns AccessDeniedException into coverage', async () => {
    aws.on('CostExplorer', 'GetCostAndUsage', () =>
      jsonError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/axiom/s is not authorized to perform: ce:GetCostAndUsage',
      ),
    );
    const { costs, coverage } = await collect({ includeCostExplorer: true });
    expect(costs).toBeUndefined();
    expect(coverage).toMatchObject([{ operation: 'GetCostAndUsage', status: 'denied' }]);
  });

  it('retries when throttled (ThrottlingException) and succeeds', async () => {
    let throttled = false;
    aws.on('CostExplorer', 'GetCostAndUsage', () => {
      if (throttled) return json(ANSWER);
      throttled = true;
      return jsonError('ThrottlingException', 'Rate exceeded');
    });
    const { costs, coverage } = await collect({ includeCostExplorer: true, maxAttempts: 3 });
    expect(aws.calls('CostExplorer', 'GetCostAndUsage')).toHaveLength(2);
    expect(costs?.months).toHaveLength(2);
    expect(coverage).toMatchObject([{ operation: 'GetCostAndUsage', status: 'ok' }]);
  });
});

describe('lastTwoFullMonths', () => {
  it.each([
    ['2026-01-15T10:00:00Z', '2025-11-01', '2026-01-01'],
    ['2026-03-01T00:00:00Z', '2026-01-01', '2026-03-01'],
    ['2025-12-31T23:59:59Z', '2025-10-01', '2025-12-01'],
  ])('%s -> [%s, %s)', (now, start, end) => {
    expect(lastTwoFullMonths(new Date(now))).toEqual({ Start: start, End: end });
  });
});
