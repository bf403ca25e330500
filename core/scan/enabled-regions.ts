import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { type ClientSettings, createClient } from '../aws/client-factory.ts';

/** Where each partition's global services (IAM, S3's bucket list, Cost Explorer) and region listing are called. */
export const HOME_REGIONS: Readonly<Record<string, string>> = {
  aws: 'us-east-1',
  'aws-cn': 'cn-north-1',
  'aws-us-gov': 'us-gov-west-1',
};

/** The home region of `partition` (us-east-1 for an unknown one). */
export function homeRegionOf(partition: string | undefined): string {
  return HOME_REGIONS[partition ?? 'aws'] ?? 'us-east-1';
}

/**
 * The regions enabled in the account (`--regions all`), sorted: one ec2:DescribeRegions call, which without
 * `AllRegions` lists only regions the account can use, so opted-out regions cost no calls at all. Throws what
 * the SDK throws; the engine turns it into coverage.
 */
export async function listEnabledRegions(settings: ClientSettings, signal?: AbortSignal): Promise<string[]> {
  const ec2 = createClient(EC2Client, settings);
  try {
    const output = await ec2.send(new DescribeRegionsCommand({}), signal ? { abortSignal: signal } : {});
    return (output.Regions ?? [])
      .filter((region) => region.OptInStatus !== 'not-opted-in')
      .flatMap((region) => (region.RegionName ? [region.RegionName] : []))
      .sort();
  } finally {
    ec2.destroy();
  }
}
