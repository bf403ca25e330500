import { describe, expect, it } from 'vitest';
import { diffAgainstBaseline } from '../../../core/findings/baseline.ts';
import { renderJson } from '../../../core/report/json.ts';
import { readBaselineFingerprints } from '../../../core/report/read-baseline.ts';
import { renderSarif } from '../../../core/report/sarif.ts';
import { hostile, passRoleStar, SAMPLE_CONTEXT, SAMPLE_FINDINGS } from './sample-findings.ts';

describe('readBaselineFingerprints', () => {
  const expected = [...new Set(SAMPLE_FINDINGS.map((finding) => finding.fingerprint))].sort();

  it('reads the fingerprints of a JSON report', () => {
    const result = readBaselineFingerprints(JSON.parse(renderJson(SAMPLE_FINDINGS, SAMPLE_CONTEXT)));
    expect(result.ok && result.format).toBe('json-report');
    expect(result.ok && [...result.fingerprints].sort()).toEqual(expected);
  });

  it('reads the fingerprints of a SARIF log', () => {
    const result = readBaselineFingerprints(JSON.parse(renderSarif(SAMPLE_FINDINGS, SAMPLE_CONTEXT)));
    expect(result.ok && result.format).toBe('sarif');
    expect(result.ok && [...result.fingerprints].sort()).toEqual(expected);
  });

  it('feeds a baseline diff: one finding fixed, one new', () => {
    const baseline = readBaselineFingerprints(JSON.parse(renderJson(SAMPLE_FINDINGS, SAMPLE_CONTEXT)));
    if (!baseline.ok) throw new Error(baseline.message);
    const now = [
      ...SAMPLE_FINDINGS.filter((finding) => finding !== hostile),
      { ...passRoleStar, fingerprint: 'new' },
    ];
    const diff = diffAgainstBaseline(now, baseline.fingerprints);
    expect(diff.fixed).toEqual([hostile.fingerprint]);
    expect(diff.new.map((finding) => finding.fingerprint)).toEqual(['new']);
  });

  it.each([
    null,
    [],
    'text',
    { schemaVersion: 2, findings: [] },
    { version: '2.0.0', runs: [] },
    { findings: [{}] },
  ])('refuses %j', (value) => {
    const result = readBaselineFingerprints(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('neither an Axiom JSON report');
  });
});
