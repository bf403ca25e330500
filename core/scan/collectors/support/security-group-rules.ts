import type { IpPermission } from '@aws-sdk/client-ec2';
import type { SecurityGroupRule } from '../../inventory.ts';
import { optionalFields } from './optional-fields.ts';

/** IANA protocol numbers EC2 may echo back, to the names the rules compare against. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
};

/** A port bound as the inventory holds it: EC2's -1 (or no value) means every port. */
function port(value: number | undefined): number | undefined {
  return value === undefined || value === -1 ? undefined : value;
}

/**
 * Flattens EC2's `IpPermissions` into one rule per source: each IPv4 range, IPv6 range, referenced group and
 * prefix list of a permission becomes its own entry with the permission's protocol and ports. Protocol '-1'
 * (all traffic) always covers every port, whatever ports EC2 echoes.
 */
export function flattenIpPermissions(permissions: readonly IpPermission[] | undefined): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [];
  for (const permission of permissions ?? []) {
    const raw = (permission.IpProtocol ?? '-1').toLowerCase();
    const protocol = PROTOCOL_NAMES[raw] ?? raw;
    const allPorts = protocol === '-1';
    const base: SecurityGroupRule = {
      protocol,
      ...optionalFields({
        fromPort: allPorts ? undefined : port(permission.FromPort),
        toPort: allPorts ? undefined : port(permission.ToPort),
      }),
    };
    for (const range of permission.IpRanges ?? [])
      rules.push({ ...base, ...optionalFields({ cidrIpv4: range.CidrIp, description: range.Description }) });
    for (const range of permission.Ipv6Ranges ?? [])
      rules.push({
        ...base,
        ...optionalFields({ cidrIpv6: range.CidrIpv6, description: range.Description }),
      });
    for (const pair of permission.UserIdGroupPairs ?? [])
      rules.push({ ...base, ...optionalFields({ groupId: pair.GroupId, description: pair.Description }) });
    for (const list of permission.PrefixListIds ?? [])
      rules.push({
        ...base,
        ...optionalFields({ prefixListId: list.PrefixListId, description: list.Description }),
      });
  }
  return rules;
}
