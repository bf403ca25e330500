import { describe } from 'vitest';
import { resourceServiceWithoutSource } from '../../../../core/policy/checks/resource-service-without-source.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

const QUEUE = 'arn:aws:sqs:eu-west-1:111122223333:jobs';

describe('iam.resource.service-without-source', () => {
  testPolicyCheck(resourceServiceWithoutSource, [
    {
      name: 'a queue policy letting SNS in without aws:SourceArn: medium, on the service principal',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: QUEUE,
        },
      ]),
      expected: [
        { line: 7, column: 20, severity: 'medium', message: 'sns.amazonaws.com may act on this resource' },
      ],
    },
    {
      name: 'a StringLike "*" source does not count',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: QUEUE,
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:events:*:*:rule/*' } },
        },
      ]),
      expected: [{ line: 7 }],
    },
    {
      name: 'does not fire: aws:SourceArn',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: QUEUE,
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:events' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: KMS key policies (services scope them by encryption context)',
      path: 'key.yaml',
      text: [
        'Resources:',
        '  Key:',
        '    Type: AWS::KMS::Key',
        '    Properties:',
        '      KeyPolicy:',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal: { Service: cloudtrail.amazonaws.com }',
        '            Action: kms:GenerateDataKey*',
        "            Resource: '*'",
      ].join('\n'),
      expected: [],
    },
    {
      name: 'does not fire: trust policies (a service assuming a role is fine)',
      text: policyJson([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]),
      expected: [],
    },
    {
      name: 'CloudFormation Lambda permission for S3 without SourceArn or SourceAccount',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Invoke:',
        '    Type: AWS::Lambda::Permission',
        '    Properties:',
        '      Action: lambda:InvokeFunction',
        '      FunctionName: !GetAtt Function.Arn',
        '      Principal: s3.amazonaws.com',
      ].join('\n'),
      expected: [{ line: 7, column: 18, severity: 'medium' }],
    },
    {
      name: 'does not fire: CloudFormation Lambda permission with SourceAccount',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Invoke:',
        '    Type: AWS::Lambda::Permission',
        '    Properties:',
        '      Action: lambda:InvokeFunction',
        '      FunctionName: !GetAtt Function.Arn',
        '      Principal: s3.amazonaws.com',
        "      SourceAccount: '111122223333'",
      ].join('\n'),
      expected: [],
    },
    {
      name: 'Terraform SQS queue policy',
      path: 'main.tf',
      text: [
        'resource "aws_sqs_queue_policy" "jobs" {',
        '  queue_url = aws_sqs_queue.jobs.id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Principal = { Service = "events.amazonaws.com" }',
        '      Action    = "sqs:SendMessage"',
        '      Resource  = aws_sqs_queue.jobs.arn',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [{ line: 7, severity: 'medium' }],
    },
  ]);
});
