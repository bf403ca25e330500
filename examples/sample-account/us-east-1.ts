/**
 * us-east-1, the main production region: a web tier behind an ALB, a bastion, a batch worker, databases, NAT
 * gateways. Problems planted: SSH and database ports open to the internet, the default security group with
 * rules, a bastion exposed with IMDSv1 and an unencrypted gp2 root volume, an oversized, mostly idle batch worker, a
 * reporting instance stopped for three months, a forgotten unencrypted volume, an idle staging NAT gateway, an
 * unassociated Elastic IP, EBS encryption by default off, short backups, log groups kept forever.
 */
import type { MetricsRegionInventory, RegionInventory } from '../../core/index.ts';
import {
  albArn,
  database,
  elasticIp,
  instance,
  loadBalancer,
  logGroup,
  natGateway,
  rule,
  securityGroup,
  subnet,
  targetGroup,
  volume,
  vpc,
} from './builders.ts';
import { ec2Id, hex, METRIC_DAYS, series, WINDOW_START, weekly } from './ids.ts';

const REGION = 'us-east-1';
const MB = 1_000_000;
const GB = 1_000_000_000;

const instances = [
  instance('bastion', {
    type: 't3.micro',
    vpc: 'prod',
    subnet: 'prod-public-a',
    securityGroups: ['bastion-ssh'],
    launchedDaysAgo: 612,
    publicIp: '54.87.122.19',
    imds: 'optional',
    tags: { owner: 'platform' },
  }),
  instance('web-1', {
    type: 'm6i.large',
    vpc: 'prod',
    subnet: 'prod-private-a',
    securityGroups: ['web-instances'],
    launchedDaysAgo: 41,
    imds: 'required',
    profile: 'web-app',
    tags: { owner: 'web', env: 'prod' },
  }),
  instance('web-2', {
    type: 'm6i.large',
    vpc: 'prod',
    subnet: 'prod-private-b',
    securityGroups: ['web-instances'],
    launchedDaysAgo: 41,
    imds: 'required',
    profile: 'web-app',
    tags: { owner: 'web', env: 'prod' },
  }),
  instance('batch-worker-1', {
    type: 'm5.2xlarge',
    vpc: 'prod',
    subnet: 'prod-private-a',
    securityGroups: ['batch-workers'],
    launchedDaysAgo: 233,
    imds: 'required',
    tags: { owner: 'data', env: 'prod' },
  }),
  instance('legacy-reporting', {
    type: 't3.large',
    vpc: 'default',
    subnet: 'default-a',
    securityGroups: ['legacy-db-admin'],
    launchedDaysAgo: 1210,
    stoppedDaysAgo: 94,
    imds: 'optional',
    tags: {},
  }),
];

const volumes = [
  volume(REGION, 'bastion-root', {
    type: 'gp2',
    sizeGiB: 8,
    encrypted: false,
    createdDaysAgo: 612,
    attachedTo: 'bastion',
  }),
  volume(REGION, 'web-1-root', {
    type: 'gp3',
    sizeGiB: 30,
    encrypted: true,
    createdDaysAgo: 41,
    attachedTo: 'web-1',
  }),
  volume(REGION, 'web-2-root', {
    type: 'gp3',
    sizeGiB: 30,
    encrypted: true,
    createdDaysAgo: 41,
    attachedTo: 'web-2',
  }),
  volume(REGION, 'batch-worker-1-root', {
    type: 'gp3',
    sizeGiB: 100,
    encrypted: true,
    createdDaysAgo: 233,
    attachedTo: 'batch-worker-1',
  }),
  volume(REGION, 'batch-worker-1-scratch', {
    type: 'gp2',
    sizeGiB: 1000,
    encrypted: true,
    createdDaysAgo: 233,
    attachedTo: 'batch-worker-1',
    tags: { owner: 'data' },
  }),
  volume(REGION, 'legacy-reporting-root', {
    type: 'gp2',
    sizeGiB: 200,
    encrypted: false,
    createdDaysAgo: 1210,
    attachedTo: 'legacy-reporting',
  }),
  volume(REGION, 'restore-test-2025-03', {
    type: 'gp2',
    sizeGiB: 500,
    encrypted: false,
    createdDaysAgo: 611,
  }),
];

const securityGroups = [
  // The default VPC's default group still has AWS's default rules: anything using it talks to everything in it.
  securityGroup('default@default', 'default', [rule('-1', undefined, { group: 'default@default' })]),
  securityGroup('default@prod', 'prod', [], { egress: [] }),
  securityGroup('bastion-ssh', 'prod', [
    rule('tcp', [22, 22], { cidrIpv4: '0.0.0.0/0' }, 'temporary - remove after migration'),
  ]),
  securityGroup('web-alb', 'prod', [
    rule('tcp', [443, 443], { cidrIpv4: '0.0.0.0/0' }),
    rule('tcp', [443, 443], { cidrIpv6: '::/0' }),
    rule('tcp', [80, 80], { cidrIpv4: '0.0.0.0/0' }, 'redirect to https'),
  ]),
  securityGroup('web-instances', 'prod', [rule('tcp', [8080, 8080], { group: 'web-alb' })]),
  securityGroup('batch-workers', 'prod', []),
  securityGroup('orders-db', 'prod', [rule('tcp', [5432, 5432], { group: 'web-instances' })]),
  securityGroup('legacy-db-admin', 'default', [
    rule('tcp', [5432, 5432], { cidrIpv4: '0.0.0.0/0' }, 'reporting tool'),
    rule('tcp', [3306, 3306], { cidrIpv4: '0.0.0.0/0' }),
    rule('tcp', [22, 22], { cidrIpv4: '203.0.113.0/24' }, 'office'),
  ]),
];

const balancer = loadBalancer(REGION, 'prod-web', 'prod', ['web-alb'], 700);
const natProd = natGateway('nat-prod-a', 'prod', 'prod-public-a', 700);
const natStaging = natGateway('nat-staging', 'staging', 'staging-public-a', 380);

const databases = [
  database(REGION, 'orders-db', {
    engine: 'postgres',
    dbInstanceClass: 'db.r6g.large',
    storageEncrypted: true,
    backupRetentionPeriod: 14,
    deletionProtection: true,
    multiAz: true,
    allocatedStorageGiB: 500,
    createdDaysAgo: 980,
    tags: { owner: 'orders', env: 'prod' },
  }),
  database(REGION, 'staging-db', {
    engine: 'postgres',
    dbInstanceClass: 'db.t3.medium',
    storageEncrypted: true,
    backupRetentionPeriod: 1,
    deletionProtection: false,
    allocatedStorageGiB: 100,
    createdDaysAgo: 400,
    tags: { owner: 'orders', env: 'staging' },
  }),
];

function metrics(): MetricsRegionInventory {
  const perInstance = (cpu: (day: number) => number, network: (day: number) => number) => ({
    'CPUUtilization:Average': series(cpu),
    'NetworkIn:Sum': series((day) => network(day) * 0.6),
    'NetworkOut:Sum': series((day) => network(day) * 0.4),
  });
  const ops = (perDay: number) => ({
    'VolumeReadOps:Sum': series(weekly(perDay, 0.3)),
    'VolumeWriteOps:Sum': series(weekly(perDay * 2, 0.3)),
  });
  const idleOps = { 'VolumeReadOps:Sum': series(() => null), 'VolumeWriteOps:Sum': series(() => null) };
  const stopped = {
    'CPUUtilization:Average': series(() => null),
    'NetworkIn:Sum': series(() => null),
    'NetworkOut:Sum': series(() => null),
  };
  const id = (name: string) => ec2Id('i', name);
  const vol = (name: string) => ec2Id('vol', name);
  return {
    windowStart: WINDOW_START,
    days: METRIC_DAYS,
    series: {
      [id('bastion')]: perInstance(weekly(1.8, 0.4), weekly(42 * MB, 0.5)),
      [id('web-1')]: perInstance(weekly(38, 0.3), weekly(18 * GB, 0.3)),
      [id('web-2')]: perInstance(weekly(36, 0.3), weekly(17 * GB, 0.3)),
      // A nightly job that shrank to minutes: the 8-vCPU machine idles the rest of the day.
      [id('batch-worker-1')]: perInstance(
        (day) => (day % 7 === 2 ? 24 : 3.1 + (day % 3) * 0.4),
        (day) => (day % 7 === 2 ? 900 * MB : 1.2 * MB),
      ),
      [id('legacy-reporting')]: stopped,
      [natProd.natGatewayId]: { 'BytesOutToDestination:Sum': series(weekly(64 * GB, 0.3)) },
      // Staging was moved to another account; a health check or two still trickles through.
      [natStaging.natGatewayId]: {
        'BytesOutToDestination:Sum': series((day) => (day % 4 === 0 ? 2.4 * MB : null)),
      },
      [`app/prod-web/${hex('alb:prod-web', 16)}`]: { 'RequestCount:Sum': series(weekly(1_850_000, 0.35)) },
      'orders-db': { 'DatabaseConnections:Maximum': series(weekly(88, 0.2)) },
      'staging-db': { 'DatabaseConnections:Maximum': series((day) => (day % 7 >= 5 ? 0 : 6)) },
      [vol('bastion-root')]: ops(1200),
      [vol('web-1-root')]: ops(90_000),
      [vol('web-2-root')]: ops(88_000),
      [vol('batch-worker-1-root')]: ops(5000),
      [vol('batch-worker-1-scratch')]: ops(40_000),
      [vol('legacy-reporting-root')]: idleOps,
      [vol('restore-test-2025-03')]: idleOps,
    },
  };
}

/** The sample account's us-east-1. */
export function usEast1(): RegionInventory {
  return {
    ec2: {
      instances,
      volumes,
      securityGroups,
      vpcs: [
        vpc('default', '172.31.0.0/16', true),
        vpc('prod', '10.10.0.0/16'),
        vpc('staging', '10.20.0.0/16'),
      ],
      subnets: [
        subnet('default-a', 'default', 'us-east-1a', true),
        subnet('default-b', 'default', 'us-east-1b', true),
        subnet('prod-public-a', 'prod', 'us-east-1a', false),
        subnet('prod-public-b', 'prod', 'us-east-1b', false),
        subnet('prod-private-a', 'prod', 'us-east-1a', false),
        subnet('prod-private-b', 'prod', 'us-east-1b', false),
        subnet('staging-public-a', 'staging', 'us-east-1a', false),
      ],
      natGateways: [natProd, natStaging],
      addresses: [
        elasticIp('bastion-eip', '54.87.122.19', { instance: 'bastion' }),
        elasticIp('nat-prod-a-eip', '3.221.40.7', { natInterface: 'nat-prod-a' }),
        elasticIp('nat-staging-eip', '34.196.15.88', { natInterface: 'nat-staging' }),
        elasticIp('old-vpn-endpoint', '52.3.110.245'),
      ],
      ebsEncryptionByDefault: false,
    },
    elbv2: {
      loadBalancers: [balancer],
      targetGroups: [targetGroup(REGION, 'prod-web-tg', 'prod-web', { healthy: 2 })],
    },
    rds: { instances: databases, clusters: [] },
    logs: {
      logGroups: [
        logGroup(REGION, '/aws/lambda/thumbnailer', 12.4, 820),
        logGroup(REGION, '/aws/lambda/orders-webhook', 0.3, 500),
        logGroup(REGION, '/aws/rds/instance/orders-db/postgresql', 3.1, 980, 30),
        logGroup(REGION, '/ecs/prod-web', 48.2, 700, 90),
        logGroup(REGION, 'vpc-flow-logs-prod', 238.7, 690),
      ],
    },
    metrics: metrics(),
    tagging: {
      resources: Object.fromEntries([
        ...instances.map((item) => [
          `arn:aws:ec2:${REGION}:123456789012:instance/${item.instanceId}`,
          item.tags,
        ]),
        ...volumes.map((item) => [`arn:aws:ec2:${REGION}:123456789012:volume/${item.volumeId}`, item.tags]),
        [albArn(REGION, 'prod-web'), { owner: 'web', env: 'prod' }],
        ...databases.map((item) => [item.dbInstanceArn, item.tags]),
      ]),
    },
  };
}
