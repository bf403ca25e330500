import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_ID_PATTERN, generateExternalId } from '../../../core/connect/external-id.ts';
import { buildPermissionPolicy, permissionStatementGroups } from '../../../core/connect/permission-policy.ts';
import { CAPABILITIES, policyActions } from '../../../core/connect/permissions.ts';
import { AWS_REGION_PATTERN } from '../../../core/connect/region-name.ts';
import { DEFAULT_ROLE_NAME, renderTerraformModule } from '../../../core/connect/terraform.ts';
import { AxiomError } from '../../../core/errors.ts';

/** hcl2json's shape for the parts this test reads. */
interface ParsedHcl {
  locals?: Record<string, unknown>[];
  resource?: Record<string, Record<string, Record<string, unknown>[]>>;
  data?: Record<string, Record<string, Record<string, unknown>[]>>;
  variable?: Record<string, Record<string, unknown>[]>;
  output?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>[];
  [key: string]: unknown;
}

const module = renderTerraformModule();

async function parsed(filename: string): Promise<ParsedHcl> {
  const contents = module[filename];
  if (contents === undefined) throw new Error(`no ${filename}`);
  return (await parse(filename, contents)) as ParsedHcl;
}

/** How hcl2json writes a Terraform expression: wrapped in an interpolation. */
function expression(source: string): string {
  return `$${'{'}${source}}`;
}

function only<T>(values: T[] | undefined): T {
  expect(values).toHaveLength(1);
  return (values as T[])[0] as T;
}

describe('renderTerraformModule', () => {
  it('returns the five module files', () => {
    expect(Object.keys(module).sort()).toEqual([
      'main.tf',
      'outputs.tf',
      'terraform.tfvars.example',
      'variables.tf',
      'versions.tf',
    ]);
  });

  it.each(Object.keys(module))('%s parses as HCL', async (filename) => {
    await expect(parse(filename, module[filename] ?? '')).resolves.toBeTypeOf('object');
  });

  it('declares one role with one-hour sessions, the scanner trust policy and the inline permission policy', async () => {
    const main = await parsed('main.tf');
    expect(Object.keys(main.resource ?? {}).sort()).toEqual(['aws_iam_role', 'aws_iam_role_policy']);
    const role = only(main.resource?.aws_iam_role?.axiom);
    expect(role.name).toBe(expression('var.role_name'));
    expect(role.max_session_duration).toBe(3600);
    const trust = String(role.assume_role_policy);
    expect(trust).toMatch(/^\$\{jsonencode\(/);
    for (const piece of [
      '"sts:AssumeRole"',
      `iam::${expression('var.scanner_account_id')}:root`,
      '"sts:ExternalId" = var.external_id',
      'StringEquals',
    ]) {
      expect(trust).toContain(piece);
    }
    const policy = only(main.resource?.aws_iam_role_policy?.axiom_read_only);
    expect(policy.role).toBe(expression('aws_iam_role.axiom.id'));
    expect(policy.policy).toBe(expression('jsonencode(local.permission_policy)'));
  });

  it('carries exactly the catalogue actions, statement by statement', async () => {
    const locals = only((await parsed('main.tf')).locals);
    const statements = locals.permission_statements as {
      sid: string;
      regional: boolean;
      actions: string[];
    }[];
    expect(statements).toEqual(
      permissionStatementGroups().map((group) => ({
        sid: group.sid,
        regional: group.scope === 'regional',
        actions: group.actions,
      })),
    );
    const actions = statements.flatMap((statement) => statement.actions);
    expect(actions.sort()).toEqual([...policyActions()].sort());
  });

  it('summarises every capability and action in granted_permissions', async () => {
    const locals = only((await parsed('main.tf')).locals);
    const summary = (locals.granted_permissions as string[]).join('\n');
    for (const capability of Object.keys(CAPABILITIES)) expect(summary).toContain(`${capability}:`);
    for (const action of policyActions()) expect(summary).toContain(action);
    const outputs = (await parsed('outputs.tf')).output ?? {};
    expect(Object.keys(outputs).sort()).toEqual(['granted_permissions', 'role_arn']);
    expect(only(outputs.role_arn).value).toBe(expression('aws_iam_role.axiom.arn'));
    expect(String(only(outputs.granted_permissions).value)).toContain('local.granted_permissions');
  });

  it('validates external_id and scanner_account_id, defaults role_name and regions', async () => {
    const variables = (await parsed('variables.tf')).variable ?? {};
    expect(Object.keys(variables).sort()).toEqual([
      'external_id',
      'regions',
      'role_name',
      'scanner_account_id',
    ]);

    const externalId = only(variables.external_id);
    const externalIdCondition = String(only(externalId.validation as Record<string, unknown>[]).condition);
    expect(externalIdCondition).toBe(
      expression(`can(regex(${JSON.stringify(EXTERNAL_ID_PATTERN)}, var.external_id))`),
    );

    const account = only(variables.scanner_account_id);
    expect(String(only(account.validation as Record<string, unknown>[]).condition)).toContain(
      'regex("^[0-9]{12}$", var.scanner_account_id)',
    );

    expect(only(variables.role_name).default).toBe(DEFAULT_ROLE_NAME);
    expect(DEFAULT_ROLE_NAME).toBe('axiom-readonly');

    const regions = only(variables.regions);
    expect(regions.type).toBe(expression('list(string)'));
    expect(regions.default).toEqual([]);
    expect(String(only(regions.validation as Record<string, unknown>[]).condition)).toContain(
      `regex(${JSON.stringify(AWS_REGION_PATTERN)}, region)`,
    );
  });

  it('requires the AWS provider', async () => {
    const terraform = only((await parsed('versions.tf')).terraform);
    const providers = only(terraform.required_providers as Record<string, { source: string }>[]);
    expect(providers.aws?.source).toBe('hashicorp/aws');
  });

  it('fills terraform.tfvars.example with the given values', async () => {
    const externalId = generateExternalId();
    const files = renderTerraformModule({
      externalId,
      scannerAccountId: '123456789012',
      regions: ['us-east-1'],
    });
    const values = (await parse('terraform.tfvars', files['terraform.tfvars.example'] ?? '')) as Record<
      string,
      unknown
    >;
    expect(values).toEqual({
      external_id: externalId,
      scanner_account_id: '123456789012',
      regions: ['us-east-1'],
    });
    const placeholders = (await parsed('terraform.tfvars.example')) as Record<string, unknown>;
    expect(Object.keys(placeholders).sort()).toEqual(['external_id', 'scanner_account_id']);
  });

  it('refuses values that are not an Axiom External ID or an account id', () => {
    expect(() => renderTerraformModule({ externalId: 'chosen-by-me' })).toThrow(AxiomError);
    expect(() => renderTerraformModule({ scannerAccountId: '1234' })).toThrow(AxiomError);
    expect(() => renderTerraformModule({ regions: ['mars-1'] })).toThrow(AxiomError);
  });
});

/** Terraform itself, where installed: it evaluates the module's policy expression without any provider. */
function terraformVersion(): string | undefined {
  try {
    return execFileSync('terraform', ['version'], { encoding: 'utf8', env: terraformEnv(), timeout: 10_000 });
  } catch {
    return undefined;
  }
}

function terraformEnv(): NodeJS.ProcessEnv {
  // No version check-in (network) and no user config.
  return { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' };
}

describe.skipIf(terraformVersion() === undefined)('the module under terraform', () => {
  const dir = mkdtempSync(join(tmpdir(), 'axiom-tf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The locals and variables of the module, without the resources (which would need the AWS provider).
  beforeAll(() => {
    const main = module['main.tf'] ?? '';
    const locals = main.slice(main.indexOf('locals {'), main.indexOf('resource "aws_iam_role"'));
    writeFileSync(join(dir, 'main.tf'), locals);
    writeFileSync(join(dir, 'variables.tf'), module['variables.tf'] ?? '');
    writeFileSync(
      join(dir, 'outputs.tf'),
      'output "policy" {\n  value = jsonencode(local.permission_policy)\n}\n',
    );
    execFileSync('terraform', ['init', '-input=false', '-no-color'], {
      cwd: dir,
      env: terraformEnv(),
      timeout: 60_000,
    });
  }, 60_000);

  function evaluate(variables: string[]): string {
    const args = [
      'apply',
      '-auto-approve',
      '-input=false',
      '-no-color',
      ...variables.flatMap((v) => ['-var', v]),
    ];
    execFileSync('terraform', args, { cwd: dir, env: terraformEnv(), timeout: 60_000, stdio: 'pipe' });
    return execFileSync('terraform', ['output', '-raw', 'policy'], {
      cwd: dir,
      env: terraformEnv(),
      encoding: 'utf8',
    });
  }

  const required = [`external_id=${generateExternalId()}`, 'scanner_account_id=123456789012'];

  it('renders the same policy as buildPermissionPolicy, with and without regions', {
    timeout: 120_000,
  }, () => {
    expect(JSON.parse(evaluate(required))).toEqual(buildPermissionPolicy());
    expect(JSON.parse(evaluate([...required, 'regions=["us-east-1","eu-west-1","eu-west-1"]']))).toEqual(
      buildPermissionPolicy({ regions: ['us-east-1', 'eu-west-1'] }),
    );
  });

  it('rejects values that break the variable validations', { timeout: 60_000 }, () => {
    let output = '';
    try {
      evaluate(['external_id=chosen', 'scanner_account_id=1234', 'role_name=bad name', 'regions=["EU"]']);
    } catch (error) {
      output = String((error as { stderr?: Buffer }).stderr ?? '');
    }
    for (const variable of ['external_id', 'scanner_account_id', 'role_name', 'regions']) {
      expect(output).toContain(`var.${variable}`);
    }
  });
});
