/**
 * us-west-2, the legacy region nobody looks at: a Jenkins server open to the internet, a stopped lab node, an
 * old analytics database that is public, unencrypted, without backups and idle, an unencrypted Aurora cluster
 * with one day of backups, unencrypted gp2 volumes and an unassociated Elastic IP. An organisation SCP denies
 * CloudWatch Logs here, so the log groups are a coverage gap and the retention rule is not evaluated.
 */
import type { MetricsRegionInventory, RegionInventory } from '../../core/index.ts';
import {
  cluster,
  database,
  elasticIp,
  instance,
  rule,
  securityGroup,
  subnet,
  volume,
  vpc,
} from './builders.ts';
import { ec2Id, METRIC_DAYS, series, WINDOW_START, weekly } from './ids.ts';

const REGION = 'us-west-2';
const MB = 1_000_000;

const instances = [
  instance('dev-jenkins', {
    type: 't3.xlarge',
    vpc: 'usw2-default',
    subnet: 'usw2-default-a',
    securityGroups: ['jenkins'],
    launchedDaysAgo: 1650,
    publicIp: '35.161.20.4',
    imds: 'optional',
    tags: { owner: 'platform' },
  }),
  instance('k8s-lab-node', {
    type: 'm5.xlarge',
    vpc: 'usw2-default',
    subnet: 'usw2-default-b',
    securityGroups: ['k8s-lab'],
    launchedDaysAgo: 400,
    stoppedDaysAgo: 47,
    imds: 'optional',
  }),
];

const volumes = [
  volume(REGION, 'dev-jenkins-root', {
    type: 'gp2',
    sizeGiB: 250,
    encrypted: false,
    createdDaysAgo: 1650,
    attachedTo: 'dev-jenkins',
  }),
  volume(REGION, 'k8s-lab-node-root', {
    type: 'gp2',
    sizeGiB: 80,
    encrypted: false,
    createdDaysAgo: 400,
    attachedTo: 'k8s-lab-node',
  }),
  volume(REGION, 'jenkins-old-workspace', {
    type: 'gp2',
    sizeGiB: 300,
    encrypted: false,
    createdDaysAgo: 900,
  }),
];

function metrics(): MetricsRegionInventory {
  const none = () => null;
  return {
    windowStart: WINDOW_START,
    days: METRIC_DAYS,
    series: {
      // Builds a few times a week; otherwise the 4-vCPU server waits.
      [ec2Id('i', 'dev-jenkins')]: {
        'CPUUtilization:Average': series((day) => (day % 3 === 0 ? 14 : 0.9)),
        'NetworkIn:Sum': series((day) => (day % 3 === 0 ? 400 * MB : 1.5 * MB)),
        'NetworkOut:Sum': series((day) => (day % 3 === 0 ? 80 * MB : 0.8 * MB)),
      },
      [ec2Id('i', 'k8s-lab-node')]: {
        'CPUUtilization:Average': series(none),
        'NetworkIn:Sum': series(none),
        'NetworkOut:Sum': series(none),
      },
      [ec2Id('vol', 'dev-jenkins-root')]: {
        'VolumeReadOps:Sum': series(weekly(2000, 0.5)),
        'VolumeWriteOps:Sum': series(weekly(9000, 0.5)),
      },
      [ec2Id('vol', 'k8s-lab-node-root')]: {
        'VolumeReadOps:Sum': series(none),
        'VolumeWriteOps:Sum': series(none),
      },
      [ec2Id('vol', 'jenkins-old-workspace')]: {
        'VolumeReadOps:Sum': series(none),
        'VolumeWriteOps:Sum': series(none),
      },
      // Nothing has connected since the dashboards moved to the warehouse.
      'analytics-old': { 'DatabaseConnections:Maximum': series(() => 0) },
      'reports-1': { 'DatabaseConnections:Maximum': series(weekly(4, 0.5)) },
    },
  };
}

/** The sample account's us-west-2. */
export function usWest2(): RegionInventory {
  return {
    ec2: {
      instances,
      volumes,
      securityGroups: [
        securityGroup('default@usw2-default', 'usw2-default', [
          rule('-1', undefined, { group: 'default@usw2-default' }),
        ]),
        securityGroup('jenkins', 'usw2-default', [
          rule('tcp', [22, 22], { cidrIpv4: '0.0.0.0/0' }),
          rule('tcp', [8080, 8080], { cidrIpv4: '0.0.0.0/0' }, 'jenkins ui'),
        ]),
        securityGroup('k8s-lab', 'usw2-default', [rule('-1', undefined, { cidrIpv6: '::/0' })]),
        securityGroup('analytics-db', 'usw2-default', [
          rule('tcp', [3306, 3306], { cidrIpv4: '0.0.0.0/0' }, 'BI tool'),
        ]),
      ],
      vpcs: [vpc('usw2-default', '172.31.0.0/16', true)],
      subnets: [
        subnet('usw2-default-a', 'usw2-default', 'us-west-2a', true),
        subnet('usw2-default-b', 'usw2-default', 'us-west-2b', true),
        subnet('usw2-default-c', 'usw2-default', 'us-west-2c', true),
      ],
      natGateways: [],
      addresses: [
        elasticIp('jenkins-eip', '35.161.20.4', { instance: 'dev-jenkins' }),
        elasticIp('k8s-lab-ingress', '44.226.9.31'),
      ],
      ebsEncryptionByDefault: false,
    },
    elbv2: { loadBalancers: [], targetGroups: [] },
    rds: {
      instances: [
        database(REGION, 'analytics-old', {
          engine: 'mysql',
          dbInstanceClass: 'db.m5.large',
          publiclyAccessible: true,
          storageEncrypted: false,
          backupRetentionPeriod: 0,
          deletionProtection: false,
          allocatedStorageGiB: 400,
          createdDaysAgo: 1400,
          tags: { owner: 'data' },
        }),
        database(REGION, 'reports-1', {
          engine: 'aurora-mysql',
          dbInstanceClass: 'db.r5.large',
          storageEncrypted: false,
          backupRetentionPeriod: 1,
          deletionProtection: false,
          createdDaysAgo: 1000,
          cluster: 'reports',
          tags: { owner: 'data' },
        }),
      ],
      clusters: [
        cluster(REGION, 'reports', {
          engine: 'aurora-mysql',
          storageEncrypted: false,
          backupRetentionPeriod: 1,
          deletionProtection: false,
          tags: { owner: 'data' },
        }),
      ],
    },
    // Denied by an SCP: the collector made the slot, but could not fill it (see coverage).
    logs: {},
    metrics: metrics(),
    tagging: {
      resources: {
        [`arn:aws:ec2:${REGION}:123456789012:instance/${ec2Id('i', 'dev-jenkins')}`]: { owner: 'platform' },
        [`arn:aws:rds:${REGION}:123456789012:db:analytics-old`]: { owner: 'data' },
        [`arn:aws:rds:${REGION}:123456789012:cluster:reports`]: { owner: 'data' },
      },
    },
  };
}
