import type { RegionInventory } from '../../inventory.ts';

/** One metric series to fetch: which resource, which CloudWatch metric and statistic, and its inventory key. */
export interface MetricQuery {
  /** The resource id the series is filed under (instance id, NAT gateway id, ALB ARN suffix, ...). */
  resourceId: string;
  /** The inventory key, `<MetricName>:<Stat>`, e.g. 'CPUUtilization:Average'. */
  key: string;
  /** CloudWatch namespace, e.g. 'AWS/EC2'. */
  namespace: string;
  /** CloudWatch metric name. */
  metricName: string;
  /** The one dimension that names the resource. */
  dimension: { Name: string; Value: string };
  /** Statistic: 'Average', 'Sum' or 'Maximum'. */
  stat: 'Average' | 'Sum' | 'Maximum';
}

/** The metrics the idle and rightsizing rules read, per resource kind: [namespace, dimension, metric, stat]. */
const METRICS = {
  instance: [
    ['AWS/EC2', 'InstanceId', 'CPUUtilization', 'Average'],
    ['AWS/EC2', 'InstanceId', 'NetworkIn', 'Sum'],
    ['AWS/EC2', 'InstanceId', 'NetworkOut', 'Sum'],
  ],
  natGateway: [['AWS/NATGateway', 'NatGatewayId', 'BytesOutToDestination', 'Sum']],
  loadBalancer: [['AWS/ApplicationELB', 'LoadBalancer', 'RequestCount', 'Sum']],
  dbInstance: [['AWS/RDS', 'DBInstanceIdentifier', 'DatabaseConnections', 'Maximum']],
  volume: [
    ['AWS/EBS', 'VolumeId', 'VolumeReadOps', 'Sum'],
    ['AWS/EBS', 'VolumeId', 'VolumeWriteOps', 'Sum'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string, string, MetricQuery['stat']])[]>;

function queriesFor(resourceId: string, metrics: (typeof METRICS)[keyof typeof METRICS]): MetricQuery[] {
  return metrics.map(([namespace, dimension, metricName, stat]) => ({
    resourceId,
    key: `${metricName}:${stat}`,
    namespace,
    metricName,
    dimension: { Name: dimension, Value: resourceId },
    stat,
  }));
}

/**
 * The ALB metrics dimension: the part of the load balancer ARN after `loadbalancer/`, e.g.
 * `app/web/50dc6c495c0c9188`; undefined for an ARN without it.
 */
export function loadBalancerDimension(arn: string): string | undefined {
  const suffix = arn.split(':loadbalancer/')[1];
  return suffix === undefined || suffix === '' ? undefined : suffix;
}

/**
 * Every series to fetch for what EC2, ELBv2 and RDS found in one region: CPU and network per instance (not
 * terminated ones: they have no future), bytes out per NAT gateway (not deleted ones), requests per Application
 * Load Balancer, peak connections per DB instance, read and write ops per EBS volume. Resources whose
 * collection was not collected simply contribute nothing.
 */
export function metricQueries(region: RegionInventory): MetricQuery[] {
  const queries: MetricQuery[] = [];
  for (const instance of region.ec2?.instances ?? [])
    if (instance.state !== 'terminated') queries.push(...queriesFor(instance.instanceId, METRICS.instance));
  for (const gateway of region.ec2?.natGateways ?? [])
    if (gateway.state !== 'deleted' && gateway.state !== 'failed')
      queries.push(...queriesFor(gateway.natGatewayId, METRICS.natGateway));
  for (const balancer of region.elbv2?.loadBalancers ?? []) {
    const dimension =
      balancer.type === 'application' ? loadBalancerDimension(balancer.loadBalancerArn) : undefined;
    if (dimension !== undefined) queries.push(...queriesFor(dimension, METRICS.loadBalancer));
  }
  for (const database of region.rds?.instances ?? [])
    queries.push(...queriesFor(database.dbInstanceIdentifier, METRICS.dbInstance));
  for (const volume of region.ec2?.volumes ?? [])
    queries.push(...queriesFor(volume.volumeId, METRICS.volume));
  return queries;
}
