import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { analyzePermissions } from './support/permission-analysis.ts';
import { findEscalations } from './support/permission-escalation.ts';
import { contextSeverity, worstSeverity } from './support/permission-severity.ts';
import { describeCondition, literalValues } from './support/statement.ts';

function list(values: readonly string[]): string {
  return `[${values.map((value) => `"${value}"`).join(', ')}]`;
}

/**
 * An Allow with NotAction or NotResource grants everything except what it lists, including what AWS adds later:
 * almost always more than its author meant. Deny statements use them safely and are never reported. NotAction on
 * every resource is high (medium on named resources); NotResource is medium; a narrowing condition lowers one
 * level. A NotAction that opens privilege-escalation paths names them and takes their severity when worse. A
 * NotAction statement that amounts to full administrator access is left to the full-admin check.
 */
export const allowNotAction = {
  id: 'iam.policy.allow-not-action',
  title: 'Allow with NotAction or NotResource',
  category: 'security',
  defaultSeverity: 'high',
  docs: 'An Allow with NotAction grants every action not listed (of every service, present and future); with NotResource, every resource not listed. Safe in a Deny, rarely what was meant in an Allow.',
  remediation:
    'Rewrite the statement as an Allow of the actions (Action) and resources (Resource) it should grant; to carve out exceptions, add a separate Deny statement.',
  appliesTo: ['identity', 'resource'],
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    const analysis = analyzePermissions(document, catalog);
    const contexts = analysis.statements;
    for (let i = 0; i < contexts.length; i++) {
      const context = contexts[i]!;
      if (context.admin) continue;
      const { statement } = context;
      const conditions = context.conditions.map(describeCondition);
      const constrained = conditions.length > 0;
      if (statement.notAction) {
        const excluded = literalValues(statement.notAction);
        const onEvery = context.everyResource !== undefined;
        const escalation = findEscalations(analysis).find((entry) => entry.grant.statement === statement);
        const paths = escalation?.paths.map((found) => found.path.key) ?? [];
        const opens =
          paths.length > 0
            ? `; that includes privilege escalation through ${[...new Set(paths)].join(', ')}`
            : '';
        problems.push({
          message: `Allow with NotAction ${list(excluded)} grants every other action of every service, including ones AWS adds later${onEvery ? ` on ${context.everyResource!.phrase}` : ''}${opens}`,
          range: statement.notAction.keyRange,
          statement,
          severity: worstSeverity(
            [contextSeverity('high', { constrained, scoped: !onEvery })].concat(
              escalation?.paths.map((found) => found.severity) ?? [],
            ),
          ),
          evidence: {
            notAction: excluded,
            escalationPaths: escalation?.paths.map((found) => found.path.id) ?? [],
            conditions,
          },
          anchor: `NotAction ${excluded.join(',')}`,
        });
      }
      if (statement.notResource) {
        const excluded = literalValues(statement.notResource);
        problems.push({
          message: `Allow with NotResource ${list(excluded)} applies to every other resource, in every account the actions can reach`,
          range: statement.notResource.keyRange,
          statement,
          severity: contextSeverity('medium', { constrained }),
          evidence: { notResource: excluded, conditions },
          anchor: `NotResource ${excluded.join(',')}`,
        });
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
