/**
 * `run()` end to end on a pull request, with the real pull_request.opened payload, against a local GitHub:
 * changed files listed over three pages, each read at the head and base commits, the policy analysis with the
 * diff, a check run on the head commit with its annotations in batches of 50, one sticky comment kept across
 * runs, the SARIF and JSON files, the outputs, and the step failing on fail-on.
 */
import { readFileSync } from 'node:fs';
import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../core/index.ts';
import { runActionOnce, workflowCommands } from './harness/action-run.ts';
import { type FakeGithub, startFakeGithub } from './harness/fake-github.ts';
import { DEPLOY_ACTION_LINE, DOC_FILES, servePolicyChange } from './harness/policy-change.ts';
import { githubIngestionErrors, sarifSchemaErrors } from './harness/sarif-schema.ts';
import { PULL_REQUEST, pullRequestOpened } from './harness/webhook-payloads.ts';

const TOKEN = 'ghs_fakeInstallationToken0123456789';
/** The merge commit the workflow checks out: never where check runs and annotations go. */
const MERGE_SHA = '0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e';

let github: FakeGithub;
beforeEach(async () => {
  github = await startFakeGithub({ owner: PULL_REQUEST.owner, repo: PULL_REQUEST.repo });
  servePolicyChange(github);
});
afterEach(async () => {
  await github.close();
});

function runOnPullRequest(inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runActionOnce({
    event: 'pull_request',
    payload: pullRequestOpened(),
    repository: `${PULL_REQUEST.owner}/${PULL_REQUEST.repo}`,
    apiUrl: github.url,
    token: TOKEN,
    inputs,
    env: { GITHUB_SHA: MERGE_SHA, ...env },
  });
}

function annotationsSent(): { path: string; start_line: number; annotation_level: string; title: string }[] {
  const run = github.checkRuns[0]!;
  const batches = [run.created, ...run.updates].map(
    (body) =>
      (
        body.output as {
          annotations: { path: string; start_line: number; annotation_level: string; title: string }[];
        }
      ).annotations,
  );
  return batches.flat();
}

describe('run() on a pull request', () => {
  it('lists every page of changed files and reads each policy file at the head and base commits', async () => {
    await runOnPullRequest();
    const pages = github.calls('GET /files');
    expect(pages.map((request) => request.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(pages.every((request) => request.query.per_page === '100')).toBe(true);
    expect(pages.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const reads = github
      .calls('GET /contents')
      .map(
        (request) =>
          `${request.query.ref === PULL_REQUEST.headSha ? 'head' : 'base'}:${decodeURIComponent(request.path.split('/contents/')[1]!)}`,
      )
      .sort();
    // The docs are not policy files and are never read; the added file has no base, the removed one no head.
    expect(reads).toEqual([
      'base:iam/deploy-role.json',
      'base:iam/legacy.json',
      'head:.axiom.yml',
      'head:iam/big-policy.json',
      'head:iam/deploy-role.json',
    ]);
    expect(github.pullFiles).toHaveLength(DOC_FILES + 3);
  });

  it('creates the check run on the head commit, 50 annotations per request, concluded by fail-on', async () => {
    const result = await runOnPullRequest();
    expect(github.checkRuns).toHaveLength(1);
    const run = github.checkRuns[0]!;
    expect(run.created).toMatchObject({
      name: 'Axiom',
      head_sha: PULL_REQUEST.headSha,
      status: 'completed',
      conclusion: 'failure',
    });
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as JsonReport;
    const expected = report.findings.filter(
      (finding) =>
        !finding.suppressed &&
        (finding.location?.file === 'iam/deploy-role.json' ||
          finding.location?.file === 'iam/big-policy.json'),
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThanOrEqual(150);
    // One creation and two updates: 50 + 50 + the rest.
    const sizes = [run.created, ...run.updates].map(
      (body) => (body.output as { annotations: unknown[] }).annotations.length,
    );
    expect(sizes).toEqual([50, 50, expected.length - 100]);
    expect(github.calls('POST /check-runs')).toHaveLength(1);
    expect(github.calls('PATCH /check-runs')).toHaveLength(2);
    for (const update of run.updates)
      expect(update.output).toMatchObject({ title: (run.created.output as { title: string }).title });

    const sent = annotationsSent();
    const passRole = sent.find((annotation) => annotation.title.includes('iam.policy.passrole-star'));
    expect(passRole).toMatchObject({
      path: 'iam/deploy-role.json',
      start_line: DEPLOY_ACTION_LINE,
      annotation_level: 'failure',
    });
    expect(
      sent.some(
        (annotation) =>
          annotation.title.includes('iam.diff.new-access') && annotation.path === 'iam/deploy-role.json',
      ),
    ).toBe(true);
    // The suppressed finding is not annotated; the deleted file has no lines to annotate.
    expect(sent.some((annotation) => annotation.title.includes('iam.policy.privilege-escalation'))).toBe(
      false,
    );
    expect(sent.some((annotation) => annotation.path === 'iam/legacy.json')).toBe(false);
    const output = run.created.output as { summary: string; text: string; title: string };
    expect(output.summary.length).toBeLessThanOrEqual(65_535);
    expect(output.text).toContain('iam/deploy-role.json:13');
    expect(output.text).toContain('iam:PassRole');
    expect(output.title).toMatch(/^\d+ findings? at or above high$/);
  });

  it('fails the step on fail-on, sets the outputs and writes a SARIF file valid for code scanning', async () => {
    const result = await runOnPullRequest();
    expect(result.exitCode).toBe(1);
    expect(workflowCommands(result.stdout, 'error').at(-1)?.message).toMatch(/at or above high \(fail-on\)/);
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as JsonReport;
    expect(result.outputs).toMatchObject({
      findings: String(report.summary.active),
      critical: String(report.summary.bySeverity.critical),
      high: String(report.summary.bySeverity.high),
    });
    expect(Number(result.outputs['new-access'])).toBeGreaterThan(100);
    expect(report.summary.suppressed).toBe(1);

    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as Log;
    expect(result.outputs['sarif-file']).toBe(`${result.workspace}/axiom.sarif`);
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(githubIngestionErrors(sarif)).toEqual([]);
    const sarifRun = sarif.runs[0]!;
    expect(sarifRun.automationDetails?.id).toBe('axiom/both/');
    expect(sarifRun.results).toHaveLength(report.findings.length);
    const passRole = sarifRun.results?.find((entry) => entry.ruleId === 'iam.policy.passrole-star');
    expect(passRole?.partialFingerprints?.['axiom/v1']).toMatch(/\S/);
    expect(passRole?.locations?.[0]?.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'iam/deploy-role.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: DEPLOY_ACTION_LINE },
    });
    const rule = sarifRun.tool.driver.rules?.find((entry) => entry.id === 'iam.policy.passrole-star');
    expect(rule?.help?.text).toMatch(/\S/);
    expect(rule?.fullDescription?.text).toMatch(/\S/);
    expect(result.summary).toContain('iam/deploy-role.json:13');
  });

  it('keeps one sticky comment: the second run finds it by its marker (on page 2) and edits it', async () => {
    // Other people's comments first, so the Action's own lands on the second page of the list.
    for (let index = 0; index < 120; index++)
      github.comments.push({
        id: index + 1,
        body: `LGTM ${index}`,
        user: { login: 'octocat', type: 'User' },
      });

    await runOnPullRequest();
    const ours = () =>
      github.comments.filter((comment) => comment.body.includes('<!-- axiom:scan-action -->'));
    expect(ours()).toHaveLength(1);
    expect(github.calls('POST /comments')).toHaveLength(1);
    const first = ours()[0]!;
    expect(first.body.startsWith('<!-- axiom:scan-action -->\n')).toBe(true);
    expect(first.body).toContain('iam.policy.passrole-star');

    // The second push fixes the policy: the same comment now says so.
    github.contents.set(
      `${PULL_REQUEST.headSha}:iam/deploy-role.json`,
      '{"Version":"2012-10-17","Statement":[]}\n',
    );
    github.requests.length = 0;
    await runOnPullRequest();
    expect(github.calls('POST /comments')).toHaveLength(0);
    expect(github.calls('PATCH /comments/:id').map((request) => request.path)).toEqual([
      `/repos/${PULL_REQUEST.owner}/${PULL_REQUEST.repo}/issues/comments/${first.id}`,
    ]);
    expect(github.calls('GET /comments').map((request) => request.query.page ?? '1')).toEqual(['1', '2']);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).not.toContain('iam.policy.passrole-star');
    expect(github.comments).toHaveLength(121);
  });

  it('trims the comment under 65,536 characters with a link to the run', async () => {
    github.contents.set(`${PULL_REQUEST.headSha}:iam/big-policy.json`, bigPolicy(700));
    await runOnPullRequest({ 'fail-on': 'none' });
    const body = github.comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('https://github.com/Codertocat/Hello-World/actions/runs/4242');
    expect(body).toMatch(/more findings?/);
  });

  it('without checks permission (403): a notice names it and the findings become workflow-command annotations', async () => {
    github.failures.set('POST /check-runs', {
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const result = await runOnPullRequest();
    const notices = workflowCommands(result.stdout, 'notice').map((notice) => notice.message);
    expect(
      notices.some(
        (notice) =>
          notice.includes('`checks: write`') && notice.includes('Resource not accessible by integration'),
      ),
    ).toBe(true);
    const errors = workflowCommands(result.stdout, 'error').filter((command) => command.properties.file);
    const warnings = workflowCommands(result.stdout, 'warning').filter((command) => command.properties.file);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(warnings).toHaveLength(10);
    expect(errors[0]?.properties).toMatchObject({
      file: 'iam/deploy-role.json',
      line: String(DEPLOY_ACTION_LINE),
    });
    // Publishing went on: the comment and the outputs are there, and only fail-on failed the step.
    expect(github.comments).toHaveLength(1);
    expect(result.outputs.findings).toMatch(/^\d+$/);
    expect(result.exitCode).toBe(1);
  });

  it('when GitHub refuses the check run (422), says so and falls back to annotations', async () => {
    github.failures.set('POST /check-runs', {
      status: 422,
      message: `No commit found for SHA: ${PULL_REQUEST.headSha}`,
    });
    const result = await runOnPullRequest({ 'fail-on': 'critical' });
    const notices = workflowCommands(result.stdout, 'notice').map((notice) => notice.message);
    expect(notices.some((notice) => notice.includes('HTTP 422') && notice.includes('No commit found'))).toBe(
      true,
    );
    expect(
      workflowCommands(result.stdout, 'error').some(
        (command) => command.properties.file === 'iam/deploy-role.json',
      ),
    ).toBe(true);
    expect(result.exitCode).toBeUndefined();
  });

  it('without pull-requests write (403 on the comment): a notice, and the step still passes below fail-on', async () => {
    github.failures.set('POST /comments', { status: 403, message: 'Resource not accessible by integration' });
    const result = await runOnPullRequest({ 'fail-on': 'none' });
    const notices = workflowCommands(result.stdout, 'notice').map((notice) => notice.message);
    expect(notices.some((notice) => notice.includes('`pull-requests: write`'))).toBe(true);
    expect(result.exitCode).toBeUndefined();
    expect(github.checkRuns[0]?.created.conclusion).toBe('success');
  });

  it('with comment and check-run off, writes annotations as workflow commands and touches no comment', async () => {
    const result = await runOnPullRequest({ comment: 'false', 'check-run': 'false', 'sarif-file': '' });
    expect(github.calls('POST /check-runs')).toHaveLength(0);
    expect(github.calls('GET /comments')).toHaveLength(0);
    expect(result.outputs['sarif-file']).toBe('');
    expect(
      workflowCommands(result.stdout, 'warning').filter((command) => command.properties.file),
    ).toHaveLength(10);
  });

  it('masks the token and never writes it anywhere', async () => {
    const result = await runOnPullRequest();
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`);
    for (const file of [result.outputs['report-file']!, result.outputs['sarif-file']!])
      expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
    expect(result.summary).not.toContain(TOKEN);
  });
});

function bigPolicy(count: number): string {
  const statements = Array.from({ length: count }, (_, index) => ({
    Sid: `Wide${index}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', 'iam:PassRole'],
    Resource: '*',
  }));
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}
