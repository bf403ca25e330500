import { describe, expect, it } from 'vitest';
import type { ScanService } from '../../../core/scan/inventory.ts';
import { planScan, RUNS_AFTER } from '../../../core/scan/plan.ts';
import { parseScanServices } from '../../../core/scan/scan-services.ts';
import { fakeCollector, fakeCollectors } from './fake-collectors.ts';

const A = '111122223333';
const B = '444455556666';

function ids(units: { id: string }[]): string[] {
  return units.map((unit) => unit.id);
}

describe('planScan', () => {
  it('plans per account: each global collector once, each regional collector once per region', () => {
    const units = planScan({
      targets: [{ accountId: A }],
      regions: ['us-east-1', 'eu-west-1'],
      collectors: fakeCollectors(),
    });
    expect(ids(units)).toEqual([
      `${A}/global/iam`,
      `${A}/global/s3`,
      `${A}/global/ce`,
      ...['us-east-1', 'eu-west-1'].flatMap((region) =>
        ['ec2', 'elbv2', 'rds', 'logs', 'cloudwatch', 'tagging'].map(
          (service) => `${A}/${region}/${service}`,
        ),
      ),
    ]);
    const iam = units[0];
    expect(iam).toMatchObject({ accountId: A, region: 'global', service: 'iam', after: [] });
  });

  it('runs CloudWatch after EC2, ELBv2 and RDS of the same account and region, and nothing else waits', () => {
    const units = planScan({
      targets: [{ accountId: A }, { accountId: B }],
      regions: ['us-east-1', 'eu-west-1'],
      collectors: fakeCollectors(),
    });
    const cloudwatch = units.filter((unit) => unit.service === 'cloudwatch');
    expect(cloudwatch).toHaveLength(4);
    for (const unit of cloudwatch) {
      expect(unit.after).toEqual(
        ['ec2', 'elbv2', 'rds'].map((service) => `${unit.accountId}/${unit.region}/${service}`),
      );
      // Its dependencies come earlier in the plan.
      for (const id of unit.after) expect(ids(units).indexOf(id)).toBeLessThan(ids(units).indexOf(unit.id));
    }
    expect(
      units.filter((unit) => unit.service !== 'cloudwatch').every((unit) => unit.after.length === 0),
    ).toBe(true);
    expect(RUNS_AFTER.cloudwatch).toEqual(['ec2', 'elbv2', 'rds']);
  });

  it('orders units by service whatever the order of the collectors', () => {
    const units = planScan({
      targets: [{ accountId: A }],
      regions: ['us-east-1'],
      collectors: [...fakeCollectors()].reverse(),
    });
    expect(units.map((unit) => unit.service)).toEqual([
      'iam',
      's3',
      'ce',
      'ec2',
      'elbv2',
      'rds',
      'logs',
      'cloudwatch',
      'tagging',
    ]);
  });

  it('keeps only the services asked for; CloudWatch without EC2 waits for nothing', () => {
    const units = planScan({
      targets: [{ accountId: A }],
      regions: ['us-east-1'],
      services: ['cloudwatch', 'rds', 'iam'],
      collectors: fakeCollectors(),
    });
    expect(ids(units)).toEqual([`${A}/global/iam`, `${A}/us-east-1/rds`, `${A}/us-east-1/cloudwatch`]);
    expect(units[2]?.after).toEqual([`${A}/us-east-1/rds`]);
  });

  it("uses a target's own regions over the scan's, and each region once", () => {
    const units = planScan({
      targets: [{ accountId: A, regions: ['eu-west-1', 'eu-west-1', 'ap-south-1'] }, { accountId: B }],
      regions: ['us-east-1'],
      services: ['ec2', 's3'],
      collectors: fakeCollectors(),
    });
    expect(ids(units)).toEqual([
      `${A}/global/s3`,
      `${A}/eu-west-1/ec2`,
      `${A}/ap-south-1/ec2`,
      `${B}/global/s3`,
      `${B}/us-east-1/ec2`,
    ]);
  });

  it('plans only global units when there are no regions', () => {
    expect(ids(planScan({ targets: [{ accountId: A }], regions: [], collectors: fakeCollectors() }))).toEqual(
      [`${A}/global/iam`, `${A}/global/s3`, `${A}/global/ce`],
    );
  });

  it('refuses an account listed twice and a service with two collectors', () => {
    expect(() =>
      planScan({ targets: [{ accountId: A }, { accountId: A }], regions: [], collectors: fakeCollectors() }),
    ).toThrow(/account 111122223333 is listed twice/);
    expect(() =>
      planScan({
        targets: [{ accountId: A }],
        regions: [],
        collectors: [fakeCollector('iam', 'global'), fakeCollector('iam', 'global')],
      }),
    ).toThrow(/two collectors are registered for 'iam'/);
  });
});

describe('parseScanServices', () => {
  it.each<[string, ScanService[]]>([
    ['ec2', ['ec2']],
    ['EC2, s3 ,iam', ['ec2', 's3', 'iam']],
    ['elb,cloudwatch-logs,cost-explorer,tags', ['elbv2', 'logs', 'ce', 'tagging']],
    ['s3,s3', ['s3']],
  ])('%s', (input, services) => {
    expect(parseScanServices(input)).toEqual({ ok: true, services });
  });

  it('reports every unknown name with the accepted ones', () => {
    const result = parseScanServices(['ec2', 'lambda', 'ec3']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^"lambda" is not a service Axiom scans; choose from iam, s3, ec2/);
    expect(parseScanServices(' , ')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^no services given/)],
    });
  });
});
