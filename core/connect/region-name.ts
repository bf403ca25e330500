import type { Partition } from './role-arn.ts';

/**
 * Region names as AWS forms them (`us-east-1`, `eu-west-2`, `ap-southeast-4`, `us-gov-west-1`, `cn-north-1`):
 * a two-letter area, `-gov` in GovCloud, a direction and a number. A pattern rather than a list, so a region AWS
 * opens next year is not refused; whether the account has it enabled is for the scan to find out. A string, so
 * the Terraform module's variable validation uses the very same pattern.
 */
export const AWS_REGION_PATTERN =
  '^[a-z]{2}(-gov)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d{1,2}$';

/** The one region-name test of Axiom: CLI flags, target lists, policies and the Terraform module's validation. */
const REGION_NAME = new RegExp(AWS_REGION_PATTERN);

/** True when `value` is written as an AWS region name (whether AWS has opened it is another matter). */
export function isAwsRegionName(value: string): boolean {
  return REGION_NAME.test(value);
}

/** Examples shown when a region name is wrong. */
const EXAMPLES = 'us-east-1, eu-west-2, us-gov-west-1 or cn-north-1';

/** The partition a (well-formed) region belongs to. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.includes('-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * What is wrong with `region` as a region of a role in `partition`, or undefined when nothing is. Catches the
 * usual slips: an availability zone (`us-east-1a`), capitals, and a region from another partition.
 */
export function regionProblem(region: string, partition?: Partition): string | undefined {
  if (/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}[a-z]$/.test(region) && REGION_NAME.test(region.slice(0, -1)))
    return `"${region}" is an availability zone; use its region, ${region.slice(0, -1)}`;
  if (region !== region.toLowerCase() && REGION_NAME.test(region.toLowerCase()))
    return `"${region}" must be written in lower case: ${region.toLowerCase()}`;
  if (!REGION_NAME.test(region)) return `"${region}" is not a region name (expected one like ${EXAMPLES})`;
  const regionPartition = partitionOfRegion(region);
  if (partition !== undefined && regionPartition !== partition)
    return `"${region}" is in the ${regionPartition} partition, but the role is in ${partition}`;
  return undefined;
}
