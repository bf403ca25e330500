/**
 * Builders for the sample account's regional resources, shaped as the collectors record them. Ids are derived
 * from names (ids.ts), so a resource keeps its id when the sample is regenerated.
 */
import type {
  EbsVolume,
  Ec2Instance,
  ElasticIp,
  LoadBalancer,
  LogGroup,
  NatGateway,
  RdsCluster,
  RdsInstance,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  TargetGroup,
  Vpc,
} from '../../core/index.ts';
import { ACCOUNT, daysAgo, ec2Id, hex, stoppedReason } from './ids.ts';

/** A name tag, plus any others. */
function named(name: string, tags: Record<string, string> = {}): Record<string, string> {
  return { Name: name, ...tags };
}

/** A VPC. */
export function vpc(name: string, cidrBlock: string, isDefault = false): Vpc {
  return { vpcId: ec2Id('vpc', name), isDefault, cidrBlock, tags: isDefault ? {} : named(name) };
}

/** A subnet of `vpcName`. */
export function subnet(name: string, vpcName: string, availabilityZone: string, publicIps: boolean): Subnet {
  return {
    subnetId: ec2Id('subnet', name),
    vpcId: ec2Id('vpc', vpcName),
    availabilityZone,
    mapPublicIpOnLaunch: publicIps,
    tags: named(name),
  };
}

/** An inbound or outbound rule entry. */
export function rule(
  protocol: string,
  ports: [number, number] | undefined,
  source: { cidrIpv4?: string; cidrIpv6?: string; group?: string },
  description?: string,
): SecurityGroupRule {
  const entry: SecurityGroupRule = { protocol };
  if (ports !== undefined) {
    entry.fromPort = ports[0];
    entry.toPort = ports[1];
  }
  if (source.cidrIpv4 !== undefined) entry.cidrIpv4 = source.cidrIpv4;
  if (source.cidrIpv6 !== undefined) entry.cidrIpv6 = source.cidrIpv6;
  if (source.group !== undefined) entry.groupId = ec2Id('sg', source.group);
  if (description !== undefined) entry.description = description;
  return entry;
}

/** All traffic out to anywhere: every security group's default egress. */
export const EGRESS_ALL: SecurityGroupRule = { protocol: '-1', cidrIpv4: '0.0.0.0/0' };

/** A security group; `name` 'default@vpc' is the VPC's default group. */
export function securityGroup(
  name: string,
  vpcName: string,
  ingress: SecurityGroupRule[],
  options: { egress?: SecurityGroupRule[]; description?: string; tags?: Record<string, string> } = {},
): SecurityGroup {
  const isDefault = name.startsWith('default@');
  return {
    groupId: ec2Id('sg', name),
    groupName: isDefault ? 'default' : name,
    vpcId: ec2Id('vpc', vpcName),
    description: options.description ?? (isDefault ? 'default VPC security group' : name),
    ingress,
    egress: options.egress ?? [EGRESS_ALL],
    tags: options.tags ?? (isDefault ? {} : named(name)),
  };
}

/** What varies between instances. */
export interface InstanceSpec {
  type: string;
  vpc: string;
  subnet: string;
  securityGroups: string[];
  launchedDaysAgo: number;
  /** Days since a user stopped it; absent for a running instance. */
  stoppedDaysAgo?: number;
  publicIp?: string;
  imds: 'required' | 'optional';
  profile?: string;
  tags?: Record<string, string>;
}

/** An EC2 instance. */
export function instance(name: string, spec: InstanceSpec): Ec2Instance {
  const result: Ec2Instance = {
    instanceId: ec2Id('i', name),
    instanceType: spec.type,
    state: spec.stoppedDaysAgo === undefined ? 'running' : 'stopped',
    launchTime: daysAgo(spec.launchedDaysAgo),
    vpcId: ec2Id('vpc', spec.vpc),
    subnetId: ec2Id('subnet', spec.subnet),
    securityGroupIds: spec.securityGroups.map((group) => ec2Id('sg', group)),
    httpTokens: spec.imds,
    httpEndpoint: 'enabled',
    tags: named(name, spec.tags),
  };
  if (spec.stoppedDaysAgo !== undefined) result.stateTransitionReason = stoppedReason(spec.stoppedDaysAgo);
  if (spec.publicIp !== undefined && spec.stoppedDaysAgo === undefined)
    result.publicIpAddress = spec.publicIp;
  if (spec.profile !== undefined)
    result.iamInstanceProfileArn = `arn:aws:iam::${ACCOUNT}:instance-profile/${spec.profile}`;
  return result;
}

/** An EBS volume, attached to the instance named (or unattached). */
export function volume(
  region: string,
  name: string,
  spec: {
    type: string;
    sizeGiB: number;
    encrypted: boolean;
    createdDaysAgo: number;
    attachedTo?: string;
    tags?: Record<string, string>;
  },
): EbsVolume {
  const result: EbsVolume = {
    volumeId: ec2Id('vol', name),
    volumeType: spec.type,
    sizeGiB: spec.sizeGiB,
    state: spec.attachedTo === undefined ? 'available' : 'in-use',
    encrypted: spec.encrypted,
    createTime: daysAgo(spec.createdDaysAgo),
    attachedInstanceIds: spec.attachedTo === undefined ? [] : [ec2Id('i', spec.attachedTo)],
    tags: named(name, spec.tags),
  };
  if (spec.type === 'gp3') {
    result.iops = 3000;
    result.throughput = 125;
  } else if (spec.type === 'gp2') result.iops = Math.min(16_000, Math.max(100, spec.sizeGiB * 3));
  if (spec.encrypted)
    result.kmsKeyId = `arn:aws:kms:${region}:${ACCOUNT}:key/${hex(`kms:${region}`, 8)}-${hex(`kms:${region}:2`, 4)}-4${hex(`kms:${region}:3`, 3)}-8${hex(`kms:${region}:4`, 3)}-${hex(`kms:${region}:5`, 12)}`;
  return result;
}

/** A NAT gateway. */
export function natGateway(
  name: string,
  vpcName: string,
  subnetName: string,
  createdDaysAgo: number,
): NatGateway {
  return {
    natGatewayId: `nat-0${hex(`nat:${name}`, 16)}`,
    state: 'available',
    vpcId: ec2Id('vpc', vpcName),
    subnetId: ec2Id('subnet', subnetName),
    createTime: daysAgo(createdDaysAgo),
    tags: named(name),
  };
}

/** An Elastic IP: on an instance, on a NAT gateway's interface, or unassociated. */
export function elasticIp(
  name: string,
  publicIp: string,
  on?: { instance: string } | { natInterface: string },
): ElasticIp {
  const address: ElasticIp = {
    allocationId: ec2Id('eipalloc', name),
    publicIp,
    domain: 'vpc',
    tags: named(name),
  };
  if (on !== undefined) {
    address.associationId = ec2Id('eipassoc', name);
    if ('instance' in on) {
      address.instanceId = ec2Id('i', on.instance);
      address.networkInterfaceId = ec2Id('eni', on.instance);
    } else address.networkInterfaceId = ec2Id('eni', on.natInterface);
  }
  return address;
}

/** An Application Load Balancer's ARN. */
export function albArn(region: string, name: string): string {
  return `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/app/${name}/${hex(`alb:${name}`, 16)}`;
}

/** An internet-facing Application Load Balancer. */
export function loadBalancer(
  region: string,
  name: string,
  vpcName: string,
  securityGroups: string[],
  createdDaysAgo: number,
): LoadBalancer {
  return {
    loadBalancerArn: albArn(region, name),
    loadBalancerName: name,
    type: 'application',
    scheme: 'internet-facing',
    state: 'active',
    createdTime: daysAgo(createdDaysAgo),
    vpcId: ec2Id('vpc', vpcName),
    securityGroupIds: securityGroups.map((group) => ec2Id('sg', group)),
  };
}

/** A target group behind the load balancer named, with its targets counted by health. */
export function targetGroup(
  region: string,
  name: string,
  balancer: string,
  targetHealth: Record<string, number>,
): TargetGroup {
  return {
    targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:targetgroup/${name}/${hex(`tg:${name}`, 16)}`,
    targetGroupName: name,
    loadBalancerArns: [albArn(region, balancer)],
    targetHealth,
  };
}

/** What varies between DB instances. */
export interface DatabaseSpec {
  engine: string;
  dbInstanceClass: string;
  publiclyAccessible?: boolean;
  storageEncrypted: boolean;
  backupRetentionPeriod: number;
  deletionProtection: boolean;
  multiAz?: boolean;
  allocatedStorageGiB?: number;
  createdDaysAgo: number;
  cluster?: string;
  tags?: Record<string, string>;
}

/** An RDS DB instance. */
export function database(region: string, id: string, spec: DatabaseSpec): RdsInstance {
  const result: RdsInstance = {
    dbInstanceIdentifier: id,
    dbInstanceArn: `arn:aws:rds:${region}:${ACCOUNT}:db:${id}`,
    dbInstanceClass: spec.dbInstanceClass,
    engine: spec.engine,
    status: 'available',
    publiclyAccessible: spec.publiclyAccessible ?? false,
    storageEncrypted: spec.storageEncrypted,
    backupRetentionPeriod: spec.backupRetentionPeriod,
    deletionProtection: spec.deletionProtection,
    multiAz: spec.multiAz ?? false,
    instanceCreateTime: daysAgo(spec.createdDaysAgo),
    tags: spec.tags ?? {},
  };
  if (spec.allocatedStorageGiB !== undefined) result.allocatedStorageGiB = spec.allocatedStorageGiB;
  if (spec.cluster !== undefined) result.dbClusterIdentifier = spec.cluster;
  return result;
}

/** An Aurora DB cluster. */
export function cluster(
  region: string,
  id: string,
  spec: Pick<
    DatabaseSpec,
    'engine' | 'storageEncrypted' | 'backupRetentionPeriod' | 'deletionProtection' | 'tags'
  >,
): RdsCluster {
  return {
    dbClusterIdentifier: id,
    dbClusterArn: `arn:aws:rds:${region}:${ACCOUNT}:cluster:${id}`,
    engine: spec.engine,
    status: 'available',
    storageEncrypted: spec.storageEncrypted,
    backupRetentionPeriod: spec.backupRetentionPeriod,
    deletionProtection: spec.deletionProtection,
    publiclyAccessible: false,
    tags: spec.tags ?? {},
  };
}

/** A log group; no retention means kept forever. */
export function logGroup(
  region: string,
  name: string,
  storedGiB: number,
  createdDaysAgo: number,
  retentionInDays?: number,
): LogGroup {
  const group: LogGroup = {
    logGroupName: name,
    arn: `arn:aws:logs:${region}:${ACCOUNT}:log-group:${name}`,
    storedBytes: Math.round(storedGiB * 1024 ** 3),
    creationTime: daysAgo(createdDaysAgo),
  };
  if (retentionInDays !== undefined) group.retentionInDays = retentionInDays;
  return group;
}
