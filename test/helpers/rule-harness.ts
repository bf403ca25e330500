import { expect, it } from 'vitest';
import type { Finding, Severity } from '../../core/findings/finding.ts';
import { loadIamCatalog } from '../../core/policy/catalog/iam-catalog.ts';
import { evaluateRules } from '../../core/rules/evaluate.ts';
import type { Rule } from '../../core/rules/rule.ts';
import {
  type AccountInventory,
  type CoverageEntry,
  type Inventory,
  type RegionInventory,
  SCAN_SERVICES,
} from '../../core/scan/inventory.ts';

/** The account and region every case uses unless it says otherwise. */
export const TEST_ACCOUNT = '123456789012';
export const TEST_REGION = 'us-east-1';
/** The clock every case uses unless it says otherwise. */
export const TEST_NOW = new Date('2026-11-25T12:00:00Z');

/** Coverage saying every service was read in every scope: the default, so cases only state what failed. */
function fullCoverage(regions: readonly string[]): CoverageEntry[] {
  return ['global', ...regions].flatMap((region) =>
    SCAN_SERVICES.map((service) => ({
      accountId: TEST_ACCOUNT,
      region,
      service,
      operation: '*',
      status: 'ok' as const,
    })),
  );
}

/**
 * Builds a one-account inventory from the parts a case cares about. Coverage is 'ok' for every service in every
 * scope, plus the entries a case gives (a 'denied' entry makes the rule not evaluated there).
 */
export function inventoryFor(parts: {
  account?: Partial<Omit<AccountInventory, 'regional'>>;
  /** The region slot of TEST_REGION. */
  region?: RegionInventory;
  /** Other regions, by name. */
  regional?: Record<string, RegionInventory>;
  coverage?: CoverageEntry[];
}): Inventory {
  const regional = { ...(parts.region ? { [TEST_REGION]: parts.region } : {}), ...(parts.regional ?? {}) };
  const account: AccountInventory = {
    accountId: TEST_ACCOUNT,
    partition: 'aws',
    regions: Object.keys(regional).length > 0 ? Object.keys(regional) : [TEST_REGION],
    ...parts.account,
    regional,
  };
  const coverage = [...(parts.coverage ?? []), ...fullCoverage(account.regions)];
  return {
    schemaVersion: 1,
    tool: { name: 'axiom', version: 'test' },
    startedAt: TEST_NOW.toISOString(),
    finishedAt: TEST_NOW.toISOString(),
    accounts: [account],
    coverage,
    stats: { durationMs: 0, apiCalls: { total: 0, byOperation: {} } },
  };
}

/** What a case expects of one finding of the rule under test. */
export interface ExpectedHit {
  /** The resource id the finding names. */
  resourceId: string;
  severity?: Severity;
  /** A substring of the message. */
  message?: string;
  /** The estimated monthly saving, to the cent. */
  savings?: number;
}

/** One table row: an inventory and the findings the rule must report for it ([] means: must not fire). */
export interface RuleCase {
  name: string;
  inventory: Inventory;
  now?: Date;
  expected: ExpectedHit[];
  /** When set, the rule must be reported not evaluated in this region ('global' for global rules). */
  notEvaluatedIn?: string;
}

/** The one harness for live-scan rules: evaluates only `rule` over each case's inventory. */
export function testRule(rule: Rule, cases: readonly RuleCase[]): void {
  const catalog = loadIamCatalog();
  for (const testCase of cases) {
    it(`${rule.id}: ${testCase.name}`, () => {
      const result = evaluateRules(testCase.inventory, [rule], { now: testCase.now ?? TEST_NOW, catalog });
      const own: Finding[] = result.findings
        .filter((finding) => finding.ruleId === rule.id)
        .sort((a, b) => (a.resource?.id ?? '').localeCompare(b.resource?.id ?? ''));
      const expected = [...testCase.expected].sort((a, b) => a.resourceId.localeCompare(b.resourceId));
      expect(
        own.map((finding) => finding.resource?.id),
        JSON.stringify(own.map((f) => f.message)),
      ).toEqual(expected.map((hit) => hit.resourceId));
      expected.forEach((hit, index) => {
        const finding = own[index];
        expect(finding?.category).toBe(rule.category);
        expect(finding?.remediation.length).toBeGreaterThan(0);
        if (hit.severity !== undefined) expect(finding?.severity).toBe(hit.severity);
        if (hit.message !== undefined) expect(finding?.message).toContain(hit.message);
        if (hit.savings !== undefined)
          expect(finding?.estimatedMonthlySavingsUsd).toBeCloseTo(hit.savings, 2);
      });
      if (testCase.notEvaluatedIn !== undefined)
        expect(result.notEvaluated.map((entry) => entry.region)).toContain(testCase.notEvaluatedIn);
    });
  }
}
