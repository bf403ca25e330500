import { expect, it } from 'vitest';
import type { Severity } from '../../core/findings/finding.ts';
import { analyzePolicyFile } from '../../core/policy/analyze.ts';
import { loadIamCatalog } from '../../core/policy/catalog/iam-catalog.ts';
import type { PolicyCheck } from '../../core/policy/checks/policy-check.ts';

/** What a case expects one finding of the check under test to be. */
export interface ExpectedProblem {
  /** 1-based line the finding must point at. */
  line: number;
  /** 1-based column, when the case pins it. */
  column?: number;
  /** Severity, when the case pins it (e.g. lowered by a condition). */
  severity?: Severity;
  /** A substring the message must contain. */
  message?: string;
}

/** One table row: a file and the findings the check must report for it ([] means: must not fire). */
export interface PolicyCheckCase {
  name: string;
  /** File name decides the format: .json, .yaml/.yml (CloudFormation), .tf (Terraform). */
  path?: string;
  text: string;
  expected: ExpectedProblem[];
}

/** Bare policy JSON with a statement list, pretty-printed so lines are predictable (Statement[0] starts on line 4). */
export function policyJson(statements: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2012-10-17', ...extra, Statement: statements }, null, 2);
}

/**
 * The one harness for policy checks: runs the whole pipeline (extract, then only `check`) on each case and
 * compares lines (and columns, severities, messages where given) in source order.
 */
export function testPolicyCheck(check: PolicyCheck, cases: readonly PolicyCheckCase[]): void {
  const catalog = loadIamCatalog();
  for (const testCase of cases) {
    it(`${check.id}: ${testCase.name}`, () => {
      const { findings } = analyzePolicyFile(
        { path: testCase.path ?? 'policy.json', text: testCase.text },
        { catalog, checks: [check] },
      );
      const own = findings
        .filter((finding) => finding.ruleId === check.id)
        .sort(
          (a, b) =>
            (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
            (a.location?.column ?? 0) - (b.location?.column ?? 0),
        );
      expect(
        own.map((finding) => finding.location?.line),
        JSON.stringify(own.map((f) => f.message)),
      ).toEqual(testCase.expected.map((expected) => expected.line));
      testCase.expected.forEach((expected, index) => {
        const finding = own[index];
        if (expected.column !== undefined) expect(finding?.location?.column).toBe(expected.column);
        if (expected.severity !== undefined) expect(finding?.severity).toBe(expected.severity);
        if (expected.message !== undefined) expect(finding?.message).toContain(expected.message);
      });
    });
  }
}
