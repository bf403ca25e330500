import { describe, expect, it } from 'vitest';
import { diffAgainstBaseline } from '../../../core/findings/baseline.ts';
import type { Finding } from '../../../core/findings/finding.ts';

const finding = (fingerprint: string): Finding => ({
  ruleId: 'r',
  title: fingerprint,
  severity: 'low',
  category: 'hygiene',
  message: '',
  remediation: '',
  evidence: {},
  fingerprint,
});

describe('diffAgainstBaseline', () => {
  it('splits findings into new and existing, and lists the fixed fingerprints in baseline order', () => {
    const diff = diffAgainstBaseline([finding('a'), finding('c'), finding('d')], ['e', 'a', 'b', 'c']);
    expect(diff.new.map((f) => f.fingerprint)).toEqual(['d']);
    expect(diff.existing.map((f) => f.fingerprint)).toEqual(['a', 'c']);
    expect(diff.fixed).toEqual(['e', 'b']);
  });

  it('treats everything as new against an empty baseline, and everything as fixed with no findings', () => {
    expect(diffAgainstBaseline([finding('a')], []).new).toHaveLength(1);
    expect(diffAgainstBaseline([], new Set(['a', 'b'])).fixed).toEqual(['a', 'b']);
  });

  it('keeps two findings with one fingerprint together', () => {
    const diff = diffAgainstBaseline([finding('a'), finding('a')], ['a']);
    expect(diff.existing).toHaveLength(2);
    expect(diff.fixed).toEqual([]);
  });
});
