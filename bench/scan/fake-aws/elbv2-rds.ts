/**
 * ELBv2 and RDS (AWS Query protocol, XML) for the benchmark's fake AWS, with their real page-size bounds
 * (ELBv2 PageSize 1..400, RDS MaxRecords 20..100) and markers.
 */
import type { AccountData, RegionData } from '../synthetic-account.ts';
import { element, page, pageSize, queryError, queryResponse, type Reply, type WireRequest } from './wire.ts';

const ELB_NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
const RDS_NS = 'http://rds.amazonaws.com/doc/2014-10-31/';

function loadBalancerMember(balancer: RegionData['loadBalancers'][number], region: string): string {
  return (
    `<member>${element('LoadBalancerArn', balancer.arn)}<Scheme>internet-facing</Scheme>` +
    `${element('LoadBalancerName', balancer.name)}${element('VpcId', balancer.vpcId)}` +
    '<CanonicalHostedZoneId>Z35SXDOTRQ7X7K</CanonicalHostedZoneId><CreatedTime>2024-03-25T21:26:12.920Z</CreatedTime>' +
    `<AvailabilityZones><member><SubnetId>subnet-1</SubnetId><ZoneName>${region}a</ZoneName></member></AvailabilityZones>` +
    `<SecurityGroups><member>${balancer.securityGroupId}</member></SecurityGroups>` +
    `<DNSName>${balancer.name}-1.${region}.elb.amazonaws.com</DNSName><State><Code>active</Code></State>` +
    '<Type>application</Type><IpAddressType>ipv4</IpAddressType></member>'
  );
}

function targetGroupMember(group: RegionData['targetGroups'][number]): string {
  return (
    `<member>${element('TargetGroupArn', group.arn)}${element('TargetGroupName', group.name)}` +
    '<Protocol>HTTP</Protocol><Port>80</Port><VpcId>vpc-1</VpcId><HealthCheckProtocol>HTTP</HealthCheckProtocol>' +
    '<HealthCheckPort>traffic-port</HealthCheckPort><HealthCheckEnabled>true</HealthCheckEnabled>' +
    '<HealthCheckIntervalSeconds>30</HealthCheckIntervalSeconds><HealthCheckTimeoutSeconds>5</HealthCheckTimeoutSeconds>' +
    '<HealthyThresholdCount>5</HealthyThresholdCount><UnhealthyThresholdCount>2</UnhealthyThresholdCount>' +
    '<HealthCheckPath>/</HealthCheckPath><Matcher><HttpCode>200</HttpCode></Matcher>' +
    (group.loadBalancerArn
      ? `<LoadBalancerArns><member>${group.loadBalancerArn}</member></LoadBalancerArns>`
      : '<LoadBalancerArns/>') +
    '<TargetType>instance</TargetType></member>'
  );
}

/** Answers one ELBv2 request. */
export function answerElbv2(request: WireRequest, account: AccountData): Reply {
  const region = account.regions.get(request.region);
  if (!region)
    return queryError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  const { operation, params } = request;
  const size = pageSize(params.PageSize, 400);
  if (size > 400) return queryError('ValidationError', 'Page size must be between 1 and 400.');
  switch (operation) {
    case 'DescribeLoadBalancers': {
      const slice = page(region.loadBalancers, params.Marker, size);
      return queryResponse(
        operation,
        `<LoadBalancers>${slice.items.map((balancer) => loadBalancerMember(balancer, region.region)).join('')}</LoadBalancers>` +
          element('NextMarker', slice.next),
        ELB_NS,
      );
    }
    case 'DescribeTargetGroups': {
      const slice = page(region.targetGroups, params.Marker, size);
      return queryResponse(
        operation,
        `<TargetGroups>${slice.items.map(targetGroupMember).join('')}</TargetGroups>${element('NextMarker', slice.next)}`,
        ELB_NS,
      );
    }
    case 'DescribeTargetHealth': {
      const group = region.targetGroups.find((candidate) => candidate.arn === params.TargetGroupArn);
      if (!group)
        return queryError(
          'TargetGroupNotFound',
          `Target groups '${String(params.TargetGroupArn)}' not found`,
        );
      const members = group.targets
        .map(
          (target) =>
            `<member><HealthCheckPort>80</HealthCheckPort><TargetHealth>${element('State', target.state)}</TargetHealth>` +
            `<Target><Port>80</Port>${element('Id', target.id)}</Target></member>`,
        )
        .join('');
      return queryResponse(
        operation,
        `<TargetHealthDescriptions>${members}</TargetHealthDescriptions>`,
        ELB_NS,
      );
    }
    default:
      return queryError('InvalidAction', `Could not find operation ${operation} for version 2015-12-01`);
  }
}

function tagList(tags: Record<string, string>): string {
  return `<TagList>${Object.entries(tags)
    .map(([key, value]) => `<Tag>${element('Key', key)}${element('Value', value)}</Tag>`)
    .join('')}</TagList>`;
}

function dbInstance(db: RegionData['dbInstances'][number], region: string): string {
  return (
    `<DBInstance>${element('DBInstanceIdentifier', db.id)}<DBInstanceClass>db.t3.medium</DBInstanceClass>` +
    `<Engine>${db.clusterId ? 'aurora-postgresql' : 'postgres'}</Engine><DBInstanceStatus>available</DBInstanceStatus>` +
    `<MasterUsername>admin</MasterUsername><Endpoint><Address>${db.id}.abc.${region}.rds.amazonaws.com</Address>` +
    '<Port>5432</Port></Endpoint><AllocatedStorage>100</AllocatedStorage>' +
    '<InstanceCreateTime>2024-09-12T15:04:05.123Z</InstanceCreateTime>' +
    `${element('BackupRetentionPeriod', db.backupDays)}<DBSecurityGroups/><VpcSecurityGroups/>` +
    `<AvailabilityZone>${region}a</AvailabilityZone><MultiAZ>false</MultiAZ><EngineVersion>16.3</EngineVersion>` +
    `${element('PubliclyAccessible', db.public)}<StorageType>gp3</StorageType>` +
    `${element('DBClusterIdentifier', db.clusterId)}${element('StorageEncrypted', db.encrypted)}` +
    `${element('DBInstanceArn', db.arn)}${tagList({ owner: 'data' })}` +
    `${element('DeletionProtection', db.encrypted)}</DBInstance>`
  );
}

function dbCluster(cluster: RegionData['dbClusters'][number]): string {
  return (
    `<DBCluster><AllocatedStorage>1</AllocatedStorage><BackupRetentionPeriod>1</BackupRetentionPeriod>` +
    `${element('DBClusterIdentifier', cluster.id)}<Status>available</Status><Engine>aurora-postgresql</Engine>` +
    `<EngineVersion>16.3</EngineVersion><Port>5432</Port>${element('StorageEncrypted', cluster.encrypted)}` +
    `${element('DBClusterArn', cluster.arn)}<DeletionProtection>false</DeletionProtection>${tagList({ owner: 'data' })}</DBCluster>`
  );
}

/** Answers one RDS request. */
export function answerRds(request: WireRequest, account: AccountData): Reply {
  const region = account.regions.get(request.region);
  if (!region)
    return queryError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  const { operation, params } = request;
  const size = pageSize(params.MaxRecords, 100);
  if (size < 20 || size > 100)
    return queryError('InvalidParameterValue', 'Invalid value for MaxRecords. Must be between 20 and 100');
  switch (operation) {
    case 'DescribeDBInstances': {
      const slice = page(region.dbInstances, params.Marker, size);
      return queryResponse(
        operation,
        `${element('Marker', slice.next)}<DBInstances>${slice.items.map((db) => dbInstance(db, region.region)).join('')}</DBInstances>`,
        RDS_NS,
      );
    }
    case 'DescribeDBClusters': {
      const slice = page(region.dbClusters, params.Marker, size);
      return queryResponse(
        operation,
        `${element('Marker', slice.next)}<DBClusters>${slice.items.map(dbCluster).join('')}</DBClusters>`,
        RDS_NS,
      );
    }
    case 'ListTagsForResource':
      return queryResponse(operation, tagList({ owner: 'data' }), RDS_NS);
    default:
      return queryError('InvalidAction', `Could not find operation ${operation} for version 2014-10-31`);
  }
}
