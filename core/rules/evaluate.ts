import type { Finding } from '../findings/finding.ts';
import { fingerprintFinding } from '../findings/fingerprint.ts';
import type { CoverageEntry, Inventory } from '../scan/inventory.ts';
import type { Rule, RuleContext, RuleHit, RuleScope } from './rule.ts';

/** A rule that could not run for a scope because an input it needs was denied, failed or skipped. */
export interface NotEvaluated {
  ruleId: string;
  accountId: string;
  /** Region, or 'global'. */
  region: string;
  /** Which input was missing and why, e.g. 'ec2:DescribeSecurityGroups denied (AccessDenied: ...)'. */
  reason: string;
}

/** The rules' output: findings, and the scopes where a rule could not be evaluated (never a silent pass). */
export interface RuleEvaluation {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
}

function missingInput(rule: Rule, coverage: readonly CoverageEntry[], accountId: string, region: string) {
  for (const input of rule.requires) {
    const inScope = coverage.filter(
      (entry) => entry.accountId === accountId && entry.region === region && entry.service === input.service,
    );
    const failed = inScope.find(
      (entry) => (entry.operation === input.operation || entry.operation === '*') && entry.status !== 'ok',
    );
    if (failed)
      return `${input.service}:${input.operation} ${failed.status}${failed.detail ? ` (${failed.detail})` : ''}`;
    // No entry at all: the service was not scanned here (filtered out, or an older snapshot), so nothing is known.
    if (inScope.length === 0) return `${input.service} was not scanned in ${region}`;
  }
  return undefined;
}

/** Builds the Finding for one hit: rule data, the resource in its account and region, a stable fingerprint. */
export function hitToFinding(rule: Rule, hit: RuleHit, accountId: string, region: string): Finding {
  const fingerprint = fingerprintFinding({
    ruleId: rule.id,
    resource: { accountId, region, type: hit.resource.type, id: hit.resource.id },
    ...(hit.discriminator === undefined ? {} : { detail: hit.discriminator }),
  });
  const finding: Finding = {
    ruleId: rule.id,
    title: `${rule.title}: ${hit.resource.id}`,
    severity: hit.severity ?? rule.severity,
    category: rule.category,
    message: hit.message,
    remediation: hit.remediation ?? rule.remediation,
    evidence: hit.evidence,
    fingerprint,
    resource: { accountId, region, ...hit.resource },
  };
  if (hit.estimatedMonthlySavingsUsd !== undefined)
    finding.estimatedMonthlySavingsUsd = Math.round(hit.estimatedMonthlySavingsUsd * 100) / 100;
  return finding;
}

/**
 * Runs every rule over every scope of the inventory: global rules once per account, regional rules once per
 * account and scanned region. A rule whose input was denied, failed or skipped in a scope is reported as not
 * evaluated there instead of passing silently.
 */
export function evaluateRules(
  inventory: Inventory,
  rules: readonly Rule[],
  context: RuleContext,
): RuleEvaluation {
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const account of inventory.accounts) {
    const scopes: { region: string; scope: RuleScope }[] = [
      { region: 'global', scope: { kind: 'global', account } },
    ];
    for (const region of account.regions)
      scopes.push({
        region,
        scope: { kind: 'regional', account, region, inventory: account.regional[region] ?? {} },
      });
    for (const { region, scope } of scopes) {
      for (const rule of rules) {
        if ((rule.scope === 'global') !== (scope.kind === 'global')) continue;
        const reason = missingInput(rule, inventory.coverage, account.accountId, region);
        if (reason) {
          notEvaluated.push({ ruleId: rule.id, accountId: account.accountId, region, reason });
          continue;
        }
        for (const hit of rule.evaluate(scope, context))
          findings.push(hitToFinding(rule, hit, account.accountId, region));
      }
    }
  }
  return { findings, notEvaluated };
}
