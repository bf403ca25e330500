import { accessKeyNotRotated } from './iam/access-key-not-rotated.ts';
import { consoleUserWithoutMfa } from './iam/console-user-without-mfa.ts';
import { credentialsUnused } from './iam/credentials-unused.ts';
import { fullAdminPolicyAttached } from './iam/full-admin-policy-attached.ts';
import { riskyPolicy } from './iam/risky-policy.ts';
import { roleCrossAccountTrustWithoutExternalId } from './iam/role-cross-account-trust-without-external-id.ts';
import { roleOidcTrustWithoutSub } from './iam/role-oidc-trust-without-sub.ts';
import { roleTrustsAnyPrincipal } from './iam/role-trusts-any-principal.ts';
import { rootAccessKeys } from './iam/root-access-keys.ts';
import { rootMfaDisabled } from './iam/root-mfa-disabled.ts';
import { weakPasswordPolicy } from './iam/weak-password-policy.ts';
import type { Rule } from './rule.ts';

/** The live-scan rules for IAM (global: root user, IAM users' credentials, password policy, policies, trust). */
export const IDENTITY_RULES: readonly Rule[] = [
  // root user
  rootAccessKeys,
  rootMfaDisabled,
  // IAM users' credentials (credential report) and the password policy
  consoleUserWithoutMfa,
  accessKeyNotRotated,
  credentialsUnused,
  weakPasswordPolicy,
  // policies and trust (GetAccountAuthorizationDetails)
  fullAdminPolicyAttached,
  roleTrustsAnyPrincipal,
  roleCrossAccountTrustWithoutExternalId,
  roleOidcTrustWithoutSub,
  riskyPolicy,
];
