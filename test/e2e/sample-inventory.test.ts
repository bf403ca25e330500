/**
 * The sample inventory shipped in examples/: the committed file is exactly what its generator writes, it is a
 * valid inventory, and it shows what Axiom finds in a realistic account: findings from most rules in every
 * service, two coverage gaps, and a rule not evaluated where its input was denied.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../core/policy/catalog/iam-catalog.ts';
import { evaluateRules } from '../../core/rules/evaluate.ts';
import { ALL_RULES } from '../../core/rules/index.ts';
import { parseInventory } from '../../core/scan/inventory-io.ts';
import {
  buildSampleInventory,
  renderSampleInventory,
  SAMPLE_INVENTORY_PATH,
} from '../../examples/generate-sample-inventory.ts';

describe('examples/sample-inventory.json', () => {
  const text = readFileSync(SAMPLE_INVENTORY_PATH, 'utf8');

  it('is what examples/generate-sample-inventory.ts writes (regenerate it after changing the script)', () => {
    expect(text).toBe(renderSampleInventory());
  });

  it('is a valid inventory: one account, three regions, every service including Cost Explorer', () => {
    const parsed = parseInventory(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [account] = parsed.inventory.accounts;
    expect(parsed.inventory.accounts).toHaveLength(1);
    expect(account?.regions).toEqual(['us-east-1', 'eu-west-1', 'us-west-2']);
    expect(account?.costs?.months.map((month) => month.start)).toEqual(['2026-09-01', '2026-10-01']);
    expect(parsed.inventory.stats.apiCalls.total).toBe(
      Object.values(parsed.inventory.stats.apiCalls.byOperation).reduce((sum, stats) => sum + stats.calls, 0),
    );
  });

  it('has findings from most rules, in every service, and only the planted gaps', () => {
    const inventory = buildSampleInventory();
    const evaluation = evaluateRules(inventory, ALL_RULES, {
      now: new Date(inventory.startedAt),
      catalog: loadIamCatalog(),
    });
    const fired = new Set(evaluation.findings.map((finding) => finding.ruleId));
    const services = new Set(ALL_RULES.filter((rule) => fired.has(rule.id)).map((rule) => rule.service));
    expect(services).toEqual(new Set(ALL_RULES.map((rule) => rule.service)));
    expect(fired.size).toBeGreaterThanOrEqual(35);
    expect(evaluation.findings.length).toBeGreaterThan(80);
    expect(inventory.coverage.filter((entry) => entry.status !== 'ok')).toEqual([
      expect.objectContaining({ region: 'eu-west-1', service: 'tagging', status: 'error' }),
      expect.objectContaining({ region: 'us-west-2', service: 'logs', status: 'denied' }),
    ]);
    expect(evaluation.notEvaluated.map(({ ruleId, region }) => [ruleId, region])).toEqual([
      ['aws.logs.log-group-retention-unset', 'us-west-2'],
    ]);
  });
});
