/**
 * The pure heart of `axiom lint` and of the Action's policy gate: checks every policy in a set of files, diffs
 * them against their base versions when given, applies the ignore file and inline `axiom:ignore` comments, and
 * returns the findings in report order. Reading files and git is the caller's business.
 */
import type { AxiomConfig } from '../../findings/axiom-config.ts';
import type { Finding } from '../../findings/finding.ts';
import { sortFindings } from '../../findings/sort.ts';
import { type FindingSummary, summarizeFindings } from '../../findings/summary.ts';
import { applySuppressions, type InlineSuppression } from '../../findings/suppressions.ts';
import { analyzePolicyFile, extractProblemToFinding } from '../analyze.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { PolicyCheck } from '../checks/policy-check.ts';
import type { GrantedAccess, RemovedAccess } from '../diff/access-change.ts';
import { diffPolicyFile } from '../diff/diff-policy-file.ts';
import type { PolicyDocument } from '../document.ts';
import { extractPolicies } from '../extract/extract-policies.ts';
import type { ExtractResult } from '../extract/extract-result.ts';
import { inlineSuppressions } from './inline-suppressions.ts';

/** One file to lint. */
export interface LintFile {
  /** Path relative to the repository root (or as given); every finding names the file by it. */
  path: string;
  /** The file's content now; null when the change deletes it (then only the access it took away is reported). */
  text: string | null;
  /**
   * The content at the base revision, to report the access the change grants and removes: absent when not
   * diffing; null when the file did not exist at the base (so all its access is new).
   */
  baseText?: string | null;
  /** The file's path at the base revision, when the change renamed it. */
  basePath?: string;
}

/** A file the caller did not read (over the size limit), reported like the extractor's own skipped files. */
export interface UnreadFile {
  /** Path, as for `LintFile`. */
  path: string;
  /** Why, one sentence, e.g. 'file skipped: 7.2 MB is over the 5 MB limit for policy files'. */
  message: string;
}

/** What `lintFiles` needs. */
export interface LintOptions {
  /** The files to lint. */
  files: readonly LintFile[];
  /** Files not read, reported as skipped. */
  unreadFiles?: readonly UnreadFile[];
  /** The ignore file; absent when there is none. */
  config?: AxiomConfig;
  /** The IAM action catalogue. */
  catalog: IamCatalog;
  /** The checks to run; usually ALL_POLICY_CHECKS. */
  checks: readonly PolicyCheck[];
  /** Today, for the ignore file's `until` dates (the caller's clock). */
  today: Date;
}

/** Something the person running the lint should know that is not a finding about a policy. */
export interface LintNotice {
  /** The file it is about. */
  file: string;
  /** One sentence. */
  message: string;
}

/** What `lintFiles` found. */
export interface LintResult {
  /** Every finding, suppressed ones included (marked), in report order. */
  findings: Finding[];
  /** Access the change newly grants (only when base versions were given). */
  newAccess: GrantedAccess[];
  /** Access the change takes away (only when base versions were given). */
  removedAccess: RemovedAccess[];
  /** Counts over the findings. */
  summary: FindingSummary;
  /** Skipped files and diffs that could not be computed, for stderr. */
  notices: LintNotice[];
  /** Counters for the report. */
  stats: {
    /** Files read (deleted and unread files excluded). */
    files: number;
    /** Policy documents found in them. */
    policyDocuments: number;
  };
}

const FILE_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Lints `files`: checks, access diffs where a base is given, suppressions. Pure; never throws on bad input. */
export function lintFiles(options: LintOptions): LintResult {
  const { catalog, checks } = options;
  const findings: Finding[] = [];
  const inlineComments: InlineSuppression[] = [];
  const newAccess: GrantedAccess[] = [];
  const removedAccess: RemovedAccess[] = [];
  const notices: LintNotice[] = [];
  let files = 0;
  let policyDocuments = 0;

  for (const unread of options.unreadFiles ?? []) {
    findings.push(
      extractProblemToFinding({
        kind: 'skipped',
        file: unread.path,
        message: unread.message,
        range: FILE_START,
      }),
    );
    notices.push({ file: unread.path, message: unread.message });
  }

  for (const file of options.files) {
    let head: ExtractResult | undefined;
    if (file.text !== null) {
      const analysis = analyzePolicyFile({ path: file.path, text: file.text }, { catalog, checks });
      head = analysis.extraction;
      files++;
      policyDocuments += head.documents.length;
      findings.push(...analysis.findings);
      inlineComments.push(...inlineSuppressions(file.path, file.text, head));
      for (const problem of head.problems)
        if (problem.kind === 'skipped') notices.push({ file: file.path, message: problem.message });
    }
    if (file.baseText === undefined) continue;
    const base =
      file.baseText === null
        ? undefined
        : extractPolicies({ path: file.basePath ?? file.path, text: file.baseText });
    const unreadable = [base && unreadableReason(base, 'base'), head && unreadableReason(head, 'head')].find(
      (reason) => reason !== undefined,
    );
    if (unreadable) {
      notices.push({ file: file.path, message: `access changes not computed: ${unreadable}` });
      continue;
    }
    const diff = diffPolicyFile(
      { file: file.path, base: documentsOf(base), head: documentsOf(head) },
      catalog,
    );
    newAccess.push(...diff.granted);
    removedAccess.push(...diff.removed);
    findings.push(...diff.findings);
  }

  const suppressed = sortFindings(
    applySuppressions(findings, { ...optionalConfig(options.config), inlineComments, today: options.today }),
  );
  return {
    findings: suppressed,
    newAccess,
    removedAccess,
    summary: summarizeFindings(suppressed),
    notices,
    stats: { files, policyDocuments },
  };
}

function optionalConfig(config: AxiomConfig | undefined): { config?: AxiomConfig } {
  return config === undefined ? {} : { config };
}

function documentsOf(result: ExtractResult | undefined): readonly PolicyDocument[] {
  return result?.documents ?? [];
}

/** Why a version cannot be compared (it does not parse or was skipped); undefined when it can. */
function unreadableReason(result: ExtractResult, version: 'base' | 'head'): string | undefined {
  const problem = result.problems.find(
    (candidate) => candidate.kind === 'parse-error' || candidate.kind === 'skipped',
  );
  if (!problem) return undefined;
  return `the ${version} version cannot be read (line ${problem.range.line}: ${problem.message})`;
}
