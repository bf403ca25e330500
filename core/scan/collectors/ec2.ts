import {
  type Address,
  type NatGateway as AwsNatGateway,
  type SecurityGroup as AwsSecurityGroup,
  type Subnet as AwsSubnet,
  type Vpc as AwsVpc,
  DescribeAddressesCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  type Instance,
  paginateDescribeInstances,
  paginateDescribeNatGateways,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  type Volume,
} from '@aws-sdk/client-ec2';
import type { Collector, CollectorContext } from '../collector.ts';
import type {
  EbsVolume,
  Ec2Instance,
  Ec2RegionInventory,
  ElasticIp,
  NatGateway,
  SecurityGroup,
  Subnet,
  Vpc,
} from '../inventory.ts';
import { allPages } from './support/all-pages.ts';
import { isoTime } from './support/iso-time.ts';
import { optionalFields } from './support/optional-fields.ts';
import { flattenIpPermissions } from './support/security-group-rules.ts';
import { tagsToRecord } from './support/tags-to-record.ts';

/** The largest pages EC2 allows for each paginated operation: the fewest calls per region. */
const PAGE_SIZE = {
  instances: 1000,
  volumes: 500,
  securityGroups: 1000,
  vpcs: 1000,
  subnets: 1000,
  natGateways: 1000,
};

function toInstance(raw: Instance): Ec2Instance {
  const tokens = raw.MetadataOptions?.HttpTokens;
  return {
    instanceId: raw.InstanceId ?? '',
    instanceType: raw.InstanceType ?? '',
    state: raw.State?.Name ?? 'unknown',
    securityGroupIds: (raw.SecurityGroups ?? []).flatMap((group) => (group.GroupId ? [group.GroupId] : [])),
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({
      // EC2 sends an empty StateTransitionReason for instances that never changed state.
      stateTransitionReason: raw.StateTransitionReason || undefined,
      launchTime: isoTime(raw.LaunchTime),
      vpcId: raw.VpcId,
      subnetId: raw.SubnetId,
      publicIpAddress: raw.PublicIpAddress,
      httpTokens: tokens === 'required' || tokens === 'optional' ? tokens : undefined,
      httpEndpoint: raw.MetadataOptions?.HttpEndpoint,
      iamInstanceProfileArn: raw.IamInstanceProfile?.Arn,
      platform: raw.Platform,
    }),
  };
}

function toVolume(raw: Volume): EbsVolume {
  return {
    volumeId: raw.VolumeId ?? '',
    volumeType: raw.VolumeType ?? 'standard',
    sizeGiB: raw.Size ?? 0,
    state: raw.State ?? 'unknown',
    encrypted: raw.Encrypted ?? false,
    attachedInstanceIds: (raw.Attachments ?? []).flatMap((attachment) =>
      attachment.InstanceId ? [attachment.InstanceId] : [],
    ),
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({
      iops: raw.Iops,
      throughput: raw.Throughput,
      kmsKeyId: raw.KmsKeyId,
      createTime: isoTime(raw.CreateTime),
    }),
  };
}

function toSecurityGroup(raw: AwsSecurityGroup): SecurityGroup {
  return {
    groupId: raw.GroupId ?? '',
    groupName: raw.GroupName ?? '',
    ingress: flattenIpPermissions(raw.IpPermissions),
    egress: flattenIpPermissions(raw.IpPermissionsEgress),
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({ vpcId: raw.VpcId, description: raw.Description }),
  };
}

function toVpc(raw: AwsVpc): Vpc {
  return {
    vpcId: raw.VpcId ?? '',
    isDefault: raw.IsDefault ?? false,
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({ cidrBlock: raw.CidrBlock }),
  };
}

function toSubnet(raw: AwsSubnet): Subnet {
  return {
    subnetId: raw.SubnetId ?? '',
    vpcId: raw.VpcId ?? '',
    mapPublicIpOnLaunch: raw.MapPublicIpOnLaunch ?? false,
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({ availabilityZone: raw.AvailabilityZone }),
  };
}

function toNatGateway(raw: AwsNatGateway): NatGateway {
  return {
    natGatewayId: raw.NatGatewayId ?? '',
    state: raw.State ?? 'unknown',
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({ vpcId: raw.VpcId, subnetId: raw.SubnetId, createTime: isoTime(raw.CreateTime) }),
  };
}

function toAddress(raw: Address): ElasticIp {
  return {
    publicIp: raw.PublicIp ?? '',
    tags: tagsToRecord(raw.Tags),
    ...optionalFields({
      allocationId: raw.AllocationId,
      associationId: raw.AssociationId,
      instanceId: raw.InstanceId,
      networkInterfaceId: raw.NetworkInterfaceId,
      domain: raw.Domain,
    }),
  };
}

async function collectEc2(context: CollectorContext, ec2: Ec2RegionInventory): Promise<void> {
  const client = context.client(EC2Client);
  const send = { abortSignal: context.signal };
  const pager = { client, stopOnSameToken: true };
  // The operations are independent: run them together, each with its own coverage entry, so a denial of one
  // leaves the others collected and only its slot absent.
  await Promise.all([
    context
      .attempt('DescribeInstances', () =>
        allPages(paginateDescribeInstances(pager, { MaxResults: PAGE_SIZE.instances }, send), (page) =>
          (page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []),
        ),
      )
      .then((raw) => {
        if (raw) ec2.instances = raw.map(toInstance);
      }),
    context
      .attempt('DescribeVolumes', () =>
        allPages(
          paginateDescribeVolumes(pager, { MaxResults: PAGE_SIZE.volumes }, send),
          (page) => page.Volumes,
        ),
      )
      .then((raw) => {
        if (raw) ec2.volumes = raw.map(toVolume);
      }),
    context
      .attempt('DescribeSecurityGroups', () =>
        allPages(
          paginateDescribeSecurityGroups(pager, { MaxResults: PAGE_SIZE.securityGroups }, send),
          (page) => page.SecurityGroups,
        ),
      )
      .then((raw) => {
        if (raw) ec2.securityGroups = raw.map(toSecurityGroup);
      }),
    context
      .attempt('DescribeVpcs', () =>
        allPages(paginateDescribeVpcs(pager, { MaxResults: PAGE_SIZE.vpcs }, send), (page) => page.Vpcs),
      )
      .then((raw) => {
        if (raw) ec2.vpcs = raw.map(toVpc);
      }),
    context
      .attempt('DescribeSubnets', () =>
        allPages(
          paginateDescribeSubnets(pager, { MaxResults: PAGE_SIZE.subnets }, send),
          (page) => page.Subnets,
        ),
      )
      .then((raw) => {
        if (raw) ec2.subnets = raw.map(toSubnet);
      }),
    context
      .attempt('DescribeNatGateways', () =>
        allPages(
          paginateDescribeNatGateways(pager, { MaxResults: PAGE_SIZE.natGateways }, send),
          (page) => page.NatGateways,
        ),
      )
      .then((raw) => {
        if (raw) ec2.natGateways = raw.map(toNatGateway);
      }),
    // DescribeAddresses is not paginated: one call returns every Elastic IP of the region.
    context
      .attempt('DescribeAddresses', () => client.send(new DescribeAddressesCommand({}), send))
      .then((output) => {
        if (output) ec2.addresses = (output.Addresses ?? []).map(toAddress);
      }),
    context
      .attempt('GetEbsEncryptionByDefault', () => client.send(new GetEbsEncryptionByDefaultCommand({}), send))
      .then((output) => {
        if (output) ec2.ebsEncryptionByDefault = output.EbsEncryptionByDefault ?? false;
      }),
  ]);
}

/**
 * EC2 in one region: instances (with IMDS options), volumes, security groups (rules flattened per source),
 * VPCs, subnets, NAT gateways, Elastic IPs and EBS encryption by default. One call per operation in an empty
 * region; never a per-resource call.
 */
export const ec2Collector: Collector = {
  service: 'ec2',
  scope: 'regional',
  operations: [
    { client: 'EC2', operation: 'DescribeInstances' },
    { client: 'EC2', operation: 'DescribeVolumes' },
    { client: 'EC2', operation: 'DescribeSecurityGroups' },
    { client: 'EC2', operation: 'DescribeVpcs' },
    { client: 'EC2', operation: 'DescribeSubnets' },
    { client: 'EC2', operation: 'DescribeNatGateways' },
    { client: 'EC2', operation: 'DescribeAddresses' },
    { client: 'EC2', operation: 'GetEbsEncryptionByDefault' },
  ],
  async collect(context, target) {
    target.regional.ec2 ??= {};
    await collectEc2(context, target.regional.ec2);
  },
};
