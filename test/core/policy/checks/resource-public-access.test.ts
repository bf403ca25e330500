import { describe } from 'vitest';
import { resourcePublicAccess } from '../../../../core/policy/checks/resource-public-access.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

const OBJECTS = 'arn:aws:s3:::site/*';

/** A CloudFormation S3 bucket policy with one statement, Principal on line 9. */
function bucketPolicy(statement: string[]): string {
  return [
    'Resources:',
    '  BucketPolicy:',
    '    Type: AWS::S3::BucketPolicy',
    '    Properties:',
    '      Bucket: site',
    '      PolicyDocument:',
    '        Statement:',
    '          - Effect: Allow',
    ...statement.map((line) => `            ${line}`),
  ].join('\n');
}

describe('iam.resource.public-access', () => {
  testPolicyCheck(resourcePublicAccess, [
    {
      name: 'Principal "*" reading objects: high, on the principal',
      text: policyJson([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: OBJECTS }]),
      expected: [
        { line: 6, column: 20, severity: 'high', message: 'Principal "*" is allowed "s3:GetObject"' },
      ],
    },
    {
      name: 'Principal "*" writing: critical',
      text: policyJson([
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:PutObject', Resource: OBJECTS },
      ]),
      expected: [{ line: 7, severity: 'critical' }],
    },
    {
      name: 'an S3 bucket policy says anonymous users are in',
      path: 'template.yaml',
      text: bucketPolicy(["Principal: '*'", 'Action: s3:GetObject', `Resource: '${OBJECTS}'`]),
      expected: [{ line: 9, column: 24, severity: 'high', message: 'anonymous internet users' }],
    },
    {
      name: 'aws:Referer does not bound the callers (any client sets it)',
      path: 'template.yaml',
      text: bucketPolicy([
        "Principal: '*'",
        'Action: s3:GetObject',
        `Resource: '${OBJECTS}'`,
        'Condition:',
        '  StringLike:',
        "    aws:Referer: 'https://example.com/*'",
      ]),
      expected: [{ line: 9, severity: 'high' }],
    },
    {
      name: 'a weak condition (aws:PrincipalIsAWSService) lowers one level',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: OBJECTS,
          Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } },
        },
      ]),
      expected: [{ line: 6, severity: 'high' }],
    },
    {
      name: 'does not fire: bucket policy with Principal "*" and aws:SourceVpce',
      path: 'template.yaml',
      text: bucketPolicy([
        "Principal: '*'",
        'Action: s3:GetObject',
        `Resource: '${OBJECTS}'`,
        'Condition:',
        '  StringEquals:',
        '    aws:SourceVpce: vpce-1a2b3c4d',
      ]),
      expected: [],
    },
    {
      name: 'does not fire: bucket policy with Principal "*" and aws:PrincipalOrgID',
      path: 'template.yaml',
      text: bucketPolicy([
        "Principal: '*'",
        'Action: [s3:GetObject, s3:PutObject]',
        `Resource: '${OBJECTS}'`,
        'Condition:',
        '  StringEquals:',
        '    aws:PrincipalOrgID: o-a1b2c3d4e5',
      ]),
      expected: [],
    },
    {
      name: 'does not fire: Allow "*" guarded by a Deny unless from the VPC endpoint',
      text: policyJson([
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: OBJECTS },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::site', OBJECTS],
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'a Deny that guards only some actions does not count',
      text: policyJson([
        { Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: OBJECTS },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: OBJECTS,
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
        },
      ]),
      expected: [{ line: 6, severity: 'critical' }],
    },
    {
      name: 'does not fire: the secure-transport Deny with Principal "*"',
      text: policyJson([
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: OBJECTS,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: KMS key policy for AWS managed key style callers (kms:CallerAccount + kms:ViaService)',
      path: 'key.yaml',
      text: [
        'Resources:',
        '  Key:',
        '    Type: AWS::KMS::Key',
        '    Properties:',
        '      KeyPolicy:',
        '        Statement:',
        '          - Effect: Allow',
        "            Principal: { AWS: '*' }",
        '            Action: [kms:Encrypt, kms:Decrypt]',
        "            Resource: '*'",
        '            Condition:',
        '              StringEquals:',
        "                kms:CallerAccount: '111122223333'",
        '                kms:ViaService: s3.eu-west-1.amazonaws.com',
      ].join('\n'),
      expected: [],
    },
    {
      name: 'KMS key policy open to "*": critical',
      path: 'key.yaml',
      text: [
        'Resources:',
        '  Key:',
        '    Type: AWS::KMS::Key',
        '    Properties:',
        '      KeyPolicy:',
        '        Statement:',
        '          - Effect: Allow',
        "            Principal: { AWS: '*' }",
        "            Action: 'kms:*'",
        "            Resource: '*'",
      ].join('\n'),
      expected: [{ line: 8, severity: 'critical', message: 'can use this key' }],
    },
    {
      name: 'Lambda permission for "*"',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Invoke:',
        '    Type: AWS::Lambda::Permission',
        '    Properties:',
        '      Action: lambda:InvokeFunction',
        '      FunctionName: !Ref Function',
        "      Principal: '*'",
      ].join('\n'),
      expected: [{ line: 7, severity: 'critical', message: 'can use this function' }],
    },
    {
      name: 'does not fire: Lambda permission for "*" with SourceAccount',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  Invoke:',
        '    Type: AWS::Lambda::Permission',
        '    Properties:',
        '      Action: lambda:InvokeFunction',
        '      FunctionName: !Ref Function',
        "      Principal: '*'",
        "      SourceAccount: '111122223333'",
      ].join('\n'),
      expected: [],
    },
    {
      name: 'does not fire: an account principal',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 's3:GetObject',
          Resource: OBJECTS,
        },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: trust policies (iam.trust.public-principal reports them)',
      text: policyJson([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }]),
      expected: [],
    },
    {
      name: 'Terraform SNS topic policy with AWS:SourceOwner does not fire, the open one does',
      path: 'main.tf',
      text: [
        'resource "aws_sns_topic_policy" "owned" {',
        '  arn = aws_sns_topic.t.arn',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Principal = { AWS = "*" }',
        '      Action    = "SNS:Publish"',
        '      Resource  = aws_sns_topic.t.arn',
        '      Condition = { StringEquals = { "AWS:SourceOwner" = "111122223333" } }',
        '    }]',
        '  })',
        '}',
        'resource "aws_sns_topic_policy" "open" {',
        '  arn = aws_sns_topic.t.arn',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Principal = { AWS = "*" }',
        '      Action    = "SNS:Publish"',
        '      Resource  = aws_sns_topic.t.arn',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [{ line: 20, severity: 'critical', message: 'can use this topic' }],
    },
    {
      name: 'Terraform aws_iam_policy_document used by a bucket policy',
      path: 'main.tf',
      text: [
        'resource "aws_s3_bucket_policy" "site" {',
        '  bucket = "site"',
        '  policy = data.aws_iam_policy_document.site.json',
        '}',
        'data "aws_iam_policy_document" "site" {',
        '  statement {',
        '    actions   = ["s3:GetObject"]',
        '    resources = ["arn:aws:s3:::site/*"]',
        '    principals {',
        '      type        = "*"',
        '      identifiers = ["*"]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 10, severity: 'high', message: 'anonymous internet users' }],
    },
  ]);
});
