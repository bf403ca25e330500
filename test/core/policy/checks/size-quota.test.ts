import { describe } from 'vitest';
import { sizeQuota } from '../../../../core/policy/checks/size-quota.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

/** `count` distinct S3 object ARNs, each 40 characters. */
function objectArns(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `arn:aws:s3:::reports-bucket/${String(i).padStart(12, '0')}`,
  );
}

const statement = (resources: string[]) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: resources });

// Compact, a statement of n ARNs is about 42n + 60 characters.
const bareLarge = policyJson([statement(objectArns(150))]);
const bareSmall = policyJson([statement(objectArns(140))]);
// Pretty-printing adds white space IAM does not count: 140 ARNs are ~6,000 characters without it, far more with.
const indentedJustUnder = JSON.stringify(
  { Version: '2012-10-17', Statement: [statement(objectArns(140))] },
  null,
  8,
);

const yamlList = (indent: string, values: string[]) =>
  values.map((value) => `${indent}- ${value}`).join('\n');

const cloudFormation = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS:
${yamlList(
  '                ',
  Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(111100000000 + i)}:root`),
)}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource:
${yamlList('                  ', objectArns(60))}
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: shared
      Users: [alice]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource:
${yamlList('              ', objectArns(100))}
`;

const hclList = (values: string[]) => values.map((value) => `"${value}"`).join(', ');

const terraform = `resource "aws_iam_user_policy" "alice" {
  user = "alice"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = [${hclList(objectArns(50))}] }]
  })
}

resource "aws_iam_group_policy" "team" {
  group = "team"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = [${hclList(objectArns(50))}] }]
  })
}

data "aws_iam_policy_document" "bucket" {
  statement {
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["s3:GetObject"]
    resources = [${hclList(objectArns(520))}]
  }
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = "reports"
  policy = data.aws_iam_policy_document.bucket.json
}
`;

describe('iam.policy.size-quota', () => {
  testPolicyCheck(sizeQuota, [
    {
      name: 'a bare policy over 6,144 characters: checked as managed, and says so',
      text: bareLarge,
      expected: [
        {
          line: 1,
          column: 1,
          message:
            'over the 6,144-character limit for a managed policy (how the policy is used is not known here',
        },
      ],
    },
    { name: 'just under the managed limit', text: bareSmall, expected: [] },
    { name: 'white space is not counted', text: indentedJustUnder, expected: [] },
    {
      name: 'CloudFormation: a trust policy over 2,048; a role inline policy under 10,240; AWS::IAM::Policy against the largest holder',
      path: 'template.yaml',
      text: cloudFormation,
      expected: [
        {
          line: 6,
          message:
            "the default 2,048-character limit for a role trust policy (the 'Role trust policy length' quota",
        },
      ],
    },
    {
      name: 'Terraform: a user inline policy over 2,048, a group one under 5,120, a bucket policy over 20 KB',
      path: 'main.tf',
      text: terraform,
      expected: [
        {
          line: 3,
          message: "over the 2,048-character limit for a user's inline policies (all of them together)",
        },
        { line: 17, message: 'bytes, over the 20 KB limit for an S3 bucket policy' },
      ],
    },
  ]);
});
