/**
 * `run()` end to end with the live scan: GitHub's OIDC token endpoint and GitHub served locally, STS and
 * CloudWatch Logs by the fake AWS (real wire formats). The token and the credentials are masked and written
 * nowhere; a missing `id-token: write` permission, a fork's pull request and shards behave as documented.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../core/index.ts';
import {
  type FakeAws,
  type FakeRequest,
  json,
  queryError,
  startFakeAws,
  stsAssumeRoleResponse,
  stsWebIdentityResponse,
} from '../helpers/fake-aws.ts';
import { runActionOnce, workflowCommands } from './harness/action-run.ts';
import { type FakeGithub, startFakeGithub } from './harness/fake-github.ts';
import { servePolicyChange } from './harness/policy-change.ts';
import { githubIngestionErrors, sarifSchemaErrors } from './harness/sarif-schema.ts';
import {
  PULL_REQUEST,
  pullRequestFromFork,
  pushToBranch,
  scheduleEvent,
  workflowDispatch,
} from './harness/webhook-payloads.ts';

const ROLE = 'arn:aws:iam::111122223333:role/axiom-readonly';
const CREDENTIALS = {
  accessKeyId: 'ASIAOIDCSESSION00001',
  secretAccessKey: 'oidcSessionSecret/abcdefghij0123456789',
  sessionToken: 'IQoJb3JpZ2luX2VjEOidcSessionToken00000000',
};

let github: FakeGithub;
let aws: FakeAws;
beforeEach(async () => {
  github = await startFakeGithub({ owner: 'octo-org', repo: 'octo-repo' });
  aws = await startFakeAws();
  aws.on('STS', 'AssumeRoleWithWebIdentity', () =>
    stsWebIdentityResponse({
      ...CREDENTIALS,
      arn: 'arn:aws:sts::111122223333:assumed-role/axiom-readonly/axiom-4242-1',
    }),
  );
  aws.on('CloudWatchLogs', 'DescribeLogGroups', () =>
    json({
      logGroups: [
        {
          logGroupName: '/aws/lambda/checkout',
          arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/checkout:*',
          storedBytes: 53_687_091_200,
          creationTime: 1_700_000_000_000,
        },
      ],
    }),
  );
});
afterEach(async () => {
  await github.close();
  await aws.close();
});

/** Environment of a job with `permissions: id-token: write`, its AWS calls going to the fake. */
function oidcEnv(): Record<string, string> {
  return {
    ACTIONS_ID_TOKEN_REQUEST_URL: github.oidcUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-request-token',
    AWS_ENDPOINT_URL: aws.url,
    AWS_MAX_ATTEMPTS: '1',
  };
}

function scan(
  event: string,
  payload: unknown,
  inputs: Record<string, string>,
  env: Record<string, string> = oidcEnv(),
  repository = 'octo-org/octo-repo',
) {
  return runActionOnce({
    event,
    payload,
    repository,
    apiUrl: github.url,
    token: 'ghs_scanJobToken000000000000000000',
    inputs: { services: 'logs', regions: 'us-east-1', ...inputs },
    env: { GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', ...env },
  });
}

/** Every file the run wrote, with its text. */
function writtenFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

function formField(request: FakeRequest, name: string): string | undefined {
  return new URLSearchParams(request.body).get(name) ?? undefined;
}

describe('run() with the live scan', () => {
  it('on a schedule: OIDC token for the audience, AssumeRoleWithWebIdentity, the scan, its findings published', async () => {
    const result = await scan('schedule', scheduleEvent(), { 'role-to-assume': ROLE });
    expect(result.exitCode).toBeUndefined();

    const tokenRequests = github.calls('GET /oidc/token');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.query).toMatchObject({ audience: 'sts.amazonaws.com', 'api-version': '2.0' });
    expect(tokenRequests[0]?.headers.authorization).toBe('Bearer runtime-request-token');
    const assume = aws.calls('STS', 'AssumeRoleWithWebIdentity');
    expect(assume).toHaveLength(1);
    expect(formField(assume[0]!, 'RoleArn')).toBe(ROLE);
    expect(formField(assume[0]!, 'WebIdentityToken')).toBe(github.oidcToken);
    expect(formField(assume[0]!, 'RoleSessionName')).toBe('axiom-4242-1');
    expect(formField(assume[0]!, 'DurationSeconds')).toBe('3600');
    // The scan used the session's keys.
    const logs = aws.calls('CloudWatchLogs', 'DescribeLogGroups');
    expect(logs.length).toBeGreaterThan(0);
    expect(
      logs.every((request) =>
        request.headers.authorization?.includes(`Credential=${CREDENTIALS.accessKeyId}/`),
      ),
    ).toBe(true);

    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as JsonReport;
    expect(report.findings.map((finding) => finding.ruleId)).toContain('aws.logs.log-group-retention-unset');
    expect(report.targets).toEqual([
      expect.objectContaining({ accountId: '111122223333', regions: ['us-east-1'] }),
    ]);
    // No pull request: no comment; the check run goes on the pushed commit.
    expect(github.calls('GET /comments')).toHaveLength(0);
    expect(github.checkRuns[0]?.created).toMatchObject({
      head_sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    });

    // Live findings are about resources: the SARIF anchors them at the workflow file so code scanning takes them.
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as Log;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(githubIngestionErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]?.automationDetails?.id).toBe('axiom/scan/');
    const logResult = sarif.runs[0]?.results?.find(
      (entry) => entry.ruleId === 'aws.logs.log-group-retention-unset',
    );
    expect(logResult?.locations?.[0]).toMatchObject({
      physicalLocation: {
        artifactLocation: { uri: '.github/workflows/axiom.yml' },
        region: { startLine: 1 },
      },
      logicalLocations: [expect.objectContaining({ kind: 'resource', name: '/aws/lambda/checkout' })],
    });
  });

  it('masks the OIDC token and the credentials, and writes them nowhere', async () => {
    const result = await scan('workflow_dispatch', workflowDispatch(), { 'role-to-assume': ROLE });
    for (const secret of [
      github.oidcToken,
      CREDENTIALS.secretAccessKey,
      CREDENTIALS.sessionToken,
      CREDENTIALS.accessKeyId,
    ])
      expect(result.stdout).toContain(`::add-mask::${secret}`);
    const files = writtenFiles(result.dir);
    expect(files.size).toBeGreaterThan(3);
    for (const [path, text] of [...files, ['summary', result.summary] as const])
      for (const secret of [github.oidcToken, CREDENTIALS.secretAccessKey, CREDENTIALS.sessionToken])
        expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
    // Nothing is exported to the environment or the outputs for later steps.
    expect(result.stdout).not.toMatch(/AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)/);
    expect(Object.values(result.outputs).join('\n')).not.toContain(CREDENTIALS.accessKeyId);
  });

  it('retries a transient OIDC failure (InvalidIdentityToken while AWS fetches GitHub keys) and gets through', async () => {
    let calls = 0;
    aws.on('STS', 'AssumeRoleWithWebIdentity', () => {
      calls += 1;
      if (calls === 1)
        return queryError(
          'InvalidIdentityToken',
          "Couldn't retrieve verification key from your identity provider",
          400,
        );
      return stsWebIdentityResponse(CREDENTIALS);
    });
    const result = await scan(
      'push',
      pushToBranch(),
      { 'role-to-assume': ROLE },
      oidcEnv(),
      'Codertocat/Hello-World',
    );
    expect(calls).toBe(2);
    expect(result.exitCode).toBeUndefined();
    // One jittered wait, under the first attempt's 1 s cap; injected, so the test does not wait it.
    expect(result.sleeps).toHaveLength(1);
    expect(result.sleeps[0]).toBeLessThan(1000);
    expect(result.stdout).toMatch(/Attempt 1 to assume .* failed, retrying in \d+ ms/);
  });

  it('does not retry a trust policy that refuses the token, and fails with the diagnosis', async () => {
    aws.on('STS', 'AssumeRoleWithWebIdentity', () =>
      queryError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403),
    );
    const result = await scan(
      'push',
      pushToBranch(),
      { 'role-to-assume': ROLE },
      oidcEnv(),
      'Codertocat/Hello-World',
    );
    expect(aws.calls('STS', 'AssumeRoleWithWebIdentity')).toHaveLength(1);
    expect(result.exitCode).toBe(1);
    const failure = workflowCommands(result.stdout, 'error').at(-1)?.message ?? '';
    expect(failure).toContain(`Could not assume ${ROLE} with the OIDC web identity token`);
    expect(failure).toContain('sub');
    expect(result.outputs).toEqual({});
  });

  it("fails naming 'permissions: id-token: write' when the job may not request a token", async () => {
    const env = { AWS_ENDPOINT_URL: aws.url, AWS_MAX_ATTEMPTS: '1' };
    const result = await scan(
      'push',
      pushToBranch(),
      { 'role-to-assume': ROLE },
      env,
      'Codertocat/Hello-World',
    );
    expect(result.exitCode).toBe(1);
    const failure = workflowCommands(result.stdout, 'error').at(-1)?.message ?? '';
    expect(failure).toContain('permissions: id-token: write');
    expect(failure).toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
    expect(aws.requests).toHaveLength(0);
  });

  it("on a fork's pull request: skips the live scan with a notice and still runs the policy analysis", async () => {
    const fork = await startFakeGithub({ owner: PULL_REQUEST.owner, repo: PULL_REQUEST.repo });
    try {
      servePolicyChange(fork);
      // A fork's token is read-only: the comment is refused.
      fork.failures.set('POST /comments', { status: 403, message: 'Resource not accessible by integration' });
      const result = await runActionOnce({
        event: 'pull_request',
        payload: pullRequestFromFork(),
        repository: `${PULL_REQUEST.owner}/${PULL_REQUEST.repo}`,
        apiUrl: fork.url,
        token: 'ghs_readOnlyForkToken00000000000000',
        inputs: { 'role-to-assume': ROLE, 'fail-on': 'none' },
        // No ACTIONS_ID_TOKEN_REQUEST_URL: GitHub gives forks no OIDC token.
        env: { AWS_ENDPOINT_URL: aws.url },
      });
      expect(result.exitCode).toBeUndefined();
      const notices = workflowCommands(result.stdout, 'notice').map((notice) => notice.message);
      expect(notices.some((notice) => notice.startsWith('Live scan skipped: pull requests from forks'))).toBe(
        true,
      );
      expect(notices.some((notice) => notice.includes('forks get a read-only token'))).toBe(true);
      expect(aws.requests).toHaveLength(0);
      expect(fork.calls('GET /files').length).toBeGreaterThan(0);
      expect(Number(result.outputs['new-access'])).toBeGreaterThan(0);
    } finally {
      await fork.close();
    }
  });

  it('shard 2/2 of four targets scans the last two accounts, from the hub role, under its own SARIF category', async () => {
    const accounts = ['111111111111', '222222222222', '333333333333', '444444444444'];
    aws.on('STS', 'AssumeRole', (request) =>
      stsAssumeRoleResponse({
        accessKeyId: `ASIATARGET${String(request.params.RoleArn).slice(13, 23)}`,
        arn: `arn:aws:sts::${String(request.params.RoleArn).slice(13, 25)}:assumed-role/axiom-readonly/axiom-4242-1`,
      }),
    );
    const targets = JSON.stringify(
      accounts.map((account, index) => ({
        arn: `arn:aws:iam::${account}:role/axiom-readonly`,
        name: `team-${index + 1}`,
        ...(index === 3 ? { external_id: 'axm-Team4SharedSecret-0001' } : {}),
      })),
    );
    const result = await scan('schedule', scheduleEvent(), {
      'role-to-assume': 'arn:aws:iam::999999999999:role/axiom-hub',
      targets,
      shard: '2/2',
    });
    expect(result.exitCode).toBeUndefined();
    // The hub by OIDC, then each target of this shard from the hub's session.
    expect(aws.calls('STS', 'AssumeRoleWithWebIdentity').map((request) => request.params.RoleArn)).toEqual([
      'arn:aws:iam::999999999999:role/axiom-hub',
    ]);
    const assumed = aws.calls('STS', 'AssumeRole');
    expect(assumed.map((request) => request.params.RoleArn).sort()).toEqual([
      'arn:aws:iam::333333333333:role/axiom-readonly',
      'arn:aws:iam::444444444444:role/axiom-readonly',
    ]);
    expect(
      assumed.every((request) =>
        request.headers.authorization?.includes(`Credential=${CREDENTIALS.accessKeyId}/`),
      ),
    ).toBe(true);
    expect(
      assumed.find((request) => String(request.params.RoleArn).includes('4444'))?.params.ExternalId,
    ).toBe('axm-Team4SharedSecret-0001');
    expect(result.stdout).toContain('::add-mask::axm-Team4SharedSecret-0001');
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as JsonReport;
    expect(report.targets.map((target) => target.accountId)).toEqual(['333333333333', '444444444444']);
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as Log;
    expect(sarif.runs[0]?.automationDetails?.id).toBe('axiom/scan/shard-2-of-2/');
    expect(github.checkRuns[0]?.created.name).toBe('Axiom (shard 2/2)');
  });

  it('an unreachable target among others is a coverage gap and a warning, not a failure', async () => {
    aws.on('STS', 'AssumeRoleWithWebIdentity', (request) =>
      String(formField(request, 'RoleArn')).includes('222222222222')
        ? queryError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403)
        : stsWebIdentityResponse(CREDENTIALS),
    );
    const targets = ['111111111111', '222222222222']
      .map((account) => `arn:aws:iam::${account}:role/axiom-readonly`)
      .join(',');
    const result = await scan('schedule', scheduleEvent(), { targets, 'fail-on': 'none' });
    expect(result.exitCode).toBeUndefined();
    expect(
      workflowCommands(result.stdout, 'warning').some((warning) =>
        warning.message.includes('could not reach 1 of 2'),
      ),
    ).toBe(true);
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as JsonReport;
    expect(report.coverage.some((gap) => gap.account === '222222222222' && gap.status === 'error')).toBe(
      true,
    );
    expect(result.summary).toContain('Coverage incomplete');
  });

  it('mode scan without a role or targets fails with what to set', async () => {
    const result = await scan('schedule', scheduleEvent(), {});
    expect(result.exitCode).toBe(1);
    expect(workflowCommands(result.stdout, 'error').at(-1)?.message).toContain(
      'neither role-to-assume nor targets is set',
    );
  });

  it('rejects bad inputs all at once, each naming its input', async () => {
    const result = await scan('schedule', scheduleEvent(), {
      'role-to-assume': 'arn:aws:iam::1234:role/x',
      'fail-on': 'hihg',
      shard: '3/2',
      regions: 'us-east-1a',
    });
    expect(result.exitCode).toBe(1);
    const failure = workflowCommands(result.stdout, 'error').at(-1)?.message ?? '';
    for (const input of ['role-to-assume:', 'fail-on:', 'shard:', 'regions:'])
      expect(failure).toContain(input);
    expect(github.requests).toHaveLength(0);
  });
});
