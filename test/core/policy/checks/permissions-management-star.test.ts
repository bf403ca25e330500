import { describe } from 'vitest';
import { permissionsManagementStar } from '../../../../core/policy/checks/permissions-management-star.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.permissions-management-star', () => {
  testPolicyCheck(permissionsManagementStar, [
    {
      name: 'permission-management actions on "*": high, on the Resource entry',
      text: policyJson([{ Effect: 'Allow', Action: ['s3:PutBucketPolicy', 's3:PutObject'], Resource: '*' }]),
      expected: [{ line: 10, column: 19, severity: 'high', message: 's3:PutBucketPolicy' }],
    },
    {
      name: 'a narrowing condition lowers to medium',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'kms:CreateGrant',
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': 'ebs.eu-west-1.amazonaws.com' } },
        },
      ]),
      expected: [{ line: 7, severity: 'medium' }],
    },
    {
      name: 'an explicit Deny elsewhere does not change it unless it guards with a condition',
      text: policyJson([
        { Effect: 'Allow', Action: 'ec2:ModifySnapshotAttribute', Resource: '*' },
        { Effect: 'Deny', Action: 'ec2:DeleteSnapshot', Resource: '*' },
      ]),
      expected: [{ line: 7, severity: 'high' }],
    },
    {
      name: 'does not fire: read actions AWS files under permissions management (Describe*Permissions)',
      text: policyJson([{ Effect: 'Allow', Action: 'quicksight:DescribeTopicPermissions', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: IAM self-granting actions (privilege-escalation reports them)',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: scoped resources',
      text: policyJson([{ Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::reports' }]),
      expected: [],
    },
    {
      name: 'does not fire: Deny',
      text: policyJson([{ Effect: 'Deny', Action: 's3:PutBucketPolicy', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: KMS key policy with root principal and Resource "*"',
      path: 'key.yaml',
      text: [
        'Resources:',
        '  Key:',
        '    Type: AWS::KMS::Key',
        '    Properties:',
        '      KeyPolicy:',
        '        Statement:',
        '          - Effect: Allow',
        "            Principal: { AWS: 'arn:aws:iam::111122223333:root' }",
        '            Action: [kms:PutKeyPolicy, kms:CreateGrant]',
        "            Resource: '*'",
      ].join('\n'),
      expected: [],
    },
    {
      name: 'Terraform aws_iam_policy_document',
      path: 'main.tf',
      text: [
        'data "aws_iam_policy_document" "share" {',
        '  statement {',
        '    actions   = ["ec2:ModifySnapshotAttribute"]',
        '    resources = ["*"]',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 4, column: 18, severity: 'high' }],
    },
  ]);
});
