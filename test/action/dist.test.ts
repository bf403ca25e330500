/**
 * The committed bundle, as GitHub runs it: `node dist/index.js` under Node 24, from a copy of dist/ in a folder
 * with no node_modules anywhere above it (so the IAM catalogue must come from dist/iam-data and every package
 * from the bundle), on a pull request with the live scan, against the local GitHub, OIDC endpoint and AWS.
 * Build it first with `npm run package`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../core/index.ts';
import { type FakeAws, json, startFakeAws, stsWebIdentityResponse } from '../helpers/fake-aws.ts';
import { actionInputDefaults, GITHUB_TOKEN_EXPRESSION, workflowCommands } from './harness/action-run.ts';
import { type FakeGithub, startFakeGithub } from './harness/fake-github.ts';
import { DEPLOY_ACTION_LINE, servePolicyChange } from './harness/policy-change.ts';
import { githubIngestionErrors, sarifSchemaErrors } from './harness/sarif-schema.ts';
import { PULL_REQUEST, pullRequestOpened } from './harness/webhook-payloads.ts';

const root = join(import.meta.dirname, '..', '..');
const TOKEN = 'ghs_bundleRunToken000000000000000000';
const SECRET = 'bundleSessionSecret/0123456789abcdefghij';

let github: FakeGithub;
let aws: FakeAws;
let run: { code: number | null; stdout: string; stderr: string; dir: string; outputs: string };

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'index.js')))
    throw new Error('dist/index.js is missing: run `npm run package` first.');
  github = await startFakeGithub({ owner: PULL_REQUEST.owner, repo: PULL_REQUEST.repo });
  servePolicyChange(github);
  aws = await startFakeAws();
  aws.on('STS', 'AssumeRoleWithWebIdentity', () => stsWebIdentityResponse({ secretAccessKey: SECRET }));
  aws.on('CloudWatchLogs', 'DescribeLogGroups', () =>
    json({
      logGroups: [{ logGroupName: '/ecs/web', storedBytes: 1_073_741_824, creationTime: 1_700_000_000_000 }],
    }),
  );

  const dir = mkdtempSync(join(tmpdir(), 'axiom-dist-'));
  cpSync(join(root, 'dist'), join(dir, 'action', 'dist'), { recursive: true });
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(dir, 'event.json'), JSON.stringify(pullRequestOpened()));
  writeFileSync(join(dir, 'output.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(actionInputDefaults()))
    if (value !== undefined)
      inputs[`INPUT_${name.toUpperCase()}`] = value === GITHUB_TOKEN_EXPRESSION ? TOKEN : value;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...inputs,
    'INPUT_ROLE-TO-ASSUME': 'arn:aws:iam::111122223333:role/axiom-readonly',
    INPUT_SERVICES: 'logs',
    INPUT_REGIONS: 'us-east-1',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: `${PULL_REQUEST.owner}/${PULL_REQUEST.repo}`,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW_REF: `${PULL_REQUEST.owner}/${PULL_REQUEST.repo}/.github/workflows/axiom.yml@refs/pull/2/merge`,
    ACTIONS_ID_TOKEN_REQUEST_URL: github.oidcUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token',
    AWS_ENDPOINT_URL: aws.url,
    AWS_MAX_ATTEMPTS: '1',
  };
  const child = spawn(process.execPath, [join(dir, 'action', 'dist', 'index.js')], { cwd: workspace, env });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  run = {
    code,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    dir,
    outputs: readFileSync(join(dir, 'output.txt'), 'utf8'),
  };
}, 60_000);

afterAll(async () => {
  await github?.close();
  await aws?.close();
});

function output(name: string): string {
  const match = new RegExp(`^${name}<<(.+)\\n([^]*?)\\n\\1$`, 'm').exec(run.outputs);
  return match?.[2] ?? '';
}

describe('dist/index.js under Node 24', () => {
  it('is the node24 runtime GitHub uses', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(JSON.parse(readFileSync(join(root, 'dist', 'package.json'), 'utf8'))).toEqual({
      type: 'commonjs',
    });
  });

  it('runs from a folder without node_modules: policy analysis from its own IAM data, and the live scan', () => {
    expect(run.stderr).toBe('');
    // fail-on high: the new iam:PassRole on "*" fails the step, after publishing.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Policy analysis: 2 file\(s\), 2 policy document\(s\)/);
    expect(aws.calls('STS', 'AssumeRoleWithWebIdentity')).toHaveLength(1);
    expect(aws.calls('CloudWatchLogs', 'DescribeLogGroups').length).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(output('report-file'), 'utf8')) as JsonReport;
    const rules = new Set(report.findings.map((finding) => finding.ruleId));
    expect(rules).toContain('iam.policy.passrole-star');
    expect(rules).toContain('iam.diff.new-access');
    expect(rules).toContain('aws.logs.log-group-retention-unset');
  });

  it('publishes: check run on the head commit in batches of 50, comment, valid SARIF, outputs', () => {
    const check = github.checkRuns[0]!;
    expect(check.created).toMatchObject({
      name: 'Axiom',
      head_sha: PULL_REQUEST.headSha,
      conclusion: 'failure',
    });
    const sizes = [check.created, ...check.updates].map(
      (body) => (body.output as { annotations: unknown[] }).annotations.length,
    );
    expect(sizes.slice(0, -1).every((size) => size === 50)).toBe(true);
    expect(sizes.length).toBe(3);
    const first = (
      check.created.output as { annotations: { path: string; start_line: number; title: string }[] }
    ).annotations;
    expect(first.find((annotation) => annotation.title.includes('passrole-star'))).toMatchObject({
      path: 'iam/deploy-role.json',
      start_line: DEPLOY_ACTION_LINE,
    });
    expect(github.comments).toHaveLength(1);
    const sarif = JSON.parse(readFileSync(output('sarif-file'), 'utf8')) as Log;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(githubIngestionErrors(sarif)).toEqual([]);
    expect(Number(output('new-access'))).toBeGreaterThan(100);
    expect(readFileSync(join(run.dir, 'summary.md'), 'utf8')).toContain('### ❌ Axiom');
  });

  it('masks the token and the credentials and writes them nowhere', () => {
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
    expect(run.stdout).toContain(`::add-mask::${github.oidcToken}`);
    for (const file of [
      output('report-file'),
      output('sarif-file'),
      join(run.dir, 'summary.md'),
      join(run.dir, 'output.txt'),
    ])
      for (const secret of [TOKEN, SECRET, github.oidcToken])
        expect(readFileSync(file, 'utf8')).not.toContain(secret);
    expect(workflowCommands(run.stdout, 'error').at(-1)?.message).toMatch(/at or above high/);
  });
});
