import type {
  GetAccountAuthorizationDetailsCommandOutput,
  GroupDetail,
  ManagedPolicyDetail,
  PolicyDetail,
  RoleDetail,
  UserDetail,
} from '@aws-sdk/client-iam';
import type { IamGroup, IamManagedPolicy, IamPolicyRef, IamRole, IamUser } from '../../inventory.ts';
import { decodePolicyDocument } from './iam-policy-document.ts';
import { isoTime } from './iso-time.ts';
import { optionalFields } from './optional-fields.ts';
import { tagsToRecord } from './tags-to-record.ts';

/** Users, groups, roles and managed policies of one account, as the inventory holds them. */
export interface AuthorizationDetails {
  /** IAM users with their inline and attached policies and groups. */
  users: IamUser[];
  /** IAM groups with their inline and attached policies. */
  groups: IamGroup[];
  /** IAM roles with their trust policies, inline and attached policies. */
  roles: IamRole[];
  /** Managed policies (customer and AWS) with their default version's document. */
  policies: IamManagedPolicy[];
}

function inlinePolicies(list: readonly PolicyDetail[] | undefined): IamPolicyRef[] {
  return (list ?? []).map((policy) => ({
    policyName: policy.PolicyName ?? '',
    document: decodePolicyDocument(policy.PolicyDocument),
  }));
}

function attachedArns(list: readonly { PolicyArn?: string | undefined }[] | undefined): string[] {
  return (list ?? []).flatMap((policy) => (policy.PolicyArn === undefined ? [] : [policy.PolicyArn]));
}

function toUser(raw: UserDetail): IamUser {
  return {
    userName: raw.UserName ?? '',
    arn: raw.Arn ?? '',
    inlinePolicies: inlinePolicies(raw.UserPolicyList),
    attachedPolicyArns: attachedArns(raw.AttachedManagedPolicies),
    groups: raw.GroupList ?? [],
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({ createDate: isoTime(raw.CreateDate) }),
  };
}

function toGroup(raw: GroupDetail): IamGroup {
  return {
    groupName: raw.GroupName ?? '',
    arn: raw.Arn ?? '',
    inlinePolicies: inlinePolicies(raw.GroupPolicyList),
    attachedPolicyArns: attachedArns(raw.AttachedManagedPolicies),
  };
}

function toRole(raw: RoleDetail): IamRole {
  return {
    roleName: raw.RoleName ?? '',
    arn: raw.Arn ?? '',
    path: raw.Path ?? '/',
    assumeRolePolicyDocument: decodePolicyDocument(raw.AssumeRolePolicyDocument),
    inlinePolicies: inlinePolicies(raw.RolePolicyList),
    attachedPolicyArns: attachedArns(raw.AttachedManagedPolicies),
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({
      createDate: isoTime(raw.CreateDate),
      lastUsedDate: isoTime(raw.RoleLastUsed?.LastUsedDate),
    }),
  };
}

function toManagedPolicy(raw: ManagedPolicyDetail): IamManagedPolicy {
  const arn = raw.Arn ?? '';
  // The list holds every version; the default one is the policy in force.
  const current = (raw.PolicyVersionList ?? []).find(
    (version) => version.IsDefaultVersion === true || version.VersionId === raw.DefaultVersionId,
  );
  return {
    arn,
    policyName: raw.PolicyName ?? '',
    awsManaged: /^arn:[\w-]+:iam::aws:policy\//.test(arn),
    attachmentCount: raw.AttachmentCount ?? 0,
    ...optionalFields({
      defaultVersionId: raw.DefaultVersionId,
      document: decodePolicyDocument(current?.Document),
    }),
  };
}

/** Adds one GetAccountAuthorizationDetails page to `details`. */
export function addAuthorizationPage(
  details: AuthorizationDetails,
  page: GetAccountAuthorizationDetailsCommandOutput,
): void {
  details.users.push(...(page.UserDetailList ?? []).map(toUser));
  details.groups.push(...(page.GroupDetailList ?? []).map(toGroup));
  details.roles.push(...(page.RoleDetailList ?? []).map(toRole));
  details.policies.push(...(page.Policies ?? []).map(toManagedPolicy));
}
