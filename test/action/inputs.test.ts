/** parseInputs as a table of cases, and action.yml kept in step with it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type ActionInputs, INPUT_NAMES, type InputName, parseInputs } from '../../action/inputs.ts';
import { OUTPUT_NAMES } from '../../action/publish/publish-report.ts';
import { actionInputDefaults, GITHUB_TOKEN_EXPRESSION } from './harness/action-run.ts';

const manifest = parse(readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

/** Inputs as the runner passes them: action.yml's defaults, then the workflow's values. */
function withDefaults(values: Partial<Record<InputName, string>>) {
  const defaults = actionInputDefaults();
  return (name: InputName): string =>
    values[name] ?? (defaults[name] === GITHUB_TOKEN_EXPRESSION ? 'ghs_token' : (defaults[name] ?? ''));
}

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(manifest.name).toMatch(/\S/);
    expect(manifest.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
  });

  it('declares exactly the inputs parseInputs reads and the outputs publishing sets, each described', () => {
    expect(Object.keys(manifest.inputs)).toEqual([...INPUT_NAMES]);
    expect(Object.keys(manifest.outputs)).toEqual([...OUTPUT_NAMES]);
    for (const entry of [...Object.values(manifest.inputs), ...Object.values(manifest.outputs)])
      expect(entry.description.length).toBeGreaterThan(20);
    expect(Object.values(manifest.inputs).every((input) => input.required !== true)).toBe(true);
  });

  it('gives the documented defaults', () => {
    expect(actionInputDefaults()).toMatchObject({
      audience: 'sts.amazonaws.com',
      'sarif-file': 'axiom.sarif',
      config: '.axiom.yml',
      'github-token': GITHUB_TOKEN_EXPRESSION,
      comment: 'true',
      'check-run': 'true',
      regions: 'all',
      services: 'all',
    });
    // No default: resolved at run time (by event, from the config file).
    expect(actionInputDefaults()).toMatchObject({ mode: undefined, 'fail-on': undefined });
  });
});

describe('parseInputs', () => {
  it('with only the defaults: OIDC audience, every region and service, both publishers, the SARIF file', () => {
    const parsed = parseInputs(withDefaults({}));
    expect(parsed).toEqual({
      ok: true,
      inputs: {
        audience: 'sts.amazonaws.com',
        regions: 'all',
        policyPaths: [],
        comment: true,
        checkRun: true,
        sarifFile: 'axiom.sarif',
        config: '.axiom.yml',
        githubToken: 'ghs_token',
      } satisfies ActionInputs,
    });
  });

  const accepted: {
    name: string;
    values: Partial<Record<InputName, string>>;
    expected: { [key in keyof ActionInputs]?: ActionInputs[key] | undefined };
  }[] = [
    {
      name: 'a role, trimmed',
      values: { 'role-to-assume': '  arn:aws:iam::111122223333:role/axiom-readonly \n' },
      expected: { roleToAssume: 'arn:aws:iam::111122223333:role/axiom-readonly' },
    },
    {
      name: 'regions as a YAML block list, duplicates dropped',
      values: { regions: 'eu-west-1\nus-east-1\neu-west-1\n' },
      expected: { regions: ['eu-west-1', 'us-east-1'] },
    },
    {
      name: 'services with aliases',
      values: { services: 'ec2, ELB, cloudwatch-logs' },
      expected: { services: ['ec2', 'elbv2', 'logs'] },
    },
    { name: 'mode in capitals', values: { mode: 'Policy' }, expected: { mode: 'policy' } },
    { name: 'fail-on none', values: { 'fail-on': 'NONE' }, expected: { failOn: 'none' } },
    { name: 'a shard', values: { shard: ' 3 / 8 ' }, expected: { shard: { index: 3, count: 8 } } },
    {
      name: 'session settings',
      values: { 'role-session-name': 'nightly', 'role-duration-seconds': '900' },
      expected: { roleSessionName: 'nightly', roleDurationSeconds: 900 },
    },
    {
      name: 'booleans as YAML writes them',
      values: { comment: 'False', 'check-run': 'TRUE' },
      expected: { comment: false, checkRun: true },
    },
    { name: 'no SARIF file', values: { 'sarif-file': '' }, expected: { sarifFile: undefined } },
    {
      name: 'policy paths, one per line',
      values: { 'policy-paths': 'iam/**/*.json\ninfra/*.tf' },
      expected: { policyPaths: ['iam/**/*.json', 'infra/*.tf'] },
    },
    {
      name: 'targets as JSON with External IDs',
      values: {
        'role-to-assume': 'arn:aws:iam::999999999999:role/hub',
        targets:
          '[{"arn": "arn:aws:iam::111122223333:role/axiom", "external_id": "axm-secret-0001", "name": "prod"}]',
      },
      expected: {
        targets: [
          {
            name: 'prod',
            roleArn: 'arn:aws:iam::111122223333:role/axiom',
            accountId: '111122223333',
            partition: 'aws',
            externalId: 'axm-secret-0001',
          },
        ],
      },
    },
  ];
  for (const { name, values, expected } of accepted) {
    it(`accepts ${name}`, () => {
      const parsed = parseInputs(withDefaults(values));
      expect(parsed.ok).toBe(true);
      if (parsed.ok)
        for (const [key, value] of Object.entries(expected))
          expect(parsed.inputs[key as keyof ActionInputs]).toEqual(value);
    });
  }

  const refused: { name: string; values: Partial<Record<InputName, string>>; errors: RegExp[] }[] = [
    {
      name: 'a user ARN for a role',
      values: { 'role-to-assume': 'arn:aws:iam::111122223333:user/bob' },
      errors: [/^role-to-assume: .*role/],
    },
    {
      name: 'an External ID without its role',
      values: { 'external-id': 'axm-x' },
      errors: [/^external-id: is set but role-to-assume is not/],
    },
    {
      name: 'a session of two hours',
      values: { 'role-duration-seconds': '7200' },
      errors: [/^role-duration-seconds: '7200' .*900 to 3600/],
    },
    {
      name: 'an availability zone',
      values: { regions: 'us-east-1a' },
      errors: [/^regions: "us-east-1a" is an availability zone; use its region, us-east-1/],
    },
    {
      name: 'an unknown service',
      values: { services: 'ec2,lambda' },
      errors: [/^services: "lambda" is not a service/],
    },
    {
      name: 'an unknown mode',
      values: { mode: 'audit' },
      errors: [/^mode: 'audit' is not a mode; use scan, policy or both/],
    },
    {
      name: 'a misspelt severity',
      values: { 'fail-on': 'hihg' },
      errors: [/^fail-on: 'hihg' is not a severity/],
    },
    {
      name: 'a shard past the count',
      values: { shard: '5/4' },
      errors: [/^shard: '5\/4': the shard number must be 1 to 4/],
    },
    {
      name: 'a shard without a count',
      values: { shard: '2' },
      errors: [/^shard: '2' is not a shard; write K\/N/],
    },
    { name: 'a boolean as yes', values: { comment: 'yes' }, errors: [/^comment: 'yes' is not a boolean/] },
    {
      name: 'a target list with a bad entry',
      values: { targets: 'arn:aws:iam::111122223333:role/a,arn:aws:iam::12:role/b' },
      errors: [/^targets: entry 2 /],
    },
  ];
  for (const { name, values, errors } of refused) {
    it(`refuses ${name}`, () => {
      const parsed = parseInputs(withDefaults(values));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.errors.map((error) => error.message)).toEqual(
          errors.map((pattern) => expect.stringMatching(pattern)),
        );
    });
  }

  it('reports every problem at once', () => {
    const parsed = parseInputs(withDefaults({ mode: 'x', 'fail-on': 'y', shard: 'z' }));
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.input)).toEqual(['mode', 'shard', 'fail-on']);
  });
});
