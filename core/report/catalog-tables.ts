import { ALL_POLICY_CHECKS } from '../policy/checks/index.ts';
import { ALL_RULES } from '../rules/index.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Markdown table of every policy check (id, default severity, what it finds), for the README and docs. */
export function renderPolicyCheckTable(): string {
  const rows = ALL_POLICY_CHECKS.map(
    (check) => `| \`${check.id}\` | ${check.defaultSeverity} | ${cell(check.docs)} |`,
  );
  return ['| Check | Default severity | What it finds |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Markdown table of every live-scan rule (id, category, default severity, title), for the README and docs. */
export function renderRuleTable(): string {
  const rows = ALL_RULES.map(
    (rule) => `| \`${rule.id}\` | ${rule.category} | ${rule.severity} | ${cell(rule.title)} |`,
  );
  return ['| Rule | Category | Default severity | Finds |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
