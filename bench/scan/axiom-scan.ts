/**
 * One Axiom scan of the fake AWS, as the CLI runs it: the real `runScan` with `ALL_COLLECTORS`, every enabled
 * region, static credentials (the `connect` a CLI scan with ambient credentials ends up with), the endpoint override.
 */
import { CallCounter } from '../../core/aws/call-counter.ts';
import { ALL_COLLECTORS } from '../../core/scan/collectors/index.ts';
import type { Inventory } from '../../core/scan/inventory.ts';
import type { RateLimitOverrides } from '../../core/scan/rate-limits.ts';
import { runScan } from '../../core/scan/run-scan.ts';
import type { ClientWork } from './client-work.ts';
import type { FakeAwsChild } from './fake-aws/child.ts';
import { type Measured, measure } from './measure.ts';
import type { FloorRun } from './transport-floor.ts';

/** The static credentials Axiom's runs sign with (the fake AWS checks no signature). */
export const BENCH_CREDENTIALS = { accessKeyId: 'AKIABENCHAXIOM000000', secretAccessKey: 'bench' } as const;

/** One Axiom run. */
export interface AxiomRun {
  measured: Measured;
  /** When each unit finished, ms after the start, slowest first. */
  unitEnds: { unit: string; ms: number }[];
  /** Coverage entries that are not 'ok' (Cost Explorer, off by default, aside). */
  coverageGaps: string[];
  /** What the inventory holds, to show the scan did the whole job. */
  collected: string;
  /**
   * The same HTTP requests replayed with bare node:http right after the run (transport-floor.ts): at most as many
   * in flight as the run had at most, then at the fewest with which latency alone fits in the lower bound; and
   * what signing those requests and parsing their answers cost (client-work.ts).
   */
  floor?: { atPeak: FloorRun; atBoundPace: FloorRun; clientWork: ClientWork };
}

function describeInventory(inventory: Inventory): string {
  const account = inventory.accounts[0];
  const regions = Object.values(account?.regional ?? {});
  const sum = (pick: (region: (typeof regions)[number]) => number) =>
    regions.reduce((total, region) => total + pick(region), 0);
  const count = (value: number) => value.toLocaleString('en-US');
  return [
    `${count(sum((region) => region.ec2?.instances?.length ?? 0))} instances`,
    `${count(sum((region) => region.ec2?.volumes?.length ?? 0))} volumes`,
    `${count(account?.s3?.buckets?.length ?? 0)} buckets`,
    `${count(account?.iam?.roles?.length ?? 0)} roles`,
    `${count(sum((region) => region.logs?.logGroups?.length ?? 0))} log groups`,
    `${count(sum((region) => Object.keys(region.metrics?.series ?? {}).length))} resources with metrics`,
  ].join(', ');
}

/** Scans the fake AWS once with Axiom and measures it. */
export async function scanWithAxiom(
  aws: FakeAwsChild,
  options: { concurrency: number; rateLimits: RateLimitOverrides },
): Promise<AxiomRun> {
  const counter = new CallCounter();
  const unitEnds: AxiomRun['unitEnds'] = [];
  let inventory: Inventory | undefined;
  const start = performance.now();
  const measured = await measure(
    async () => {
      inventory = await runScan({
        targets: [{ accountId: aws.counts.accountId }],
        connect: async () => ({
          credentials: { ...BENCH_CREDENTIALS },
          drop() {},
        }),
        collectors: ALL_COLLECTORS,
        regions: 'all',
        endpoint: aws.url,
        concurrency: options.concurrency,
        rateLimits: options.rateLimits,
        callCounter: counter,
        onProgress: (progress) => unitEnds.push({ unit: progress.unit.id, ms: performance.now() - start }),
      });
    },
    counter,
    () => aws.stats(),
  );
  const coverageGaps = (inventory?.coverage ?? [])
    .filter((entry) => entry.status !== 'ok' && entry.service !== 'ce')
    .map(
      (entry) => `${entry.region}/${entry.service}/${entry.operation}: ${entry.status} ${entry.detail ?? ''}`,
    );
  return {
    measured,
    unitEnds: unitEnds.sort((a, b) => b.ms - a.ms),
    coverageGaps,
    collected: inventory ? describeInventory(inventory) : 'nothing',
  };
}
