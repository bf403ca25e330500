import { describe, expect, it } from 'vitest';
import { type AxiomConfig, parseAxiomConfig } from '../../../core/findings/axiom-config.ts';
import type { Finding } from '../../../core/findings/finding.ts';
import {
  applySuppressions,
  EXPIRED_RULE_ID,
  type InlineSuppression,
  MISSING_REASON_RULE_ID,
} from '../../../core/findings/suppressions.ts';
import { exceedsThreshold } from '../../../core/findings/threshold.ts';

const TODAY = new Date('2027-01-31T23:30:00Z');

function policyFinding(ruleId: string, file: string, line: number): Finding {
  return {
    ruleId,
    title: `${ruleId} at ${file}:${line}`,
    severity: 'high',
    category: 'security',
    message: 'm',
    remediation: 'r',
    evidence: {},
    fingerprint: `${ruleId}|${file}|${line}`,
    location: { file, line, column: 3, endLine: line + 2, endColumn: 4 },
  };
}

function liveFinding(ruleId: string, id: string, arn?: string): Finding {
  return {
    ruleId,
    title: `${ruleId} on ${id}`,
    severity: 'high',
    category: 'security',
    message: 'm',
    remediation: 'r',
    evidence: {},
    fingerprint: `${ruleId}|${id}`,
    resource: {
      accountId: '111122223333',
      region: 'eu-west-1',
      type: 'AWS::S3::Bucket',
      id,
      ...(arn ? { arn } : {}),
    },
  };
}

function config(yaml: string): AxiomConfig {
  const result = parseAxiomConfig(yaml);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.config;
}

const byRule = (findings: readonly Finding[], ruleId: string) =>
  findings.filter((finding) => finding.ruleId === ruleId);

describe('applySuppressions with the ignore file', () => {
  const findings = [
    policyFinding('iam.policy.resource-star', 'infra/legacy/role.json', 4),
    policyFinding('iam.policy.resource-star', 'infra/prod/role.json', 4),
    policyFinding('iam.policy.passrole-star', 'infra/legacy/role.json', 9),
    liveFinding('aws.s3.bucket-public-acl', 'logs-prod', 'arn:aws:s3:::logs-prod'),
    liveFinding('aws.s3.bucket-public-acl', 'data-prod', 'arn:aws:s3:::data-prod'),
    liveFinding('aws.s3.bucket-no-arn', 'logs-old'),
  ];

  it('suppresses by check and path glob, with the reason, expiry and source; others untouched', () => {
    const cfg = config(
      'ignore:\n  - check: iam.policy.resource-star\n    paths: ["infra/legacy/**"]\n    reason: legacy, JIRA-123\n    until: 2027-01-31\n',
    );
    const result = applySuppressions(findings, { config: cfg, today: TODAY });
    expect(result).toHaveLength(findings.length);
    expect(result[0]!.suppressed).toEqual({
      reason: 'legacy, JIRA-123',
      until: '2027-01-31',
      source: 'ignore-file',
    });
    expect(result.slice(1).every((finding) => finding.suppressed === undefined)).toBe(true);
    expect(findings[0]!.suppressed).toBeUndefined(); // input not changed
  });

  it('suppresses by check glob alone, everywhere', () => {
    const result = applySuppressions(findings, {
      config: config('ignore:\n  - check: iam.policy.*\n    reason: policies reviewed by hand\n'),
      today: TODAY,
    });
    expect(result.filter((finding) => finding.suppressed).map((finding) => finding.fingerprint)).toEqual([
      findings[0]!.fingerprint,
      findings[1]!.fingerprint,
      findings[2]!.fingerprint,
    ]);
  });

  it('suppresses live findings by resource ARN or id glob', () => {
    const result = applySuppressions(findings, {
      config: config(
        'ignore:\n  - check: aws.s3.*\n    resources: ["arn:aws:s3:::logs-*", "logs-old"]\n    reason: logs\n',
      ),
      today: TODAY,
    });
    expect(result.filter((finding) => finding.suppressed).map((finding) => finding.title)).toEqual([
      'aws.s3.bucket-public-acl on logs-prod',
      'aws.s3.bucket-no-arn on logs-old',
    ]);
  });

  it('does not let a path scope match a live finding, nor a resource scope a policy finding', () => {
    const result = applySuppressions(findings, {
      config: config(
        'ignore:\n  - check: "*"\n    paths: ["nothing/**"]\n    reason: x\n  - check: "*"\n    resources: ["nothing"]\n    reason: y\n',
      ),
      today: TODAY,
    });
    expect(result.some((finding) => finding.suppressed)).toBe(false);
  });

  it('keeps suppressing on its last day, and stops the day after with an expired finding', () => {
    const cfg = config(
      'ignore:\n  - check: iam.policy.resource-star\n    reason: legacy\n    until: 2027-01-31\n',
    );
    const onTheDay = applySuppressions(findings, { config: cfg, today: TODAY });
    expect(byRule(onTheDay, EXPIRED_RULE_ID)).toEqual([]);
    expect(byRule(onTheDay, 'iam.policy.resource-star').every((finding) => finding.suppressed)).toBe(true);

    const after = applySuppressions(findings, { config: cfg, today: new Date('2027-02-01T00:00:01Z') });
    expect(byRule(after, 'iam.policy.resource-star').some((finding) => finding.suppressed)).toBe(false);
    const [expired, ...rest] = byRule(after, EXPIRED_RULE_ID);
    expect(rest).toEqual([]);
    expect(expired).toMatchObject({
      severity: 'low',
      category: 'hygiene',
      title: 'Suppression of iam.policy.resource-star expired on 2027-01-31',
      location: { file: '.axiom.yml', line: 2 },
      evidence: { check: 'iam.policy.resource-star', until: '2027-01-31', matchedFindings: 2 },
    });
    expect(expired!.message).toContain('2 finding(s) it matched are reported again');
    expect(exceedsThreshold(after, 'high')).toBe(true);
  });

  it('does not suppress with an entry that gives no reason, and reports the entry', () => {
    const cfg = config(
      'ignore:\n  - check: iam.policy.resource-star\n  - check: aws.s3.*\n    reason: "  "\n',
    );
    const result = applySuppressions(findings, { config: cfg, today: TODAY });
    expect(result.some((finding) => finding.suppressed)).toBe(false);
    const missing = byRule(result, MISSING_REASON_RULE_ID);
    expect(missing.map((finding) => [finding.location?.line, finding.title])).toEqual([
      [2, 'Suppression of iam.policy.resource-star has no reason'],
      [3, 'Suppression of aws.s3.* has no reason'],
    ]);
    expect(new Set(missing.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  it('gives meta-findings fingerprints that do not depend on where the entry is in the file', () => {
    const one = config('ignore:\n  - check: a.b\n');
    const moved = config('# a comment\n\nignore:\n  - check: z.z\n    reason: other\n  - check: a.b\n');
    const fingerprintOf = (cfg: AxiomConfig) =>
      byRule(applySuppressions([], { config: cfg, today: TODAY }), MISSING_REASON_RULE_ID)[0]!.fingerprint;
    expect(fingerprintOf(moved)).toBe(fingerprintOf(one));
  });

  it('leaves findings that are already suppressed as they are', () => {
    const already: Finding = { ...findings[0]!, suppressed: { reason: 'earlier', source: 'inline-comment' } };
    const result = applySuppressions([already], {
      config: config('ignore:\n  - check: "*"\n    reason: later\n'),
      today: TODAY,
    });
    expect(result[0]!.suppressed?.reason).toBe('earlier');
  });
});

describe('applySuppressions with inline comments', () => {
  const file = 'infra/main.tf';
  const findings = [
    policyFinding('iam.policy.resource-star', file, 10),
    policyFinding('iam.policy.resource-star', file, 11),
    policyFinding('iam.policy.resource-star', file, 12),
    policyFinding('iam.policy.resource-star', file, 20),
    policyFinding('iam.policy.passrole-star', file, 11),
    policyFinding('iam.policy.resource-star', 'other.tf', 11),
  ];
  const suppressedLines = (result: readonly Finding[]) =>
    result
      .filter((finding) => finding.suppressed)
      .map((finding) => `${finding.ruleId}@${finding.location?.file}:${finding.location?.line}`);

  it('covers its own line and the next, for the named check in its file only', () => {
    const comment: InlineSuppression = {
      file,
      line: 10,
      checkId: 'iam.policy.resource-star',
      reason: 'needed for X',
    };
    const result = applySuppressions(findings, { inlineComments: [comment], today: TODAY });
    expect(suppressedLines(result)).toEqual([
      'iam.policy.resource-star@infra/main.tf:10',
      'iam.policy.resource-star@infra/main.tf:11',
    ]);
    expect(result[0]!.suppressed).toEqual({ reason: 'needed for X', source: 'inline-comment' });
  });

  it('covers the whole block that starts on the next line when given its range', () => {
    const comment: InlineSuppression = {
      file: './infra/main.tf',
      line: 10,
      checkId: 'iam.policy.*',
      reason: 'whole statement',
      range: { line: 11, endLine: 15 },
    };
    const result = applySuppressions(findings, { inlineComments: [comment], today: TODAY });
    expect(suppressedLines(result)).toEqual([
      'iam.policy.resource-star@infra/main.tf:10',
      'iam.policy.resource-star@infra/main.tf:11',
      'iam.policy.resource-star@infra/main.tf:12',
      'iam.policy.passrole-star@infra/main.tf:11',
    ]);
  });

  it('wins over the ignore file', () => {
    const comment: InlineSuppression = {
      file,
      line: 9,
      checkId: 'iam.policy.resource-star',
      reason: 'inline reason',
    };
    const result = applySuppressions(findings, {
      inlineComments: [comment],
      config: config('ignore:\n  - check: "*"\n    reason: file reason\n'),
      today: TODAY,
    });
    expect(result[0]!.suppressed).toEqual({ reason: 'inline reason', source: 'inline-comment' });
    expect(result[2]!.suppressed).toEqual({ reason: 'file reason', source: 'ignore-file' });
  });

  it('does not suppress without a reason, and reports each such comment at its line', () => {
    const comments: InlineSuppression[] = [
      { file, line: 9, checkId: 'iam.policy.resource-star', reason: '' },
      { file, line: 19, checkId: 'iam.policy.resource-star', reason: ' ' },
    ];
    const result = applySuppressions(findings, { inlineComments: comments, today: TODAY });
    expect(result.some((finding) => finding.suppressed)).toBe(false);
    const missing = byRule(result, MISSING_REASON_RULE_ID);
    expect(missing.map((finding) => finding.location)).toEqual([
      { file, line: 9, column: 1, endLine: 9, endColumn: 1 },
      { file, line: 19, column: 1, endLine: 19, endColumn: 1 },
    ]);
    expect(missing[0]!.remediation).toContain('# axiom:ignore iam.policy.resource-star');
    expect(missing[0]!.fingerprint).not.toBe(missing[1]!.fingerprint);
    // Location-independent: the same comments further down keep their fingerprints.
    const shifted = applySuppressions(findings, {
      inlineComments: comments.map((comment) => ({ ...comment, line: comment.line + 5 })),
      today: TODAY,
    });
    expect(byRule(shifted, MISSING_REASON_RULE_ID).map((finding) => finding.fingerprint)).toEqual(
      missing.map((finding) => finding.fingerprint),
    );
  });
});
