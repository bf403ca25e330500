import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../../core/connect/permissions.ts';
import { ec2Collector } from '../../../../core/scan/collectors/ec2.ts';
import { ec2Error, ec2Response, type FakeAws, startFakeAws } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const OPERATIONS = [
  'DescribeInstances',
  'DescribeVolumes',
  'DescribeSecurityGroups',
  'DescribeVpcs',
  'DescribeSubnets',
  'DescribeNatGateways',
  'DescribeAddresses',
  'GetEbsEncryptionByDefault',
];

/** EC2's `tagSet`, as DescribeInstances and friends send it. */
function tagSet(tags: Record<string, string>): string {
  const items = Object.entries(tags)
    .map(([key, value]) => `<item><key>${key}</key><value>${value}</value></item>`)
    .join('');
  return `<tagSet>${items}</tagSet>`;
}

/** One `instancesSet` item, shaped like the DescribeInstances example in the EC2 API reference. */
function instanceItem(id: string, extra = ''): string {
  return `<item>
    <instanceId>${id}</instanceId>
    <imageId>ami-0abcdef1234567890</imageId>
    <instanceState><code>16</code><name>running</name></instanceState>
    <privateDnsName>ip-10-0-1-10.ec2.internal</privateDnsName>
    <dnsName/>
    <reason/>
    <keyName>ops</keyName>
    <amiLaunchIndex>0</amiLaunchIndex>
    <productCodes/>
    <instanceType>t3.micro</instanceType>
    <launchTime>2025-11-02T09:30:00.000Z</launchTime>
    <placement><availabilityZone>us-east-1a</availabilityZone><groupName/><tenancy>default</tenancy></placement>
    <monitoring><state>disabled</state></monitoring>
    <subnetId>subnet-0aaa</subnetId>
    <vpcId>vpc-0aaa</vpcId>
    <privateIpAddress>10.0.1.10</privateIpAddress>
    <sourceDestCheck>true</sourceDestCheck>
    <groupSet><item><groupId>sg-0web</groupId><groupName>web</groupName></item></groupSet>
    <architecture>x86_64</architecture>
    <rootDeviceType>ebs</rootDeviceType>
    <rootDeviceName>/dev/xvda</rootDeviceName>
    <blockDeviceMapping/>
    <virtualizationType>hvm</virtualizationType>
    <hypervisor>xen</hypervisor>
    <metadataOptions><state>applied</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>
    ${extra}
  </item>`;
}

/** A DescribeInstances page: one reservation per instance group, EC2's `reservationSet` envelope. */
function instancesPage(reservations: string[][], nextToken?: string): string {
  const set = reservations
    .map(
      (items, index) =>
        `<item><reservationId>r-0${index}</reservationId><ownerId>111122223333</ownerId><groupSet/>` +
        `<instancesSet>${items.join('')}</instancesSet></item>`,
    )
    .join('');
  return `<reservationSet>${set}</reservationSet>${nextToken ? `<nextToken>${nextToken}</nextToken>` : ''}`;
}

const PUBLIC_INSTANCE = instanceItem(
  'i-0public',
  `<ipAddress>54.210.1.2</ipAddress>
   <iamInstanceProfile><arn>arn:aws:iam::111122223333:instance-profile/web</arn><id>AIPAEXAMPLE</id></iamInstanceProfile>
   <platform>windows</platform>
   ${tagSet({ Name: 'web-1', owner: 'team-a' })}`,
).replace('<httpTokens>required</httpTokens>', '<httpTokens>optional</httpTokens>');

const STOPPED_INSTANCE = instanceItem('i-0stopped')
  .replace('<code>16</code><name>running</name>', '<code>80</code><name>stopped</name>')
  .replace('<reason/>', '<reason>User initiated (2025-12-01 10:00:00 GMT)</reason>');

const VOLUMES = `<volumeSet>
  <item>
    <volumeId>vol-0attached</volumeId><size>100</size><snapshotId/><availabilityZone>us-east-1a</availabilityZone>
    <status>in-use</status><createTime>2025-01-10T08:00:00.000Z</createTime>
    <attachmentSet><item><volumeId>vol-0attached</volumeId><instanceId>i-0public</instanceId><device>/dev/xvda</device>
      <status>attached</status><attachTime>2025-01-10T08:00:05.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></item></attachmentSet>
    <volumeType>gp2</volumeType><iops>300</iops><encrypted>false</encrypted><multiAttachEnabled>false</multiAttachEnabled>
  </item>
  <item>
    <volumeId>vol-0loose</volumeId><size>500</size><availabilityZone>us-east-1b</availabilityZone><status>available</status>
    <createTime>2024-06-01T00:00:00.000Z</createTime><attachmentSet/>
    <volumeType>gp3</volumeType><iops>3000</iops><throughput>125</throughput><encrypted>true</encrypted>
    <kmsKeyId>arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab</kmsKeyId>
    ${tagSet({ owner: 'team-b' })}
  </item>
</volumeSet>`;

const SECURITY_GROUPS = `<securityGroupInfo>
  <item>
    <ownerId>111122223333</ownerId><groupId>sg-0web</groupId><groupName>web</groupName>
    <groupDescription>web tier</groupDescription><vpcId>vpc-0aaa</vpcId>
    <ipPermissions>
      <item>
        <ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/>
        <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>ssh from anywhere</description></item><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>
        <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges>
        <prefixListIds/>
      </item>
      <item>
        <ipProtocol>-1</ipProtocol><groups><item><userId>111122223333</userId><groupId>sg-0lb</groupId></item></groups>
        <ipRanges/><ipv6Ranges/>
        <prefixListIds><item><prefixListId>pl-0123</prefixListId><description>corp</description></item></prefixListIds>
      </item>
      <item>
        <ipProtocol>icmp</ipProtocol><fromPort>-1</fromPort><toPort>-1</toPort><groups/>
        <ipRanges><item><cidrIp>192.0.2.0/24</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/>
      </item>
    </ipPermissions>
    <ipPermissionsEgress>
      <item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>
    </ipPermissionsEgress>
    ${tagSet({ Name: 'web-sg' })}
  </item>
</securityGroupInfo>`;

const VPCS = `<vpcSet><item><vpcId>vpc-0aaa</vpcId><state>available</state><cidrBlock>172.31.0.0/16</cidrBlock>
  <dhcpOptionsId>dopt-1</dhcpOptionsId><instanceTenancy>default</instanceTenancy><isDefault>true</isDefault></item></vpcSet>`;

const SUBNETS = `<subnetSet><item><subnetId>subnet-0aaa</subnetId><state>available</state><vpcId>vpc-0aaa</vpcId>
  <cidrBlock>172.31.0.0/20</cidrBlock><availableIpAddressCount>4090</availableIpAddressCount>
  <availabilityZone>us-east-1a</availabilityZone><defaultForAz>true</defaultForAz><mapPublicIpOnLaunch>true</mapPublicIpOnLaunch></item></subnetSet>`;

const NAT_GATEWAYS = `<natGatewaySet><item><createTime>2025-03-01T12:00:00.000Z</createTime><natGatewayId>nat-0abc</natGatewayId>
  <natGatewayAddressSet><item><allocationId>eipalloc-0nat</allocationId><publicIp>3.3.3.3</publicIp></item></natGatewayAddressSet>
  <state>available</state><subnetId>subnet-0aaa</subnetId><vpcId>vpc-0aaa</vpcId>${tagSet({ owner: 'net' })}</item></natGatewaySet>`;

const ADDRESSES = `<addressesSet>
  <item><publicIp>203.0.113.25</publicIp><allocationId>eipalloc-0used</allocationId><domain>vpc</domain>
    <instanceId>i-0public</instanceId><associationId>eipassoc-0used</associationId><networkInterfaceId>eni-0abc</networkInterfaceId>
    <networkInterfaceOwnerId>111122223333</networkInterfaceOwnerId><privateIpAddress>10.0.1.10</privateIpAddress></item>
  <item><publicIp>198.51.100.7</publicIp><allocationId>eipalloc-0idle</allocationId><domain>vpc</domain>${tagSet({ Name: 'spare' })}</item>
</addressesSet>`;

/** Answers every EC2 operation with a single page of realistic data; instances come in two pages. */
function serveAccount(): void {
  aws.on('EC2', 'DescribeInstances', (request) =>
    request.params.NextToken === 'page-2'
      ? ec2Response('DescribeInstances', instancesPage([[STOPPED_INSTANCE]]))
      : ec2Response('DescribeInstances', instancesPage([[PUBLIC_INSTANCE]], 'page-2')),
  );
  aws.on('EC2', 'DescribeVolumes', () => ec2Response('DescribeVolumes', VOLUMES));
  aws.on('EC2', 'DescribeSecurityGroups', () => ec2Response('DescribeSecurityGroups', SECURITY_GROUPS));
  aws.on('EC2', 'DescribeVpcs', () => ec2Response('DescribeVpcs', VPCS));
  aws.on('EC2', 'DescribeSubnets', () => ec2Response('DescribeSubnets', SUBNETS));
  aws.on('EC2', 'DescribeNatGateways', () => ec2Response('DescribeNatGateways', NAT_GATEWAYS));
  aws.on('EC2', 'DescribeAddresses', () => ec2Response('DescribeAddresses', ADDRESSES));
  aws.on('EC2', 'GetEbsEncryptionByDefault', () =>
    ec2Response(
      'GetEbsEncryptionByDefault',
      '<ebsEncryptionByDefault>false</ebsEncryptionByDefault><sseType>sse-ebs</sseType>',
    ),
  );
}

/** Answers every EC2 operation as an empty region does. */
function serveEmptyRegion(): void {
  const empty: Record<string, string> = {
    DescribeInstances: '<reservationSet/>',
    DescribeVolumes: '<volumeSet/>',
    DescribeSecurityGroups: '<securityGroupInfo/>',
    DescribeVpcs: '<vpcSet/>',
    DescribeSubnets: '<subnetSet/>',
    DescribeNatGateways: '<natGatewaySet/>',
    DescribeAddresses: '<addressesSet/>',
    GetEbsEncryptionByDefault: '<ebsEncryptionByDefault>true</ebsEncryptionByDefault>',
  };
  for (const [operation, inner] of Object.entries(empty))
    aws.on('EC2', operation, () => ec2Response(operation, inner));
}

describe('ec2Collector', () => {
  it('declares exactly the EC2 operations it calls, each in the permission catalogue', () => {
    expect(ec2Collector.operations.map((entry) => entry.operation).sort()).toEqual([...OPERATIONS].sort());
    for (const entry of ec2Collector.operations) {
      expect(PERMISSIONS.some((p) => p.client === entry.client && p.operation === entry.operation)).toBe(
        true,
      );
    }
    expect(ec2Collector).toMatchObject({ service: 'ec2', scope: 'regional' });
  });

  it('collects every slot from the wire format, following instance pages to the end', async () => {
    serveAccount();
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await ec2Collector.collect(context, target);
    const ec2 = target.regional.ec2;

    expect(ec2?.instances).toEqual([
      {
        instanceId: 'i-0public',
        instanceType: 't3.micro',
        state: 'running',
        launchTime: '2025-11-02T09:30:00.000Z',
        vpcId: 'vpc-0aaa',
        subnetId: 'subnet-0aaa',
        publicIpAddress: '54.210.1.2',
        securityGroupIds: ['sg-0web'],
        httpTokens: 'optional',
        httpEndpoint: 'enabled',
        iamInstanceProfileArn: 'arn:aws:iam::111122223333:instance-profile/web',
        platform: 'windows',
        tags: { Name: 'web-1', owner: 'team-a' },
      },
      {
        instanceId: 'i-0stopped',
        instanceType: 't3.micro',
        state: 'stopped',
        stateTransitionReason: 'User initiated (2025-12-01 10:00:00 GMT)',
        launchTime: '2025-11-02T09:30:00.000Z',
        vpcId: 'vpc-0aaa',
        subnetId: 'subnet-0aaa',
        securityGroupIds: ['sg-0web'],
        httpTokens: 'required',
        httpEndpoint: 'enabled',
        tags: {},
      },
    ]);
    const pages = aws.calls('EC2', 'DescribeInstances');
    expect(pages).toHaveLength(2);
    expect(pages[0]?.params).toEqual({ MaxResults: '1000' });
    expect(pages[1]?.params).toEqual({ MaxResults: '1000', NextToken: 'page-2' });

    expect(ec2?.volumes).toEqual([
      {
        volumeId: 'vol-0attached',
        volumeType: 'gp2',
        sizeGiB: 100,
        iops: 300,
        state: 'in-use',
        encrypted: false,
        createTime: '2025-01-10T08:00:00.000Z',
        attachedInstanceIds: ['i-0public'],
        tags: {},
      },
      {
        volumeId: 'vol-0loose',
        volumeType: 'gp3',
        sizeGiB: 500,
        iops: 3000,
        throughput: 125,
        state: 'available',
        encrypted: true,
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        createTime: '2024-06-01T00:00:00.000Z',
        attachedInstanceIds: [],
        tags: { owner: 'team-b' },
      },
    ]);
    expect(aws.calls('EC2', 'DescribeVolumes')[0]?.params).toEqual({ MaxResults: '500' });

    expect(ec2?.securityGroups).toEqual([
      {
        groupId: 'sg-0web',
        groupName: 'web',
        vpcId: 'vpc-0aaa',
        description: 'web tier',
        ingress: [
          {
            protocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidrIpv4: '0.0.0.0/0',
            description: 'ssh from anywhere',
          },
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '10.0.0.0/8' },
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: '::/0' },
          { protocol: '-1', groupId: 'sg-0lb' },
          { protocol: '-1', prefixListId: 'pl-0123', description: 'corp' },
          { protocol: 'icmp', cidrIpv4: '192.0.2.0/24' },
        ],
        egress: [{ protocol: '-1', cidrIpv4: '0.0.0.0/0' }],
        tags: { Name: 'web-sg' },
      },
    ]);
    expect(aws.calls('EC2', 'DescribeSecurityGroups')[0]?.params).toEqual({ MaxResults: '1000' });

    expect(ec2?.vpcs).toEqual([{ vpcId: 'vpc-0aaa', isDefault: true, cidrBlock: '172.31.0.0/16', tags: {} }]);
    expect(ec2?.subnets).toEqual([
      {
        subnetId: 'subnet-0aaa',
        vpcId: 'vpc-0aaa',
        availabilityZone: 'us-east-1a',
        mapPublicIpOnLaunch: true,
        tags: {},
      },
    ]);
    expect(ec2?.natGateways).toEqual([
      {
        natGatewayId: 'nat-0abc',
        state: 'available',
        vpcId: 'vpc-0aaa',
        subnetId: 'subnet-0aaa',
        createTime: '2025-03-01T12:00:00.000Z',
        tags: { owner: 'net' },
      },
    ]);
    expect(aws.calls('EC2', 'DescribeNatGateways')[0]?.params).toEqual({ MaxResults: '1000' });
    expect(ec2?.addresses).toEqual([
      {
        publicIp: '203.0.113.25',
        allocationId: 'eipalloc-0used',
        associationId: 'eipassoc-0used',
        instanceId: 'i-0public',
        networkInterfaceId: 'eni-0abc',
        domain: 'vpc',
        tags: {},
      },
      { publicIp: '198.51.100.7', allocationId: 'eipalloc-0idle', domain: 'vpc', tags: { Name: 'spare' } },
    ]);
    expect(aws.calls('EC2', 'DescribeAddresses')[0]?.params).toEqual({});
    expect(ec2?.ebsEncryptionByDefault).toBe(false);

    expect(coverage.map((entry) => [entry.operation, entry.status]).sort()).toEqual(
      OPERATIONS.map((operation) => [operation, 'ok']).sort(),
    );
    expect(coverage.every((entry) => entry.service === 'ec2' && entry.region === 'us-east-1')).toBe(true);
  });

  it('follows nextToken across three pages and makes exactly one call per page', async () => {
    serveEmptyRegion();
    aws.on('EC2', 'DescribeVolumes', (request) => {
      const token = request.params.NextToken;
      if (token === undefined)
        return ec2Response(
          'DescribeVolumes',
          VOLUMES.replace('</volumeSet>', '</volumeSet><nextToken>t2</nextToken>'),
        );
      if (token === 't2') return ec2Response('DescribeVolumes', '<volumeSet/><nextToken>t3</nextToken>');
      return ec2Response('DescribeVolumes', VOLUMES.replaceAll('vol-0', 'vol-1'));
    });
    const { context } = collectorContext({ aws });
    const target = collectorTarget();
    await ec2Collector.collect(context, target);

    expect(aws.calls('EC2', 'DescribeVolumes').map((call) => call.params.NextToken)).toEqual([
      undefined,
      't2',
      't3',
    ]);
    expect(target.regional.ec2?.volumes?.map((volume) => volume.volumeId)).toEqual([
      'vol-0attached',
      'vol-0loose',
      'vol-1attached',
      'vol-1loose',
    ]);
  });

  it('records a denied operation as coverage and still collects the others', async () => {
    serveAccount();
    aws.on('EC2', 'DescribeInstances', () =>
      ec2Error(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/axiom/scan is not authorized to perform: ec2:DescribeInstances with an explicit deny in a service control policy',
        403,
      ),
    );
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await ec2Collector.collect(context, target);
    const ec2 = target.regional.ec2;

    expect(ec2?.instances).toBeUndefined();
    expect(ec2 && 'instances' in ec2).toBe(false);
    expect(ec2?.volumes).toHaveLength(2);
    expect(ec2?.securityGroups).toHaveLength(1);
    expect(ec2?.addresses).toHaveLength(2);
    expect(ec2?.ebsEncryptionByDefault).toBe(false);

    const denied = coverage.filter((entry) => entry.status !== 'ok');
    expect(denied).toEqual([
      {
        accountId: '111122223333',
        region: 'us-east-1',
        service: 'ec2',
        operation: 'DescribeInstances',
        status: 'denied',
        detail: expect.stringContaining('UnauthorizedOperation'),
      },
    ]);
    expect(coverage).toHaveLength(OPERATIONS.length);
  });

  it('retries RequestLimitExceeded (HTTP 503) and then collects', async () => {
    serveEmptyRegion();
    let sgCalls = 0;
    aws.on('EC2', 'DescribeSecurityGroups', () => {
      sgCalls += 1;
      return sgCalls === 1
        ? ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503)
        : ec2Response('DescribeSecurityGroups', SECURITY_GROUPS);
    });
    const { context, coverage } = collectorContext({ aws, maxAttempts: 3 });
    const target = collectorTarget();
    await ec2Collector.collect(context, target);

    expect(aws.calls('EC2', 'DescribeSecurityGroups')).toHaveLength(2);
    expect(target.regional.ec2?.securityGroups?.map((group) => group.groupId)).toEqual(['sg-0web']);
    expect(coverage.find((entry) => entry.operation === 'DescribeSecurityGroups')?.status).toBe('ok');
  });

  it('records an error (not a denial) when throttling outlasts the attempts', async () => {
    serveEmptyRegion();
    aws.on('EC2', 'GetEbsEncryptionByDefault', () =>
      ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503),
    );
    const { context, coverage } = collectorContext({ aws, maxAttempts: 2 });
    const target = collectorTarget();
    await ec2Collector.collect(context, target);

    expect(aws.calls('EC2', 'GetEbsEncryptionByDefault')).toHaveLength(2);
    expect(target.regional.ec2?.ebsEncryptionByDefault).toBeUndefined();
    expect(coverage.find((entry) => entry.operation === 'GetEbsEncryptionByDefault')).toMatchObject({
      status: 'error',
      detail: expect.stringContaining('RequestLimitExceeded'),
    });
    expect(target.regional.ec2?.vpcs).toEqual([]);
  });

  it('costs exactly one call per operation in an empty region, and records empty collections', async () => {
    serveEmptyRegion();
    const { context, coverage } = collectorContext({ aws, region: 'ap-southeast-4' });
    const target = collectorTarget({ region: 'ap-southeast-4' });
    await ec2Collector.collect(context, target);

    expect(aws.requests.map((request) => request.operation).sort()).toEqual([...OPERATIONS].sort());
    expect(target.regional.ec2).toEqual({
      instances: [],
      volumes: [],
      securityGroups: [],
      vpcs: [],
      subnets: [],
      natGateways: [],
      addresses: [],
      ebsEncryptionByDefault: true,
    });
    expect(coverage.map((entry) => entry.region)).toEqual(OPERATIONS.map(() => 'ap-southeast-4'));
  });
});
