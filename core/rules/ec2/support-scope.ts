import type { RuleScope } from '../rule.ts';

/** A regional rule scope, narrowed: the account, the region and what was collected there. */
export type RegionalScope = Extract<RuleScope, { kind: 'regional' }>;

/** The regional scope, or undefined for the global one (regional rules find nothing there). */
export function regionalScope(scope: RuleScope): RegionalScope | undefined {
  return scope.kind === 'regional' ? scope : undefined;
}

/**
 * The ARN of an EC2 resource, e.g. `ec2Arn(scope, 'instance', 'i-0abc')`
 * -> arn:aws:ec2:us-east-1:123456789012:instance/i-0abc.
 */
export function ec2Arn(scope: RegionalScope, resourceType: string, id: string): string {
  return `arn:${scope.account.partition}:ec2:${scope.region}:${scope.account.accountId}:${resourceType}/${id}`;
}

/** A resource id with its Name tag when it has one, for messages: "i-0abc (web-1)". */
export function withName(id: string, tags: Readonly<Record<string, string>> | undefined): string {
  const name = tags?.Name;
  return name ? `${id} (${name})` : id;
}

/** A security group id with its name, for messages: "sg-0abc (web)". */
export function groupLabel(group: { groupId: string; groupName?: string }): string {
  return group.groupName ? `${group.groupId} (${group.groupName})` : group.groupId;
}
