import type { AccountInventory, IamInventory, IamRole } from '../../scan/inventory.ts';
import type { RuleHit, RuleScope } from '../rule.ts';

/** The global scope's IAM data: the account and what IAM returned for it. */
export interface IamScope {
  /** The account scanned (its id tells same-account from cross-account trust). */
  account: AccountInventory;
  /** The IAM inventory; each collection is absent when it was not collected (coverage says why). */
  iam: IamInventory;
}

/** The IAM data of a global scope; undefined for a regional scope or when IAM was not collected. */
export function iamScope(scope: RuleScope): IamScope | undefined {
  if (scope.kind !== 'global' || !scope.account.iam) return undefined;
  return { account: scope.account, iam: scope.account.iam };
}

/** The finding resource for the account as a whole (root user, password policy): Security Hub's "AwsAccount". */
export function accountResource(account: AccountInventory, withRootArn = false): RuleHit['resource'] {
  return {
    type: 'AWS::::Account',
    id: account.accountId,
    ...(withRootArn ? { arn: `arn:${account.partition}:iam::${account.accountId}:root` } : {}),
  };
}

/** The finding resource for an IAM user, falling back to a built ARN when the row has none. */
export function userResource(account: AccountInventory, userName: string, arn?: string): RuleHit['resource'] {
  return {
    type: 'AWS::IAM::User',
    id: userName,
    arn: arn || `arn:${account.partition}:iam::${account.accountId}:user/${userName}`,
  };
}

/**
 * Service-linked roles (path /aws-service-role/) are created and edited only by their AWS service: their trust
 * and permissions are AWS's, and the customer cannot change them, so rules leave them out.
 */
export function isServiceLinkedRole(role: Pick<IamRole, 'path'>): boolean {
  return role.path.startsWith('/aws-service-role/');
}

/** Roles that IAM Identity Center creates for a permission set (path /aws-reserved/sso.amazonaws.com/). */
export function isIdentityCenterRole(role: Pick<IamRole, 'path'>): boolean {
  return role.path.startsWith('/aws-reserved/sso.amazonaws.com/');
}
