import type { ActionExpansion } from '../catalog/action-expansion.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { Located, PolicyStatement } from '../document.ts';
import type { PolicyCheck, PolicyProblem } from './policy-check.ts';
import { expandedEntries } from './support/action-entries.ts';
import { effectOf, serviceName } from './support/correctness-statement.ts';
import { suggestActionName, suggestForUnknownService } from './support/correctness-suggest.ts';

/** Why the value names no action, and the nearest real one; undefined when it names at least one. */
function describeUnknown(
  catalog: IamCatalog,
  value: string,
  expansion: ActionExpansion,
): { reason: string; suggestion?: string } | undefined {
  if (expansion.resultType === 'exact' || expansion.resultType === 'wildcard') return undefined;
  const prefix = value.split(':')[0] ?? '';
  switch (expansion.resultType) {
    case 'invalid':
      return { reason: `"${value}" is not an action: ${expansion.reason.replace(/\.$/, '')}` };
    case 'unknown-service': {
      const reason = `No AWS service has the prefix "${prefix}", so "${value}" names no action`;
      const suggestion = suggestForUnknownService(catalog, value);
      return suggestion === undefined ? { reason } : { reason, suggestion };
    }
    case 'unknown-action': {
      const service = serviceName(catalog, prefix);
      if (/[*?]/.test(value)) return { reason: `"${value}" matches no ${service} action` };
      const suggestion = suggestActionName(catalog, prefix, value.slice(prefix.length + 1));
      const article = /^[AEIOU]/i.test(service) ? 'an' : 'a';
      if (suggestion === undefined)
        return {
          reason: `"${value}" is not ${article} ${service} action (it may be retired, or newer than Axiom's catalogue)`,
        };
      return { reason: `"${value}" is not ${article} ${service} action`, suggestion };
    }
  }
}

/** What a value that names nothing does, by where it is written; `serious` when it weakens a restriction. */
function consequence(
  statement: PolicyStatement,
  element: 'Action' | 'NotAction',
): { text: string; serious: boolean } {
  const effect = effectOf(statement);
  if (element === 'NotAction') {
    return effect === 'Allow'
      ? {
          text: 'The NotAction leaves nothing out, so the statement allows what it was meant to exclude.',
          serious: true,
        }
      : {
          text: 'The NotAction exempts nothing, so the Deny also applies to what it was meant to exempt.',
          serious: false,
        };
  }
  return effect === 'Deny'
    ? { text: 'This Deny does not deny it.', serious: true }
    : { text: 'The statement does not grant it.', serious: false };
}

/** The problem of one Action or NotAction entry whose expansion names no action, or undefined. */
function unknownProblem(
  catalog: IamCatalog,
  statement: PolicyStatement,
  element: 'Action' | 'NotAction',
  entry: Located<string>,
  expansion: ActionExpansion,
): PolicyProblem | undefined {
  const unknown = describeUnknown(catalog, entry.value, expansion);
  if (!unknown) return undefined;
  const { text, serious } = consequence(statement, element);
  const hint = unknown.suggestion === undefined ? '.' : `; did you mean "${unknown.suggestion}"?`;
  return {
    message: `${unknown.reason}${hint} ${text}`,
    range: entry.range,
    statement,
    ...(serious ? { severity: 'high' as const } : {}),
    evidence: {
      element,
      action: entry.value,
      ...(unknown.suggestion === undefined ? {} : { suggestion: unknown.suggestion }),
    },
    ...(unknown.suggestion === undefined
      ? {}
      : { remediation: `Replace "${entry.value}" with "${unknown.suggestion}".` }),
    anchor: `${element}:${entry.value}`,
  };
}

/** Action and NotAction values that name no action: a typo, an unknown service, a wildcard matching nothing. */
export const unknownAction = {
  id: 'iam.policy.unknown-action',
  title: 'Unknown service or action',
  category: 'correctness',
  defaultSeverity: 'medium',
  docs: 'Finds Action and NotAction values that name no AWS action (a misspelt action, an unknown service prefix, a wildcard that matches nothing), with the nearest real action; such a value silently grants, denies or excludes nothing.',
  remediation:
    'Correct the action name; the IAM Service Authorization Reference lists every action of each service.',
  evaluate(document, { catalog }) {
    const problems: PolicyProblem[] = [];
    // The shared expansion lists the entries that name no action (usually none); only those are described.
    const statements = document.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      for (let which = 0; which < 2; which++) {
        const element = which === 0 ? 'Action' : 'NotAction';
        const { entries, expansions, unknown } = expandedEntries(
          document,
          catalog,
          statement,
          which === 0 ? 'action' : 'notAction',
        );
        for (let u = 0; u < unknown.length; u++) {
          const index = unknown[u]!;
          const problem = unknownProblem(catalog, statement, element, entries[index]!, expansions[index]!);
          if (problem) problems.push(problem);
        }
      }
    }
    return problems;
  },
} satisfies PolicyCheck;
