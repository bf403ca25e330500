import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Finding, SEVERITIES } from '../../../core/findings/finding.ts';
import { compareFindings, sortFindings } from '../../../core/findings/sort.ts';

function finding(name: string, extra: Partial<Finding>): Finding {
  return {
    ruleId: 'rule.b',
    title: name,
    severity: 'medium',
    category: 'security',
    message: '',
    remediation: '',
    evidence: {},
    fingerprint: name,
    ...extra,
  };
}

const at = (file: string, line: number, column = 1) => ({
  file,
  line,
  column,
  endLine: line,
  endColumn: column + 1,
});
const resource = (accountId: string, region: string, id: string) => ({
  accountId,
  region,
  type: 'AWS::S3::Bucket',
  id,
});

describe('sortFindings', () => {
  it('orders by severity, then file/line/column, then resource, then rule id', () => {
    const expected = [
      finding('critical', { severity: 'critical', resource: resource('2', 'x', 'z') }),
      finding('a.tf:2', { location: at('a.tf', 2) }),
      finding('a.tf:10:1', { location: at('a.tf', 10, 1) }),
      finding('a.tf:10:5 rule.a', { location: at('a.tf', 10, 5), ruleId: 'rule.a' }),
      finding('a.tf:10:5 rule.b', { location: at('a.tf', 10, 5), ruleId: 'rule.b' }),
      finding('b.tf:1', { location: at('b.tf', 1) }),
      finding('acct 1 eu', { resource: resource('1', 'eu-west-1', 'b') }),
      finding('acct 1 us a', { resource: resource('1', 'us-east-1', 'a') }),
      finding('acct 1 us b', { resource: resource('1', 'us-east-1', 'b') }),
      finding('acct 2', { resource: resource('2', 'eu-west-1', 'a') }),
      finding('nowhere', {}),
      finding('info', { severity: 'info', location: at('a.tf', 1) }),
    ];
    const shuffled = [...expected].reverse();
    expect(sortFindings(shuffled).map((f) => f.title)).toEqual(expected.map((f) => f.title));
    expect(shuffled[0]!.title).toBe('info'); // the input is not sorted in place
  });

  it('gives one order whatever the input order (a total order)', () => {
    const arbitraryFinding = fc
      .record({
        severity: fc.constantFrom(...SEVERITIES),
        ruleId: fc.constantFrom('a', 'b'),
        fingerprint: fc.string({ maxLength: 3 }),
        file: fc.option(fc.constantFrom('a.tf', 'b.tf'), { nil: undefined }),
        line: fc.integer({ min: 1, max: 3 }),
        id: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      })
      .map(({ severity, ruleId, fingerprint, file, line, id }) =>
        finding(fingerprint, {
          severity,
          ruleId,
          ...(file ? { location: at(file, line) } : {}),
          ...(id ? { resource: resource('1', 'r', id) } : {}),
        }),
      );
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 12 }), fc.integer(), (findings, seed) => {
        const rotated = findings.map((_, index) => findings[(index + Math.abs(seed)) % findings.length]!);
        const key = (list: Finding[]) => list.map((f) => JSON.stringify(f));
        expect(key(sortFindings(rotated))).toEqual(key(sortFindings(findings)));
        const sorted = sortFindings(findings);
        for (let index = 1; index < sorted.length; index++)
          expect(compareFindings(sorted[index - 1]!, sorted[index]!)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
