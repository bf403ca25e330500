// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform, CloudFormation and IAM syntax under test.
import { describe, expect, it } from 'vitest';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';
import { extractFixture, showRange, testPositions } from './position-harness.ts';

const ASSUME = 'data.aws_iam_policy_document.assume';
const KEY = 'data.aws_iam_policy_document.key';

describe('Terraform HCL', () => {
  testPositions('terraform/main.tf', [
    // jsonencode({...}) in an inline_policy block.
    ['aws_iam_role.deploy.inline_policy[0]', 'doc', '', '11:25-18:6'],
    ['aws_iam_role.deploy.inline_policy[0]', 's0', '', '13:20-17:8'],
    ['aws_iam_role.deploy.inline_policy[0]', 's0.effect', 'Allow', '14:20-14:27'],
    ['aws_iam_role.deploy.inline_policy[0]', 's0.action[1]', 'logs:PutLogEvents', '15:45-15:64'],
    [
      'aws_iam_role.deploy.inline_policy[0]',
      's0.resource[0]',
      '{{${aws_cloudwatch_log_group.app.arn}:*}}',
      '16:20-16:59',
    ],
    // The data source behind assume_role_policy: elements sit on its attributes.
    [ASSUME, 's0', '', '23:3-34:4'],
    [ASSUME, 's0.effect', 'Allow', '23:3-23:12'],
    [ASSUME, 's0.action[0]', 'sts:AssumeRoleWithWebIdentity', '24:16-24:47'],
    [ASSUME, 's0.principal[0]', 'Federated {{aws_iam_openid_connect_provider.github.arn}}', '27:22-27:64'],
    [ASSUME, 's0.condition[0].operator', 'StringLike', '30:18-30:30'],
    [ASSUME, 's0.condition[0].key', '{{${local.oidc}:sub}}', '31:18-31:37'],
    [ASSUME, 's0.condition[0].values[0]', 'repo:acme/app:*', '32:19-32:36'],
    // JSON in a <<- heredoc keeps the file's lines and columns; $${...} is a policy variable.
    ['aws_iam_policy.admin', 'doc', '', '41:5-50:6'],
    ['aws_iam_policy.admin', 's0', '', '44:9-48:10'],
    ['aws_iam_policy.admin', 's0.action[0]', '*', '46:21-46:24'],
    [
      'aws_iam_policy.admin',
      's0.resource[0]',
      '{{arn:aws:s3:::${var.bucket}/${aws:username}/*}}',
      '47:23-47:70',
    ],
    // JSON in an escaped string literal.
    ['aws_s3_bucket_policy.site', 's0.principal[0]', '* *', '56:92-56:97'],
    ['aws_s3_bucket_policy.site', 's0.action[0]', 's3:GetObject', '56:109-56:125'],
    ['aws_s3_bucket_policy.site', 's0.resource[0]', 'arn:aws:s3:::site/*', '56:139-56:162'],
    ['data.aws_iam_policy_document.unused', 's0.sid', 'ReadOnly', '66:17-66:27'],
    ['data.aws_iam_policy_document.unused', 's0.resource[0]', '*', '69:18-69:21'],
  ]);

  testPositions('terraform/resource-policies.tf', [
    // Followed through local.queue_policy to where the policy is written.
    ['aws_sqs_queue_policy.jobs', 's0.principal[0]', 'Service sns.amazonaws.com', '8:37-8:56'],
    ['aws_sqs_queue_policy.jobs', 's0.resource[0]', '{{aws_sqs_queue.jobs.arn}}', '10:22-10:44'],
    ['aws_sqs_queue_policy.jobs', 's0.condition[0].key', 'aws:SourceArn', '11:41-11:56'],
    ['aws_sqs_queue_policy.jobs', 's0.condition[0].values[0]', '{{aws_sns_topic.events.arn}}', '11:59-11:83'],
    // A plain <<EOF heredoc.
    ['aws_sns_topic_policy.events', 's0.principal[0]', 'AWS *', '29:26-29:29'],
    ['aws_sns_topic_policy.events', 's0.action[0]', 'SNS:Publish', '30:16-30:29'],
    [
      'aws_sns_topic_policy.events',
      's0.condition[0].values[0]',
      '{{${data.aws_caller_identity.current.account_id}}}',
      '32:55-32:103',
    ],
    [KEY, 's0.sid', 'DenyOthers', '45:19-45:31'],
    [KEY, 's0.effect', 'Deny', '46:19-46:25'],
    [KEY, 's0.notAction[1]', 'kms:DescribeKey', '47:35-47:52'],
    [KEY, 's0.notPrincipal[0]', 'AWS arn:aws:iam::111122223333:root', '50:22-50:54'],
    [KEY, 's0.notResource[0]', '*', '52:22-52:25'],
    // type = "*" with identifiers ["*"] renders as "Principal": "*".
    [KEY, 's1.principal[0]', '* *', '58:21-58:24'],
    [KEY, 's1.condition[1].operator', 'Bool', '67:18-67:24'],
    [KEY, 's1.condition[1].key', 'aws:SecureTransport', '68:18-68:39'],
    [KEY, 's1.condition[1].values[0]', 'true', '69:19-69:23'],
    ['aws_iam_user_policy.ci', 's0.action[0]', 'ecr:*', '76:91-76:98'],
    ['aws_iam_group_policy.ops', 's0.action[0]', '{{var.ops_actions}}', '84:18-84:33'],
    ['aws_iam_group_policy.ops', 's0.resource[0]', '{{[for arn in var.arns : "${arn}/*"]}}', '85:18-85:52'],
  ]);

  it('takes the kind of a data source from the resource using it, identity when none does', () => {
    const documents = [
      ...extractFixture('terraform/main.tf').documents,
      ...extractFixture('terraform/resource-policies.tf').documents,
    ];
    expect(documents.map((d) => [d.source.holder, d.kind, d.resourceType, d.source.usedBy])).toEqual([
      ['aws_iam_role.deploy.inline_policy[0]', 'identity', undefined, undefined],
      [ASSUME, 'trust', undefined, ['aws_iam_role.deploy']],
      ['aws_iam_policy.admin', 'identity', undefined, undefined],
      ['aws_s3_bucket_policy.site', 'resource', 's3-bucket', undefined],
      ['data.aws_iam_policy_document.unused', 'identity', undefined, undefined],
      ['aws_sqs_queue_policy.jobs', 'resource', 'sqs-queue', undefined],
      ['aws_sns_topic_policy.events', 'resource', 'sns-topic', undefined],
      [KEY, 'resource', 'kms-key', ['aws_kms_key.logs']],
      ['aws_iam_user_policy.ci', 'identity', undefined, undefined],
      ['aws_iam_group_policy.ops', 'identity', undefined, undefined],
    ]);
  });

  it('says which policies come from elsewhere and records suppression comments', () => {
    const { problems, suppressionComments } = extractFixture('terraform/main.tf');
    expect(problems.map((p) => [p.kind, p.message, showRange(p.range)])).toEqual([
      [
        'unresolved',
        'the policy of aws_iam_role_policy.from_file comes from file("${path.module}/policy.json"), which is not analysed here',
        '61:12-61:46',
      ],
    ]);
    expect(suppressionComments).toEqual([
      { line: 37, checkId: 'iam.policy.admin-star', reason: 'break-glass policy, reviewed 2024-05' },
      { line: 61, checkId: 'iam.policy.unresolved', reason: 'generated at build time' },
    ]);
  });

  it('reports a data source used as two kinds once per kind, its problems once', () => {
    const text = [
      'resource "aws_iam_role" "r" {',
      '  assume_role_policy = data.aws_iam_policy_document.d.json',
      '}',
      'resource "aws_iam_policy" "p" {',
      '  policy = data.aws_iam_policy_document.d.json',
      '}',
      'data "aws_iam_policy_document" "d" {',
      '  statement {',
      '    actions = [1]',
      '  }',
      '}',
    ].join('\n');
    const { documents, problems } = extractPolicies({ path: 'main.tf', text });
    expect(documents.map((d) => [d.kind, d.source.usedBy])).toEqual([
      ['trust', ['aws_iam_role.r']],
      ['identity', ['aws_iam_policy.p']],
    ]);
    expect(problems.map((p) => [p.message, showRange(p.range)])).toEqual([
      ['each entry of Action must be a string, not a number', '9:16-9:17'],
    ]);
  });
  it('accepts a computed principal type and dynamic blocks without calling them wrong', () => {
    const text = [
      'data "aws_iam_policy_document" "d" {',
      '  statement {',
      '    actions = ["s3:GetObject"]',
      '    principals {',
      '      type        = var.principal_type',
      '      identifiers = var.principals',
      '    }',
      '  }',
      '  dynamic "statement" {',
      '    for_each = var.extra',
      '    content {}',
      '  }',
      '}',
    ].join('\n');
    const { documents, problems } = extractPolicies({ path: 'main.tf', text });
    const principal = documents[0]?.statements[0]?.principal?.entries[0];
    expect(principal && [principal.type, principal.value, showRange(principal.range)]).toEqual([
      'var.principal_type',
      { kind: 'placeholder', text: 'var.principals' },
      '6:21-6:35',
    ]);
    expect(problems.map((p) => [p.kind, p.message, showRange(p.range)])).toEqual([
      [
        'unresolved',
        'dynamic "statement" blocks are generated by Terraform, so they are not analysed',
        '9:3-12:4',
      ],
    ]);
  });
});

describe('Terraform plan JSON', () => {
  testPositions('terraform-plan/plan.json', [
    ['aws_iam_role.deploy', 'doc', '', '29:34-29:181'],
    ['aws_iam_role.deploy', 's0.principal[0]', 'Service ec2.amazonaws.com', '29:126-29:147'],
    ['aws_iam_role.deploy', 's0.action[0]', 'sts:AssumeRole', '29:160-29:178'],
    ['aws_iam_role.deploy.inline_policy[0]', 's0.action[0]', 'logs:PutLogEvents', '33:136-33:157'],
    ['module.storage.aws_s3_bucket_policy.this', 's0.sid', 'Public', '51:74-51:84'],
    ['module.storage.aws_s3_bucket_policy.this', 's0.principal[0]', '* *', '51:120-51:125'],
    ['module.storage.aws_s3_bucket_policy.this', 's0.resource[0]', 'arn:aws:s3:::site/*', '51:169-51:192'],
  ]);

  it('reads the planned values of resource changes, skipping deletions, unknowns and data sources', () => {
    const { documents, problems } = extractFixture('terraform-plan/plan.json');
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.source.holder, d.source.format, d.kind, d.resourceType])).toEqual([
      ['aws_iam_role.deploy', 'terraform-plan', 'trust', undefined],
      ['aws_iam_role.deploy.inline_policy[0]', 'terraform-plan', 'identity', undefined],
      ['module.storage.aws_s3_bucket_policy.this', 'terraform-plan', 'resource', 's3-bucket'],
    ]);
  });

  it('falls back to planned_values, module by module, when no changes are listed', () => {
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] });
    const resource = (address: string) => ({
      address,
      mode: 'managed',
      type: 'aws_iam_policy',
      values: { policy },
    });
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [resource('aws_iam_policy.a')],
          child_modules: [{ resources: [resource('module.m.aws_iam_policy.b')] }],
        },
      },
    };
    const { documents } = extractPolicies({ path: 'plan.json', text: JSON.stringify(plan, null, 2) });
    expect(documents.map((d) => d.source.holder)).toEqual(['aws_iam_policy.a', 'module.m.aws_iam_policy.b']);
  });
});
