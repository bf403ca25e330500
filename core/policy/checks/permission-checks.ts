import { allowNotAction } from './allow-not-action.ts';
import { credentialAccessStar } from './credential-access-star.ts';
import { dataAccessStar } from './data-access-star.ts';
import { fullAdmin } from './full-admin.ts';
import { passRoleStar } from './passrole-star.ts';
import { permissionsManagementStar } from './permissions-management-star.ts';
import type { PolicyCheck } from './policy-check.ts';
import { privilegeEscalation } from './privilege-escalation.ts';
import { resourcePublicAccess } from './resource-public-access.ts';
import { resourceServiceWithoutSource } from './resource-service-without-source.ts';
import { resourceStarScopable } from './resource-star-scopable.ts';
import { serviceWildcard } from './service-wildcard.ts';
import { trustCrossAccountExternalId } from './trust-cross-account-external-id.ts';
import { trustPublicPrincipal } from './trust-public-principal.ts';
import { trustWebIdentityUnscoped } from './trust-web-identity-unscoped.ts';
import { writeStarUnconstrained } from './write-star-unconstrained.ts';

/**
 * Checks for over-permission, privilege escalation and exposure in trust and resource policies ('security').
 *
 * One problem gives one finding: a full-administrator statement is reported by full-admin alone; an Action entry
 * that opens an escalation path by privilege-escalation alone (not also service-wildcard or passrole-star); a
 * statement on Resource "*" by exactly one rung of the ladder permissions-management-star > write-star-unconstrained
 * > resource-star-scopable, which leaves out actions the dedicated checks report (credential and data access,
 * iam:PassRole, escalation keys) and actions granted by service-wide wildcards; Principal "*" by the trust check in
 * trust policies and by the resource check in resource policies. Deny statements never raise findings; narrowing
 * conditions (support/statement.ts CONSTRAINING_CONDITION_KEYS) and guarding Deny statements lower severity.
 */
export const PERMISSION_CHECKS: readonly PolicyCheck[] = [
  fullAdmin,
  privilegeEscalation,
  serviceWildcard,
  permissionsManagementStar,
  writeStarUnconstrained,
  resourceStarScopable,
  passRoleStar,
  credentialAccessStar,
  dataAccessStar,
  allowNotAction,
  trustPublicPrincipal,
  trustWebIdentityUnscoped,
  trustCrossAccountExternalId,
  resourcePublicAccess,
  resourceServiceWithoutSource,
];
