/**
 * `axiom scan` in-process: every usage mistake is exit 2 with one clear line and nothing on stdout (checked
 * before any AWS call: the endpoint would refuse); the offline scan of the sample inventory in each format;
 * --output, --fail-on and the config file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.ts';
import { REPORT_SCHEMA } from '../../core/report/report-schema.ts';
import { axiom, hasStackTrace } from './cli-harness.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'sample-inventory.json');
const ROLE = 'arn:aws:iam::111122223333:role/axiom-readonly';
/** An endpoint nothing listens on: a usage check that let a call through would fail with exit 3, not 2. */
const ENV = {
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEUSAGE0001',
  AWS_SECRET_ACCESS_KEY: 'usage/secret',
};
const validate = new Ajv({ allErrors: true, strict: true }).compile(REPORT_SCHEMA);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'axiom-scan-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('axiom scan: bad usage is exit 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'an unknown format',
      ['--format', 'xml'],
      /--format must be one of text, json, markdown, sarif, not 'xml'/,
    ],
    [
      'an unknown threshold',
      ['--fail-on', 'severe'],
      /--fail-on must be critical, high, medium, low, info or none/,
    ],
    ['a malformed role ARN', ['--role-arn', 'arn:aws:iam::1234:role/x'], /--role-arn: .*12 digits/],
    ['an External ID without a role', ['--external-id', 'axm-abcdef'], /--external-id goes with --role-arn/],
    [
      'an External ID STS refuses',
      ['--role-arn', ROLE, '--external-id', 'has spaces in it'],
      /--external-id is not a value STS accepts/,
    ],
    [
      'both --role-arn and --targets',
      ['--role-arn', ROLE, '--targets', ROLE],
      /either --role-arn .* or --targets/,
    ],
    [
      'a bad entry in a target list',
      ['--targets', `${ROLE},arn:aws:iam::111122223333:user/bob`],
      /--targets: entry 2 \("arn:aws:iam::111122223333:user\/bob"\)/,
    ],
    ['a target file that does not exist', ['--targets', 'accounts.json'], /--targets: no file accounts.json/],
    [
      'an availability zone for a region',
      ['--regions', 'us-east-1a'],
      /--regions: "us-east-1a" is an availability zone/,
    ],
    ['an unknown service', ['--services', 'ec2,lambda'], /--services: "lambda" is not a service Axiom scans/],
    ['Cost Explorer without --include-cost', ['--services', 'ce'], /--services ce needs --include-cost/],
    ['a concurrency of 0', ['--concurrency', '0'], /--concurrency must be a whole number from 1 to 64/],
    [
      'a live flag with --inventory',
      ['--inventory', SAMPLE, '--regions', 'all'],
      /--regions is for live scans/,
    ],
    ['a missing inventory file', ['--inventory', '/nonexistent/inventory.json'], /--inventory: no such file/],
    ['an unknown flag', ['--region', 'us-east-1'], /Unknown option '--region'/],
    ['a positional argument', ['us-east-1'], /Unexpected argument 'us-east-1'/],
  ];
  for (const [name, args, message] of cases)
    it(name, async () => {
      const run = await axiom(['scan', ...args], ENV);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^axiom scan: /);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(hasStackTrace(run.stderr)).toBe(false);
    });

  it('a target file names the file and every bad entry', async () => {
    const targets = file(
      'targets.txt',
      `${ROLE}\narn:aws:iam::11112222333:role/b\narn:aws:iam::111122223333:user/c\n`,
    );
    const run = await axiom(['scan', '--targets', targets], ENV);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`--targets ${targets}: entry 2 ("arn:aws:iam::11112222333:role/b")`);
    expect(run.stderr).toContain('; entry 3 ("arn:aws:iam::111122223333:user/c")');
  });

  it('a malformed AWS_ENDPOINT_URL', async () => {
    const run = await axiom(['scan'], { ...ENV, AWS_ENDPOINT_URL: 'localhost:4566' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^axiom scan: AWS_ENDPOINT_URL 'localhost:4566' is not an absolute http\(s\) URL/,
    );
  });

  it('an invalid inventory lists every schema problem with its path', async () => {
    const inventory = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    inventory.accounts[0].regional['us-east-1'].ec2.instances[0].state = 7;
    inventory.coverage[0].status = 'maybe';
    const run = await axiom(['scan', '--inventory', file('broken.json', JSON.stringify(inventory))], ENV);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^axiom scan: .*broken\.json is not a valid Axiom inventory \(2 problems\):$/);
    expect(lines.slice(1).sort()).toEqual([
      expect.stringMatching(/^ {2}\$\.accounts\[0\]\.regional\["us-east-1"\]\.ec2\.instances\[0\]\.state: /),
      expect.stringMatching(/^ {2}\$\.coverage\[0\]\.status: /),
    ]);
  });

  it('a file that is not an inventory says what it is', async () => {
    const run = await axiom(['scan', '--inventory', file('policy.json', '{"Version": "2012-10-17"}')], ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/has no "schemaVersion", so it is not an Axiom inventory/);
  });

  it('an invalid config file lists its problems with their lines', async () => {
    const config = file('bad.yml', 'ignore:\n  - check: aws.s3.*\n    until: tomorrow\n');
    const run = await axiom(['scan', '--inventory', SAMPLE, '--config', config], ENV);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^axiom scan: .*bad\.yml is not a valid config file:\n {2}.*bad\.yml:3:/);
  });

  it('--help prints the usage with every flag and the exit codes', async () => {
    const run = await axiom(['scan', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--role-arn',
      '--external-id',
      '--targets',
      '--regions',
      '--services',
      '--format',
      '--output',
      '--fail-on',
      '--save-inventory',
      '--inventory',
      '--include-cost',
      '--config',
      '--concurrency',
    ])
      expect(run.stdout).toContain(flag);
    expect(run.stdout).toContain('3 could not connect to any account');
  });
});

describe('axiom scan --inventory (offline) on the sample account', () => {
  it('json: a schema-valid report with findings, coverage gaps, not-evaluated rules and stats; exit 1', async () => {
    const run = await axiom(['scan', '--inventory', SAMPLE, '--format', 'json'], ENV);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.targets).toEqual([
      {
        description: 'AWS account 123456789012 (acme-prod)',
        accountId: '123456789012',
        regions: ['us-east-1', 'eu-west-1', 'us-west-2'],
      },
    ]);
    expect(
      report.coverage.map((gap: { status: string; region: string }) => [gap.status, gap.region]),
    ).toEqual([
      ['error', 'eu-west-1'],
      ['denied', 'us-west-2'],
    ]);
    expect(report.notEvaluated).toEqual([
      expect.objectContaining({ ruleId: 'aws.logs.log-group-retention-unset', region: 'us-west-2' }),
    ]);
    expect(report.stats.apiCalls).toBe(
      Object.values(report.stats.apiCallsByOperation as Record<string, { calls: number }>).reduce(
        (total, stats) => total + stats.calls,
        0,
      ),
    );
    expect(report.stats.resourcesByType['AWS::EC2::Instance']).toBe(9);
    expect(report.summary.bySeverity.critical).toBeGreaterThan(0);
  });

  it('text: findings by severity, coverage gaps, the rules not evaluated, then the summary', async () => {
    const run = await axiom(['scan', '--inventory', SAMPLE, '--fail-on', 'none'], ENV);
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text.split('\n')[0]).toBe('Axiom 0.1.0 · AWS account 123456789012 (acme-prod)');
    const order = [
      'CRITICAL (',
      'HIGH (',
      'MEDIUM (',
      'LOW (',
      'COVERAGE GAPS (2)',
      'NOT EVALUATED (1 rule)',
      'Summary: ',
    ].map((heading) => text.indexOf(heading));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toMatch(
      /\n {2}123456789012 us-west-2 {2}logs:DescribeLogGroups denied .*\n {4}aws\.logs\.log-group-retention-unset\n/,
    );
    expect(text.trimEnd().split('\n').at(-1)).toMatch(
      /^Summary: \d+ findings \(.*\) · 2 coverage gaps · estimated savings \$[\d,.]+\/month · 1 rule not evaluated$/,
    );
    // No ANSI colour when stdout is not a terminal.
    expect(text).not.toContain('\u001b[');
  });

  it('markdown: the report with a "Not evaluated" table; sarif: a SARIF 2.1.0 log of the findings', async () => {
    const markdown = await axiom(['scan', '--inventory', SAMPLE, '--format', 'markdown'], ENV);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('### Not evaluated (1 rule)');
    expect(markdown.stdout).toMatch(
      /\| 123456789012 \| us-west-2 \| .* \| `aws.logs.log-group-retention-unset` \|/,
    );
    const sarif = await axiom(['scan', '--inventory', SAMPLE, '--format', 'sarif'], ENV);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.length).toBe(
      JSON.parse((await axiom(['scan', '--inventory', SAMPLE, '--format', 'json'], ENV)).stdout).findings
        .length,
    );
    // Rule descriptions come from the rule catalogue, not just the findings.
    const rule = log.runs[0].tool.driver.rules.find(
      (item: { id: string }) => item.id === 'aws.s3.bucket-public-acl',
    );
    expect(rule.fullDescription.text).toMatch(/ACL/);
  });

  it('--output writes the report to the file; stdout stays empty, the notice goes to stderr', async () => {
    const output = join(dir, 'report.json');
    const run = await axiom(['scan', '--inventory', SAMPLE, '--format', 'json', '--output', output], ENV);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`axiom scan: wrote the json report to ${output}.\n`);
    expect(validate(JSON.parse(readFileSync(output, 'utf8')))).toBe(true);
  });

  it('--output to a folder that does not exist is exit 2 with one line', async () => {
    const run = await axiom(
      ['scan', '--inventory', SAMPLE, '--output', join(dir, 'missing', 'report.txt')],
      ENV,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^axiom scan: Could not write --output .*missing\/report\.txt: .*ENOENT/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reads .axiom.yml from the working directory when no --config is given', async () => {
    const cwd = mkdtempSync(join(dir, 'repo-'));
    writeFileSync(join(cwd, '.axiom.yml'), 'fail-on: none\n');
    let stdout = '';
    const code = await runCli(['scan', '--inventory', SAMPLE, '--format', 'json'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      env: ENV,
      cwd,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.active).toBeGreaterThan(0);
  });

  it('--fail-on sets the exit code: none and info-only thresholds', async () => {
    const codes: Record<string, number> = {};
    for (const threshold of ['critical', 'high', 'low', 'none'])
      codes[threshold] = (
        await axiom(['scan', '--inventory', SAMPLE, '--format', 'json', '--fail-on', threshold], ENV)
      ).code;
    expect(codes).toEqual({ critical: 1, high: 1, low: 1, none: 0 });
  });

  it('the config file suppresses findings with a reason and sets the default threshold', async () => {
    const config = file(
      'axiom.yml',
      [
        'fail-on: critical',
        'ignore:',
        '  - check: aws.iam.*',
        '    reason: root and IAM fixes tracked in SEC-101',
        '  - check: aws.s3.bucket-public-policy',
        '    resources: ["arn:aws:s3:::acme-prod-assets"]',
        '    reason: static site, served publicly on purpose',
        '  - check: aws.ec2.*',
        '    reason: EC2 clean-up planned in OPS-7',
        '',
      ].join('\n'),
    );
    const strict = await axiom(['scan', '--inventory', SAMPLE, '--format', 'json', '--config', config], ENV);
    const report = JSON.parse(strict.stdout);
    const active = report.findings.filter((finding: { suppressed?: unknown }) => !finding.suppressed);
    expect(active.filter((finding: { severity: string }) => finding.severity === 'critical')).toEqual([]);
    expect(report.summary.suppressed).toBeGreaterThan(0);
    expect(strict.code).toBe(0);
    // A flag wins over the file.
    const flagged = await axiom(
      ['scan', '--inventory', SAMPLE, '--format', 'json', '--config', config, '--fail-on', 'high'],
      ENV,
    );
    expect(flagged.code).toBe(1);
  });
});
