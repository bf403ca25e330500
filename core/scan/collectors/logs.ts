import {
  type LogGroup as AwsLogGroup,
  CloudWatchLogsClient,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import type { Collector } from '../collector.ts';
import type { LogGroup } from '../inventory.ts';
import { allPages } from './support/all-pages.ts';
import { isoTime } from './support/iso-time.ts';
import { optionalFields } from './support/optional-fields.ts';

/** The largest page DescribeLogGroups allows (`limit`): the fewest calls per region. */
const PAGE_SIZE = 50;

function toLogGroup(raw: AwsLogGroup): LogGroup {
  return {
    logGroupName: raw.logGroupName ?? '',
    storedBytes: raw.storedBytes ?? 0,
    ...optionalFields({
      // `logGroupArn` is the plain ARN; the older `arn` ends in ':*' (the log streams' wildcard).
      arn: raw.logGroupArn ?? raw.arn?.replace(/:\*$/, ''),
      // Absent retention is AWS's "never expire": leaving the field out says exactly that.
      retentionInDays: raw.retentionInDays,
      creationTime: isoTime(raw.creationTime),
      kmsKeyId: raw.kmsKeyId,
    }),
  };
}

/** CloudWatch Logs in one region: log group metadata (retention, stored bytes). Never reads a log event. */
export const logsCollector: Collector = {
  service: 'logs',
  scope: 'regional',
  operations: [{ client: 'CloudWatchLogs', operation: 'DescribeLogGroups' }],
  async collect(context, target) {
    target.regional.logs ??= {};
    const logs = target.regional.logs;
    const client = context.client(CloudWatchLogsClient);
    const groups = await context.attempt('DescribeLogGroups', () =>
      allPages(
        paginateDescribeLogGroups(
          { client, stopOnSameToken: true },
          { limit: PAGE_SIZE },
          { abortSignal: context.signal },
        ),
        (page) => page.logGroups,
      ),
    );
    if (groups) logs.logGroups = groups.map(toLogGroup);
  },
};
