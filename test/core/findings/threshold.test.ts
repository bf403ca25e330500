import { describe, expect, it } from 'vitest';
import { AxiomError } from '../../../core/errors.ts';
import type { Finding, Severity } from '../../../core/findings/finding.ts';
import { summarizeFindings } from '../../../core/findings/summary.ts';
import { exceedsThreshold, parseSeverity, SEVERITY_THRESHOLDS } from '../../../core/findings/threshold.ts';

function finding(severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: `rule.${severity}`,
    title: severity,
    severity,
    category: 'security',
    message: '',
    remediation: '',
    evidence: {},
    fingerprint: severity,
    ...extra,
  };
}

describe('parseSeverity', () => {
  it.each([
    ['critical', 'critical'],
    ['HIGH', 'high'],
    [' Medium ', 'medium'],
    ['low', 'low'],
    ['info', 'info'],
    ['none', 'none'],
    ['NONE', 'none'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseSeverity(text)).toBe(expected);
  });

  it.each(['', 'hihg', 'warning', 'error', 'all'])('refuses %j, listing the valid values', (text) => {
    let thrown: unknown;
    try {
      parseSeverity(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AxiomError);
    const error = thrown as AxiomError;
    expect(error.code).toBe('invalid_severity');
    expect(error.message).toContain(`'${text}'`);
    for (const value of SEVERITY_THRESHOLDS) expect(error.message).toContain(value);
  });
});

describe('exceedsThreshold', () => {
  const findings = [finding('medium'), finding('low')];

  it.each([
    ['critical', false],
    ['high', false],
    ['medium', true],
    ['low', true],
    ['info', true],
    ['none', false],
  ] as const)('with findings at medium and low, fail-on %s -> %s', (failOn, expected) => {
    expect(exceedsThreshold(findings, failOn)).toBe(expected);
  });

  it('never counts suppressed findings', () => {
    const suppressed = finding('critical', { suppressed: { reason: 'accepted' } });
    expect(exceedsThreshold([suppressed], 'info')).toBe(false);
    expect(exceedsThreshold([suppressed, finding('info')], 'info')).toBe(true);
  });

  it('passes with no findings', () => {
    expect(exceedsThreshold([], 'info')).toBe(false);
  });
});

describe('summarizeFindings', () => {
  it('counts active findings by severity and category, suppressed apart, and sums savings in cents', () => {
    const summary = summarizeFindings([
      finding('critical'),
      finding('high', { category: 'cost', estimatedMonthlySavingsUsd: 0.1 }),
      finding('high', { category: 'cost', estimatedMonthlySavingsUsd: 0.2 }),
      finding('low', { category: 'hygiene' }),
      finding('medium', { category: 'cost', estimatedMonthlySavingsUsd: 500, suppressed: { reason: 'ok' } }),
    ]);
    expect(summary).toEqual({
      bySeverity: { critical: 1, high: 2, medium: 0, low: 1, info: 0 },
      byCategory: { security: 1, correctness: 0, hygiene: 1, cost: 2 },
      total: 5,
      active: 4,
      suppressed: 1,
      estimatedMonthlySavingsUsd: 0.3,
    });
  });

  it('ignores savings that are not positive finite numbers', () => {
    const summary = summarizeFindings([
      finding('low', { estimatedMonthlySavingsUsd: Number.NaN }),
      finding('low', { estimatedMonthlySavingsUsd: -5 }),
      finding('low', { estimatedMonthlySavingsUsd: Number.POSITIVE_INFINITY }),
    ]);
    expect(summary.estimatedMonthlySavingsUsd).toBe(0);
  });
});
