/** The publishers' pure parts, and the sticky comment's race with another run against the fake GitHub. */
import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGithubApi, GithubApiError } from '../../action/github-api.ts';
import type { ActionReport } from '../../action/publish/action-report.ts';
import {
  annotatableFindings,
  batches,
  checkAnnotation,
  workflowAnnotations,
} from '../../action/publish/annotations.ts';
import { checkTitle, newAccessText } from '../../action/publish/check-run.ts';
import { publishingNotice } from '../../action/publish/permission-notice.ts';
import { anchorResourceResults } from '../../action/publish/sarif-file.ts';
import { publishStickyComment } from '../../action/publish/sticky-comment.ts';
import type { RunContext } from '../../action/run-context.ts';
import type { Finding } from '../../core/index.ts';
import { type FakeGithub, startFakeGithub } from './harness/fake-github.ts';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'iam.policy.passrole-star',
    title: 'iam:PassRole on every role (iam/ci.json Deploy)',
    severity: 'high',
    category: 'security',
    message: 'iam:PassRole on "*" lets the holder hand any role to a service.',
    remediation: 'Name the roles in Resource.',
    evidence: {},
    fingerprint: 'fp-1',
    location: { file: 'iam/ci.json', line: 13, column: 18, endLine: 13, endColumn: 32 },
    ...overrides,
  };
}

const RUN: RunContext = {
  eventName: 'pull_request',
  owner: 'acme',
  repo: 'infra',
  sha: 'a'.repeat(40),
  pullRequest: { number: 7, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), fromFork: false },
  workspace: '/tmp',
  apiUrl: 'http://127.0.0.1',
  serverUrl: 'https://github.com',
  runId: '99',
  oidcAvailable: false,
  aws: {},
};

function report(findings: Finding[], overrides: Partial<ActionReport> = {}): ActionReport {
  return {
    findings,
    context: { tool: { name: 'Axiom', version: '0.1.0' } },
    failOn: 'high',
    newAccess: [],
    annotatable: new Set(['iam/ci.json']),
    sarifCategory: 'axiom/policy/',
    commentMarker: '<!-- axiom:scan-action -->',
    checkName: 'Axiom',
    ...overrides,
  };
}

describe('annotations', () => {
  it('columns only on a single line, as the Checks API requires; levels by severity', () => {
    expect(checkAnnotation(finding())).toMatchObject({
      path: 'iam/ci.json',
      start_line: 13,
      end_line: 13,
      start_column: 18,
      end_column: 32,
      annotation_level: 'failure',
      title: '[high] iam:PassRole on every role (iam/ci.json Deploy) (iam.policy.passrole-star)',
    });
    const multiLine = checkAnnotation(
      finding({
        severity: 'medium',
        location: { file: 'a.tf', line: 3, column: 5, endLine: 9, endColumn: 2 },
      }),
    );
    expect(multiLine).toMatchObject({ start_line: 3, end_line: 9, annotation_level: 'warning' });
    expect(multiLine).not.toHaveProperty('start_column');
    expect(checkAnnotation(finding({ severity: 'low' })).annotation_level).toBe('notice');
    expect(checkAnnotation(finding({ title: 'x'.repeat(400) })).title).toHaveLength(255);
  });

  it('only unsuppressed findings with a location in a changed file', () => {
    const kept = finding();
    const findings = [
      kept,
      finding({ suppressed: { reason: 'accepted' } }),
      finding({ location: { file: 'unchanged.json', line: 1, column: 1, endLine: 1, endColumn: 1 } }),
      (({ location: _, ...rest }) => rest)(finding()),
    ];
    expect(annotatableFindings(findings, new Set(['iam/ci.json']))).toEqual([kept]);
  });

  it('batches of 50: 120 annotations in 3 requests', () => {
    expect(
      batches(
        Array.from({ length: 120 }, (_, index) => index),
        50,
      ).map((batch) => batch.length),
    ).toEqual([50, 50, 20]);
    expect(batches([], 50)).toEqual([]);
  });

  it('workflow commands: the 10 worst errors and 10 worst warnings, info left to the report', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, index) =>
        finding({ severity: index < 3 ? 'critical' : 'high', fingerprint: `e${index}` }),
      ),
      ...Array.from({ length: 15 }, (_, index) =>
        finding({ severity: index < 5 ? 'medium' : 'low', fingerprint: `w${index}` }),
      ),
      finding({ severity: 'info' }),
    ];
    const { annotations, left } = workflowAnnotations(findings);
    expect(annotations.filter((annotation) => annotation.level === 'error')).toHaveLength(10);
    expect(annotations.filter((annotation) => annotation.level === 'warning')).toHaveLength(10);
    expect(left).toBe(7);
    expect(annotations[0]?.properties).toMatchObject({
      file: 'iam/ci.json',
      startLine: 13,
      startColumn: 18,
      endColumn: 32,
    });
  });
});

describe('check run text', () => {
  it('titles by fail-on', () => {
    expect(checkTitle(report([finding()]))).toBe('1 finding at or above high');
    expect(checkTitle(report([finding({ severity: 'low' })]))).toBe('No findings at or above high (1 below)');
    expect(checkTitle(report([]))).toBe('No findings');
    expect(checkTitle(report([finding(), finding({ fingerprint: 'x' })], { failOn: 'none' }))).toBe(
      '2 findings',
    );
  });

  it('lists new access within the limit, then says how many more', () => {
    const grant = {
      file: 'iam/ci.json',
      policyKind: 'identity',
      statement: { index: 1, sid: 'Deploy', range: { line: 10, column: 5, endLine: 15, endColumn: 6 } },
      element: {
        name: 'Action',
        text: 'iam:PassRole',
        range: { line: 13, column: 18, endLine: 13, endColumn: 32 },
      },
      location: { file: 'iam/ci.json', line: 13, column: 18, endLine: 13, endColumn: 32 },
      actions: ['iam:PassRole'],
      byLevel: [{ level: 'Write', actions: ['iam:PassRole'] }],
      resources: ['*'],
      principals: [],
      conditions: [],
      otherConditions: [],
      direction: 'granted',
      reason: 'new-action',
    } as unknown as ActionReport['newAccess'][number];
    const text = newAccessText(
      Array.from({ length: 2_000 }, () => grant),
      10_000,
    );
    expect(text.length).toBeLessThanOrEqual(10_000);
    expect(text).toContain('- `iam/ci.json:13` Deploy (new-action): Write 1: iam:PassRole on *');
    expect(text).toMatch(/… and \d+ more: see the job summary or the SARIF file\.$/);
    expect(newAccessText([])).toBe('');
  });
});

describe('SARIF anchoring', () => {
  it('gives resource-only results a file location at line 1 and keeps their resource', () => {
    const log: Log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Axiom' } },
          results: [
            {
              message: { text: 'a' },
              locations: [{ logicalLocations: [{ name: 'bucket', kind: 'resource' }] }],
            },
            { message: { text: 'b' } },
            {
              message: { text: 'c' },
              locations: [
                { physicalLocation: { artifactLocation: { uri: 'iam/ci.json' }, region: { startLine: 4 } } },
              ],
            },
          ],
        },
      ],
    };
    const [first, second, third] = anchorResourceResults(log, '.github/workflows/scan.yml').runs[0]!.results!;
    const anchor = {
      artifactLocation: { uri: '.github/workflows/scan.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1 },
    };
    expect(first?.locations).toEqual([
      { physicalLocation: anchor, logicalLocations: [{ name: 'bucket', kind: 'resource' }] },
    ]);
    expect(second?.locations).toEqual([{ physicalLocation: anchor }]);
    expect(third?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('iam/ci.json');
  });
});

describe('permission notices', () => {
  it('name the permission for a 403, and explain forks', () => {
    const refused = new GithubApiError(
      403,
      'POST /repos/o/r/check-runs',
      'Resource not accessible by integration',
    );
    expect(publishingNotice('create the check run', 'checks: write', refused, { fromFork: false })).toBe(
      "Axiom could not create the check run: the GitHub token lacks `checks: write` (Resource not accessible by integration). Add `checks: write` to the job's `permissions:` block.",
    );
    expect(
      publishingNotice('comment on the pull request', 'pull-requests: write', refused, { fromFork: true }),
    ).toContain('Pull requests from forks get a read-only token');
    expect(
      publishingNotice('x', 'checks: write', new GithubApiError(500, 'GET /x', 'boom'), {
        fromFork: false,
        fallback: 'Then y.',
      }),
    ).toBe('Axiom could not x: The GitHub API refused GET /x (HTTP 500: boom). Then y.');
  });
});

describe('sticky comment', () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await startFakeGithub({ owner: 'acme', repo: 'infra' });
  });
  afterEach(async () => {
    await github.close();
  });

  it('when another run posts its comment at the same time, one comment is left, with this report', async () => {
    const marker = '<!-- axiom:scan-action -->';
    github.beforeAnswer = (request) => {
      // The other run's comment lands between this run's look and its post.
      if (request.route === 'POST /comments' && github.comments.length === 0)
        github.comments.push({
          id: 1,
          body: `${marker}\nolder report`,
          user: { login: 'github-actions[bot]', type: 'Bot' },
        });
    };
    const api = createGithubApi({ apiUrl: github.url, token: 't', userAgent: 'test' });
    const result = await publishStickyComment(api, { ...RUN, apiUrl: github.url }, report([finding()]));
    expect(result).toMatchObject({ action: 'updated', id: 1 });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('iam.policy.passrole-star');
    expect(github.calls('DELETE /comments/:id')).toHaveLength(1);
  });

  it('removes duplicates left by an earlier race', async () => {
    const marker = '<!-- axiom:scan-action shard-1-of-2 -->';
    for (const id of [5, 9])
      github.comments.push({
        id,
        body: `${marker}\nold`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
      });
    // Another shard's comment is not this job's.
    github.comments.push({
      id: 12,
      body: '<!-- axiom:scan-action shard-2-of-2 -->\nother',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    const api = createGithubApi({ apiUrl: github.url, token: 't', userAgent: 'test' });
    await publishStickyComment(api, RUN, report([], { commentMarker: marker }));
    expect(github.comments.map((comment) => comment.id)).toEqual([5, 12]);
    expect(github.comments[0]?.body).toContain('no findings');
  });
});
