import type { Collector } from '../collector.ts';
import { cloudwatchCollector } from './cloudwatch.ts';
import { costExplorerCollector } from './cost-explorer.ts';
import { ec2Collector } from './ec2.ts';
import { elbv2Collector } from './elbv2.ts';
import { iamCollector } from './iam.ts';
import { logsCollector } from './logs.ts';
import { rdsCollector } from './rds.ts';
import { s3Collector } from './s3.ts';
import { taggingCollector } from './tagging.ts';

/**
 * Every collector, one per service, in the order a scan runs them (SCAN_SERVICES): CloudWatch comes after EC2,
 * ELBv2 and RDS because it measures the resources they found in the region.
 */
export const ALL_COLLECTORS: readonly Collector[] = [
  iamCollector,
  s3Collector,
  ec2Collector,
  elbv2Collector,
  rdsCollector,
  logsCollector,
  cloudwatchCollector,
  taggingCollector,
  costExplorerCollector,
];
