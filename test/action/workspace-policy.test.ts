/**
 * `run()` in policy mode off pull requests (the real push payload): the checked-out workspace's policy files
 * are analysed, skipping dependency folders, and published against the pushed commit; without a checkout, a
 * notice says so.
 */
import { readFileSync } from 'node:fs';
import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../core/index.ts';
import { runActionOnce, workflowCommands } from './harness/action-run.ts';
import { type FakeGithub, startFakeGithub } from './harness/fake-github.ts';
import { sarifSchemaErrors } from './harness/sarif-schema.ts';
import { pushToBranch } from './harness/webhook-payloads.ts';

const PUSHED = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

const TERRAFORM = `resource "aws_iam_role_policy" "ci" {
  name = "ci"
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = "*"
    }]
  })
}
`;

let github: FakeGithub;
beforeEach(async () => {
  github = await startFakeGithub({ owner: 'Codertocat', repo: 'Hello-World' });
});
afterEach(async () => {
  await github.close();
});

function push(workspaceFiles: Record<string, string>, inputs: Record<string, string> = {}) {
  return runActionOnce({
    event: 'push',
    payload: pushToBranch(),
    repository: 'Codertocat/Hello-World',
    apiUrl: github.url,
    token: 'ghs_pushToken000000000000000000000',
    inputs: { mode: 'policy', ...inputs },
    env: { GITHUB_SHA: PUSHED },
    workspaceFiles,
  });
}

describe('run() in policy mode on a push', () => {
  it('analyses the workspace policy files, not dependencies, and annotates them on the pushed commit', async () => {
    const result = await push({
      'infra/ci.tf': TERRAFORM,
      'node_modules/some-package/policy.json':
        '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}',
      'README.md': '# not a policy',
    });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as JsonReport;
    expect(new Set(report.findings.map((finding) => finding.location?.file))).toEqual(
      new Set(['infra/ci.tf']),
    );
    expect(report.stats.files).toBe(1);
    const check = github.checkRuns[0]!;
    expect(check.created).toMatchObject({ head_sha: PUSHED, conclusion: 'failure' });
    const annotations = (
      check.created.output as { annotations: { path: string; start_line: number; title: string }[] }
    ).annotations;
    expect(
      annotations.find((annotation) => annotation.title.includes('iam.policy.passrole-star')),
    ).toMatchObject({
      path: 'infra/ci.tf',
      start_line: 8,
    });
    // Nothing to compare with off pull requests: no new-access findings, no comment, no API reads of files.
    expect(result.outputs['new-access']).toBe('0');
    expect(github.calls('GET /files')).toHaveLength(0);
    expect(github.calls('GET /comments')).toHaveLength(0);
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as Log;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]?.automationDetails?.id).toBe('axiom/policy/');
  });

  it('takes fail-on from .axiom.yml when the input is not set', async () => {
    const result = await push({ 'infra/ci.tf': TERRAFORM, '.axiom.yml': 'fail-on: critical\n' });
    expect(result.exitCode).toBeUndefined();
    expect(github.checkRuns[0]?.created.conclusion).toBe('success');
  });

  it('fails with every problem of a broken .axiom.yml listed', async () => {
    const result = await push({
      'infra/ci.tf': TERRAFORM,
      '.axiom.yml': 'ignore:\n  - check: x\n    until: soon\nfail-on: hihg\n',
    });
    expect(result.exitCode).toBe(1);
    const failure = workflowCommands(result.stdout, 'error').at(-1)?.message ?? '';
    expect(failure).toContain('The config file .axiom.yml is not valid');
    expect(failure).toContain('.axiom.yml:3:');
    expect(failure).toContain('.axiom.yml:4:');
  });

  it('without a checkout, says the workspace has no policy files', async () => {
    const result = await push({});
    const notices = workflowCommands(result.stdout, 'notice').map((notice) => notice.message);
    expect(
      notices.some(
        (notice) => notice.includes('found no policy files') && notice.includes('actions/checkout'),
      ),
    ).toBe(true);
    expect(result.exitCode).toBeUndefined();
  });
});
