import {
  GetBucketLocationCommand,
  ListBucketsCommand,
  type ListBucketsCommandOutput,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { classifyAwsError } from '../../aws/aws-error.ts';
import type { Collector, CollectorContext } from '../collector.ts';
import type { S3Bucket, S3Inventory } from '../inventory.ts';
import { isoTime } from './support/iso-time.ts';
import { mapConcurrent } from './support/map-concurrent.ts';
import {
  BUCKET_DETAIL_OPERATIONS,
  readBucketDetails,
  toPublicAccessBlock,
} from './support/s3-bucket-details.ts';
import { regionFromLocationConstraint } from './support/s3-bucket-region.ts';
import { OperationTally } from './support/s3-operation-tally.ts';

/** S3's largest ListBuckets page; asking for a page size also makes S3 include each bucket's region. */
const MAX_BUCKETS_PER_PAGE = 10_000;
/**
 * Buckets read at once (each with its nine calls in flight). S3 throttles per bucket (5,500 GETs/s), so the
 * region-wide token bucket is the real limit; 32 keeps ~300 requests in flight, which bench:scan showed halves
 * the S3 unit's wall time at 100 ms latency compared with 8.
 */
const BUCKET_CONCURRENCY = 32;
/**
 * Time the S3 unit's deadline grows by per bucket, once the buckets are listed. Each bucket costs nine reads: at
 * Axiom's S3 rate limit (1,000/s) that is 9 ms, and about as much CPU in the SDK; 50 ms leaves room for slow
 * answers, so the unit deadline (sized for ordinary units) stops a hung S3 unit but never cuts a large account's
 * reads short: 10,000 buckets get 500 s more.
 */
export const S3_TIME_PER_BUCKET_MS = 50;

/**
 * The coverage name of the account-level Block Public Access read. The SDK operation is S3 Control's
 * GetPublicAccessBlock, which would collide with the per-bucket GetPublicAccessBlock in the same service;
 * this is the IAM action the customer grants for it.
 */
export const ACCOUNT_PUBLIC_ACCESS_BLOCK_OPERATION = 'GetAccountPublicAccessBlock';

/** Every bucket of the account, all pages, with the region S3 reports for it (when it does). */
async function listBuckets(context: CollectorContext, client: S3Client): Promise<S3Bucket[]> {
  const buckets: S3Bucket[] = [];
  let token: string | undefined;
  do {
    const page: ListBucketsCommandOutput = await client.send(
      new ListBucketsCommand({
        MaxBuckets: MAX_BUCKETS_PER_PAGE,
        ...(token === undefined ? {} : { ContinuationToken: token }),
      }),
      { abortSignal: context.signal },
    );
    for (const raw of page.Buckets ?? []) {
      if (raw.Name === undefined) continue;
      const creationDate = isoTime(raw.CreationDate);
      buckets.push({
        name: raw.Name,
        region: raw.BucketRegion ?? '',
        ...(creationDate === undefined ? {} : { creationDate }),
      });
    }
    token = page.ContinuationToken || undefined;
  } while (token !== undefined);
  return buckets;
}

/**
 * Fills in the region of buckets ListBuckets gave none for, with GetBucketLocation. A bucket whose location
 * cannot be read keeps region '' and gets no per-bucket reads (a client for the wrong region would only
 * collect redirects); the tally says so.
 */
async function resolveRegions(
  context: CollectorContext,
  client: S3Client,
  buckets: readonly S3Bucket[],
  tally: OperationTally,
): Promise<void> {
  const unknown = buckets.filter((bucket) => bucket.region === '');
  await mapConcurrent(unknown, BUCKET_CONCURRENCY, async (bucket) => {
    const result = await tally.run('GetBucketLocation', () =>
      client.send(new GetBucketLocationCommand({ Bucket: bucket.name }), { abortSignal: context.signal }),
    );
    if (result.ok) bucket.region = regionFromLocationConstraint(result.value.LocationConstraint);
  });
}

async function readAccountPublicAccessBlock(
  context: CollectorContext,
  inventory: S3Inventory,
): Promise<void> {
  const client = context.client(S3ControlClient);
  const read = await context.attempt(ACCOUNT_PUBLIC_ACCESS_BLOCK_OPERATION, async () => {
    try {
      const output = await client.send(
        new GetAccountPublicAccessBlockCommand({ AccountId: context.accountId }),
        {
          abortSignal: context.signal,
        },
      );
      return { block: toPublicAccessBlock(output.PublicAccessBlockConfiguration) };
    } catch (error) {
      // The account never configured Block Public Access: a value, not a failure.
      if (classifyAwsError(error).code === 'NoSuchPublicAccessBlockConfiguration') return { block: null };
      throw error;
    }
  });
  if (read) inventory.accountPublicAccessBlock = read.block;
}

async function collectBuckets(context: CollectorContext, inventory: S3Inventory): Promise<void> {
  const home = context.client(S3Client);
  const buckets = await context.attempt('ListBuckets', () => listBuckets(context, home));
  if (!buckets) return;
  context.extendDeadline(buckets.length * S3_TIME_PER_BUCKET_MS);
  const tally = new OperationTally('buckets');
  await resolveRegions(context, home, buckets, tally);
  // S3 redirects a request sent to another region's endpoint, so each bucket is read in its own region.
  const clients = new Map<string, S3Client>();
  const clientFor = (region: string): S3Client => {
    let client = clients.get(region);
    if (!client) {
      client = context.client(S3Client, region);
      clients.set(region, client);
    }
    return client;
  };
  await mapConcurrent(buckets, BUCKET_CONCURRENCY, async (bucket) => {
    const skip = context.signal.aborted
      ? 'not read: the scan ran out of time for this account'
      : bucket.region === ''
        ? 'not read: the bucket region could not be determined'
        : undefined;
    if (skip !== undefined) {
      for (const operation of BUCKET_DETAIL_OPERATIONS) tally.notAttempted(operation, skip);
      return;
    }
    await readBucketDetails(clientFor(bucket.region), bucket, tally, context.signal);
  });
  tally.report(context);
  inventory.buckets = buckets;
}

/**
 * S3, once per account: every bucket (paginated ListBuckets, each bucket filed under its own region whatever
 * regions were selected) with its public access block, policy status, policy, ACL, ownership controls,
 * encryption, versioning, lifecycle and logging, read in the bucket's region with bounded concurrency; and the
 * account-level Block Public Access. Per-bucket reads are reported as one coverage entry per operation.
 * Never lists or reads an object.
 */
export const s3Collector: Collector = {
  service: 's3',
  scope: 'global',
  operations: [
    { client: 'S3', operation: 'ListBuckets' },
    { client: 'S3', operation: 'GetBucketLocation' },
    { client: 'S3Control', operation: 'GetPublicAccessBlock' },
    ...BUCKET_DETAIL_OPERATIONS.map((operation) => ({ client: 'S3' as const, operation })),
  ],
  async collect(context, target) {
    target.account.s3 ??= {};
    const inventory = target.account.s3;
    await Promise.all([collectBuckets(context, inventory), readAccountPublicAccessBlock(context, inventory)]);
  },
};
