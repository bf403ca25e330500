import type { IamInventory, IamManagedPolicy, IamPolicyRef, IamRole } from '../../scan/inventory.ts';
import type { RuleHit } from '../rule.ts';
import { isIdentityCenterRole, isServiceLinkedRole } from './iam-scope.ts';

/** The kinds of IAM identity that hold policies. */
export type PrincipalKind = 'user' | 'group' | 'role';

/** A user, group or role, seen the same way by the rules that read identity policies. */
export interface IamPrincipal {
  /** Whether it is a user, a group or a role. */
  kind: PrincipalKind;
  /** The user, group or role name. */
  name: string;
  /** Its ARN. */
  arn: string;
  /** Its inline policies. */
  inlinePolicies: readonly IamPolicyRef[];
  /** ARNs of the managed policies attached to it. */
  attachedPolicyArns: readonly string[];
  /** For a group, the users in it (from the users' group lists). */
  members?: string[];
  /** For a role, the role (path, trust policy). */
  role?: IamRole;
}

const RESOURCE_TYPES: Record<PrincipalKind, string> = {
  user: 'AWS::IAM::User',
  group: 'AWS::IAM::Group',
  role: 'AWS::IAM::Role',
};

/** Every user, group and role of the inventory (service-linked roles included: callers decide). */
export function iamPrincipals(iam: IamInventory): IamPrincipal[] {
  const members = new Map<string, string[]>();
  for (const user of iam.users ?? [])
    for (const group of user.groups) members.set(group, [...(members.get(group) ?? []), user.userName]);
  return [
    ...(iam.users ?? []).map(
      (user): IamPrincipal => ({
        kind: 'user',
        name: user.userName,
        arn: user.arn,
        inlinePolicies: user.inlinePolicies,
        attachedPolicyArns: user.attachedPolicyArns,
      }),
    ),
    ...(iam.groups ?? []).map(
      (group): IamPrincipal => ({
        kind: 'group',
        name: group.groupName,
        arn: group.arn,
        inlinePolicies: group.inlinePolicies,
        attachedPolicyArns: group.attachedPolicyArns,
        members: members.get(group.groupName) ?? [],
      }),
    ),
    ...(iam.roles ?? []).map(
      (role): IamPrincipal => ({
        kind: 'role',
        name: role.roleName,
        arn: role.arn,
        inlinePolicies: role.inlinePolicies,
        attachedPolicyArns: role.attachedPolicyArns,
        role,
      }),
    ),
  ];
}

/** The principals whose policies the customer controls: every one but AWS's service-linked roles. */
export function customerPrincipals(iam: IamInventory): IamPrincipal[] {
  return iamPrincipals(iam).filter((principal) => !principal.role || !isServiceLinkedRole(principal.role));
}

/** The finding resource for a principal. */
export function principalResource(principal: IamPrincipal): RuleHit['resource'] {
  return { type: RESOURCE_TYPES[principal.kind], id: principal.name, arn: principal.arn };
}

/** How messages name a principal: "IAM role deploy", with the group's members or the role's origin. */
export function principalLabel(principal: IamPrincipal): string {
  const base = `IAM ${principal.kind} ${principal.name}`;
  if (principal.members)
    return principal.members.length > 0
      ? `${base} (members: ${principal.members.join(', ')})`
      : `${base} (no members)`;
  if (principal.role && isIdentityCenterRole(principal.role))
    return `${base} (an IAM Identity Center permission set role)`;
  return base;
}

/** Managed policies by ARN. */
export function managedPoliciesByArn(iam: IamInventory): Map<string, IamManagedPolicy> {
  return new Map((iam.policies ?? []).map((policy) => [policy.arn, policy]));
}

/** The name of a managed policy from its ARN (`arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` -> ViewOnlyAccess). */
export function policyNameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** True for an AWS managed policy ARN (account part `aws`). */
export function isAwsManagedArn(arn: string): boolean {
  return /^arn:[\w-]+:iam::aws:policy\//.test(arn);
}

/** Where the console edits a principal's permissions, for remediation text. */
export function consolePath(principal: IamPrincipal): string {
  const section = { user: 'Users', group: 'User groups', role: 'Roles' }[principal.kind];
  return `IAM console > ${section} > ${principal.name} > Permissions`;
}
