/**
 * The read-only permission policy, generated from the permission catalogue. Explicit actions only, in catalogue
 * order (the catalogue's order is deliberate and reviewed; sorting would scatter a capability's actions), one
 * statement per capability so a reviewer reads the policy the way the README explains it.
 */
import { AxiomError } from '../errors.ts';
import type { IamPolicyDocument, IamPolicyStatement } from './iam-policy-schema.ts';
import { type Capability, PERMISSIONS } from './permissions.ts';
import { isAwsRegionName } from './region-name.ts';

/** IAM's quota for one inline policy on a role, counted without whitespace. */
export const ROLE_INLINE_POLICY_MAX_CHARS = 10_240;

/** IAM's quota for one customer-managed policy, counted without whitespace. */
export const MANAGED_POLICY_MAX_CHARS = 6_144;

/**
 * Actions that must not carry an `aws:RequestedRegion` condition, because the region they are requested in is not
 * one the customer picks:
 * - IAM and Cost Explorer have a single endpoint in us-east-1, so every request to them carries
 *   `aws:RequestedRegion = us-east-1`. AWS's own region-restricting examples (the IAM user guide's "Denies access
 *   to AWS based on the requested Region" and the Organizations/Control Tower region-deny SCP) exempt `iam:*`,
 *   `ce:*` and `sts:*` for this reason.
 * - STS GetCallerIdentity may go to the global endpoint (us-east-1) or a regional one; it only names the caller.
 * - `s3:ListAllMyBuckets` and `s3:GetAccountPublicAccessBlock` are account-wide (one answer for all regions) and
 *   `ec2:DescribeRegions` is how the scanner learns which regions exist; the same AWS examples exempt all three.
 * Adding us-east-1 to the customer's region list instead would be wrong: it would silently widen every regional
 * action (EC2, RDS, ...) to a region the customer excluded. So the global actions get their own statement
 * without the condition. `tag:GetResources` is NOT global: the Resource Groups Tagging API answers per region
 * for that region's resources, so it keeps the condition like any other regional read.
 */
const GLOBAL_ACTIONS: ReadonlySet<string> = new Set([
  'ec2:DescribeRegions',
  's3:ListAllMyBuckets',
  's3:GetAccountPublicAccessBlock',
]);
const GLOBAL_SERVICES: ReadonlySet<string> = new Set(['iam', 'sts', 'ce']);

/** True when `action` is answered independently of the region the customer restricts the role to. */
export function isGlobalAction(action: string): boolean {
  const service = action.slice(0, action.indexOf(':'));
  return GLOBAL_SERVICES.has(service) || GLOBAL_ACTIONS.has(action);
}

/** Whether a statement's actions are restricted by region when the customer picks regions. */
export type ActionScope = 'regional' | 'global';

/** One statement of the permission policy before it is rendered: the unit every generator shares. */
export interface PermissionStatementGroup {
  /** Statement id, e.g. 'AxiomS3Posture' or 'AxiomS3PostureGlobal'. */
  sid: string;
  /** The capability whose actions these are. */
  capability: Capability;
  /** Whether the actions take the region condition. */
  scope: ActionScope;
  /** The actions, in catalogue order, without duplicates. */
  actions: string[];
}

/** 'ec2-inventory' -> 'Ec2Inventory'. */
function pascalCase(capability: string): string {
  return capability
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The catalogue grouped into statements: by capability (in order of first appearance), split into a regional and
 * a global part where a capability has both. The split does not depend on whether regions are given, so the
 * statement ids stay the same and only the conditions change.
 */
export function permissionStatementGroups(): PermissionStatementGroup[] {
  const byKey = new Map<string, { capability: Capability; scope: ActionScope; actions: Set<string> }>();
  for (const entry of PERMISSIONS) {
    const scope: ActionScope = isGlobalAction(entry.action) ? 'global' : 'regional';
    const key = `${entry.capability}/${scope}`;
    let group = byKey.get(key);
    if (!group) {
      group = { capability: entry.capability, scope, actions: new Set() };
      byKey.set(key, group);
    }
    group.actions.add(entry.action);
  }
  const groups = [...byKey.values()];
  return groups.map((group) => {
    const split = groups.some(
      (other) => other.capability === group.capability && other.scope !== group.scope,
    );
    const suffix = split && group.scope === 'global' ? 'Global' : '';
    return {
      sid: `Axiom${pascalCase(group.capability)}${suffix}`,
      capability: group.capability,
      scope: group.scope,
      actions: [...group.actions],
    };
  });
}

/** Options for the permission policy. */
export interface PermissionPolicyOptions {
  /**
   * Regions the role may read in. Regional actions get `StringEquals aws:RequestedRegion` on them; global ones
   * do not (see GLOBAL_ACTIONS). Omitted or empty: every region.
   */
  regions?: readonly string[];
}

/** The regions, validated, deduplicated and sorted, so the same choice always renders the same policy. */
export function normaliseRegions(regions: readonly string[] | undefined): string[] {
  const unique = [...new Set(regions ?? [])].sort();
  const invalid = unique.filter((region) => !isAwsRegionName(region));
  if (invalid.length > 0) {
    throw new AxiomError(
      'invalid_region',
      `Could not build the permission policy: ${invalid.map((r) => JSON.stringify(r)).join(', ')} is not an AWS region name.`,
      { hint: "Use region codes such as 'eu-west-1' or 'us-east-1'." },
    );
  }
  return unique;
}

/** The policy's size as IAM counts it for the quotas: characters without whitespace. */
export function policySize(policy: IamPolicyDocument): number {
  return JSON.stringify(policy).replace(/\s/g, '').length;
}

/**
 * The read-only permission policy: Version 2012-10-17, one Allow statement per capability (see
 * permissionStatementGroups), explicit actions, Resource "*" (the actions are List/Read and most take no
 * resource-level restriction; the region condition is the scoping that matters).
 */
export function buildPermissionPolicy(options: PermissionPolicyOptions = {}): IamPolicyDocument {
  const regions = normaliseRegions(options.regions);
  const statements = permissionStatementGroups().map((group): IamPolicyStatement => {
    const statement: IamPolicyStatement = {
      Sid: group.sid,
      Effect: 'Allow',
      Action: group.actions,
      Resource: '*',
    };
    if (group.scope === 'regional' && regions.length > 0) {
      statement.Condition = { StringEquals: { 'aws:RequestedRegion': [...regions] } };
    }
    return statement;
  });
  const policy: IamPolicyDocument = { Version: '2012-10-17', Statement: statements };

  const size = policySize(policy);
  if (size > ROLE_INLINE_POLICY_MAX_CHARS) {
    throw new AxiomError(
      'permission_policy_too_large',
      `Could not build the permission policy: it would be ${size} characters, over IAM's ${ROLE_INLINE_POLICY_MAX_CHARS}-character limit for a role's inline policy.`,
      { hint: 'Pick fewer regions, or none to allow every region.' },
    );
  }
  return policy;
}
