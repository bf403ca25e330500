import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type SdkClientName } from '../../../../core/connect/permissions.ts';
import { COMPUTE_RULES } from '../../../../core/rules/compute-rules.ts';
import type { ScanService } from '../../../../core/scan/inventory.ts';

/** The SDK client behind each scan service these rules read. */
const CLIENT: Partial<Record<ScanService, SdkClientName>> = {
  ec2: 'EC2',
  elbv2: 'ElasticLoadBalancingV2',
  cloudwatch: 'CloudWatch',
};

describe('COMPUTE_RULES', () => {
  it('has unique, well-formed ids named after their service', () => {
    const ids = COMPUTE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of COMPUTE_RULES)
      expect(rule.id).toMatch(new RegExp(`^aws\\.${rule.service}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it('are regional and every required input is an operation in the permission catalogue', () => {
    for (const rule of COMPUTE_RULES) {
      expect(rule.scope).toBe('regional');
      expect(rule.requires.length).toBeGreaterThan(0);
      for (const input of rule.requires) {
        const client = CLIENT[input.service];
        expect(
          PERMISSIONS.some((entry) => entry.client === client && entry.operation === input.operation),
          `${rule.id} requires ${input.service}:${input.operation}`,
        ).toBe(true);
      }
    }
  });

  it('gives every rule a rationale and a remediation, and cost rules a low default severity', () => {
    for (const rule of COMPUTE_RULES) {
      expect(rule.rationale.length).toBeGreaterThan(40);
      expect(rule.remediation.length).toBeGreaterThan(40);
      if (rule.category === 'cost') expect(rule.severity).toBe('low');
    }
  });

  it('reads metrics only in rules that require GetMetricData', () => {
    const metricRules = COMPUTE_RULES.filter((rule) =>
      rule.requires.some((input) => input.service === 'cloudwatch' && input.operation === 'GetMetricData'),
    ).map((rule) => rule.id);
    expect(metricRules.sort()).toEqual([
      'aws.ec2.instance-low-utilization',
      'aws.ec2.nat-gateway-idle',
      'aws.elbv2.load-balancer-idle',
    ]);
  });
});
