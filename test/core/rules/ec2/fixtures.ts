import type {
  CoverageEntry,
  DailySeries,
  EbsVolume,
  Ec2Instance,
  MetricsRegionInventory,
  ScanService,
  SecurityGroup,
  SecurityGroupRule,
} from '../../../../core/scan/inventory.ts';
import { TEST_ACCOUNT, TEST_REGION } from '../../../helpers/rule-harness.ts';

/** Builders for realistic EC2/ELBv2 inventory pieces, shared by the compute rule tests. */

/** The 14-day metric window ending the day before TEST_NOW (2026-11-25), as the collector would set it. */
export const WINDOW_START = '2026-11-11';
export const WINDOW_DAYS = 14;

/** A coverage entry saying `service:operation` was denied in `region`. */
export function denied(service: ScanService, operation: string, region = TEST_REGION): CoverageEntry {
  return {
    accountId: TEST_ACCOUNT,
    region,
    service,
    operation,
    status: 'denied',
    detail: `AccessDenied: User is not authorized to perform: ${service}:${operation}`,
  };
}

/** A running instance in a VPC, IMDSv2 required, no public IP, with `overrides`. */
export function instance(instanceId: string, overrides: Partial<Ec2Instance> = {}): Ec2Instance {
  return {
    instanceId,
    instanceType: 'm5.large',
    state: 'running',
    launchTime: '2026-03-02T09:15:00.000Z',
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    subnetId: 'subnet-0aa11bb22cc33dd44',
    securityGroupIds: [],
    httpTokens: 'required',
    httpEndpoint: 'enabled',
    tags: { Name: `${instanceId.slice(-4)}-app` },
    ...overrides,
  };
}

/** An encrypted gp3 volume of 100 GiB attached to nothing, with `overrides`. */
export function volume(volumeId: string, overrides: Partial<EbsVolume> = {}): EbsVolume {
  return {
    volumeId,
    volumeType: 'gp3',
    sizeGiB: 100,
    iops: 3000,
    throughput: 125,
    state: 'in-use',
    encrypted: true,
    kmsKeyId: `arn:aws:kms:${TEST_REGION}:${TEST_ACCOUNT}:key/1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b`,
    createTime: '2026-02-14T08:00:00.000Z',
    attachedInstanceIds: [],
    tags: {},
    ...overrides,
  };
}

/** A security group in the test VPC with the given inbound rules and AWS's default allow-all outbound rule. */
export function securityGroup(
  groupId: string,
  groupName: string,
  ingress: SecurityGroupRule[],
  overrides: Partial<SecurityGroup> = {},
): SecurityGroup {
  return {
    groupId,
    groupName,
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    description: `${groupName} group`,
    ingress,
    egress: [{ protocol: '-1', cidrIpv4: '0.0.0.0/0' }],
    tags: {},
    ...overrides,
  };
}

/** A TCP inbound rule entry for ports `from`-`to` from an IPv4 or IPv6 CIDR. */
export function tcp(from: number, to: number, cidr: string): SecurityGroupRule {
  return cidr.includes(':')
    ? { protocol: 'tcp', fromPort: from, toPort: to, cidrIpv6: cidr }
    : { protocol: 'tcp', fromPort: from, toPort: to, cidrIpv4: cidr };
}

/** A metrics inventory over the test window holding `series` (resource id -> metric -> daily values). */
export function metrics(series: Record<string, Record<string, DailySeries>>): MetricsRegionInventory {
  return { windowStart: WINDOW_START, days: WINDOW_DAYS, series };
}

/** A 14-day series with every day at `value`. */
export function flat(value: number | null): DailySeries {
  return Array.from({ length: WINDOW_DAYS }, () => value);
}

/** A 14-day series that is `early` for the first days and `late` for the last `lateDays` days. */
export function steps(early: number | null, late: number | null, lateDays: number): DailySeries {
  return Array.from({ length: WINDOW_DAYS }, (_, day) => (day >= WINDOW_DAYS - lateDays ? late : early));
}
