import { monthlyFromHourly, rdsHourlyPrice } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { monthlyEstimate } from '../support/estimate.ts';
import { dailySeries, existedForLastDays, lastNDates, lastNDays } from '../support/metrics.ts';
import { databaseLabel, instanceResource, replicaSource } from './support-databases.ts';

/** The metric: the day's peak number of client connections. */
const CONNECTIONS = 'DatabaseConnections:Maximum';
/** Days without a single connection that make a database idle. */
const IDLE_DAYS = 7;
/** Engines the price table's single-AZ MySQL/PostgreSQL prices apply to (MariaDB is priced as MySQL). */
const PRICED_ENGINES: ReadonlySet<string> = new Set(['mysql', 'mariadb', 'postgres']);
/** States in which the instance is not billed for compute, or not yet or no longer a database. */
const NOT_RUNNING: ReadonlySet<string> = new Set(['stopped', 'stopping', 'creating', 'deleting']);

/** The monthly compute cost of `instance` in `region`, or undefined when the table has no price for it. */
function monthlyCompute(
  engine: string,
  instanceClass: string,
  multiAz: boolean,
  region: string,
): number | undefined {
  const hourly = PRICED_ENGINES.has(engine) ? rdsHourlyPrice(instanceClass) : undefined;
  if (hourly === undefined) return undefined;
  // Multi-AZ runs a standby of the same class: twice the instance hours.
  return monthlyFromHourly(hourly, region) * (multiAz ? 2 : 1);
}

/**
 * A running DB instance whose daily peak DatabaseConnections was 0 on each of the last 7 days of the metric
 * window: nothing connected at all, not even a health check. RDS publishes the metric every minute while the
 * instance runs, so a day without a datapoint means it was not running then, and such an instance is skipped
 * (as is one created within the 7 days, or one with no series: not measured). The saving is the instance
 * hours at list price (twice for Multi-AZ); storage, I/O and backups are excluded, and engines or classes
 * missing from the price table get a finding without a figure. A read replica of a source in another region is
 * not reported: a cross-region replica with no clients is a disaster-recovery standby, idle by design. An idle
 * replica in its source's region is, and the message names the source.
 */
export const idleInstance = {
  id: 'aws.rds.idle-instance',
  service: 'rds',
  category: 'cost',
  severity: 'low',
  title: 'RDS instance idle',
  rationale:
    'A DB instance is billed every hour it runs, connected or not. One that no client has connected to for a week ' +
    "is usually a leftover (a migrated or abandoned app, a test copy) and often one of the account's larger line " +
    'items; Trusted Advisor\'s "Amazon RDS Idle DB Instances" check looks for the same thing. Read replicas in ' +
    'another region than their source are left out: a standby kept for disaster recovery has no clients by design.',
  remediation:
    'Confirm with the owner that nothing needs it, take a final snapshot and delete it: `aws rds delete-db-instance ' +
    '--db-instance-identifier <id> --final-db-snapshot-identifier <id>-final` (the snapshot costs only storage ' +
    'and can be restored later). If it is needed only occasionally, stop it (`aws rds stop-db-instance`, up to 7 ' +
    'days at a time) or move it to a smaller class or Aurora Serverless.',
  scope: 'regional',
  requires: [
    { service: 'rds', operation: 'DescribeDBInstances' },
    { service: 'cloudwatch', operation: 'GetMetricData' },
  ],
  evaluate(scope) {
    if (scope.kind !== 'regional') return [];
    const instances = scope.inventory.rds?.instances;
    const metrics = scope.inventory.metrics;
    if (!instances || !metrics) return [];
    const hits: RuleHit[] = [];
    for (const instance of instances) {
      if (instance.status !== undefined && NOT_RUNNING.has(instance.status)) continue;
      const source = replicaSource(instance);
      if (source?.startsWith('arn:')) continue;
      const series = dailySeries(metrics, instance.dbInstanceIdentifier, CONNECTIONS);
      if (!series || !existedForLastDays(metrics, instance.instanceCreateTime, IDLE_DAYS)) continue;
      const lastWeek = lastNDays(series, IDLE_DAYS);
      if (lastWeek.length < IDLE_DAYS || lastWeek.some((peak) => peak === null || peak > 0)) continue;
      const dates = lastNDates(metrics, IDLE_DAYS);
      const monthly = monthlyCompute(
        instance.engine,
        instance.dbInstanceClass,
        instance.multiAz,
        scope.region,
      );
      const shape = `${instance.dbInstanceClass}${instance.multiAz ? ', Multi-AZ' : ''}`;
      const replica = source === undefined ? '' : `, a read replica of ${source},`;
      hits.push({
        resource: instanceResource(instance),
        message:
          `${databaseLabel('instance', instance.dbInstanceIdentifier, instance.engine)}, ${shape}, in ${scope.region}${replica} ` +
          `had no connections (daily maximum DatabaseConnections 0) on each of the ${IDLE_DAYS} days ` +
          `${dates[0]} to ${dates[dates.length - 1]}; ` +
          (monthly === undefined
            ? `the price table has no figure for ${instance.engine} ${instance.dbInstanceClass}, so no saving is estimated.`
            : `its instance hours cost ${monthlyEstimate(monthly)}, storage excluded.`),
        evidence: {
          dbInstanceIdentifier: instance.dbInstanceIdentifier,
          dbInstanceClass: instance.dbInstanceClass,
          engine: instance.engine,
          multiAz: instance.multiAz,
          status: instance.status,
          instanceCreateTime: instance.instanceCreateTime,
          ...(source === undefined ? {} : { readReplicaSource: source }),
          metric: CONNECTIONS,
          days: dates,
          dailyMaxConnections: lastWeek,
        },
        ...(monthly === undefined ? {} : { estimatedMonthlySavingsUsd: monthly }),
      });
    }
    return hits;
  },
} satisfies Rule;
