import type { ExtractContext } from '../collector.ts';
import { member, type ObjectNode, stringValue } from '../source-node.ts';
import { collectEmbeddedPolicy, forEachItem } from './json-file-context.ts';

/** True for the output of `aws iam get-policy-version`. */
export function isPolicyVersionOutput(root: ObjectNode): boolean {
  return member(member(root, 'PolicyVersion'), 'Document') !== undefined;
}

/** True for the output of `aws iam get-account-authorization-details`. */
export function isAuthorizationDetails(root: ObjectNode): boolean {
  return ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].some(
    (key) => member(root, key)?.type === 'array',
  );
}

/** The document of `aws iam get-policy-version` output (an object, or URL-encoded as the API returns it). */
export function extractPolicyVersion(context: ExtractContext, root: ObjectNode): void {
  const document = member(member(root, 'PolicyVersion'), 'Document');
  if (!document) return;
  collectEmbeddedPolicy(context, document, {
    kind: 'identity',
    holder: 'PolicyVersion.Document',
    holderType: 'AWS::IAM::ManagedPolicy',
    format: 'json',
  });
}

/** The principal lists of authorization details: their inline policy list and type. */
const PRINCIPAL_LISTS = [
  { list: 'UserDetailList', policies: 'UserPolicyList', holderType: 'AWS::IAM::User' },
  { list: 'GroupDetailList', policies: 'GroupPolicyList', holderType: 'AWS::IAM::Group' },
  { list: 'RoleDetailList', policies: 'RolePolicyList', holderType: 'AWS::IAM::Role' },
] as const;

/**
 * Every policy in `aws iam get-account-authorization-details` output: inline policies of users, groups and
 * roles, role trust policies, and the default version of each managed policy (other versions are inactive).
 */
export function extractAuthorizationDetails(context: ExtractContext, root: ObjectNode): void {
  for (let n = 0; n < PRINCIPAL_LISTS.length; n++) {
    const { list, policies, holderType } = PRINCIPAL_LISTS[n]!;
    forEachItem(member(root, list), (principal, i) => {
      const trust = member(principal, 'AssumeRolePolicyDocument');
      if (trust) {
        collectEmbeddedPolicy(context, trust, {
          kind: 'trust',
          holder: `${list}[${i}].AssumeRolePolicyDocument`,
          holderType,
          name: stringValue(member(principal, 'RoleName')),
          format: 'json',
        });
      }
      forEachItem(member(principal, policies), (policy, j) => {
        const document = member(policy, 'PolicyDocument');
        if (!document) return;
        collectEmbeddedPolicy(context, document, {
          kind: 'identity',
          holder: `${list}[${i}].${policies}[${j}]`,
          holderType,
          name: stringValue(member(policy, 'PolicyName')),
          format: 'json',
        });
      });
    });
  }
  forEachItem(member(root, 'Policies'), (policy, i) => {
    forEachItem(member(policy, 'PolicyVersionList'), (version, j) => {
      const document = member(version, 'Document');
      const isDefault = member(version, 'IsDefaultVersion');
      if (!document || (isDefault?.type === 'boolean' && !isDefault.value)) return;
      collectEmbeddedPolicy(context, document, {
        kind: 'identity',
        holder: `Policies[${i}].PolicyVersionList[${j}]`,
        holderType: 'AWS::IAM::ManagedPolicy',
        name: stringValue(member(policy, 'PolicyName')),
        format: 'json',
      });
    });
  });
}
