import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.ts';

/** What one run of `axiom lint` did. */
interface LintRun {
  code: number;
  stdout: string;
  stderr: string;
}

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

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  location?: { file: string; line: number; column: number };
  evidence: Record<string, unknown>;
}

const findingsOf = (run: LintRun): Finding[] => (JSON.parse(run.stdout) as { findings: Finding[] }).findings;

/** Runs git in the test's own temporary repository, with a fixed identity and no user configuration. */
function git(repo: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Axiom Test',
      '-c',
      'user.email=axiom@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    },
  );
}

function write(base: string, path: string, text: string): void {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
}

function policy(statements: unknown[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}

const READ = {
  Sid: 'Read',
  Effect: 'Allow',
  Action: ['s3:GetObject'],
  Resource: 'arn:aws:s3:::app-assets/*',
};
const BASE_APP = policy([READ]);
const HEAD_APP = policy([
  { ...READ, Action: ['s3:GetObject', 's3:PutObject'] },
  {
    Sid: 'Policies',
    Effect: 'Allow',
    Action: 'iam:PutRolePolicy',
    Resource: 'arn:aws:iam::111122223333:role/app-*',
  },
]);
const ADMIN = policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
const TERRAFORM = (actions: string) => `resource "aws_iam_role_policy" "deploy" {
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = [${actions}]
      Resource = "arn:aws:sqs:eu-west-1:111122223333:jobs"
    }]
  })
}
`;

let root: string;
let repo: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'axiom-lint-base-'));
  repo = join(root, 'repo');
  outside = join(root, 'outside');
  mkdirSync(repo);
  mkdirSync(outside);
  git(repo, 'init', '-q');
  write(repo, 'iam/app.json', BASE_APP);
  write(repo, 'iam/admin.json', ADMIN);
  write(repo, 'iam/gone.json', policy([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }]));
  write(repo, 'iam/moved.json', BASE_APP);
  write(repo, 'infra/main.tf', TERRAFORM('"sqs:ReceiveMessage"'));
  write(repo, '.gitignore', 'ignored/\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');

  // The change under review: an edited policy, a new untracked one, a deleted one, a rename, a Terraform edit.
  write(repo, 'iam/app.json', HEAD_APP);
  write(repo, 'iam/new.json', policy([{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }]));
  unlinkSync(join(repo, 'iam/gone.json'));
  git(repo, 'mv', 'iam/moved.json', 'iam/renamed.json');
  write(repo, 'infra/main.tf', TERRAFORM('"sqs:ReceiveMessage", "sqs:DeleteMessage"'));
  write(repo, 'ignored/admin.json', ADMIN);
  write(repo, 'notes/readme.md', 'not a policy\n');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('axiom lint --base: the pull-request gate', () => {
  it('reports new access on the exact head lines, in changed files only', async () => {
    const run = await lint(['--base', 'HEAD', '--format', 'json'], repo);
    const diff = findingsOf(run).filter((finding) => finding.ruleId.startsWith('iam.diff.'));
    expect(
      diff.map((finding) => [
        finding.ruleId,
        finding.severity,
        `${finding.location?.file}:${finding.location?.line}`,
      ]),
    ).toEqual([
      ['iam.diff.new-access', 'high', `iam/app.json:${lineOf(HEAD_APP, 'iam:PutRolePolicy')}`],
      ['iam.diff.new-access', 'medium', `iam/app.json:${lineOf(HEAD_APP, 's3:PutObject')}`],
      ['iam.diff.new-access', 'medium', 'iam/new.json:6'],
      ['iam.diff.new-access', 'medium', 'infra/main.tf:7'],
      ['iam.diff.removed-access', 'info', 'iam/gone.json:1'],
    ]);
    expect(diff[1]?.message).toBe(
      'Action "s3:PutObject" newly allows s3:PutObject (Write) on "arn:aws:s3:::app-assets/*".',
    );
    expect(diff[2]?.evidence.reason).toBe('new-document');
    expect(diff[3]?.message).toContain('Action "sqs:DeleteMessage" newly allows sqs:DeleteMessage (Write)');
    // Unchanged (iam/admin.json), renamed without change, ignored and non-policy files are not reported.
    const files = new Set(findingsOf(run).map((finding) => finding.location?.file));
    expect(files.has('iam/admin.json')).toBe(false);
    expect(files.has('iam/renamed.json')).toBe(false);
    expect(files.has('ignored/admin.json')).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('the text report names the change, and --fail-on decides the exit code', async () => {
    const run = await lint(['--base', 'HEAD', '--fail-on', 'critical'], repo);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Axiom .+ · policy changes since HEAD \([0-9a-f]{12}\)$/m);
    expect(run.stdout).toContain(`at iam/app.json:${lineOf(HEAD_APP, 'iam:PutRolePolicy')}:`);
  });

  it('PATHS narrow the change to what is under them; absolute paths work from outside the repository', async () => {
    const run = await lint(['--base', 'HEAD', '--format', 'json', join(repo, 'infra')], outside);
    expect(
      findingsOf(run).map(
        (finding) => `${finding.ruleId} ${finding.location?.file}:${finding.location?.line}`,
      ),
    ).toEqual(['iam.diff.new-access infra/main.tf:7']);
    const one = await lint(['--base', 'HEAD', '--format', 'json', 'iam/new.json'], repo);
    expect([...new Set(findingsOf(one).map((finding) => finding.location?.file))]).toEqual(['iam/new.json']);
  });

  it('a base given by commit id works as a branch name does', async () => {
    const commit = git(repo, 'rev-parse', 'HEAD').trim();
    const byName = await lint(['--base', 'HEAD', '--format', 'json'], repo);
    const byCommit = await lint(['--base', commit, '--format', 'json'], repo);
    expect(findingsOf(byCommit).map((finding) => finding.message)).toEqual(
      findingsOf(byName).map((finding) => finding.message),
    );
  });
});

describe('axiom lint --base: bad input exits 2', () => {
  it('an unknown revision', async () => {
    const run = await lint(['--base', 'no-such-branch'], repo);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^axiom lint: Could not diff against 'no-such-branch': the git repository at .+ has no such revision\. Check the name; in CI, fetch the base first/,
    );
  });

  it('a revision that looks like an option is refused, not passed to git', async () => {
    const run = await lint(['--base=--output=/tmp/x'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Could not diff against '--output=/tmp/x': it is not a revision name.");
  });

  it('paths outside any git repository', async () => {
    write(outside, 'admin.json', ADMIN);
    const run = await lint(['--base', 'HEAD', 'admin.json'], outside);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is not in a git repository');
  });
});
