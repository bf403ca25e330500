/**
 * eu-west-1, the EU web tier: mostly in order (EBS encryption by default on, IMDSv2 everywhere). Problems
 * planted: RDP open to the internet in an unused group, a campaign load balancer left behind with no healthy
 * targets, a database without deletion protection, a log group kept forever. The tagging API failed here
 * (throttled past its retries): a coverage gap with no rule behind it.
 */
import type { MetricsRegionInventory, RegionInventory } from '../../core/index.ts';
import {
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

const REGION = 'eu-west-1';
const GB = 1_000_000_000;

const webInstances = ['eu-web-1', 'eu-web-2'].map((name, index) =>
  instance(name, {
    type: 't3.medium',
    vpc: 'eu-prod',
    subnet: `eu-prod-private-${index === 0 ? 'a' : 'b'}`,
    securityGroups: ['eu-web-instances'],
    launchedDaysAgo: 120,
    imds: 'required',
    profile: 'web-app',
    tags: { owner: 'web', env: 'prod' },
  }),
);

function metrics(natId: string): MetricsRegionInventory {
  const web = {
    'CPUUtilization:Average': series(weekly(22, 0.3)),
    'NetworkIn:Sum': series(weekly(6 * GB, 0.3)),
    'NetworkOut:Sum': series(weekly(4 * GB, 0.3)),
  };
  const ops = {
    'VolumeReadOps:Sum': series(weekly(30_000, 0.3)),
    'VolumeWriteOps:Sum': series(weekly(60_000, 0.3)),
  };
  return {
    windowStart: WINDOW_START,
    days: METRIC_DAYS,
    series: {
      [ec2Id('i', 'eu-web-1')]: web,
      [ec2Id('i', 'eu-web-2')]: web,
      [ec2Id('vol', 'eu-web-1-root')]: ops,
      [ec2Id('vol', 'eu-web-2-root')]: ops,
      [natId]: { 'BytesOutToDestination:Sum': series(weekly(21 * GB, 0.3)) },
      [`app/eu-web/${hex('alb:eu-web', 16)}`]: { 'RequestCount:Sum': series(weekly(640_000, 0.35)) },
      // A campaign site nobody took down: crawlers only.
      [`app/black-friday-2025/${hex('alb:black-friday-2025', 16)}`]: {
        'RequestCount:Sum': series((day) => 12 + (day % 5) * 7),
      },
      'eu-customers': { 'DatabaseConnections:Maximum': series(weekly(31, 0.2)) },
    },
  };
}

/** The sample account's eu-west-1. */
export function euWest1(): RegionInventory {
  const nat = natGateway('nat-eu-prod-a', 'eu-prod', 'eu-prod-public-a', 500);
  return {
    ec2: {
      instances: webInstances,
      volumes: webInstances.map((item) =>
        volume(REGION, `${item.tags.Name}-root`, {
          type: 'gp3',
          sizeGiB: 30,
          encrypted: true,
          createdDaysAgo: 120,
          attachedTo: item.tags.Name ?? '',
        }),
      ),
      securityGroups: [
        securityGroup('default@eu-default', 'eu-default', [], { egress: [] }),
        securityGroup('default@eu-prod', 'eu-prod', [], { egress: [] }),
        securityGroup('eu-web-alb', 'eu-prod', [
          rule('tcp', [443, 443], { cidrIpv4: '0.0.0.0/0' }),
          rule('tcp', [443, 443], { cidrIpv6: '::/0' }),
        ]),
        securityGroup('eu-web-instances', 'eu-prod', [rule('tcp', [8080, 8080], { group: 'eu-web-alb' })]),
        securityGroup('windows-admin', 'eu-prod', [
          rule('tcp', [3389, 3389], { cidrIpv4: '0.0.0.0/0' }, 'RDP for vendor'),
        ]),
      ],
      vpcs: [vpc('eu-default', '172.31.0.0/16', true), vpc('eu-prod', '10.30.0.0/16')],
      subnets: [
        subnet('eu-default-a', 'eu-default', 'eu-west-1a', true),
        subnet('eu-prod-public-a', 'eu-prod', 'eu-west-1a', false),
        subnet('eu-prod-private-a', 'eu-prod', 'eu-west-1a', false),
        subnet('eu-prod-private-b', 'eu-prod', 'eu-west-1b', false),
      ],
      natGateways: [nat],
      addresses: [elasticIp('nat-eu-prod-a-eip', '52.49.7.200', { natInterface: 'nat-eu-prod-a' })],
      ebsEncryptionByDefault: true,
    },
    elbv2: {
      loadBalancers: [
        loadBalancer(REGION, 'eu-web', 'eu-prod', ['eu-web-alb'], 500),
        loadBalancer(REGION, 'black-friday-2025', 'eu-prod', ['eu-web-alb'], 380),
      ],
      targetGroups: [
        targetGroup(REGION, 'eu-web-tg', 'eu-web', { healthy: 2 }),
        targetGroup(REGION, 'black-friday-tg', 'black-friday-2025', { unhealthy: 2 }),
      ],
    },
    rds: {
      instances: [
        database(REGION, 'eu-customers', {
          engine: 'postgres',
          dbInstanceClass: 'db.m6g.large',
          storageEncrypted: true,
          backupRetentionPeriod: 14,
          deletionProtection: false,
          allocatedStorageGiB: 200,
          createdDaysAgo: 500,
          tags: { owner: 'web', env: 'prod', 'data-class': 'personal' },
        }),
      ],
      clusters: [],
    },
    logs: {
      logGroups: [
        logGroup(REGION, '/aws/lambda/eu-notifier', 1.7, 300),
        logGroup(REGION, '/ecs/eu-web', 9.8, 500, 90),
      ],
    },
    metrics: metrics(nat.natGatewayId),
  };
}
