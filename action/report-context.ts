/**
 * The report's frame: the tool, the rule text every renderer can describe rules with (SARIF's rule metadata
 * and help), the SARIF category, the comment marker and the check name of this job (each per shard).
 */
import { ALL_POLICY_CHECKS, ALL_RULES, type RuleDescription } from '../core/index.ts';
import type { ActionMode } from './inputs.ts';
import { type Shard, shardLabel } from './shard.ts';

/** The Action's home, for SARIF's informationUri. */
export const ACTION_HOME = 'https://github.com/axiom/scan-action';

/** Rule text for every live rule and policy check, by id. */
export function ruleDescriptions(): Record<string, RuleDescription> {
  const rules: Record<string, RuleDescription> = {};
  for (const rule of ALL_RULES)
    rules[rule.id] = { title: rule.title, description: rule.rationale, remediation: rule.remediation };
  for (const check of ALL_POLICY_CHECKS)
    rules[check.id] = { title: check.title, description: check.docs, remediation: check.remediation };
  return rules;
}

/**
 * The SARIF category: what the job analyses and its shard, e.g. 'axiom/scan/shard-2-of-4/'. Code scanning keeps
 * one set of alerts per category, so each must be stable from run to run and distinct between jobs.
 */
export function sarifCategory(mode: ActionMode, shard: Shard | undefined): string {
  return `axiom/${mode}/${shard ? `${shardLabel(shard)}/` : ''}`;
}

/** The hidden marker of this job's sticky comment (one comment per shard). */
export function commentMarker(shard: Shard | undefined): string {
  return `<!-- axiom:scan-action${shard ? ` ${shardLabel(shard)}` : ''} -->`;
}

/** The check run's name: 'Axiom', with the shard when there are several. */
export function checkName(shard: Shard | undefined): string {
  return shard && shard.count > 1 ? `Axiom (shard ${shard.index}/${shard.count})` : 'Axiom';
}
