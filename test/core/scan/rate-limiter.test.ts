import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../core/scan/rate-limiter.ts';
import { apiFamilyOf, DEFAULT_RATE_LIMITS, resolveRateLimits } from '../../../core/scan/rate-limits.ts';
import { TokenBucket } from '../../../core/scan/token-bucket.ts';
import { advancingSleep, fakeClock, manualSleep } from './fake-time.ts';

describe('TokenBucket', () => {
  it('starts full: a burst goes at once, then each token waits 1/rate behind the one before', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 20 }, 0);
    const waits = Array.from({ length: 23 }, () => bucket.reserve(0));
    expect(waits.slice(0, 20)).toEqual(Array(20).fill(0));
    expect(waits.slice(20)).toEqual([100, 200, 300]);
    expect(bucket.available(0)).toBe(-3);
  });

  it('refills at the rate, never beyond the burst', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 20 }, 0);
    for (let i = 0; i < 20; i++) bucket.reserve(0);
    expect(bucket.available(500)).toBe(5);
    expect(bucket.available(60_000)).toBe(20);
    expect(bucket.reserve(60_000)).toBe(0);
    expect(bucket.available(60_000)).toBe(19);
  });

  it('sustains exactly the rate: 100 calls at 10/s with burst 1 span 9.9 s', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 1 }, 0);
    const waits = Array.from({ length: 100 }, () => bucket.reserve(0));
    expect(waits[0]).toBe(0);
    expect(waits[99]).toBeCloseTo(9_900, 6);
  });

  it('does not mint tokens when the clock steps back', () => {
    const bucket = new TokenBucket({ perSecond: 1, burst: 1 }, 10_000);
    expect(bucket.reserve(10_000)).toBe(0);
    expect(bucket.reserve(5_000)).toBe(1_000);
  });

  it('takes back a released reservation, up to the burst', () => {
    const bucket = new TokenBucket({ perSecond: 1, burst: 2 }, 0);
    bucket.reserve(0);
    bucket.reserve(0);
    expect(bucket.reserve(0)).toBe(1_000);
    bucket.release();
    expect(bucket.available(0)).toBe(0);
    bucket.release();
    bucket.release();
    bucket.release();
    expect(bucket.available(0)).toBe(2);
  });
});

describe('rate limit table', () => {
  it('names each client family', () => {
    expect(apiFamilyOf('EC2:DescribeInstances')).toBe('ec2');
    expect(apiFamilyOf('IAM:GetAccountAuthorizationDetails')).toBe('iam');
    expect(apiFamilyOf('S3:GetBucketPolicy')).toBe('s3');
    expect(apiFamilyOf('S3Control:GetPublicAccessBlock')).toBe('s3-control');
    expect(apiFamilyOf('CloudWatch:GetMetricData')).toBe('cloudwatch');
    expect(apiFamilyOf('CloudWatchLogs:DescribeLogGroups')).toBe('logs');
    expect(apiFamilyOf('CostExplorer:GetCostAndUsage')).toBe('ce');
    expect(apiFamilyOf('ResourceGroupsTaggingAPI:GetResources')).toBe('tagging');
    expect(apiFamilyOf('Lambda:ListFunctions')).toBe('other');
  });

  it('stays well under AWS: EC2 at half its 20/s refill, Cost Explorer at 1/s', () => {
    expect(DEFAULT_RATE_LIMITS.ec2).toEqual({ perSecond: 10, burst: 20, scope: 'region' });
    expect(DEFAULT_RATE_LIMITS.ce.perSecond).toBe(1);
    expect(DEFAULT_RATE_LIMITS.iam.scope).toBe('account');
  });

  it('stays at half of what AWS allows where AWS publishes it, or far below', () => {
    // ELB Describe*: bucket 40, refill 10/s per account and region.
    expect(DEFAULT_RATE_LIMITS.elbv2).toEqual({ perSecond: 5, burst: 20, scope: 'region' });
    // CloudWatch Logs DescribeLogGroups 10/s; CloudWatch GetMetricData 50/s.
    expect(DEFAULT_RATE_LIMITS.logs.perSecond).toBeLessThanOrEqual(5);
    expect(DEFAULT_RATE_LIMITS.cloudwatch.perSecond).toBeLessThanOrEqual(25);
    // S3: 5,500 GETs/s per bucket prefix; Axiom's cap is per region, over all buckets.
    expect(DEFAULT_RATE_LIMITS.s3.perSecond).toBeLessThanOrEqual(5500 / 5);
    expect(DEFAULT_RATE_LIMITS.s3.burst).toBeLessThanOrEqual(5500 / 5);
  });

  it('applies overrides field by field and refuses rates that are not positive', () => {
    const limits = resolveRateLimits({ ec2: { perSecond: 2 } });
    expect(limits.ec2).toEqual({ perSecond: 2, burst: 20, scope: 'region' });
    expect(limits.iam).toEqual(DEFAULT_RATE_LIMITS.iam);
    expect(() => resolveRateLimits({ ec2: { perSecond: 0 } })).toThrow(/perSecond must be above 0/);
    expect(() => resolveRateLimits({ s3: { burst: 0.5 } })).toThrow(/burst at least 1/);
  });
});

describe('RateLimiter', () => {
  const key = { accountId: '111122223333', region: 'us-east-1', operation: 'EC2:DescribeInstances' };

  it('lets the burst through without sleeping, then spaces calls at the rate (fake clock)', async () => {
    const time = fakeClock();
    const { sleep, slept } = advancingSleep(time);
    const limiter = new RateLimiter({ limits: resolveRateLimits(), clock: time.clock, sleep });
    for (let i = 0; i < 20; i++) await limiter.take(key);
    expect(slept).toEqual([]);
    await limiter.take(key);
    await limiter.take(key);
    // Each sleep advanced the clock, so the second call found one token's worth of time already passed.
    expect(slept).toEqual([100, 100]);
    expect(time.nowMs - new Date('2026-01-15T00:00:00Z').getTime()).toBe(200);
  });

  it('keeps one bucket per account, region and family; IAM is one bucket per account', async () => {
    const time = fakeClock();
    const { sleep, slept } = advancingSleep(time);
    const limits = resolveRateLimits({ ec2: { burst: 1 }, iam: { burst: 1 } });
    const limiter = new RateLimiter({ limits, clock: time.clock, sleep });
    await limiter.take(key);
    await limiter.take({ ...key, region: 'eu-west-1' });
    await limiter.take({ ...key, accountId: '444455556666' });
    await limiter.take({ ...key, operation: 'RDS:DescribeDBInstances' });
    expect(slept).toEqual([]);
    await limiter.take({ ...key, operation: 'IAM:GetAccountSummary' });
    await limiter.take({ ...key, region: 'eu-west-1', operation: 'IAM:GetAccountPasswordPolicy' });
    expect(slept).toEqual([200]);
    expect(limiter.bucketOf({ ...key, operation: 'IAM:GetAccountSummary' })).toBe('111122223333/*/iam');
    expect(limiter.bucketOf(key)).toBe('111122223333/us-east-1/ec2');
  });

  it('serves concurrent waiters in order, each one token later than the last', async () => {
    const time = fakeClock();
    const timers = manualSleep();
    const limiter = new RateLimiter({
      limits: resolveRateLimits({ ec2: { perSecond: 4, burst: 1 } }),
      clock: time.clock,
      sleep: timers.sleep,
    });
    const order: number[] = [];
    const calls = [0, 1, 2, 3].map((index) => limiter.take(key).then(() => order.push(index)));
    await Promise.resolve();
    expect(timers.pending.map((entry) => entry.ms)).toEqual([250, 500, 750]);
    timers.fire();
    await Promise.all(calls);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('rejects a waiting call when its signal aborts, and gives its token back', async () => {
    const time = fakeClock();
    const timers = manualSleep();
    const limiter = new RateLimiter({
      limits: resolveRateLimits({ ec2: { perSecond: 1, burst: 1 } }),
      clock: time.clock,
      sleep: timers.sleep,
    });
    await limiter.take(key);
    const controller = new AbortController();
    const waiting = limiter.take(key, controller.signal);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    // The token went back: one second later the bucket is full again and the next call goes at once.
    time.advance(1_000);
    await limiter.take(key);
    expect(timers.pending).toEqual([]);
    await expect(limiter.take(key, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
