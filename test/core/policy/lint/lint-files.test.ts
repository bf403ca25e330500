// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform syntax under test.
import { describe, expect, it } from 'vitest';
import { type AxiomConfig, parseAxiomConfig } from '../../../../core/findings/axiom-config.ts';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import type { PolicyCheck } from '../../../../core/policy/checks/policy-check.ts';
import { type LintFile, type LintOptions, lintFiles } from '../../../../core/policy/lint/lint-files.ts';

const catalog = loadIamCatalog();
const TODAY = new Date('2026-03-01T12:00:00Z');

/** A check of this test's own, so the results do not move when the real checks change. */
const STAR_ACTION: PolicyCheck = {
  id: 'test.star-action',
  title: 'Action "*"',
  category: 'security',
  defaultSeverity: 'high',
  docs: 'Flags Action "*" entries.',
  remediation: 'Name the actions.',
  evaluate(document) {
    return document.statements.flatMap((statement) =>
      (statement.action?.entries ?? [])
        .filter((entry) => entry.value === '*')
        .map((entry) => ({
          message: 'Action "*"',
          range: entry.range,
          statement,
          evidence: {},
          anchor: '*',
        })),
    );
  },
};

function lint(files: LintFile[], extra: Partial<LintOptions> = {}) {
  return lintFiles({ files, catalog, checks: [STAR_ACTION], today: TODAY, ...extra });
}

function config(text: string): AxiomConfig {
  const parsed = parseAxiomConfig(text, '.axiom.yml');
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  return parsed.config;
}

function policy(statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

const ADMIN = policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
const READ = policy([
  { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
]);
const READ_WRITE = policy([
  { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' },
]);

const TERRAFORM = `# axiom:ignore test.star-action break-glass role, reviewed in SEC-12
resource "aws_iam_policy" "break_glass" {
  name = "break-glass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy" "ci" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
`;

const TEMPLATE = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: admin
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              # axiom:ignore test.star-action
              - Effect: Allow
                Action: '*'
                Resource: '*'
`;

const located = (result: ReturnType<typeof lint>) =>
  result.findings.map((finding) => [
    finding.ruleId,
    `${finding.location?.file}:${finding.location?.line}`,
    finding.suppressed?.reason ?? null,
  ]);

describe('lintFiles: checks every file and orders the findings', () => {
  it('runs the checks on every file, reports what cannot be parsed, and counts files and documents', () => {
    const result = lint([
      { path: 'b.json', text: ADMIN },
      { path: 'a.json', text: READ },
      { path: 'broken.json', text: '{"Version": "2012-10-17", "Statement": [' },
    ]);
    expect(located(result)).toEqual([
      ['test.star-action', 'b.json:6', null],
      ['iam.policy.cannot-parse', 'broken.json:1', null],
    ]);
    expect(result.stats).toEqual({ files: 3, policyDocuments: 2 });
    expect(result.summary).toMatchObject({ total: 2, active: 2, suppressed: 0 });
    expect(result.newAccess).toEqual([]);
    expect(result.notices).toEqual([]);
  });

  it('reports files it was told were not read, and binary files, as skipped with a notice', () => {
    const result = lint([{ path: 'blob.json', text: '{"a":\u0000}' }], {
      unreadFiles: [
        { path: 'huge.json', message: 'file skipped: 7.0 MB is over the 5 MB limit for policy files' },
      ],
    });
    expect(located(result)).toEqual([
      ['iam.policy.file-skipped', 'blob.json:1', null],
      ['iam.policy.file-skipped', 'huge.json:1', null],
    ]);
    expect(result.findings.every((finding) => finding.severity === 'info')).toBe(true);
    expect(result.notices).toEqual([
      { file: 'huge.json', message: 'file skipped: 7.0 MB is over the 5 MB limit for policy files' },
      { file: 'blob.json', message: 'file skipped: it is binary (holds NUL bytes)' },
    ]);
    expect(result.stats.files).toBe(1);
  });
});

describe('lintFiles: suppressions', () => {
  it('applies the ignore file by check and path glob, and reports entries without a reason or past their date', () => {
    const result = lint(
      [
        { path: 'legacy/admin.json', text: ADMIN },
        { path: 'app/admin.json', text: ADMIN },
      ],
      {
        config: config(`ignore:
  - check: test.*
    paths: [legacy/**]
    reason: legacy account, removed in Q3
  - check: test.star-action
    paths: [nowhere/**]
  - check: test.star-action
    paths: [old/**]
    reason: old
    until: 2025-12-31
`),
      },
    );
    expect(located(result)).toEqual([
      ['test.star-action', 'app/admin.json:6', null],
      ['test.star-action', 'legacy/admin.json:6', 'legacy account, removed in Q3'],
      ['axiom.suppression.missing-reason', '.axiom.yml:5', null],
      ['axiom.suppression.expired', '.axiom.yml:7', null],
    ]);
    expect(result.summary).toMatchObject({ active: 3, suppressed: 1 });
  });

  it('an axiom:ignore comment above a Terraform block covers the policy inside it, and only that block', () => {
    const result = lint([{ path: 'main.tf', text: TERRAFORM }]);
    expect(located(result)).toEqual([
      ['test.star-action', 'main.tf:6', 'break-glass role, reviewed in SEC-12'],
      ['test.star-action', 'main.tf:13', null],
    ]);
    expect(result.findings[0]?.suppressed?.source).toBe('inline-comment');
  });

  it('an axiom:ignore comment without a reason suppresses nothing and is reported', () => {
    const result = lint([{ path: 'template.yaml', text: TEMPLATE }]);
    expect(located(result)).toEqual([
      ['test.star-action', 'template.yaml:18', null],
      ['axiom.suppression.missing-reason', 'template.yaml:16', null],
    ]);
  });

  it('an axiom:ignore comment above a YAML statement covers the statement', () => {
    const text = TEMPLATE.replace(
      '# axiom:ignore test.star-action',
      '# axiom:ignore test.star-action admin role of the sandbox account',
    );
    const result = lint([{ path: 'template.yaml', text }]);
    expect(located(result)).toEqual([
      ['test.star-action', 'template.yaml:18', 'admin role of the sandbox account'],
    ]);
  });
});

describe('lintFiles: access changes against base versions', () => {
  it('reports the access a change grants, at the head line, with the findings of the file', () => {
    const result = lint([{ path: 'iam/app.json', text: READ_WRITE, baseText: READ }]);
    expect(located(result)).toEqual([['iam.diff.new-access', 'iam/app.json:9', null]]);
    expect(result.newAccess).toHaveLength(1);
    expect(result.newAccess[0]).toMatchObject({
      direction: 'granted',
      reason: 'new-action',
      actions: ['s3:PutObject'],
      byLevel: [{ level: 'Write', actions: ['s3:PutObject'] }],
      location: { file: 'iam/app.json', line: 9 },
    });
    expect(result.removedAccess).toEqual([]);
  });

  it('a file new since the base grants all its access; a deleted file only removes', () => {
    const result = lint([
      { path: 'new.json', text: READ, baseText: null },
      { path: 'gone.json', text: null, baseText: ADMIN },
    ]);
    expect(result.newAccess.map((change) => [change.reason, change.file])).toEqual([
      ['new-document', 'new.json'],
    ]);
    expect(result.removedAccess.map((change) => [change.reason, change.location])).toEqual([
      ['removed-document', { file: 'gone.json', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    ]);
    // The deleted file is not checked: it is not there any more.
    expect(result.findings.map((finding) => finding.ruleId).sort()).toEqual([
      'iam.diff.new-access',
      'iam.diff.removed-access',
    ]);
    expect(result.stats.files).toBe(1);
  });

  it('a renamed file is compared with its old content: an unchanged policy grants nothing new', () => {
    const result = lint([{ path: 'iam/renamed.json', text: READ, baseText: READ, basePath: 'old/app.json' }]);
    expect(result.findings).toEqual([]);
  });

  it('a base version that does not parse: no diff, and a notice that says why', () => {
    const result = lint([{ path: 'app.json', text: READ_WRITE, baseText: '{"Statement": [' }]);
    expect(result.findings).toEqual([]);
    expect(result.notices).toEqual([
      {
        file: 'app.json',
        message: expect.stringMatching(
          /^access changes not computed: the base version cannot be read \(line 1: /,
        ),
      },
    ]);
  });

  it('new access can be suppressed inline, with a reason, like any finding', () => {
    const base = `resource "aws_iam_policy" "ci" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
  })
}
`;
    const head = base
      .replace(
        'Statement = [',
        '# axiom:ignore iam.diff.new-access CI uploads artefacts, SEC-40\n    Statement = [',
      )
      .replace('["s3:GetObject"]', '["s3:GetObject", "s3:PutObject"]');
    const result = lint([{ path: 'ci.tf', text: head, baseText: base }]);
    expect(located(result)).toEqual([['iam.diff.new-access', 'ci.tf:5', 'CI uploads artefacts, SEC-40']]);
    expect(result.summary.active).toBe(0);
  });
});
