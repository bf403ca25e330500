/**
 * One cold analysis of the corpus, in a fresh process (policy.bench.ts starts several): `node
 * bench/policy/analysis-run.ts CORPUS.json [--package-files]` prints one JSON `AnalysisRun` on stdout. The catalogue
 * comes from where `axiom lint` takes it (the pack `npm ci` makes, when current), or with `--package-files` from
 * the data package's own files, as before the pack existed.
 *
 * Timed, as `axiom lint` does it in a new process once it has read the files: the full catalogue load (every
 * service read and indexed), then `lintFiles` over the corpus, which extracts each file's documents with source
 * positions and runs every check of ALL_POLICY_CHECKS on them, file by file, then applies suppressions and puts the
 * findings in report order. Then, untimed for the goal: every document extracted again and the checks run again
 * one by one with a fresh catalogue (services loaded, pattern caches empty), for each check's share, and the whole
 * set again on the warm catalogue.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocument } from '../../core/policy/analyze.ts';
import { createIamCatalog } from '../../core/policy/catalog/iam-catalog.ts';
import { type IamDataSource, packagedIamDataSource } from '../../core/policy/catalog/iam-data-source.ts';
import {
  defaultIamPackFile,
  installedIamDataVersion,
  readIamPack,
} from '../../core/policy/catalog/iam-pack.ts';
import { ALL_POLICY_CHECKS } from '../../core/policy/checks/index.ts';
import type { PolicyCheck } from '../../core/policy/checks/policy-check.ts';
import type { PolicyDocument } from '../../core/policy/document.ts';
import { extractPolicies } from '../../core/policy/extract/extract-policies.ts';
import type { PolicyFile } from '../../core/policy/extract/extract-result.ts';
import { lintFiles } from '../../core/policy/lint/lint-files.ts';

/** What one cold run measured. */
export interface AnalysisRun {
  /** Where the catalogue came from. */
  catalogueSource: 'pack' | 'package files';
  /** Node's flags in the analysing process. */
  nodeFlags: string[];
  /** Files read and documents extracted. */
  files: number;
  documents: number;
  /** Checks in ALL_POLICY_CHECKS at the time of the run. */
  checks: number;
  /** Findings produced. */
  findings: number;
  /** Full catalogue load, ms. */
  loadMs: number;
  /** `lintFiles` over the corpus (extraction, checks, findings, suppressions, report order), ms. */
  lintMs: number;
  /** CPU time (user + system) of load and lint, ms. */
  cpuMs: number;
  /** Peak RSS of the process after the timed part, MB (the corpus text is in it, the 77 MB data file is not). */
  peakRssMb: number;
  /** Every document extracted again, warm, ms. */
  warmExtractMs: number;
  /** The checks again with pattern caches emptied: each check's own time, ms, in list order. */
  perCheck: { id: string; ms: number }[];
  /** Building findings from problems (fingerprints) in that pass, ms. */
  findingsMs: number;
  /** Every check again on the warm catalogue, ms. */
  warmCheckMs: number;
}

/** `checks`, each adding its evaluate time to `spent`. */
function timed(checks: readonly PolicyCheck[], spent: Map<string, number>): PolicyCheck[] {
  return checks.map((check) => ({
    ...check,
    evaluate(document, context) {
      const start = performance.now();
      const problems = check.evaluate(document, context);
      spent.set(check.id, (spent.get(check.id) ?? 0) + performance.now() - start);
      return problems;
    },
  }));
}

function main(): void {
  const corpus = process.argv[2];
  if (corpus === undefined) throw new Error('usage: node bench/policy/analysis-run.ts CORPUS.json');
  const files = JSON.parse(readFileSync(corpus, 'utf8')) as PolicyFile[];
  const packageFiles = process.argv.includes('--package-files');
  // As loadIamCatalog() does, but saying which source it took.
  const dataSource = (): { source: IamDataSource; from: AnalysisRun['catalogueSource'] } => {
    const packed = packageFiles ? undefined : readIamPack(defaultIamPackFile(), installedIamDataVersion());
    return packed
      ? { source: packed, from: 'pack' }
      : { source: packagedIamDataSource(), from: 'package files' };
  };

  const cpu = process.cpuUsage();
  let start = performance.now();
  const { source, from } = dataSource();
  const catalog = createIamCatalog(source);
  catalog.allActions();
  const loadMs = performance.now() - start;

  start = performance.now();
  const linted = lintFiles({ files, catalog, checks: ALL_POLICY_CHECKS, today: new Date() });
  const lintMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  start = performance.now();
  const documents: PolicyDocument[] = files.flatMap((file) => extractPolicies(file).documents);
  const warmExtractMs = performance.now() - start;

  // Each check's share, with the pattern caches empty again (a fresh catalogue), so the first check to expand a
  // pattern pays for it as in the timed pass.
  const fresh = createIamCatalog(dataSource().source);
  fresh.allActions();
  const spent = new Map<string, number>();
  const instrumented = timed(ALL_POLICY_CHECKS, spent);
  start = performance.now();
  for (const document of documents) analyzeDocument(document, { catalog: fresh, checks: instrumented });
  const instrumentedMs = performance.now() - start;
  const perCheck = ALL_POLICY_CHECKS.map((check) => ({ id: check.id, ms: spent.get(check.id) ?? 0 }));

  start = performance.now();
  for (const document of documents) analyzeDocument(document, { catalog, checks: ALL_POLICY_CHECKS });
  const warmCheckMs = performance.now() - start;

  const run: AnalysisRun = {
    catalogueSource: from,
    nodeFlags: process.execArgv,
    files: files.length,
    documents: linted.stats.policyDocuments,
    checks: ALL_POLICY_CHECKS.length,
    findings: linted.findings.length,
    loadMs,
    lintMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb,
    warmExtractMs,
    perCheck,
    findingsMs: instrumentedMs - perCheck.reduce((sum, check) => sum + check.ms, 0),
    warmCheckMs,
  };
  process.stdout.write(JSON.stringify(run));
}

main();
