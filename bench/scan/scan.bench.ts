/**
 * Live-scan benchmark: `npm run bench:scan`, or `node bench/scan/scan.bench.ts [--latency=30] [--runs=3]
 * [--no-baseline] [--no-floor] [--concurrency=8] [--baseline-concurrency=10] [--rate=s3=500/500 ...]`. Prints
 * figures, asserts nothing.
 *
 * A synthetic account (synthetic-account.ts: 17 enabled regions, 3 of them holding 2,000 instances, 300 buckets,
 * 1,000 roles, 500 log groups and the rest; 14 empty) is served on loopback by a fake AWS in a child process
 * (fake-aws/), in each service's wire format, with a latency per call and AWS-like token buckets that answer the
 * real throttling errors. In this process the real `runScan` with `ALL_COLLECTORS` scans it (`--runs` times, fresh
 * token buckets each time), then a per-entity scanner (per-entity-scanner.ts) reads the same account. For each:
 * API calls and HTTP requests, throttles, wall and CPU time, peak RSS; against the minimum number of calls
 * (call-plan.ts) and the lower bound on wall time (lower-bound.ts), with the goals of issue 4.
 *
 * Right after each Axiom run, the HTTP requests the fake AWS recorded from it are replayed with bare node:http
 * (transport-floor.ts: no SDK, no signing, no parsing, dependency chains ignored), at Axiom's peak in flight and at
 * the fewest in flight with which latency alone fits in the lower bound: the transport floor, measured in the same
 * process seconds after the run it is compared with, since this machine's speed drifts. When even the second is
 * above the goal's 1.5x of the lower bound, no client built on node:http can meet the goal on this machine. Then the
 * least a real client must add is timed on the same recording (client-work.ts): SigV4-signing every request with
 * the SDK's signer and parsing every answer the fake AWS sent with the SDK's XML parser or JSON.parse; with it, the
 * floor becomes max(floor wall, floor event-loop CPU + that work), the bound any client that signs its requests and
 * reads its answers faces here.
 */
import { loadavg } from 'node:os';
import { CallCounter } from '../../core/aws/call-counter.ts';
import { type ApiFamily, type RateLimitOverrides, resolveRateLimits } from '../../core/scan/rate-limits.ts';
import { DEFAULT_SCAN_CONCURRENCY } from '../../core/scan/run-scan.ts';
import { type AxiomRun, scanWithAxiom } from './axiom-scan.ts';
import { minimalPlan } from './call-plan.ts';
import { measureClientWork } from './client-work.ts';
import { startFakeAwsChild } from './fake-aws/child.ts';
import { awsRateModel, lowerBound } from './lower-bound.ts';
import { measure } from './measure.ts';
import { renderScanReport, type ScanReport } from './report.ts';
import { boundPaceInFlight, replayRequests } from './transport-floor.ts';

/** Command-line options. */
interface Options {
  latencyMs: number;
  runs: number;
  baseline: boolean;
  floor: boolean;
  concurrency: number;
  baselineConcurrency: number;
  rateLimits: RateLimitOverrides;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    latencyMs: 30,
    runs: 3,
    baseline: true,
    floor: true,
    concurrency: DEFAULT_SCAN_CONCURRENCY,
    baselineConcurrency: 10,
    rateLimits: {},
  };
  for (const arg of argv) {
    const [name, value = ''] = arg.split(/=(.*)/s);
    if (name === '--latency') options.latencyMs = Number(value);
    else if (name === '--runs') options.runs = Math.max(1, Number(value));
    else if (name === '--no-baseline') options.baseline = false;
    else if (name === '--no-floor') options.floor = false;
    else if (name === '--concurrency') options.concurrency = Number(value);
    else if (name === '--baseline-concurrency') options.baselineConcurrency = Number(value);
    else if (name === '--rate') {
      // --rate=s3=500/1000: perSecond/burst of one API family.
      const [family = '', rate = ''] = value.split('=');
      const [perSecond, burst] = rate.split('/').map(Number);
      options.rateLimits[family as ApiFamily] = {
        ...(perSecond ? { perSecond } : {}),
        ...(burst ? { burst } : {}),
      };
    } else throw new Error(`bench:scan: unknown option ${arg}`);
  }
  return options;
}

const log = (text: string) => process.stderr.write(`${text}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const limits = resolveRateLimits(options.rateLimits);
  const aws = await startFakeAwsChild({ latencyMs: options.latencyMs, throttle: true });
  const boundMs = lowerBound(minimalPlan(aws.counts), options.latencyMs, [
    { label: 'AWS throttle', of: awsRateModel },
  ]).ms;
  const startRssMb = process.resourceUsage().maxRSS / 1024;
  try {
    const axiomRuns: AxiomRun[] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      log(`bench:scan: Axiom scan ${run}/${options.runs} (${options.latencyMs} ms per call) ...`);
      await aws.reset({ record: options.floor });
      const axiom = await scanWithAxiom(aws, options);
      if (options.floor) {
        // The answers only after the replays, so the replays run without their 10 MB in this process's heap.
        const requests = await aws.recorded({ answers: false });
        const peak = axiom.measured.served.peakInFlight;
        const pace = boundPaceInFlight(requests.length, boundMs, options.latencyMs);
        log(
          `bench:scan: replaying its ${requests.length.toLocaleString('en-US')} requests with bare node:http ` +
            `(${peak}, then ${pace} in flight) ...`,
        );
        await aws.reset();
        const atPeak = await replayRequests(aws.url, requests, peak, () => aws.stats());
        await aws.reset();
        const atBoundPace = await replayRequests(aws.url, requests, pace, () => aws.stats());
        log('bench:scan: signing its requests and parsing their answers ...');
        const clientWork = await measureClientWork(await aws.recorded());
        axiom.floor = { atPeak, atBoundPace, clientWork };
      }
      axiomRuns.push(axiom);
    }
    let baseline: ScanReport['baseline'];
    if (options.baseline) {
      log('bench:scan: per-entity scan ...');
      await aws.reset();
      // Imported only now, so the SDK modules only it uses do not count in Axiom's peak RSS.
      const { runPerEntityScan } = await import('./per-entity-scanner.ts');
      const counter = new CallCounter();
      let result: Awaited<ReturnType<typeof runPerEntityScan>> = { items: {}, failures: {} };
      const measured = await measure(
        async () => {
          result = await runPerEntityScan({
            endpoint: aws.url,
            accountId: aws.counts.accountId,
            counter,
            concurrency: options.baselineConcurrency,
            maxAttempts: 10,
          });
        },
        counter,
        () => aws.stats(),
      );
      baseline = { measured, concurrency: options.baselineConcurrency, ...result };
    }
    const report: ScanReport = {
      latencyMs: options.latencyMs,
      concurrency: options.concurrency,
      limits,
      counts: aws.counts,
      axiomRuns,
      startRssMb,
      loadAverage: loadavg(),
    };
    if (baseline) report.baseline = baseline;
    process.stdout.write(`${renderScanReport(report)}\n`);
  } finally {
    await aws.close();
  }
}

await main();
