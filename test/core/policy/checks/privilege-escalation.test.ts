// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${aws:username} is an IAM policy variable under test.
import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { privilegeEscalation } from '../../../../core/policy/checks/privilege-escalation.ts';
import { ESCALATION_PATHS } from '../../../../core/policy/checks/support/permission-escalation-paths.ts';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

const ROLE = 'arn:aws:iam::111122223333:role/app-*';

describe('iam.policy.privilege-escalation', () => {
  testPolicyCheck(privilegeEscalation, [
    {
      name: 'iam:CreatePolicyVersion on "*": critical, on the action entry',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }]),
      expected: [
        {
          line: 6,
          column: 17,
          severity: 'critical',
          message: 'iam:CreatePolicyVersion on "*" lets this principal',
        },
      ],
    },
    {
      name: 'iam:* grants every IAM path: one finding naming the first and counting the rest',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
      expected: [
        { line: 6, severity: 'critical', message: 'iam:CreatePolicyVersion on "*" (through "iam:*") lets' },
      ],
    },
    {
      name: 'iam:PassRole with ec2:RunInstances from another statement, reported on PassRole',
      text: policyJson([
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      ]),
      expected: [
        {
          line: 11,
          severity: 'critical',
          message: 'iam:PassRole on "*" with ec2:RunInstances (line 6) lets',
        },
      ],
    },
    {
      name: 'ec2:* with iam:PassRole: the companion comes from a wildcard',
      text: policyJson([{ Effect: 'Allow', Action: ['ec2:*', 'iam:PassRole'], Resource: '*' }]),
      expected: [{ line: 8, severity: 'critical', message: 'ec2:RunInstances (through "ec2:*", line 7)' }],
    },
    {
      name: 'PassRole scoped to named roles: one level lower',
      text: policyJson([
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE },
      ]),
      expected: [{ line: 11, severity: 'high' }],
    },
    {
      name: "iam:PassedToService naming the path's service: narrowed, one level lower",
      text: policyJson([
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
        },
      ]),
      expected: [{ line: 11, severity: 'high' }],
    },
    {
      name: 'does not fire: iam:PassedToService names another service, closing the path',
      text: policyJson([
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'lambda:CreateFunction with PassRole needs a way to run it',
      text: policyJson([
        { Effect: 'Allow', Action: ['lambda:CreateFunction', 'iam:PassRole'], Resource: '*' },
      ]),
      expected: [],
    },
    {
      name: 'lambda:CreateFunction, lambda:InvokeFunction and PassRole',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: ['lambda:CreateFunction', 'lambda:InvokeFunction', 'iam:PassRole'],
          Resource: '*',
        },
      ]),
      expected: [{ line: 9, severity: 'critical', message: 'create a Lambda function with any role' }],
    },
    {
      name: 'iam:UpdateAssumeRolePolicy needs sts:AssumeRole',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:UpdateAssumeRolePolicy', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'iam:UpdateAssumeRolePolicy with sts:AssumeRole',
      text: policyJson([
        { Effect: 'Allow', Action: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], Resource: '*' },
      ]),
      expected: [{ line: 7, severity: 'critical' }],
    },
    {
      name: 'does not fire: self-service access keys on user/${aws:username}',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: ['iam:CreateAccessKey', 'iam:UpdateLoginProfile'],
          Resource: 'arn:aws:iam::*:user/${aws:username}',
        },
      ]),
      expected: [],
    },
    {
      name: "iam:PutUserPolicy on the caller's own user is still escalation (high, scoped)",
      text: policyJson([
        { Effect: 'Allow', Action: 'iam:PutUserPolicy', Resource: 'arn:aws:iam::*:user/${aws:username}' },
      ]),
      expected: [{ line: 6, severity: 'high' }],
    },
    {
      name: 'does not fire: a resource the action cannot apply to',
      text: policyJson([{ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:s3:::reports/*' }]),
      expected: [],
    },
    {
      name: 'does not fire: Deny iam:*',
      text: policyJson([{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a full-administrator statement (full-admin reports it)',
      text: policyJson([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: a NotAction statement (allow-not-action names its paths)',
      text: policyJson([{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }]),
      expected: [],
    },
    {
      name: 'CloudFormation YAML: two statements of one role policy',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  CiPolicy:',
        '    Type: AWS::IAM::ManagedPolicy',
        '    Properties:',
        '      PolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Action: [codebuild:CreateProject, codebuild:StartBuild]',
        "            Resource: '*'",
        '          - Effect: Allow',
        '            Action: iam:PassRole',
        "            Resource: '*'",
      ].join('\n'),
      expected: [{ line: 11, column: 21, severity: 'critical', message: 'CodeBuild project' }],
    },
    {
      name: 'Terraform jsonencode: iam:PassRole with lambda actions in another statement',
      path: 'main.tf',
      text: [
        'resource "aws_iam_role_policy" "deployer" {',
        '  role = aws_iam_role.deployer.id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [',
        '      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:CreateEventSourceMapping"], Resource = "*" },',
        '      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },',
        '    ]',
        '  })',
        '}',
      ].join('\n'),
      expected: [
        { line: 7, column: 36, severity: 'critical', message: 'lambda:CreateEventSourceMapping (line 6)' },
      ],
    },
    {
      name: 'Terraform aws_iam_policy_document',
      path: 'main.tf',
      text: [
        'data "aws_iam_policy_document" "deployer" {',
        '  statement {',
        '    actions   = ["iam:AttachRolePolicy"]',
        '    resources = ["arn:aws:iam::111122223333:role/app-*"]',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 3, column: 18, severity: 'high' }],
    },
  ]);

  it('puts the full path in evidence, with the line of each action', () => {
    const text = policyJson([
      { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
    ]);
    const [document] = extractPolicies({ path: 'p.json', text }).documents;
    const [problem] = privilegeEscalation.evaluate(document!, { catalog: loadIamCatalog() });
    expect(problem?.evidence.paths).toEqual([
      {
        path: 'passrole-ec2',
        severity: 'critical',
        actions: [
          { action: 'iam:PassRole', grantedBy: 'iam:PassRole', line: 11 },
          { action: 'ec2:RunInstances', grantedBy: 'ec2:RunInstances', line: 6 },
        ],
      },
    ]);
  });

  it('names only actions that exist in the catalogue', () => {
    const catalog = loadIamCatalog();
    const missing = ESCALATION_PATHS.flatMap((path) => [path.key, ...path.with.flat()]).filter(
      (key) => catalog.action(key) === undefined,
    );
    expect(missing).toEqual([]);
  });
});
