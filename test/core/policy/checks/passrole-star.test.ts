import { describe } from 'vitest';
import { passRoleStar } from '../../../../core/policy/checks/passrole-star.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.passrole-star', () => {
  testPolicyCheck(passRoleStar, [
    {
      name: 'iam:PassRole on "*": high, on the action entry',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]),
      expected: [
        {
          line: 6,
          column: 17,
          severity: 'high',
          message: 'iam:PassRole is allowed on "*": any role in the account can be passed to a service',
        },
      ],
    },
    {
      name: 'through a partial wildcard',
      text: policyJson([{ Effect: 'Allow', Action: ['iam:Get*', 'iam:Pass*'], Resource: '*' }]),
      expected: [{ line: 8, message: 'through "iam:Pass*"' }],
    },
    {
      name: 'iam:PassedToService lowers to medium and is named',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        },
      ]),
      expected: [{ line: 6, severity: 'medium', message: 'ecs-tasks.amazonaws.com' }],
    },
    {
      name: 'does not fire: scoped to role ARNs',
      text: policyJson([
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: an escalation path through it (privilege-escalation reports it)',
      text: policyJson([{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: iam:* (privilege-escalation reports it)',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: Deny',
      text: policyJson([{ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Deployer:',
        '    Type: AWS::IAM::User',
        '    Properties:',
        '      Policies:',
        '        - PolicyName: pass',
        '          PolicyDocument:',
        '            Statement:',
        '              - Effect: Allow',
        '                Action:',
        '                  - iam:GetRole',
        '                  - iam:PassRole',
        "                Resource: '*'",
      ].join('\n'),
      expected: [{ line: 12, column: 21 }],
    },
    {
      name: 'Terraform jsonencode',
      path: 'main.tf',
      text: [
        'resource "aws_iam_policy" "pass" {',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [{ line: 4, column: 47 }],
    },
  ]);
});
