import { describe, expect, it } from 'vitest';
import { AxiomError } from '../../../core/errors.ts';
import type { Finding, SourceLocation } from '../../../core/findings/finding.ts';
import {
  GITHUB_COMMENT_MAX_LENGTH,
  JOB_SUMMARY_MAX_LENGTH,
  renderMarkdown,
} from '../../../core/report/markdown.ts';
import {
  hostile,
  idleDatabase,
  idleVolume,
  manyFindings,
  passRoleStar,
  publicBucket,
  SAMPLE_CONTEXT,
  SAMPLE_FINDINGS,
  suppressedByFile,
} from './sample-findings.ts';

const link = (location: SourceLocation) =>
  `https://github.com/acme/infra/blob/abc123/${location.file}#L${location.line}-L${location.endLine}`;
const FULL_REPORT = 'https://github.com/acme/infra/actions/runs/42';

/** Cells of a table row, splitting on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.slice(1, -1).split(/(?<!\\)\|/);
}

/**
 * Structural checks a broken or cut report fails: balanced, un-nested `<details>` and `<summary>`, every table
 * row whole (starts and ends with a pipe) with as many cells as its header, no raw HTML from findings.
 */
function expectWellFormed(markdown: string): void {
  let open = 0;
  for (const match of markdown.matchAll(/<(\/?)details\b[^>]*>/g)) {
    open += match[1] ? -1 : 1;
    expect(open === 0 || open === 1).toBe(true);
  }
  expect(open).toBe(0);
  expect(markdown.match(/<summary>/g)?.length ?? 0).toBe(markdown.match(/<\/summary>/g)?.length ?? 0);
  let header: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    expect(line.endsWith(' |')).toBe(true);
    const count = cells(line).length;
    header ??= count;
    expect(count).toBe(header);
  }
  expect(markdown).not.toMatch(/<script|<b>unknown/);
  expect(markdown.endsWith('\n')).toBe(true);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(SAMPLE_FINDINGS, SAMPLE_CONTEXT, {
    failOn: 'high',
    linkForLocation: link,
    fullReportUrl: FULL_REPORT,
  });

  it('is well-formed', () => {
    expectWellFormed(markdown);
  });

  it('opens with the verdict against the threshold, the run and the counts table', () => {
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('### ❌ Axiom: 2 findings at or above high (coverage incomplete)');
    expect(markdown).toContain('<sub>Axiom 0.1.0 · AWS account 111122223333 \\(prod\\)</sub>');
    expect(markdown).toContain('| 🔴 Critical | 🟠 High | 🟡 Medium | 🔵 Low | ⚪ Info | Suppressed |');
    expect(markdown).toContain('| 1 | 1 | 1 | 1 | 1 | 2 |');
    expect(markdown).toContain('By category: Security 2 · Correctness 1 · Cost 2');
    expect(markdown).toContain('**Estimated savings:** $1,284.56/month');
    expect(markdown).toContain('⚠️ **Coverage incomplete:** 2 reads could not be made (1 denied, 1 skipped)');
    expect(markdown).toContain('1,234 resources · 345 API calls · 90.0 s');
  });

  it.each([
    ['nothing', [], undefined, '### ✅ Axiom: no findings'],
    ['a low, no threshold', [idleDatabase], undefined, '### ⚠️ Axiom: 1 finding'],
    [
      'low and medium, fail-on high',
      [idleDatabase, idleVolume],
      'high',
      '### ✅ Axiom: no findings at or above high (2 below)',
    ],
    [
      'low and high, fail-on high',
      [idleDatabase, publicBucket],
      'high',
      '### ❌ Axiom: 1 finding at or above high',
    ],
    ['a high, fail-on none', [publicBucket], 'none', '### ⚠️ Axiom: 1 finding'],
    ['only suppressed, fail-on info', [suppressedByFile], 'info', '### ✅ Axiom: no findings'],
  ] as const)('verdict for %s', (_name, findings, failOn, verdict) => {
    const text = renderMarkdown(
      findings,
      { tool: { name: 'Axiom', version: '1' } },
      failOn ? { failOn } : {},
    );
    expect(text.split('\n')[0]).toBe(verdict);
    expectWellFormed(text);
  });

  it('groups findings by severity in collapsible sections, critical and high open', () => {
    const summaries = [...markdown.matchAll(/<details( open)?>\n<summary><b>(.*?)<\/b><\/summary>/g)].map(
      (match) => [match[2], Boolean(match[1])],
    );
    expect(summaries).toEqual([
      ['🔴 Critical (1)', true],
      ['🟠 High (1)', true],
      ['🟡 Medium (1)', false],
      ['🔵 Low (1)', false],
      ['⚪ Info (1)', false],
      ['Coverage gaps (2)', false],
      ['Suppressed findings (2)', false],
    ]);
  });

  it('writes each finding with its rule, a link to its lines, the problem and the remediation', () => {
    const row = markdown.split('\n').find((line) => line.includes(passRoleStar.ruleId))!;
    expect(cells(row).map((cell) => cell.trim())).toEqual([
      '`iam.policy.passrole-star`',
      '[infra/iam/deploy.json:12](https://github.com/acme/infra/blob/abc123/infra/iam/deploy.json#L12-L18)',
      `**Statement 'Deploy' allows iam:PassRole on every role**<br>iam:PassRole is allowed on Resource "\\*", so the holder can hand any role, admin included, to a service.`,
      passRoleStar.remediation,
    ]);
    const volume = markdown.split('\n').find((line) => line.includes(idleVolume.ruleId))!;
    expect(volume).toContain('`AWS::EC2::Volume vol-0abc (account 111122223333, us-east-1)`');
    expect(volume).toContain('Estimated saving: $50.00/month');
  });

  it('writes file:line without a link when no link function is given', () => {
    const plain = renderMarkdown([passRoleStar], SAMPLE_CONTEXT);
    expect(plain).toContain('| infra/iam/deploy.json:12 |');
    expect(plain).not.toContain('](');
  });

  it('never links a URL that is not http(s)', () => {
    const text = renderMarkdown([passRoleStar], SAMPLE_CONTEXT, {
      linkForLocation: () => 'javascript:alert(1)',
    });
    expect(text).not.toContain('javascript:');
  });

  it('escapes Markdown and HTML in everything that comes from files and resources', () => {
    const row = markdown.split('\n').find((line) => line.includes(hostile.ruleId))!;
    const [, where, finding, remediation] = cells(row).map((cell) => cell.trim());
    expect(where).toBe(
      '[policies/we\\|ird &lt;name&gt;.json:3](https://github.com/acme/infra/blob/abc123/policies/we%7Cird%20%3Cname%3E.json#L3-L3)',
    );
    expect(finding).toContain('**Action \\`s3:GetObjct\\` is &lt;b&gt;unknown&lt;/b&gt; \\| typo?**');
    expect(finding).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(finding).toContain('&lt;script&gt;');
    expect(finding).toContain('@&#8203;acme/admins'); // no notification for a team
    expect(finding).toContain('\\*bold\\* \\_it\\_<br>second line');
    expect(finding).not.toContain('\u001b');
    expect(remediation).toBe('Did you mean s3:GetObject? \\| fix it');
  });

  it('lists coverage gaps and suppressed findings with their reasons', () => {
    expect(markdown).toContain(
      '| denied | 111122223333 | eu-west-1 | `s3:GetBucketPolicy` | AccessDenied: explicit deny in a service control policy |',
    );
    expect(markdown).toContain('| skipped |  |  | `ce:GetCostAndUsage` | Cost Explorer is not enabled |');
    expect(markdown).toContain(
      '| `iam.policy.resource-star` | [infra/legacy/role.json:4](https://github.com/acme/infra/blob/abc123/infra/legacy/role.json#L4-L9) | legacy stack, tracked in JIRA-123 | 2027-01-31 |',
    );
  });

  it('does not mention omitted findings when everything fits', () => {
    expect(markdown).not.toContain('more finding');
  });
});

describe('renderMarkdown with maxLength', () => {
  const big = manyFindings(3000);
  const options = { failOn: 'high' as const, linkForLocation: link, fullReportUrl: FULL_REPORT };

  it('fits a comment, well-formed, keeping the worst findings and pointing to the full report', () => {
    const full = renderMarkdown(big, SAMPLE_CONTEXT, options);
    expect(byteLength(full)).toBeGreaterThan(GITHUB_COMMENT_MAX_LENGTH);

    const text = renderMarkdown(big, SAMPLE_CONTEXT, { ...options, maxLength: GITHUB_COMMENT_MAX_LENGTH });
    expect(byteLength(text)).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_LENGTH);
    expect(byteLength(text)).toBeGreaterThan(GITHUB_COMMENT_MAX_LENGTH * 0.9); // it drops no more than it must
    expectWellFormed(text);

    const shown = text.split('\n').filter((line) => line.startsWith('| `iam.policy.sample-')).length;
    expect(shown).toBeGreaterThan(0);
    const omitted = 3000 - shown;
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      `**${omitted} more findings and 2 more coverage gaps:** see the full report [${FULL_REPORT}](${FULL_REPORT}).`,
    );
    // Lower severities go first: here only criticals fit, and the section says how many of them are shown.
    expect(shown).toBeLessThan(600);
    expect([...text.matchAll(/<summary><b>(.*?)<\/b><\/summary>/g)].map((match) => match[1])).toEqual([
      `🔴 Critical (${shown} of 600 shown)`,
    ]);
    // The head always stays: the verdict and the counts of everything.
    expect(text.split('\n')[0]).toBe('### ❌ Axiom: 1200 findings at or above high (coverage incomplete)');
    expect(text).toContain('| 600 | 600 | 600 | 600 | 600 | 0 |');
  });

  it('at any limit, keeps whole sections in order of importance; only the last shown may be partial', () => {
    const findings = [...manyFindings(100), { ...suppressedByFile }];
    const order = [
      '🔴 Critical',
      '🟠 High',
      '🟡 Medium',
      '🔵 Low',
      '⚪ Info',
      'Coverage gaps',
      'Suppressed findings',
    ];
    const full = byteLength(renderMarkdown(findings, SAMPLE_CONTEXT, options));
    for (let limit = 2_000; limit < full; limit += 1_537) {
      const text = renderMarkdown(findings, SAMPLE_CONTEXT, { ...options, maxLength: limit });
      expect(byteLength(text)).toBeLessThanOrEqual(limit);
      expectWellFormed(text);
      const sections = [...text.matchAll(/<summary><b>(.*?) \((.*?)\)<\/b><\/summary>/g)].map((match) => [
        match[1]!,
        match[2]!,
      ]);
      expect(sections.map(([name]) => name)).toEqual(order.slice(0, sections.length));
      for (const [, count] of sections.slice(0, -1)) expect(count).not.toContain('shown');
    }
  });

  it('drops suppressed findings and coverage gaps before any active finding', () => {
    const findings = [...manyFindings(40), { ...suppressedByFile }];
    const full = renderMarkdown(findings, SAMPLE_CONTEXT, options);
    const text = renderMarkdown(findings, SAMPLE_CONTEXT, { ...options, maxLength: byteLength(full) - 10 });
    expectWellFormed(text);
    expect(text).not.toContain('Suppressed findings (');
    expect(text).toContain('⚪ Info (8)');
    expect(text).toContain('**1 more finding:** see the full report');
  });

  it('counts omitted coverage gaps apart from findings', () => {
    const context = {
      ...SAMPLE_CONTEXT,
      coverage: Array.from({ length: 50 }, (_, index) => ({
        service: 's3',
        operation: `Get${index}`,
        status: 'denied' as const,
        detail: 'AccessDenied '.repeat(10),
      })),
    };
    const findings = [...manyFindings(5), { ...suppressedByFile }];
    const full = renderMarkdown(findings, context, options);
    const text = renderMarkdown(findings, context, { ...options, maxLength: byteLength(full) - 2000 });
    expectWellFormed(text);
    expect(text).toMatch(/\*\*1 more finding and \d+ more coverage gaps:\*\* see the full report/);
    expect(text).toContain('⚪ Info (1)');
  });

  it('fits a job summary and keeps everything that fits', () => {
    const text = renderMarkdown(manyFindings(6000), SAMPLE_CONTEXT, {
      ...options,
      maxLength: JOB_SUMMARY_MAX_LENGTH,
    });
    expect(byteLength(text)).toBeLessThanOrEqual(JOB_SUMMARY_MAX_LENGTH);
    expectWellFormed(text);
    expect(text).toMatch(/\*\*\d+ more findings and 2 more coverage gaps:\*\*/);
  });

  it('measures bytes, so multi-byte text cannot overflow a byte limit', () => {
    const wide: Finding[] = manyFindings(300).map((finding) => ({
      ...finding,
      message: '漢字🙂'.repeat(40),
    }));
    const limit = 20_000;
    const text = renderMarkdown(wide, SAMPLE_CONTEXT, { maxLength: limit });
    expect(byteLength(text)).toBeLessThanOrEqual(limit);
    expectWellFormed(text);
    expect(text).toContain('see the full report (the JSON or SARIF output of this run).');
  });

  it('falls back to the verdict alone, then refuses a limit too small for even that', () => {
    const verdictOnly = renderMarkdown(big, SAMPLE_CONTEXT, { ...options, maxLength: 300 });
    expect(byteLength(verdictOnly)).toBeLessThanOrEqual(300);
    expect(verdictOnly).toBe(
      `### ❌ Axiom: 1200 findings at or above high (coverage incomplete)\n\n**3000 more findings and 2 more coverage gaps:** see the full report [${FULL_REPORT}](${FULL_REPORT}).\n`,
    );
    expect(() => renderMarkdown(big, SAMPLE_CONTEXT, { ...options, maxLength: 50 })).toThrow(AxiomError);
  });
});
