/**
 * EC2 (EC2 Query protocol, XML) for the benchmark's fake AWS: the describe calls the collectors make, paginated
 * with EC2's real MaxResults bounds (a larger page is an InvalidParameterValue, as EC2 answers).
 */
import type { AccountData, Instance, RegionData, Volume } from '../synthetic-account.ts';
import { ec2Error, ec2Response, element, page, pageSize, type Reply, type WireRequest } from './wire.ts';

function tagSet(tags: Record<string, string>): string {
  const items = Object.entries(tags)
    .map(([key, value]) => `<item>${element('key', key)}${element('value', value)}</item>`)
    .join('');
  return `<tagSet>${items}</tagSet>`;
}

const STATE_CODES = { running: 16, stopped: 80, terminated: 48 };

function instanceItem(instance: Instance, region: string): string {
  return (
    `<item>${element('instanceId', instance.id)}<imageId>ami-0abcdef1234567890</imageId>` +
    `<instanceState><code>${STATE_CODES[instance.state]}</code><name>${instance.state}</name></instanceState>` +
    `<privateDnsName>ip-10-0-0-1.${region}.compute.internal</privateDnsName><dnsName/>` +
    (instance.state === 'stopped'
      ? '<reason>User initiated (2025-10-01 10:00:00 GMT)</reason>'
      : '<reason/>') +
    `<amiLaunchIndex>0</amiLaunchIndex><productCodes/>${element('instanceType', instance.type)}` +
    `${element('launchTime', instance.launchTime)}<placement><availabilityZone>${region}a</availabilityZone>` +
    '<groupName/><tenancy>default</tenancy></placement><monitoring><state>disabled</state></monitoring>' +
    `${element('subnetId', instance.subnetId)}${element('vpcId', instance.vpcId)}` +
    `<privateIpAddress>10.0.0.1</privateIpAddress>${element('ipAddress', instance.publicIp)}` +
    '<sourceDestCheck>true</sourceDestCheck><groupSet>' +
    instance.securityGroupIds
      .map((id) => `<item>${element('groupId', id)}<groupName>app</groupName></item>`)
      .join('') +
    '</groupSet><architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>' +
    '<rootDeviceName>/dev/xvda</rootDeviceName><blockDeviceMapping/><virtualizationType>hvm</virtualizationType>' +
    `<hypervisor>xen</hypervisor>${tagSet(instance.tags)}<metadataOptions><state>applied</state>` +
    `${element('httpTokens', instance.httpTokens)}<httpPutResponseHopLimit>2</httpPutResponseHopLimit>` +
    '<httpEndpoint>enabled</httpEndpoint></metadataOptions></item>'
  );
}

function volumeItem(volume: Volume, region: string): string {
  const attachment = volume.attachedTo
    ? `<attachmentSet><item>${element('volumeId', volume.id)}${element('instanceId', volume.attachedTo)}` +
      '<device>/dev/xvda</device><status>attached</status>' +
      `${element('attachTime', volume.createTime)}<deleteOnTermination>true</deleteOnTermination></item></attachmentSet>`
    : '<attachmentSet/>';
  return (
    `<item>${element('volumeId', volume.id)}${element('size', volume.sizeGiB)}<snapshotId/>` +
    `<availabilityZone>${region}a</availabilityZone>${element('status', volume.attachedTo ? 'in-use' : 'available')}` +
    `${element('createTime', volume.createTime)}${attachment}${element('volumeType', volume.type)}` +
    `${element('iops', volume.type === 'gp3' ? 3000 : Math.max(100, volume.sizeGiB * 3))}` +
    `${volume.type === 'gp3' ? '<throughput>125</throughput>' : ''}${element('encrypted', volume.encrypted)}` +
    `<multiAttachEnabled>false</multiAttachEnabled>${tagSet(volume.tags)}</item>`
  );
}

function securityGroupItem(group: RegionData['securityGroups'][number], accountId: string): string {
  return (
    `<item>${element('ownerId', accountId)}${element('groupId', group.id)}${element('groupName', group.name)}` +
    `<groupDescription>${group.name} tier</groupDescription>${element('vpcId', group.vpcId)}<ipPermissions><item>` +
    `<ipProtocol>tcp</ipProtocol>${element('fromPort', group.port)}${element('toPort', group.port)}<groups/>` +
    `<ipRanges><item>${element('cidrIp', group.cidr)}</item></ipRanges><ipv6Ranges/><prefixListIds/></item>` +
    '</ipPermissions><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item>' +
    '<cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>' +
    `${tagSet({ Name: group.name })}</item>`
  );
}

/** EC2's MaxResults bounds per paginated operation. */
const MAX_RESULTS: Record<string, number> = {
  DescribeInstances: 1000,
  DescribeVolumes: 500,
  DescribeSecurityGroups: 1000,
  DescribeVpcs: 1000,
  DescribeSubnets: 1000,
  DescribeNatGateways: 1000,
};

/** The list set and items of a paginated operation. */
function listOf(
  operation: string,
  region: RegionData,
  accountId: string,
): { set: string; items: string[] } | undefined {
  switch (operation) {
    case 'DescribeInstances':
      // One reservation per instance, as launches of one instance each produce.
      return {
        set: 'reservationSet',
        items: region.instances.map(
          (instance, index) =>
            `<item><reservationId>r-${index.toString(16).padStart(17, '0')}</reservationId>` +
            `${element('ownerId', accountId)}<groupSet/><instancesSet>${instanceItem(instance, region.region)}</instancesSet></item>`,
        ),
      };
    case 'DescribeVolumes':
      return { set: 'volumeSet', items: region.volumes.map((volume) => volumeItem(volume, region.region)) };
    case 'DescribeSecurityGroups':
      return {
        set: 'securityGroupInfo',
        items: region.securityGroups.map((group) => securityGroupItem(group, accountId)),
      };
    case 'DescribeVpcs':
      return {
        set: 'vpcSet',
        items: region.vpcs.map(
          (vpc) =>
            `<item>${element('vpcId', vpc.id)}<state>available</state>${element('cidrBlock', vpc.cidr)}` +
            `<dhcpOptionsId>dopt-1</dhcpOptionsId><instanceTenancy>default</instanceTenancy>${element('isDefault', vpc.isDefault)}</item>`,
        ),
      };
    case 'DescribeSubnets':
      return {
        set: 'subnetSet',
        items: region.subnets.map(
          (subnet) =>
            `<item>${element('subnetId', subnet.id)}<state>available</state>${element('vpcId', subnet.vpcId)}` +
            `<cidrBlock>10.0.0.0/20</cidrBlock><availableIpAddressCount>4000</availableIpAddressCount>` +
            `${element('availabilityZone', subnet.az)}<defaultForAz>false</defaultForAz>` +
            `${element('mapPublicIpOnLaunch', subnet.public)}</item>`,
        ),
      };
    case 'DescribeNatGateways':
      return {
        set: 'natGatewaySet',
        items: region.natGateways.map(
          (gateway) =>
            `<item><createTime>2024-03-01T12:00:00.000Z</createTime>${element('natGatewayId', gateway.id)}` +
            '<natGatewayAddressSet/><state>available</state>' +
            `${element('subnetId', gateway.subnetId)}${element('vpcId', gateway.vpcId)}${tagSet({ owner: 'net' })}</item>`,
        ),
      };
    default:
      return undefined;
  }
}

/** Answers one EC2 request; `cache` keeps built pages (the same page is asked for by every strategy). */
export function answerEc2(request: WireRequest, account: AccountData, cache: Map<string, Reply>): Reply {
  const { operation, params } = request;
  if (operation === 'DescribeRegions') {
    const items = account.shape.enabledRegions
      .map(
        (name) =>
          `<item>${element('regionName', name)}${element('regionEndpoint', `ec2.${name}.amazonaws.com`)}` +
          '<optInStatus>opt-in-not-required</optInStatus></item>',
      )
      .join('');
    return ec2Response('DescribeRegions', `<regionInfo>${items}</regionInfo>`);
  }
  const region = account.regions.get(request.region);
  if (!region)
    return ec2Error('AuthFailure', `Region ${request.region} is not enabled for this account.`, 401);
  if (operation === 'DescribeAddresses') {
    const items = region.addresses
      .map(
        (address) =>
          `<item>${element('publicIp', address.publicIp)}${element('allocationId', address.allocationId)}<domain>vpc</domain>` +
          (address.instanceId
            ? `${element('instanceId', address.instanceId)}<associationId>eipassoc-${address.allocationId.slice(9)}</associationId>`
            : '') +
          '</item>',
      )
      .join('');
    return ec2Response('DescribeAddresses', `<addressesSet>${items}</addressesSet>`);
  }
  if (operation === 'GetEbsEncryptionByDefault')
    return ec2Response(
      'GetEbsEncryptionByDefault',
      `<ebsEncryptionByDefault>${region.instances.length === 0}</ebsEncryptionByDefault><sseType>sse-ebs</sseType>`,
    );
  const max = MAX_RESULTS[operation];
  const list = max === undefined ? undefined : listOf(operation, region, account.shape.accountId);
  if (max === undefined || list === undefined)
    return ec2Error('InvalidAction', `The action ${operation} is not valid for this web service.`);
  // Without MaxResults EC2 returns everything at once (DescribeInstances up to 1000); with it, 5..max.
  const requested = params.MaxResults === undefined ? undefined : pageSize(params.MaxResults, 0);
  if (requested !== undefined && (requested < 5 || requested > max))
    return ec2Error(
      'InvalidParameterValue',
      `Value (${requested}) for parameter maxResults is invalid. Expecting a value between 5 and ${max}.`,
    );
  const size = requested ?? Math.max(max, list.items.length);
  const key = `${request.region}|${operation}|${String(params.NextToken)}|${size}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const slice = page(list.items, params.NextToken, size);
  const reply = ec2Response(
    operation,
    `<${list.set}>${slice.items.join('')}</${list.set}>${element('nextToken', slice.next)}`,
  );
  cache.set(key, reply);
  return reply;
}
