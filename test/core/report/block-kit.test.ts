import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/findings/finding.ts';
import { renderScanBlocks } from '../../../core/report/block-kit.ts';
import {
  codeSections,
  escapedWithin,
  escapeMrkdwn,
  linesWithin,
  truncate,
} from '../../../core/report/block-kit-text.ts';
import type { MessageBlock } from '../../../core/report/block-kit-types.ts';
import { SLACK_LIMITS } from '../../../core/report/block-kit-types.ts';
import type { CoverageGap, ReportContext } from '../../../core/report/context.ts';
import { expectWithinSlackLimits } from '../../bot/slack-limits.ts';
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

function texts(blocks: readonly MessageBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section')
      return [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text)];
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'context') return block.elements.map((element) => element.text);
    return [];
  });
}

describe('renderScanBlocks', () => {
  const message = renderScanBlocks(SAMPLE_FINDINGS, SAMPLE_CONTEXT, { title: 'prod' });
  const all = texts(message.blocks).join('\n');

  it('starts with a header naming the connection and a verdict naming the account and regions', () => {
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Axiom scan: prod', emoji: true },
    });
    expect(texts(message.blocks)[1]).toBe(
      '*5 findings* (2 suppressed) in AWS account 111122223333 (prod) · eu-west-1, us-east-1',
    );
  });

  it('counts every severity and category, suppressed findings left out', () => {
    const counts = message.blocks[2];
    expect(counts?.type).toBe('section');
    const fields = counts?.type === 'section' ? (counts.fields ?? []).map((field) => field.text) : [];
    expect(fields).toEqual([
      '🔴 *Critical*: 1',
      '🟠 *High*: 1',
      '🟡 *Medium*: 1',
      '🔵 *Low*: 1',
      '⚪ *Info*: 1',
      '*Security*: 2',
      '*Correctness*: 1',
      '*Hygiene*: 0',
      '*Cost*: 2',
    ]);
  });

  it('sums the estimated monthly savings of active findings only', () => {
    // 50 (volume) + 1,234.56 (database); the suppressed finding's 999 is not counted.
    expect(idleDatabase.estimatedMonthlySavingsUsd).toBe(1234.56);
    expect(all).toContain('*Estimated monthly savings: $1,284.56* from 2 findings');
  });

  it('lists the top findings worst first, each with its rule, place and fix', () => {
    const first = all.indexOf(passRoleStar.title);
    const second = all.indexOf(publicBucket.title);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(all).toContain('`iam.policy.passrole-star` · _infra/iam/deploy.json:12:7_');
    expect(all).toContain(`*Fix:* ${passRoleStar.remediation}`);
    expect(all).toContain('Estimated saving: *$50.00/month*');
    expect(all).not.toContain(suppressedByFile.title);
  });

  it('lists coverage gaps so an unread part is never taken for a pass', () => {
    expect(all).toContain('*Coverage gaps (2)*');
    expect(all).toContain(
      '• `s3:GetBucketPolicy` denied in 111122223333/eu-west-1: AccessDenied: explicit deny in a service control policy',
    );
    expect(all).toContain('• `ce:GetCostAndUsage` skipped: Cost Explorer is not enabled');
  });

  it('ends with the run’s counters', () => {
    expect(texts(message.blocks).at(-1)).toBe(
      'Axiom 0.1.0 · 1234 resources · 345 API calls · 90.0 s · finished 2026-11-25T10:01:30.000Z',
    );
  });

  it('has a one-sentence fallback text for notifications', () => {
    expect(message.text).toBe(
      'Axiom scan of prod: 5 findings (1 critical, 1 high), estimated savings $1,284.56/month.',
    );
  });

  it('escapes Slack’s control characters in everything that came from outside', () => {
    const one = renderScanBlocks(
      [hostile, { ...publicBucket, message: 'ping <!channel> & <https://evil|here>' }],
      SAMPLE_CONTEXT,
      {
        title: 'prod',
      },
    );
    const text = texts(one.blocks).join('\n');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('ping &lt;!channel&gt; &amp; &lt;https://evil|here&gt;');
    expect(text).not.toContain('<script>');
    expect(text).not.toMatch(/<(?!#)/);
  });

  it('says so when there is nothing to report', () => {
    const empty = renderScanBlocks([], { tool: { name: 'Axiom', version: '1' } }, { title: 'dev' });
    expect(texts(empty.blocks)[1]).toBe('*No findings.*');
    expect(empty.text).toBe('Axiom scan of dev: no findings.');
    expectWithinSlackLimits(empty.blocks);
  });

  it('shows at most maxFindings and counts the rest, pointing at the full report', () => {
    const many = renderScanBlocks(manyFindings(40), SAMPLE_CONTEXT, {
      title: 'prod',
      maxFindings: 5,
      fullReport: 'the attached file',
    });
    const text = texts(many.blocks).join('\n');
    expect(text).toContain('35 more findings in the attached file.');
    expect(text.match(/\*Fix:\*/g)).toHaveLength(5);
  });

  it('stays within 50 blocks and 3,000 characters per section for any input', () => {
    const gaps = (count: number): CoverageGap[] =>
      Array.from({ length: count }, (_, index) => ({
        account: '111122223333',
        region: `us-east-${(index % 2) + 1}`,
        service: 'ec2',
        operation: `Describe${index}`,
        status: 'denied' as const,
        detail: `AccessDenied ${'&<>'.repeat(50)} ${index}`,
      }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -5, max: 100 }),
        fc.string({ maxLength: 400 }),
        (findingCount, gapCount, maxFindings, noise) => {
          const findings: Finding[] = manyFindings(findingCount).map((finding, index) => ({
            ...finding,
            message: `${finding.message} ${noise.repeat(index % 5)}`.repeat(8),
            remediation: `${noise}${'<&>'.repeat(400)}`,
            title: `${noise}${finding.title}`.repeat(3),
          }));
          const context: ReportContext = { ...SAMPLE_CONTEXT, coverage: gaps(gapCount), notEvaluated: [] };
          const rendered = renderScanBlocks(findings, context, { title: noise || 'prod', maxFindings });
          expectWithinSlackLimits(rendered.blocks);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('Block Kit text helpers', () => {
  it('escapes &, < and >', () => {
    expect(escapeMrkdwn('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
  });

  it('truncates with an ellipsis, never inside a surrogate pair or an entity', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    const cut = escapedWithin('<<<<<<<<', 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toMatch(/^(&lt;)*…?$/);
  });

  it('keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 10 }, (_, index) => `line ${index}`);
    expect(linesWithin(lines, 1000, () => 'unused')).toBe(lines.join('\n'));
    const cut = linesWithin(lines, 30, (left) => `+${left} more`);
    expect(cut).toBe('line 0\nline 1\nline 2\n+7 more');
    expect(cut.length).toBeLessThanOrEqual(30);
  });

  it('splits long code into fenced sections that each fit', () => {
    const code = Array.from(
      { length: 400 },
      (_, index) => `"line ${index}": "<${'x'.repeat(index % 30)}>",`,
    ).join('\n');
    const sections = codeSections(code);
    expect(sections.length).toBeGreaterThan(1);
    for (const block of sections) {
      const text = block.text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(text.startsWith('```\n') && text.endsWith('\n```')).toBe(true);
    }
    const joined = sections.map((block) => (block.text?.text ?? '').slice(4, -4)).join('\n');
    expect(joined).toBe(escapeMrkdwn(code));
    expect(idleVolume.title).toBeTruthy();
  });
});
