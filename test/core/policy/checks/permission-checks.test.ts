import { describe, expect, it } from 'vitest';
import { analyzePolicyFile } from '../../../../core/policy/analyze.ts';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { PERMISSION_CHECKS } from '../../../../core/policy/checks/permission-checks.ts';
import { policyJson } from '../../../helpers/policy-check-harness.ts';

/** Every permission finding of a bare policy, as 'line rule-id severity', in line order. */
function findings(statements: unknown[]): string[] {
  const { findings: all } = analyzePolicyFile(
    { path: 'policy.json', text: policyJson(statements) },
    { catalog: loadIamCatalog(), checks: PERMISSION_CHECKS },
  );
  return all
    .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0))
    .map((finding) => `${finding.location?.line} ${finding.ruleId} ${finding.severity}`);
}

describe('PERMISSION_CHECKS', () => {
  it('has unique, well-formed ids and complete docs', () => {
    const ids = PERMISSION_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of PERMISSION_CHECKS) {
      expect(check.id).toMatch(/^iam\.(policy|trust|resource)\.[a-z]+(-[a-z]+)*$/);
      expect(check.category).toBe('security');
      expect(check.docs.length).toBeGreaterThan(40);
      expect(check.remediation.length).toBeGreaterThan(40);
      expect(check.appliesTo?.length).toBeGreaterThan(0);
    }
  });

  describe('one problem gives one finding', () => {
    it('full admin: only full-admin', () => {
      expect(findings([{ Effect: 'Allow', Action: ['*', 'iam:*', 's3:GetObject'], Resource: '*' }])).toEqual([
        '7 iam.policy.full-admin critical',
      ]);
    });

    it('iam:* on "*": only privilege-escalation', () => {
      expect(findings([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }])).toEqual([
        '6 iam.policy.privilege-escalation critical',
      ]);
    });

    it('s3:* on "*": only service-wildcard', () => {
      expect(findings([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])).toEqual([
        '6 iam.policy.service-wildcard high',
      ]);
    });

    it('iam:PassRole with ec2:RunInstances: escalation on PassRole, the ladder for RunInstances', () => {
      expect(
        findings([{ Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' }]),
      ).toEqual([
        '8 iam.policy.privilege-escalation critical',
        '10 iam.policy.write-star-unconstrained medium',
      ]);
    });

    it('a read and a write on "*": data access on the read, the ladder on the Resource', () => {
      expect(
        findings([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }]),
      ).toEqual(['7 iam.policy.data-access-star medium', '10 iam.policy.write-star-unconstrained medium']);
    });

    it('Principal "*" in a trust policy: only the trust check', () => {
      expect(findings([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }])).toEqual([
        '6 iam.trust.public-principal critical',
      ]);
    });

    it('the well-known false positives raise nothing', () => {
      expect(
        findings([
          {
            Effect: 'Allow',
            Action: ['ec2:Describe*', 's3:ListAllMyBuckets', 'sts:GetCallerIdentity'],
            Resource: '*',
          },
          {
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ]),
      ).toEqual([]);
    });
  });
});
