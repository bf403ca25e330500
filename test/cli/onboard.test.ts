import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXTERNAL_ID_PATTERN, generateExternalId } from '../../core/connect/external-id.ts';
import { validateIamPolicy } from '../../core/connect/iam-policy-schema.ts';
import { buildPermissionPolicy } from '../../core/connect/permission-policy.ts';
import { policyActions } from '../../core/connect/permissions.ts';
import { axiom, hasStackTrace } from './cli-harness.ts';

const SCANNER = '111122223333';
const ID = generateExternalId(() => new Uint8Array(24).fill(7));
const GENERATED = new RegExp(EXTERNAL_ID_PATTERN.slice(1, -1));

/** The External ID a notice on stderr announced. */
function announced(stderr: string): string | undefined {
  return /generated a new External ID for this connection: (axm-[\w-]{32})/.exec(stderr)?.[1];
}

describe('axiom onboard: every format', () => {
  it('text (default): a step-by-step guide with the External ID, both policies and the verify command', async () => {
    const run = await axiom(['onboard', '--scanner-account', SCANNER]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const id = /External ID: (axm-[\w-]{32})/.exec(run.stdout)?.[1];
    expect(id).toMatch(GENERATED);
    expect(run.stdout).toContain(`"AWS": "arn:aws:iam::${SCANNER}:root"`);
    expect(run.stdout).toContain(`"sts:ExternalId": "${id}"`);
    expect(run.stdout).toContain(
      `axiom verify --role-arn arn:aws:iam::ACCOUNT_ID:role/axiom-readonly --external-id ${id}`,
    );
    for (const action of policyActions()) expect(run.stdout).toContain(`"${action}"`);
  });

  it('trust: only the JSON trust policy on stdout; the new External ID is announced on stderr', async () => {
    const run = await axiom(['onboard', '--format', 'trust', '--scanner-account', SCANNER]);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout);
    expect(validateIamPolicy(policy, 'trust').valid).toBe(true);
    const id = announced(run.stderr);
    expect(id).toMatch(GENERATED);
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${SCANNER}:root` },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': id } },
    });
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('trust with a given External ID: used as is, no notice', async () => {
    const run = await axiom([
      'onboard',
      '--format',
      'trust',
      '--scanner-account',
      SCANNER,
      '--external-id',
      ID,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).Statement[0].Condition.StringEquals['sts:ExternalId']).toBe(ID);
  });

  it('permissions: exactly the permission policy, nothing on stderr', async () => {
    const run = await axiom(['onboard', '--format', 'permissions']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual(buildPermissionPolicy());
    expect(validateIamPolicy(JSON.parse(run.stdout), 'identity').valid).toBe(true);
  });

  it('permissions --regions: regional statements are conditioned on the regions', async () => {
    const run = await axiom(['onboard', '--format', 'permissions', '--regions', 'eu-west-1, us-east-1']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(buildPermissionPolicy({ regions: ['eu-west-1', 'us-east-1'] }));
    expect(run.stdout).toContain('aws:RequestedRegion');
  });

  it('cloudformation: YAML that parses into a template with the role and its parameters', async () => {
    const run = await axiom(['onboard', '--format', 'cloudformation']);
    expect(run.code).toBe(0);
    const template = parseYaml(run.stdout);
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.keys(template.Parameters)).toContain('ExternalId');
    const resources = Object.values(template.Resources) as { Type: string }[];
    expect(resources.map((resource) => resource.Type)).toContain('AWS::IAM::Role');
    expect(run.stdout).not.toContain(announced(run.stderr) ?? 'no notice');
  });

  it('cloudformation --cfn-format json: JSON that parses to the same template', async () => {
    const json = await axiom(['onboard', '--format', 'cloudformation', '--cfn-format', 'json']);
    const yaml = await axiom(['onboard', '--format', 'cloudformation']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(parseYaml(yaml.stdout));
  });

  it('terraform: HCL that parses, with the External ID in the example variables', async () => {
    const run = await axiom([
      'onboard',
      '--format',
      'terraform',
      '--scanner-account',
      SCANNER,
      '--external-id',
      ID,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const file of ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'])
      expect(run.stdout).toContain(`# ---- ${file} ----`);
    const parsed = (await parseHcl('axiom.tf', run.stdout)) as Record<string, unknown>;
    expect(parsed.resource).toBeDefined();
    expect(parsed.variable).toBeDefined();
    expect(run.stdout).toContain(ID);
    expect(run.stdout).toContain(SCANNER);
  });

  it('url: one CloudFormation quick-create link carrying the parameters', async () => {
    const run = await axiom([
      'onboard',
      '--format',
      'url',
      '--scanner-account',
      SCANNER,
      '--template-url',
      'https://axiom-templates.s3.amazonaws.com/axiom-role.yaml',
      '--regions',
      'eu-west-2',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const url = new URL(run.stdout.trim());
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toMatch(/console\.aws\.amazon\.com$/);
    const id = announced(run.stderr);
    expect(id).toMatch(GENERATED);
    const fragment = decodeURIComponent(url.hash);
    expect(fragment).toContain(id);
    expect(fragment).toContain(SCANNER);
    expect(fragment).toContain('https://axiom-templates.s3.amazonaws.com/axiom-role.yaml');
  });

  it('table: a Markdown row for every action', async () => {
    const run = await axiom(['onboard', '--format', 'table']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe('| Action | Capability | Why |');
    for (const action of policyActions()) expect(run.stdout).toContain(`| \`${action}\` |`);
  });

  it('json: everything in one parseable document; the External ID is inside, not announced', async () => {
    const run = await axiom(['onboard', '--format', 'json', '--scanner-account', SCANNER]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const all = JSON.parse(run.stdout);
    expect(all.externalId).toMatch(GENERATED);
    expect(all.trustPolicy.Statement[0].Condition.StringEquals['sts:ExternalId']).toBe(all.externalId);
    expect(all.permissionPolicy).toEqual(buildPermissionPolicy());
    expect(all.cloudFormationTemplate.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.keys(all.terraformModule)).toContain('main.tf');
  });

  it('every run without --external-id generates a different one', async () => {
    const first = await axiom(['onboard', '--format', 'trust', '--scanner-account', SCANNER]);
    const second = await axiom(['onboard', '--format', 'trust', '--scanner-account', SCANNER]);
    expect(announced(first.stderr)).not.toBe(announced(second.stderr));
  });
});

describe('axiom onboard: GitHub Actions OIDC trust', () => {
  it.each([
    ['pull_request', 'repo:acme/infra:pull_request'],
    ['refs/heads/release', 'repo:acme/infra:ref:refs/heads/release'],
    ['main', 'repo:acme/infra:ref:refs/heads/main'],
    ['refs/tags/v1.2.3', 'repo:acme/infra:ref:refs/tags/v1.2.3'],
    ['environment:production', 'repo:acme/infra:environment:production'],
  ])('--github-ref %s -> sub %s', async (ref, sub) => {
    const run = await axiom([
      'onboard',
      '--format',
      'trust',
      '--github-repo',
      'acme/infra',
      '--github-ref',
      ref,
      '--account-id',
      '444455556666',
    ]);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout);
    expect(validateIamPolicy(policy, 'trust').valid).toBe(true);
    const [statement] = policy.Statement;
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement.Principal.Federated).toBe(
      'arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com',
    );
    expect(JSON.stringify(statement.Condition)).toContain(`"${sub}"`);
    expect(statement.Condition.StringEquals['token.actions.githubusercontent.com:aud']).toBe(
      'sts.amazonaws.com',
    );
  });
});

describe('axiom onboard: usage errors are one clear line and exit 2', () => {
  it.each([
    [['--format', 'trust'], /The trust policy needs --scanner-account/],
    [[], /The trust policy needs --scanner-account/],
    [['--format', 'url', '--scanner-account', SCANNER], /--format url needs --template-url/],
    [['--format', 'trust', '--github-repo', 'acme/infra'], /--github-repo needs --account-id/],
    [
      [
        '--format',
        'trust',
        '--github-repo',
        'acme/infra',
        '--account-id',
        '444455556666',
        '--github-ref',
        'refs/pull/1/merge',
      ],
      /--github-ref 'refs\/pull\/1\/merge' is not a ref/,
    ],
    [
      [
        '--format',
        'trust',
        '--github-repo',
        'acme/infra',
        '--account-id',
        '444455556666',
        '--github-ref',
        'no spaces',
      ],
      /--github-ref 'no spaces' is not a ref/,
    ],
    [['--format', 'trust', '--github-repo', 'acme', '--account-id', '444455556666'], /is not a repository/],
    [
      ['--format', 'trust', '--github-repo', 'acme/infra', '--account-id', '4444'],
      /not a 12-digit AWS account id/,
    ],
    [['--format', 'trust', '--scanner-account', '12345'], /not a 12-digit AWS account id/],
    [
      ['--format', 'trust', '--scanner-account', SCANNER, '--external-id', 'x'],
      /--external-id is not an External ID Axiom generated/,
    ],
    [
      ['--format', 'json', '--external-id', 'my-own-external-id'],
      /--external-id is not an External ID Axiom generated/,
    ],
    [
      ['--format', 'yaml'],
      /--format 'yaml' is not one of text, trust, permissions, cloudformation, terraform, url, table, json/,
    ],
    [['--format', 'cloudformation', '--cfn-format', 'xml'], /--cfn-format must be json or yaml/],
    [['--format', 'permissions', '--regions', 'mars-north-1'], /region/],
    [['--github-ids', '12/34', '--format', 'trust', '--github-repo', 'acme/infra'], /--account-id/],
    [
      [
        '--format',
        'trust',
        '--github-repo',
        'acme/infra',
        '--account-id',
        '444455556666',
        '--github-ids',
        'acme/infra',
      ],
      /--github-ids 'acme\/infra' must be OWNER_ID\/REPO_ID/,
    ],
    [['--nope'], /Unknown option '--nope'/],
  ])('%j', async (args, message) => {
    const run = await axiom(['onboard', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^axiom onboard: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('never echoes a rejected --external-id', async () => {
    const secret = 'customer-chosen-secret-value';
    const run = await axiom([
      'onboard',
      '--format',
      'trust',
      '--scanner-account',
      SCANNER,
      '--external-id',
      secret,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(secret);
  });
});
