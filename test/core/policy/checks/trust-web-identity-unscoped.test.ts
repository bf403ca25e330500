// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} is Terraform and CloudFormation syntax under test.
import { describe } from 'vitest';
import { trustWebIdentityUnscoped } from '../../../../core/policy/checks/trust-web-identity-unscoped.ts';
import { policyJson, testPolicyCheck } from '../../../helpers/policy-check-harness.ts';

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const AUD = 'token.actions.githubusercontent.com:aud';
const SUB = 'token.actions.githubusercontent.com:sub';
const EKS = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

/** A web-identity trust statement; the Federated principal is on line 7, conditions from line 10. */
function webIdentity(federated: string, condition?: Record<string, unknown>): string {
  return policyJson([
    {
      Effect: 'Allow',
      Principal: { Federated: federated },
      Action: 'sts:AssumeRoleWithWebIdentity',
      ...(condition ? { Condition: condition } : {}),
    },
  ]);
}

describe('iam.trust.web-identity-unscoped', () => {
  testPolicyCheck(trustWebIdentityUnscoped, [
    {
      name: 'GitHub without any condition: critical, on the principal',
      text: webIdentity(GITHUB),
      expected: [
        { line: 7, column: 22, severity: 'critical', message: 'any repository of any GitHub account' },
      ],
    },
    {
      name: 'GitHub with aud but no sub: critical',
      text: webIdentity(GITHUB, { StringEquals: { [AUD]: 'sts.amazonaws.com' } }),
      expected: [{ line: 7, severity: 'critical', message: `without a ${SUB} condition` }],
    },
    {
      name: 'GitHub sub "repo:*": critical, on the value',
      text: webIdentity(GITHUB, {
        StringEquals: { [AUD]: 'sts.amazonaws.com' },
        StringLike: { [SUB]: 'repo:*' },
      }),
      expected: [{ line: 15, column: 54, severity: 'critical', message: 'sub "repo:*"' }],
    },
    {
      name: 'GitHub sub "*": critical',
      text: webIdentity(GITHUB, { StringEquals: { [AUD]: 'sts.amazonaws.com' }, StringLike: { [SUB]: '*' } }),
      expected: [{ line: 15, severity: 'critical' }],
    },
    {
      name: 'GitHub sub with a wildcard in the owner ("repo:my-org*/app:*"): critical',
      text: webIdentity(GITHUB, {
        StringEquals: { [AUD]: 'sts.amazonaws.com' },
        StringLike: { [SUB]: 'repo:my-org*/app:*' },
      }),
      expected: [{ line: 15, severity: 'critical' }],
    },
    {
      name: 'GitHub sub "repo:my-org/*": every repository of the owner, high',
      text: webIdentity(GITHUB, {
        StringEquals: { [AUD]: 'sts.amazonaws.com' },
        StringLike: { [SUB]: ['repo:my-org/app:ref:refs/heads/main', 'repo:my-org/*'] },
      }),
      expected: [{ line: 17, severity: 'high', message: 'every repository of this owner' }],
    },
    {
      name: 'GitHub exact sub without aud: medium',
      text: webIdentity(GITHUB, { StringEquals: { [SUB]: 'repo:my-org/app:ref:refs/heads/main' } }),
      expected: [{ line: 7, severity: 'medium', message: ':aud condition' }],
    },
    {
      name: 'a sub under StringEquals is literal: "repo:my-org/*" matches no workflow, not everyone',
      text: webIdentity(GITHUB, { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: 'repo:my-org/*' } }),
      expected: [],
    },
    {
      name: 'does not fire: StringEquals aud and an exact sub',
      text: webIdentity(GITHUB, {
        StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: 'repo:my-org/app:ref:refs/heads/main' },
      }),
      expected: [],
    },
    {
      name: 'does not fire: every branch of one repository',
      text: webIdentity(GITHUB, {
        StringEquals: { [AUD]: 'sts.amazonaws.com' },
        StringLike: { [SUB]: 'repo:my-org/app:*' },
      }),
      expected: [],
    },
    {
      name: 'Cognito without an aud naming the identity pool: high',
      text: webIdentity('cognito-identity.amazonaws.com', {
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      }),
      expected: [{ line: 7, severity: 'high', message: 'identity pool in any AWS account' }],
    },
    {
      name: 'does not fire: Cognito with its aud',
      text: webIdentity('cognito-identity.amazonaws.com', {
        StringEquals: {
          'cognito-identity.amazonaws.com:aud': 'eu-west-1:12345678-1234-1234-1234-123456789012',
        },
      }),
      expected: [],
    },
    {
      name: 'EKS with only aud sts.amazonaws.com: every service account of the cluster, high',
      text: webIdentity(`arn:aws:iam::111122223333:oidc-provider/${EKS}`, {
        StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' },
      }),
      expected: [{ line: 7, severity: 'high', message: 'sts.amazonaws.com for every service account' }],
    },
    {
      name: 'does not fire: EKS with its sub',
      text: webIdentity(`arn:aws:iam::111122223333:oidc-provider/${EKS}`, {
        StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:payments:api' },
      }),
      expected: [],
    },
    {
      name: 'does not fire: Facebook login pinned to an app_id',
      text: webIdentity('graph.facebook.com', {
        StringEquals: { 'graph.facebook.com:app_id': '123456789012345' },
      }),
      expected: [],
    },
    {
      name: 'does not fire: a service principal trust (lambda.amazonaws.com)',
      text: policyJson([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]),
      expected: [],
    },
    {
      name: 'does not fire: SAML federation',
      text: policyJson([
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/okta' },
          Action: 'sts:AssumeRoleWithSAML',
        },
      ]),
      expected: [],
    },
    {
      name: 'CloudFormation YAML with !Sub provider ARN and an org-wide sub',
      path: 'template.yaml',
      text: [
        'Resources:',
        '  DeployRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal:',
        "              Federated: !Sub 'arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com'",
        '            Action: sts:AssumeRoleWithWebIdentity',
        '            Condition:',
        '              StringEquals:',
        '                token.actions.githubusercontent.com:aud: sts.amazonaws.com',
        '              StringLike:',
        "                token.actions.githubusercontent.com:sub: 'repo:my-org/*'",
      ].join('\n'),
      expected: [{ line: 15, column: 58, severity: 'high' }],
    },
    {
      name: 'Terraform aws_iam_policy_document: provider and key computed, sub of one repository, no aud',
      path: 'main.tf',
      text: [
        'resource "aws_iam_role" "deploy" {',
        '  assume_role_policy = data.aws_iam_policy_document.assume.json',
        '}',
        'data "aws_iam_policy_document" "assume" {',
        '  statement {',
        '    actions = ["sts:AssumeRoleWithWebIdentity"]',
        '    principals {',
        '      type        = "Federated"',
        '      identifiers = [aws_iam_openid_connect_provider.github.arn]',
        '    }',
        '    condition {',
        '      test     = "StringLike"',
        '      variable = "${local.oidc}:sub"',
        '      values   = ["repo:acme/app:*"]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      expected: [{ line: 9, severity: 'medium', message: 'GitHub Actions OIDC trust without' }],
    },
    {
      name: 'Terraform jsonencode: GitHub with an org-wide sub',
      path: 'main.tf',
      text: [
        'resource "aws_iam_role" "deploy" {',
        '  assume_role_policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Action    = "sts:AssumeRoleWithWebIdentity"',
        '      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }',
        '      Condition = {',
        '        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }',
        '        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/*" }',
        '      }',
        '    }]',
        '  })',
        '}',
      ].join('\n'),
      expected: [{ line: 10, severity: 'high' }],
    },
  ]);
});
