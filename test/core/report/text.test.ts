import { describe, expect, it } from 'vitest';
import { renderText } from '../../../core/report/text.ts';
import {
  hostile,
  idleVolume,
  passRoleStar,
  publicBucket,
  SAMPLE_CONTEXT,
  SAMPLE_FINDINGS,
} from './sample-findings.ts';

describe('renderText', () => {
  const text = renderText(SAMPLE_FINDINGS, SAMPLE_CONTEXT);
  const lines = text.split('\n');

  it('has no colour unless asked, and no control characters from the findings', () => {
    expect(text).not.toContain('\u001b');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('starts with the tool and the target', () => {
    expect(lines[0]).toBe('Axiom 0.1.0 · AWS account 111122223333 (prod)');
  });

  it('groups active findings by severity, worst first', () => {
    const headings = lines.filter((line) => /^[A-Z ]+ \(\d+\)/.test(line));
    expect(headings).toEqual([
      'CRITICAL (1)',
      'HIGH (1)',
      'MEDIUM (1)',
      'LOW (1)',
      'INFO (1)',
      'SUPPRESSED (2)',
      'COVERAGE GAPS (2): these parts were not checked',
    ]);
  });

  it('gives each finding its rule, title, place, message, saving and fix', () => {
    const start = lines.indexOf(`  ${passRoleStar.ruleId}  ${passRoleStar.title}`);
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 4)).toEqual([
      '    at infra/iam/deploy.json:12:7',
      `    ${passRoleStar.message}`,
      `    Fix: ${passRoleStar.remediation}`,
    ]);
    expect(text).toContain(`    at ${publicBucket.resource!.arn}\n`);
    expect(text).toContain('    at AWS::EC2::Volume vol-0abc (account 111122223333, us-east-1)\n');
    const volume = lines.indexOf(`  ${idleVolume.ruleId}  ${idleVolume.title}`);
    expect(lines[volume + 3]).toBe('    Estimated saving: $50.00/month');
  });

  it('keeps a multi-line message readable and neutralises escape sequences', () => {
    expect(text).toContain('@acme/admins *bold* _it_\n    second line\uFFFD[31m\n');
    expect(text).toContain(`  ${hostile.ruleId}  Action \`s3:GetObjct\` is <b>unknown</b> | typo?`);
  });

  it('lists suppressed findings with reason and expiry, and coverage gaps with their status', () => {
    expect(text).toContain(
      '  iam.policy.resource-star  infra/legacy/role.json:4:5  (legacy stack, tracked in JIRA-123; until 2027-01-31)',
    );
    expect(text).toContain('  iam.policy.missing-condition  infra/ci.tf:30:3  (sandbox account only)');
    expect(text).toContain(
      '  denied  111122223333 eu-west-1 s3:GetBucketPolicy  AccessDenied: explicit deny in a service control policy',
    );
    expect(text).toContain('  skipped ce:GetCostAndUsage  Cost Explorer is not enabled');
  });

  it('ends with a summary of counts, suppressions, gaps and savings (suppressed savings left out)', () => {
    expect(lines.at(-2)).toBe(
      'Summary: 5 findings (1 critical, 1 high, 1 medium, 1 low, 1 info) · 2 suppressed · 2 coverage gaps · estimated savings $1,284.56/month',
    );
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says so when there is nothing', () => {
    expect(renderText([], { tool: { name: 'Axiom', version: '0.1.0' } })).toBe(
      'Axiom 0.1.0\n\nSummary: No findings\n',
    );
  });

  it('can leave suppressed findings out', () => {
    expect(renderText(SAMPLE_FINDINGS, SAMPLE_CONTEXT, { showSuppressed: false })).not.toContain(
      'SUPPRESSED',
    );
  });

  it('colours severities with ANSI escapes when asked', () => {
    const coloured = renderText([passRoleStar, idleVolume], SAMPLE_CONTEXT, { color: true });
    expect(coloured).toContain('\u001b[1;31mCRITICAL (1)\u001b[0m');
    expect(coloured).toContain('\u001b[33mMEDIUM (1)\u001b[0m');
    expect(coloured).toContain(`\u001b[1;31m${passRoleStar.ruleId}\u001b[0m`);
  });
});
