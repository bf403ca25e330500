import { describe, expect, it } from 'vitest';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';
import { inlineSuppressions } from '../../../../core/policy/lint/inline-suppressions.ts';
import { isLintablePath, isPolicyFileName } from '../../../../core/policy/lint/policy-file-selection.ts';

function suppressions(path: string, text: string) {
  return inlineSuppressions(path, text, extractPolicies({ path, text }));
}

describe('inlineSuppressions: what each comment covers', () => {
  it('a comment above a CloudFormation resource covers every policy of it; stacked comments share the block', () => {
    const text = `Resources:
  # axiom:ignore iam.policy.full-admin sandbox account
  # axiom:ignore iam.trust.* sandbox account

  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sts:AssumeRole
      Policies:
        - PolicyName: admin
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: '*'
                Resource: '*'
  Other:
    Type: AWS::SQS::Queue
`;
    expect(suppressions('template.yaml', text)).toEqual([
      {
        file: 'template.yaml',
        line: 2,
        checkId: 'iam.policy.full-admin',
        reason: 'sandbox account',
        range: { line: 5, endLine: 19 },
      },
      {
        file: 'template.yaml',
        line: 3,
        checkId: 'iam.trust.*',
        reason: 'sandbox account',
        range: { line: 5, endLine: 19 },
      },
    ]);
  });

  it('a comment above nothing policy-like covers its own line and the next only', () => {
    const text = `# axiom:ignore iam.policy.full-admin not about a policy
locals {
  x = 1
}
`;
    expect(suppressions('main.tf', text)).toEqual([
      { file: 'main.tf', line: 1, checkId: 'iam.policy.full-admin', reason: 'not about a policy' },
    ]);
  });

  it('a comment above a data source covers its statements', () => {
    const text = `// axiom:ignore iam.policy.passrole-star the deploy role passes every app role
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}
`;
    expect(suppressions('main.tf', text)[0]?.range).toEqual({ line: 2, endLine: 7 });
  });
});

describe('which files the lint walk reads', () => {
  it.each([
    ['policy.json', true],
    ['stack.TEMPLATE', true],
    ['main.tf', true],
    ['values.yml', true],
    ['notes.txt', false],
    ['main.tf.bak', false],
  ])('%s: %s', (name, expected) => {
    expect(isPolicyFileName(name)).toBe(expected);
  });

  it.each([
    ['infra/iam/app.json', true],
    ['node_modules/pkg/policy.json', false],
    ['infra/.terraform/modules/x/main.tf', false],
    ['cdk.out/Stack.template.json', false],
    ['packages/a/dist/policy.json', false],
    ['.git/config.json', false],
    ['infra/README.md', false],
  ])('%s: %s', (path, expected) => {
    expect(isLintablePath(path)).toBe(expected);
  });
});
