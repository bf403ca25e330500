// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform, CloudFormation and IAM syntax under test.
import { describe, expect, it } from 'vitest';
import { extractPolicies } from '../../../../core/policy/extract/extract-policies.ts';
import { extractFixture, showRange, showScalar, testPositions } from './position-harness.ts';

const ROLE = 'Resources.DeployRole.Properties';

describe('CloudFormation YAML', () => {
  testPositions('cloudformation/template.yaml', [
    [`${ROLE}.AssumeRolePolicyDocument`, 'doc', '', '11:9-20:48'],
    [`${ROLE}.AssumeRolePolicyDocument`, 's0', '', '13:13-20:48'],
    [`${ROLE}.AssumeRolePolicyDocument`, 's0.effect', 'Allow', '13:21-13:26'],
    [
      `${ROLE}.AssumeRolePolicyDocument`,
      's0.principal[0]',
      "AWS {{!Sub 'arn:aws:iam::${TrustedAccount}:root'}}",
      '15:20-15:62',
    ],
    [`${ROLE}.AssumeRolePolicyDocument`, 's0.principal[1]', 'Service ec2.amazonaws.com', '16:25-16:42'],
    [`${ROLE}.AssumeRolePolicyDocument`, 's0.action[0]', 'sts:AssumeRole', '17:21-17:35'],
    [`${ROLE}.AssumeRolePolicyDocument`, 's0.condition[0].operator', 'StringEquals', '19:15-19:27'],
    [`${ROLE}.AssumeRolePolicyDocument`, 's0.condition[0].key', 'sts:ExternalId', '20:17-20:31'],
    [`${ROLE}.AssumeRolePolicyDocument`, 's0.condition[0].values[0]', '{{!Ref ExternalId}}', '20:33-20:48'],
    [`${ROLE}.Policies[0]`, 's0', '', '27:17-32:46'],
    [`${ROLE}.Policies[0]`, 's0.sid', 'PassRoles', '27:22-27:31'],
    [`${ROLE}.Policies[0]`, 's0.action[0]', 'iam:PassRole', '30:21-30:33'],
    [
      `${ROLE}.Policies[0]`,
      's0.action[1]',
      "{{!If [IsProd, 'iam:GetRole', !Ref AWS::NoValue]}}",
      '31:21-31:67',
    ],
    [`${ROLE}.Policies[0]`, 's0.resource[0]', '{{!GetAtt AppRole.Arn}}', '32:27-32:46'],
    ['Resources.BucketPolicy.Properties.PolicyDocument', 's0.principal[0]', '* *', '48:24-48:27'],
    ['Resources.BucketPolicy.Properties.PolicyDocument', 's0.action[0]', 's3:*', '49:21-49:25'],
    [
      'Resources.BucketPolicy.Properties.PolicyDocument',
      's0.resource[0]',
      "{{!Sub '${Bucket.Arn}/*'}}",
      '51:17-51:39',
    ],
    [
      'Resources.BucketPolicy.Properties.PolicyDocument',
      's0.resource[1]',
      "{{!Join ['', ['arn:aws:s3:::', !Ref Bucket]]}}",
      '52:17-52:59',
    ],
    ['Resources.BucketPolicy.Properties.PolicyDocument', 's0.condition[0].values[0]', 'false', '55:38-55:43'],
    // The Lambda permission becomes a statement whose elements sit on the properties they come from.
    ['Resources.InvokePermission', 's0.action[0]', 'lambda:InvokeFunction', '59:15-59:36'],
    ['Resources.InvokePermission', 's0.resource[0]', '{{!GetAtt Function.Arn}}', '60:21-60:41'],
    ['Resources.InvokePermission', 's0.principal[0]', 'Service s3.amazonaws.com', '61:18-61:34'],
    ['Resources.InvokePermission', 's0.condition[0].operator', 'ArnLike', '62:7-62:16'],
    ['Resources.InvokePermission', 's0.condition[0].key', 'aws:SourceArn', '62:7-62:16'],
    ['Resources.InvokePermission', 's0.condition[0].values[0]', '{{!GetAtt Bucket.Arn}}', '62:18-62:36'],
    // An unquoted account id keeps its leading zero.
    ['Resources.InvokePermission', 's0.condition[1].values[0]', '012345678901', '63:22-63:34'],
  ]);

  it('gives each policy its kind, resource type and holder', () => {
    const { documents } = extractFixture('cloudformation/template.yaml');
    expect(documents.map((d) => [d.source.holder, d.kind, d.resourceType, d.source.holderType])).toEqual([
      [`${ROLE}.AssumeRolePolicyDocument`, 'trust', undefined, 'AWS::IAM::Role'],
      [`${ROLE}.Policies[0]`, 'identity', undefined, 'AWS::IAM::Role'],
      ['Resources.BucketPolicy.Properties.PolicyDocument', 'resource', 's3-bucket', 'AWS::S3::BucketPolicy'],
      ['Resources.InvokePermission', 'resource', 'lambda-permission', 'AWS::Lambda::Permission'],
    ]);
  });

  it('leaves a statement written as !If out, saying so, and records the suppression comment', () => {
    const { problems, suppressionComments } = extractFixture('cloudformation/template.yaml');
    expect(problems.map((p) => [p.kind, showRange(p.range)])).toEqual([['unresolved', '33:17-38:36']]);
    expect(suppressionComments).toEqual([
      { line: 26, checkId: 'iam.policy.passrole-star', reason: 'the deploy role passes its own roles' },
    ]);
  });

  it('writes raw intrinsics in their long JSON form', () => {
    const trust = extractFixture('cloudformation/template.yaml').documents[0];
    expect(trust?.raw).toMatchObject({
      Statement: [{ Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${TrustedAccount}:root' } } }],
    });
  });

  const SHORT_FORMS = [
    ['Ref', 'Bucket'],
    ['Sub', "'arn:aws:s3:::${Bucket}/*'"],
    ['GetAtt', 'Bucket.Arn'],
    ['Join', "['', [a, b]]"],
    ['Select', '[0, !GetAZs ""]'],
    ['Split', "[',', x]"],
    ['If', '[IsProd, a, b]'],
    ['Equals', '[a, b]'],
    ['Not', '[!Equals [a, b]]'],
    ['And', '[!Condition A, !Condition B]'],
    ['Or', '[!Condition A, !Condition B]'],
    ['FindInMap', '[Map, Key, Value]'],
    ['ImportValue', 'shared-bucket-arn'],
    ['Base64', 'text'],
    ['Cidr', "['10.0.0.0/16', 4, 8]"],
    ['GetAZs', "''"],
    ['Condition', 'IsProd'],
    ['Transform', '{Name: AWS::Include, Parameters: {Location: s3://b/k}}'],
  ] as const;

  it.each(SHORT_FORMS)('reads !%s as a placeholder', (tag, argument) => {
    const text = [
      'Resources:',
      '  P:',
      '    Type: AWS::IAM::Policy',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: s3:GetObject',
      `            Resource: !${tag} ${argument}`,
    ].join('\n');
    const { documents, problems } = extractPolicies({ path: 'template.yaml', text });
    expect(problems).toEqual([]);
    const resource = documents[0]?.statements[0]?.resource?.entries[0];
    expect(resource && [showScalar(resource.value), showRange(resource.range)]).toEqual([
      `{{!${tag} ${argument}}}`,
      `9:23-9:${23 + tag.length + 2 + argument.length}`,
    ]);
  });

  it('refuses to expand an alias bomb, with one problem', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const text = `${levels.join('\n')}\nResources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement: *i\n`;
    const { problems } = extractPolicies({ path: 'bomb.yaml', text });
    expect(problems.filter((p) => p.message.includes('aliases expand'))).toHaveLength(1);
  });
});

describe('CloudFormation JSON', () => {
  testPositions('cloudformation/template.json', [
    ['Resources.ReadPolicy.Properties.PolicyDocument', 's0.action[0]', 's3:GetObject', '13:26-13:40'],
    [
      'Resources.ReadPolicy.Properties.PolicyDocument',
      's0.resource[0]',
      '{{{ "Fn::Join": ["", [{ "Fn::GetAtt": ["Reports", "Arn"] }, "/*"]] }}}',
      '14:27-14:93',
    ],
    // Fn::Sub with nothing to substitute is plain text; ${!x} is its escape for ${x}.
    [
      'Resources.ReadPolicy.Properties.PolicyDocument',
      's1.resource[0]',
      'arn:aws:s3:::reports/${aws:username}/*',
      '19:27-19:83',
    ],
    // A policy given as a JSON string: positions inside the escaped string.
    ['Resources.Ops.Properties.Policies[0]', 's0.action[0]', 'ssm:*', '31:108-31:117'],
    [
      'Resources.Key.Properties.KeyPolicy',
      's0.principal[0]',
      'AWS {{{ "Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root" }}}',
      '44:37-44:89',
    ],
    [
      'Resources.QueuePolicy.Properties.PolicyDocument',
      's0.condition[0].operator',
      'ArnEquals',
      '63:30-63:41',
    ],
    [
      'Resources.QueuePolicy.Properties.PolicyDocument',
      's0.condition[0].values[0]',
      '{{{ "Ref": "Topic" }}}',
      '63:62-63:80',
    ],
    ['Resources.TopicPolicy.Properties.PolicyDocument', 's0.principal[0]', '* *', '75:47-75:50'],
    ['Resources.Auditor.Properties.Policies[0]', 's0.action[0]', 'cloudtrail:LookupEvents', '87:61-87:86'],
  ]);

  it('finds the managed policy, group, KMS key, queue, topic and user policies', () => {
    const { documents, problems } = extractFixture('cloudformation/template.json');
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.source.holderType, d.kind, d.resourceType, d.source.name])).toEqual([
      ['AWS::IAM::ManagedPolicy', 'identity', undefined, 'read-reports'],
      ['AWS::IAM::Group', 'identity', undefined, 'ops'],
      ['AWS::KMS::Key', 'resource', 'kms-key', undefined],
      ['AWS::SQS::QueuePolicy', 'resource', 'sqs-queue', undefined],
      ['AWS::SNS::TopicPolicy', 'resource', 'sns-topic', undefined],
      ['AWS::IAM::User', 'identity', undefined, 'audit'],
    ]);
  });
});
