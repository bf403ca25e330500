import { ec2HourlyPrice, monthlyFromHourly } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { monthlyEstimate } from '../support/estimate.ts';
import { addSeries, dailySeries, lastNDates, lastNDays } from '../support/metrics.ts';
import { ec2Arn, regionalScope, withName } from './support-scope.ts';

/** Trusted Advisor's "Low Utilization Amazon EC2 Instances" test, as AWS documents it. */
const WINDOW_DAYS = 14;
const MAX_CPU_PERCENT = 10;
/** 5 MB of network I/O (NetworkIn + NetworkOut) a day, decimal megabytes as CloudWatch counts bytes. */
const MAX_NETWORK_BYTES = 5_000_000;
const MIN_LOW_DAYS = 4;
/** One size down in the same family halves the on-demand price. */
const ONE_SIZE_DOWN_SAVING = 0.5;

const CPU = 'CPUUtilization:Average';
const NETWORK_IN = 'NetworkIn:Sum';
const NETWORK_OUT = 'NetworkOut:Sum';

/**
 * A running instance that, on at least 4 of the last 14 days, averaged at most 10% CPU and moved at most 5 MB
 * over the network (Trusted Advisor's test). A day counts only when both CPU and network were measured; an
 * instance with no CPU series was not measured and is skipped. The saving assumes one size down (half the
 * price); instance types missing from the price table still get a finding, without a figure.
 */
export const instanceLowUtilization = {
  id: 'aws.ec2.instance-low-utilization',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: 'Instance has low utilisation',
  rationale:
    'An instance that is nearly idle on several days out of fourteen is usually oversized or no longer needed; ' +
    'it is billed by the hour all the same. This is the test of Trusted Advisor\'s "Low Utilization Amazon EC2 ' +
    'Instances" check: daily average CPU at most 10% and network I/O at most 5 MB on 4 or more of the last 14 days.',
  remediation:
    "Check memory and disk use too (CloudWatch agent) and the workload's peaks, then stop or terminate it if it " +
    'is unused, or change it one size down: stop, `aws ec2 modify-instance-attribute --instance-id <id> ' +
    '--instance-type <smaller>`, start. Compute Optimizer gives a sized recommendation.',
  scope: 'regional',
  requires: [
    { service: 'ec2', operation: 'DescribeInstances' },
    { service: 'cloudwatch', operation: 'GetMetricData' },
  ],
  evaluate(scope) {
    const regional = regionalScope(scope);
    const instances = regional?.inventory.ec2?.instances;
    const metrics = regional?.inventory.metrics;
    if (!regional || !instances || !metrics) return [];
    const hits: RuleHit[] = [];
    for (const instance of instances) {
      if (instance.state !== 'running') continue;
      const cpuSeries = dailySeries(metrics, instance.instanceId, CPU);
      if (!cpuSeries) continue;
      const cpu = lastNDays(cpuSeries, WINDOW_DAYS);
      const network = lastNDays(
        addSeries(
          dailySeries(metrics, instance.instanceId, NETWORK_IN) ?? [],
          dailySeries(metrics, instance.instanceId, NETWORK_OUT) ?? [],
        ),
        WINDOW_DAYS,
      );
      const dates = lastNDates(metrics, cpu.length);
      const days = cpu.map((cpuPercent, index) => ({
        date: dates[index],
        cpuPercent,
        networkBytes: network[index] ?? null,
      }));
      const lowDays = days.filter(
        (day) =>
          day.cpuPercent !== null &&
          day.cpuPercent <= MAX_CPU_PERCENT &&
          day.networkBytes !== null &&
          day.networkBytes <= MAX_NETWORK_BYTES,
      );
      if (lowDays.length < MIN_LOW_DAYS) continue;
      const hourly = ec2HourlyPrice(instance.instanceType);
      const saving =
        hourly === undefined ? undefined : monthlyFromHourly(hourly, regional.region) * ONE_SIZE_DOWN_SAVING;
      const savingText =
        saving === undefined
          ? `price unknown for type ${instance.instanceType}, so no saving is estimated`
          : `one size down saves ${monthlyEstimate(saving)}, half its Linux on-demand price; stopping it saves all of it`;
      hits.push({
        resource: {
          type: 'AWS::EC2::Instance',
          id: instance.instanceId,
          arn: ec2Arn(regional, 'instance', instance.instanceId),
        },
        message:
          `Instance ${withName(instance.instanceId, instance.tags)} (${instance.instanceType}) averaged at most ` +
          `${MAX_CPU_PERCENT}% CPU with at most 5 MB of network I/O on ${lowDays.length} of the last ` +
          `${days.length} days; ${savingText}.`,
        evidence: {
          instanceId: instance.instanceId,
          instanceType: instance.instanceType,
          state: instance.state,
          lowDays: lowDays.length,
          thresholds: { cpuPercent: MAX_CPU_PERCENT, networkBytes: MAX_NETWORK_BYTES, minDays: MIN_LOW_DAYS },
          days,
          hourlyPriceUsd: hourly,
        },
        ...(saving === undefined ? {} : { estimatedMonthlySavingsUsd: saving }),
      });
    }
    return hits;
  },
} satisfies Rule;
