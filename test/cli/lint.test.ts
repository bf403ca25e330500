import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.ts';
import { REPORT_SCHEMA } from '../../core/report/report-schema.ts';
import { hasStackTrace } from './cli-harness.ts';

/** What one run of `axiom lint` did. */
interface LintRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `axiom lint ...args` in-process with `cwd` as its working directory and an empty environment. */
async function lint(args: readonly string[], cwd: string): Promise<LintRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['lint', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

function policy(statements: unknown[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

const ADMIN = policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
const READ = policy([
  { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::app-assets/*' },
]);

let root: string;
let tree: string;
let elsewhere: string;

function write(base: string, path: string, text: string): void {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'axiom-lint-'));
  tree = join(root, 'tree');
  elsewhere = join(root, 'elsewhere');
  mkdirSync(elsewhere);
  write(tree, 'iam/admin.json', ADMIN);
  write(tree, 'iam/read.json', READ);
  write(tree, 'broken.json', '{\n  "Version": "2012-10-17",\n  "Statement": [\n');
  write(tree, 'notes.txt', ADMIN);
  write(tree, 'README.md', '# not a policy\n');
  write(tree, 'package.json', '{ "name": "x" }\n');
  // Nothing under these is read.
  for (const skipped of ['node_modules/pkg', '.git', 'dist', 'infra/.terraform/modules', 'cdk.out'])
    write(tree, `${skipped}/admin.json`, ADMIN);
  // Over 5 MB: skipped with a notice, never read.
  write(tree, 'big.json', `{"Statement": [], "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`);
  write(root, 'clean/read.json', READ);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

interface ReportShape {
  findings: {
    ruleId: string;
    severity: string;
    location?: { file: string; line: number };
    suppressed?: unknown;
  }[];
  stats: { files?: number };
}

const report = (run: LintRun): ReportShape => JSON.parse(run.stdout) as ReportShape;
const placed = (run: LintRun) =>
  report(run)
    .findings.map((finding) => `${finding.ruleId} ${finding.location?.file}:${finding.location?.line}`)
    .sort();

describe('axiom lint: walking the working tree', () => {
  it('lints the current directory by default, skipping dependency and build folders; the JSON report is schema-valid', async () => {
    const run = await lint(['--format', 'json'], tree);
    expect(run.code).toBe(1);
    const parsed = report(run);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(REPORT_SCHEMA);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(placed(run)).toEqual([
      'iam.policy.cannot-parse broken.json:4',
      'iam.policy.file-skipped big.json:1',
      'iam.policy.full-admin iam/admin.json:6',
    ]);
    // broken.json, iam/admin.json, iam/read.json, package.json: read; big.json: not.
    expect(parsed.stats.files).toBe(4);
    expect(run.stderr).toBe(
      'axiom lint: big.json: file skipped: 5.0 MB is over the 5 MB limit for policy files\n',
    );
  });

  it('text: each finding with file:line:col, severity, check id, message and fix', async () => {
    const run = await lint([], tree);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^CRITICAL \(1\)$/m);
    expect(run.stdout).toMatch(/^ {2}iam\.policy\.full-admin {2}.+$/m);
    expect(run.stdout).toMatch(/^ {4}at iam\/admin\.json:6:\d+$/m);
    expect(run.stdout).toMatch(/^ {4}Fix: .+/m);
    expect(run.stdout).toContain('Summary: 3 findings');
  });

  it('sarif: results point at the file and line, relative to the root', async () => {
    const run = await lint(['--format', 'sarif'], tree);
    const log = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations?: {
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId?: string };
              region: { startLine: number };
            };
          }[];
        }[];
        originalUriBaseIds?: Record<string, { uri: string }>;
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const admin = log.runs[0]?.results.find((result) => result.ruleId === 'iam.policy.full-admin');
    expect(admin?.locations?.[0]?.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'iam/admin.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6 },
    });
    expect(log.runs[0]?.originalUriBaseIds?.['%SRCROOT%']?.uri).toMatch(/^file:\/\/.+\/tree\/$/);
  });

  it('markdown: a report for a pull-request comment', async () => {
    const run = await lint(['--format', 'markdown', 'iam'], tree);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('iam.policy.full-admin');
    expect(run.stdout).toContain('iam/admin.json');
  });

  it('an explicitly named file is linted whatever its extension', async () => {
    const run = await lint(['--format', 'json', 'notes.txt'], tree);
    expect(placed(run)).toEqual(['iam.policy.full-admin notes.txt:6']);
  });

  it('absolute paths outside the working directory are linted and named by their absolute path', async () => {
    const path = join(tree, 'iam', 'admin.json');
    const run = await lint(['--format', 'json', path, join(root, 'clean')], elsewhere);
    expect(run.code).toBe(1);
    expect(report(run).findings.map((finding) => finding.location?.file)).toEqual([path]);
  });

  it('--output writes the report to a file; stdout stays empty', async () => {
    const out = join(elsewhere, 'report.json');
    const run = await lint(['--format', 'json', '--output', out, tree], elsewhere);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`wrote the json report to ${out} (3 findings, 0 suppressed)`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as ReportShape).findings).toHaveLength(3);
  });

  it('nothing to report: exit 0', async () => {
    const run = await lint([], join(root, 'clean'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Summary: No findings');
  });
});

describe('axiom lint: the failure threshold and the config file', () => {
  it.each([
    [['--fail-on', 'none'], 0],
    [['--fail-on', 'critical'], 1],
    [['--fail-on', 'CRITICAL'], 1],
    [[], 1],
  ])('%j exits %i', async (args, code) => {
    expect((await lint([...args, 'iam'], tree)).code).toBe(code);
  });

  it('takes fail-on and suppressions from .axiom.yml in the working directory; the flag wins', async () => {
    const dir = join(root, 'configured');
    write(dir, 'legacy/admin.json', ADMIN);
    write(dir, 'app/admin.json', ADMIN);
    write(
      dir,
      '.axiom.yml',
      'fail-on: critical\nignore:\n  - check: iam.policy.full-admin\n    paths: [legacy/**]\n    reason: legacy account, closing in Q3\n',
    );
    const run = await lint(['--format', 'json'], dir);
    expect(run.code).toBe(1);
    const findings = report(run).findings.filter((finding) => finding.ruleId === 'iam.policy.full-admin');
    expect(findings.map((finding) => [finding.location?.file, finding.suppressed !== undefined])).toEqual([
      ['app/admin.json', false],
      ['legacy/admin.json', true],
    ]);
    expect((await lint(['--fail-on', 'none'], dir)).code).toBe(0);
    expect((await lint(['legacy'], dir)).code).toBe(0);
  });

  it('--config names another file', async () => {
    const dir = join(root, 'other-config');
    write(dir, 'admin.json', ADMIN);
    write(dir, 'axiom/config.yml', 'ignore:\n  - check: iam.*\n    reason: sandbox\n');
    const run = await lint(['--config', 'axiom/config.yml', 'admin.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('SUPPRESSED (1)');
  });
});

describe('axiom lint: bad input exits 2 with one clear message and no report', () => {
  it.each([
    [
      ['missing.json'],
      'axiom lint: Could not lint missing.json: no such file or directory. Check the path; relative paths are taken from the current directory.\n',
    ],
    [
      ['--format', 'xml'],
      "axiom lint: --format must be one of text, json, sarif, markdown, not 'xml'. See 'axiom lint --help'.\n",
    ],
    [
      ['--fail-on', 'severe'],
      "axiom lint: Could not read the severity threshold 'severe': it is not one of critical, high, medium, low, info, none. Use one of those values; 'none' never fails on findings.\n",
    ],
    [
      ['--config', 'nope.yml'],
      'axiom lint: Could not read the config file nope.yml: no such file. Check the path given to --config, or leave it out to use .axiom.yml when there is one.\n',
    ],
    [['--colour'], "axiom lint: Unknown option '--colour'. See 'axiom lint --help'.\n"],
  ])('%j', async (args, stderr) => {
    const run = await lint(args, tree);
    expect(run).toEqual({ code: 2, stdout: '', stderr });
  });

  it('an invalid config file: every error with its line', async () => {
    const dir = join(root, 'bad-config');
    write(dir, 'read.json', READ);
    write(
      dir,
      '.axiom.yml',
      'fail-on: sometimes\nignore:\n  - check: iam.policy.full-admin\n    until: soon\n    colour: red\n',
    );
    const run = await lint([], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('axiom lint: .axiom.yml is not a valid config file:');
    expect(run.stderr).toContain("  .axiom.yml:5:5: ignore[0]: unknown key 'colour'");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a file that does not parse is a finding, never a crash', async () => {
    const run = await lint(['--format', 'json', 'broken.json'], tree);
    expect(run.code).toBe(0);
    expect(report(run).findings).toMatchObject([
      { ruleId: 'iam.policy.cannot-parse', severity: 'medium', location: { file: 'broken.json', line: 4 } },
    ]);
  });

  it('--help describes the command', async () => {
    const run = await lint(['--help'], tree);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: axiom lint \[PATHS\.\.\.\] \[options\]/);
    for (const option of ['--format', '--fail-on', '--base', '--config', '--output'])
      expect(run.stdout).toContain(option);
  });
});
