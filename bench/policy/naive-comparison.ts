/**
 * The naive baseline, measured: the same extraction and checks over a sample of the corpus, once with a catalogue
 * whose action matching is the naive one (naive-catalog.ts) and once with the real catalogue with empty pattern
 * caches, both in a warmed-up process. The naive run is too slow for the whole corpus (a RegExp over ~22,000
 * actions for each of ~100,000 expansions), so the whole-corpus figure is the sample's, scaled by how many
 * expansions the checks ask for in the corpus against in the sample (counted with counting-catalog.ts).
 */
import { analyzePolicyFile } from '../../core/policy/analyze.ts';
import { createIamCatalog, type IamCatalog } from '../../core/policy/catalog/iam-catalog.ts';
import { packagedIamDataSource } from '../../core/policy/catalog/iam-data-source.ts';
import { ALL_POLICY_CHECKS } from '../../core/policy/checks/index.ts';
import type { PolicyFile } from '../../core/policy/extract/extract-result.ts';
import { countingCatalog, type MatchingWork } from './counting-catalog.ts';
import { naiveCatalog } from './naive-catalog.ts';

/** The comparison's figures. */
export interface NaiveComparison {
  /** Documents in the sample (every `step`-th file). */
  sampleFiles: number;
  step: number;
  /** Extraction + checks over the sample: real catalogue (empty pattern caches), naive catalogue. */
  oursMs: number;
  naiveMs: number;
  /** Findings of each (they must be equal: the same work, only matching done differently). */
  oursFindings: number;
  naiveFindings: number;
  /** Matching work the checks ask for over the whole corpus, and over the sample. */
  corpusWork: MatchingWork;
  sampleWork: MatchingWork;
  /** The naive run scaled to the whole corpus by expansions (see the file comment), ms. */
  naiveCorpusMs: number;
}

function loadedCatalog(): IamCatalog {
  const catalog = createIamCatalog(packagedIamDataSource());
  catalog.allActions();
  return catalog;
}

function analyzeAll(files: readonly PolicyFile[], catalog: IamCatalog): { ms: number; findings: number } {
  const start = performance.now();
  let findings = 0;
  for (const file of files)
    findings += analyzePolicyFile(file, { catalog, checks: ALL_POLICY_CHECKS }).findings.length;
  return { ms: performance.now() - start, findings };
}

function countWork(files: readonly PolicyFile[]): MatchingWork {
  const work: MatchingWork = { expansions: 0, distinctPatterns: new Set(), inversions: 0, matches: 0 };
  analyzeAll(files, countingCatalog(loadedCatalog(), work));
  return work;
}

/** Runs the comparison on every `step`-th file of `files`. */
export function compareWithNaive(files: readonly PolicyFile[], step: number): NaiveComparison {
  const sample = files.filter((_, index) => index % step === 0);
  const corpusWork = countWork(files);
  const sampleWork = countWork(sample);
  // Both measured below run JIT-warm: the whole corpus has just gone through the checks twice.
  const ours = analyzeAll(sample, loadedCatalog());
  const naive = analyzeAll(sample, naiveCatalog(loadedCatalog()));
  return {
    sampleFiles: sample.length,
    step,
    oursMs: ours.ms,
    naiveMs: naive.ms,
    oursFindings: ours.findings,
    naiveFindings: naive.findings,
    corpusWork,
    sampleWork,
    naiveCorpusMs: naive.ms * (corpusWork.expansions / Math.max(1, sampleWork.expansions)),
  };
}
