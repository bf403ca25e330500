import { describeCondition, isAllow, literalValues } from '../../policy/checks/support/statement.ts';
import type { PolicyDocument } from '../../policy/document.ts';
import { statementLabel } from './iam-policy-documents.ts';

/** A statement granting every action on every resource. */
export interface FullAdminStatement {
  /** `Statement "Sid"` or `Statement[0]`. */
  statement: string;
  /** The Action entry as written: '*' or '*:*'. */
  action: string;
  /** Its conditions as evidence (`Bool aws:MultiFactorAuthPresent = true`); empty when unconditional. */
  conditions: string[];
}

/** `*`, `**` (IAM reads both as every action) and the CIS notation `*:*`. */
function isEveryAction(value: string): boolean {
  return /^\*+$/.test(value) || value === '*:*';
}

/**
 * The statements of an identity policy that allow "Action": "*" on "Resource": "*", the `*:*` of CIS AWS
 * Foundations 1.16 and Security Hub IAM.1. Conditions do not exempt a statement (IAM.1 does not either); they are
 * returned for the evidence. NotAction forms are the policy checks' (iam.policy.full-admin).
 */
export function fullAdminStatements(document: PolicyDocument): FullAdminStatement[] {
  const found: FullAdminStatement[] = [];
  for (const statement of document.statements) {
    if (!isAllow(statement)) continue;
    const action = literalValues(statement.action).find(isEveryAction);
    if (action === undefined) continue;
    if (!literalValues(statement.resource).some((value) => /^\*+$/.test(value))) continue;
    found.push({
      statement: statementLabel(statement),
      action,
      conditions: (statement.condition?.entries ?? []).map(describeCondition),
    });
  }
  return found;
}
