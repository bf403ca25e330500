import type { AclGrant, S3Bucket } from '../../scan/inventory.ts';

/** The two ACL groups S3 calls public: everyone, and anyone with any AWS account. */
export type PublicGroup = 'AllUsers' | 'AuthenticatedUsers';

/** One ACL grant that makes a bucket public. */
export interface PublicGrant {
  /** The group granted. */
  group: PublicGroup;
  /** What it may do: 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL'. */
  permission: string;
}

/** The group a grant names, when it is one of the public ones (S3 answers with http:// group URIs). */
function publicGroup(grant: AclGrant): PublicGroup | undefined {
  if (grant.granteeType !== 'Group') return undefined;
  const uri = grant.grantee.trim();
  if (/^https?:\/\/acs\.amazonaws\.com\/groups\/global\/AllUsers$/.test(uri)) return 'AllUsers';
  if (/^https?:\/\/acs\.amazonaws\.com\/groups\/global\/AuthenticatedUsers$/.test(uri))
    return 'AuthenticatedUsers';
  return undefined;
}

/** The grants of `bucket`'s ACL that S3 considers public (the LogDelivery group is not one of them). */
export function publicGrants(acl: S3Bucket['acl']): PublicGrant[] {
  const grants: PublicGrant[] = [];
  for (const grant of acl?.grants ?? []) {
    const group = publicGroup(grant);
    if (group) grants.push({ group, permission: grant.permission });
  }
  return grants;
}

/**
 * What a public grant lets anyone do, worst first: WRITE lets them upload (and overwrite, at the owner's cost),
 * WRITE_ACP lets them rewrite the ACL (so grant themselves anything), FULL_CONTROL both; READ lists every key.
 */
export function grantSeverity(permission: string): 'critical' | 'high' | 'medium' {
  if (permission === 'WRITE' || permission === 'WRITE_ACP' || permission === 'FULL_CONTROL')
    return 'critical';
  if (permission === 'READ') return 'high';
  return 'medium';
}
