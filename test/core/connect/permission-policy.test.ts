import { describe, expect, it } from 'vitest';
import { type IamPolicyStatement, validateIamPolicy } from '../../../core/connect/iam-policy-schema.ts';
import {
  buildPermissionPolicy,
  isGlobalAction,
  MANAGED_POLICY_MAX_CHARS,
  permissionStatementGroups,
  policySize,
  ROLE_INLINE_POLICY_MAX_CHARS,
} from '../../../core/connect/permission-policy.ts';
import { PERMISSIONS, policyActions } from '../../../core/connect/permissions.ts';
import { isAwsRegionName } from '../../../core/connect/region-name.ts';
import { AxiomError } from '../../../core/errors.ts';

/** Every commercial region AWS lists today: the worst case a customer can pick. */
const ALL_COMMERCIAL_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

function statements(regions?: string[]): IamPolicyStatement[] {
  const policy = buildPermissionPolicy(regions ? { regions } : {});
  return Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
}

function actionsOf(statement: IamPolicyStatement): string[] {
  const action = statement.Action;
  return action === undefined ? [] : Array.isArray(action) ? action : [action];
}

describe('buildPermissionPolicy', () => {
  it('grants exactly the catalogue actions, each once, with explicit names only', () => {
    const actions = statements().flatMap(actionsOf);
    expect([...actions].sort()).toEqual([...policyActions()].sort());
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.filter((action) => /[*?]/.test(action))).toEqual([]);
  });

  it('is Version 2012-10-17 with Allow statements on Resource "*" only', () => {
    const policy = buildPermissionPolicy();
    expect(policy.Version).toBe('2012-10-17');
    for (const statement of statements()) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Resource).toBe('*');
      expect(statement.NotAction).toBeUndefined();
      expect(statement.NotResource).toBeUndefined();
    }
  });

  it('groups statements by capability, with stable Sids in catalogue order', () => {
    expect(statements().map((statement) => statement.Sid)).toEqual([
      'AxiomConnectionTest',
      'AxiomEc2InventoryGlobal',
      'AxiomEc2Inventory',
      'AxiomLoadBalancers',
      'AxiomS3PostureGlobal',
      'AxiomS3Posture',
      'AxiomRdsPosture',
      'AxiomIamAudit',
      'AxiomPrivilegeSelfCheck',
      'AxiomUtilizationMetrics',
      'AxiomLogRetention',
      'AxiomCostTrend',
      'AxiomOwnershipTags',
    ]);
    for (const group of permissionStatementGroups()) {
      const capabilityActions = PERMISSIONS.filter((entry) => entry.capability === group.capability).map(
        (entry) => entry.action,
      );
      // Within a statement, the catalogue's order.
      expect(group.actions).toEqual(capabilityActions.filter((action) => group.actions.includes(action)));
    }
  });

  it('has no condition when no regions (or an empty list) are given', () => {
    for (const statement of [...statements(), ...statements([])]) expect(statement.Condition).toBeUndefined();
  });

  it('limits regional statements to the chosen regions and leaves global ones alone', () => {
    const chosen = statements(['us-east-1', 'eu-west-1', 'eu-west-1']);
    for (const statement of chosen) {
      const actions = actionsOf(statement);
      const global = actions.filter(isGlobalAction);
      // A statement is all global or all regional, so one condition fits all its actions.
      expect(global.length === 0 || global.length === actions.length).toBe(true);
      if (global.length > 0) expect(statement.Condition).toBeUndefined();
      else
        expect(statement.Condition).toEqual({
          StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] },
        });
    }
    const unconditioned = chosen.filter((s) => s.Condition === undefined).flatMap(actionsOf);
    expect(unconditioned.sort()).toEqual(
      [
        'ce:GetCostAndUsage',
        'ec2:DescribeRegions',
        'iam:GenerateCredentialReport',
        'iam:GetAccountAuthorizationDetails',
        'iam:GetAccountPasswordPolicy',
        'iam:GetAccountSummary',
        'iam:GetCredentialReport',
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
        'iam:GetRolePolicy',
        'iam:ListAttachedRolePolicies',
        'iam:ListRolePolicies',
        'iam:SimulatePrincipalPolicy',
        's3:GetAccountPublicAccessBlock',
        's3:ListAllMyBuckets',
        'sts:GetCallerIdentity',
      ].sort(),
    );
  });

  it('renders the same policy for the same regions in any order', () => {
    expect(JSON.stringify(buildPermissionPolicy({ regions: ['us-west-2', 'eu-west-1'] }))).toBe(
      JSON.stringify(buildPermissionPolicy({ regions: ['eu-west-1', 'us-west-2', 'eu-west-1'] })),
    );
    expect(JSON.stringify(buildPermissionPolicy())).toBe(JSON.stringify(buildPermissionPolicy({})));
  });

  it('does not share arrays between statements (YAML would turn them into aliases)', () => {
    const conditions = statements(['eu-west-1'])
      .map((statement) => statement.Condition?.StringEquals?.['aws:RequestedRegion'])
      .filter((value) => value !== undefined);
    expect(conditions.length).toBeGreaterThan(1);
    expect(new Set(conditions).size).toBe(conditions.length);
  });

  it('validates against the IAM grammar, with and without regions', () => {
    for (const policy of [
      buildPermissionPolicy(),
      buildPermissionPolicy({ regions: ALL_COMMERCIAL_REGIONS }),
    ]) {
      expect(validateIamPolicy(policy, 'identity')).toEqual({ valid: true, policy });
    }
  });

  it('stays under the managed-policy quota without regions and the inline quota with every region', () => {
    expect(policySize(buildPermissionPolicy())).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
    expect(policySize(buildPermissionPolicy({ regions: ALL_COMMERCIAL_REGIONS }))).toBeLessThanOrEqual(
      ROLE_INLINE_POLICY_MAX_CHARS,
    );
    // The rendered, indented form is what a customer pastes; IAM ignores the whitespace, but keep a margin.
    expect(JSON.stringify(buildPermissionPolicy(), null, 2).length).toBeLessThanOrEqual(
      ROLE_INLINE_POLICY_MAX_CHARS,
    );
  });

  it('refuses a region list that would overflow the inline-policy quota', () => {
    // 200 distinct names written as regions are (two letters, a direction, a number); AWS has ~35.
    const letter = (n: number) => String.fromCharCode(97 + (n % 26));
    const tooMany = Array.from(
      { length: 200 },
      (_, i) => `${letter(i)}${letter(Math.floor(i / 26))}-${i % 2 ? 'north' : 'south'}-${(i % 9) + 1}`,
    );
    expect(() => buildPermissionPolicy({ regions: tooMany })).toThrow(
      expect.objectContaining({ code: 'permission_policy_too_large' }),
    );
  });

  it('refuses something that is not a region name', () => {
    for (const region of ['EU-WEST-1', 'us-east-1a', 'everywhere', '*', '']) {
      let thrown: unknown;
      try {
        buildPermissionPolicy({ regions: [region] });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AxiomError);
      expect((thrown as AxiomError).code).toBe('invalid_region');
    }
  });
});

describe('isGlobalAction', () => {
  it.each([
    ['iam:GetAccountSummary', true],
    ['sts:GetCallerIdentity', true],
    ['ce:GetCostAndUsage', true],
    ['s3:ListAllMyBuckets', true],
    ['s3:GetAccountPublicAccessBlock', true],
    ['ec2:DescribeRegions', true],
    ['ec2:DescribeInstances', false],
    ['s3:GetBucketPolicy', false],
    ['tag:GetResources', false],
    ['logs:DescribeLogGroups', false],
  ])('%s -> %s', (action, expected) => {
    expect(isGlobalAction(action)).toBe(expected);
  });
});

describe('isAwsRegionName', () => {
  it('accepts commercial, GovCloud and China regions', () => {
    for (const region of [...ALL_COMMERCIAL_REGIONS, 'us-gov-west-1', 'cn-north-1']) {
      expect(isAwsRegionName(region)).toBe(true);
    }
  });
});
