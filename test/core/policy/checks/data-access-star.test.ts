import { describe } from 'vitest';
import { dataAccessStar } from '../../../../core/policy/checks/data-access-star.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

describe('iam.policy.data-access-star', () => {
  testPolicyCheck(dataAccessStar, [
    {
      name: 'secretsmanager:GetSecretValue on "*": high, on the action entry',
      text: policyJson([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }]),
      expected: [{ line: 6, column: 17, severity: 'high', message: 'reading every secret' }],
    },
    {
      name: 's3:Get* names the object reads it includes',
      text: policyJson([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }]),
      expected: [{ line: 7, severity: 'medium', message: '"s3:Get*" (s3:GetObject, s3:GetObjectVersion)' }],
    },
    {
      name: 'one finding per entry',
      text: policyJson([{ Effect: 'Allow', Action: ['dynamodb:Scan', 'logs:GetLogEvents'], Resource: '*' }]),
      expected: [
        { line: 7, severity: 'medium' },
        { line: 8, severity: 'low' },
      ],
    },
    {
      name: 'kms:Decrypt narrowed by kms:ViaService: one level lower',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
        },
      ]),
      expected: [{ line: 6, severity: 'low', message: 'narrowed only by StringEquals kms:ViaService' }],
    },
    {
      name: 'a NotResource is every other resource',
      text: policyJson([
        { Effect: 'Allow', Action: 'ssm:GetParameter', NotResource: 'arn:aws:ssm:*:*:parameter/admin/*' },
      ]),
      expected: [{ line: 6, severity: 'medium' }],
    },
    {
      name: 'does not fire: scoped secrets',
      text: policyJson([
        {
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*',
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: Deny',
      text: policyJson([{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }]),
      expected: [],
    },
    {
      name: 'does not fire: metadata reads (s3:GetBucketPolicy) and lists',
      text: policyJson([
        { Effect: 'Allow', Action: ['s3:GetBucketPolicy', 's3:ListAllMyBuckets'], Resource: '*' },
      ]),
      expected: [],
    },
    {
      name: 'CloudFormation YAML',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Reader:',
        '    Type: AWS::IAM::Policy',
        '    Properties:',
        '      PolicyName: read',
        '      PolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Action: ssm:GetParameters',
        "            Resource: '*'",
      ].join('\n'),
      expected: [{ line: 9, column: 21, severity: 'medium' }],
    },
  ]);
});
