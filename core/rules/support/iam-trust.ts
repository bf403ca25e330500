import type { IamCatalog } from '../../policy/catalog/iam-catalog.ts';
import { allowStatements, literalValues } from '../../policy/checks/support/statement.ts';
import type { PolicyDocument, PolicyStatement } from '../../policy/document.ts';
import type { IamInventory, IamRole } from '../../scan/inventory.ts';
import { policyDocumentOf, policyPath } from './iam-policy-documents.ts';
import { isServiceLinkedRole } from './iam-scope.ts';

/** A role with its trust policy parsed. */
export interface TrustedRole {
  /** The role as collected. */
  role: IamRole;
  /** The trust policy as the policy model (kind 'trust'). */
  document: PolicyDocument;
}

/**
 * The roles whose trust the customer controls (service-linked roles are AWS's and left out), each with its trust
 * policy parsed; a role whose trust policy is missing or unreadable is left out too (IAM requires one).
 */
export function trustedRoles(iam: IamInventory): TrustedRole[] {
  const roles: TrustedRole[] = [];
  for (const role of iam.roles ?? []) {
    if (isServiceLinkedRole(role)) continue;
    const document = policyDocumentOf(
      role.assumeRolePolicyDocument,
      'trust',
      policyPath('role', role.roleName, 'trust'),
    );
    if (document) roles.push({ role, document });
  }
  return roles;
}

/**
 * The Allow statements of a trust policy whose Action grants `action` (e.g. 'sts:AssumeRole'), wildcards
 * included (`sts:*`, `*`). Matching is the catalogue's, so it is IAM's case-insensitive glob.
 */
export function statementsGranting(
  document: PolicyDocument,
  catalog: IamCatalog,
  action: string,
): PolicyStatement[] {
  const info = catalog.action(action);
  if (!info) return [];
  return allowStatements(document).filter((statement) =>
    literalValues(statement.action).some((pattern) => catalog.actionPatternMatches(pattern, info)),
  );
}

/** The actions that let a principal assume a role, one per kind of caller. */
export const ASSUME_ROLE_ACTIONS: readonly string[] = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithWebIdentity',
  'sts:AssumeRoleWithSAML',
];
