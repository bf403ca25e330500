import type { Finding, Severity } from '../findings/finding.ts';
import { fingerprintFinding } from '../findings/fingerprint.ts';
import { statementAnchor } from '../findings/policy-anchor.ts';
import type { IamCatalog } from './catalog/iam-catalog.ts';
import type { PolicyCheck, PolicyProblem } from './checks/policy-check.ts';
import type { PolicyDocument, PolicyKind, PolicyScalar, PolicyStatement } from './document.ts';
import { extractPolicies } from './extract/extract-policies.ts';
import type { ExtractProblem, ExtractResult, PolicyFile } from './extract/extract-result.ts';

/** What the analysis needs: the catalogue and the checks to run. */
export interface AnalyzeOptions {
  catalog: IamCatalog;
  /** The checks; usually ALL_POLICY_CHECKS. */
  checks: readonly PolicyCheck[];
}

/** Findings for one file, plus what extraction found (for suppressions and the diff). */
export interface FileAnalysis {
  findings: Finding[];
  extraction: ExtractResult;
}

function scalarText(value: PolicyScalar | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.text;
}

/** Names the statement for titles and fingerprints: its Sid, else its position. */
function statementLabel(problem: PolicyProblem): string | undefined {
  if (!problem.statement) return undefined;
  return scalarText(problem.statement.sid?.value) ?? `Statement[${problem.statement.index}]`;
}

/** Names the policy for titles: its holder (Terraform address, CloudFormation path) or the file. */
function policyLabel(document: PolicyDocument): string {
  return document.source.holder ?? document.source.file;
}

/**
 * Statement anchors already computed for one document, so a statement with many findings (a long Action list) is
 * serialised and sorted once, not once per finding.
 */
export type AnchorCache = Map<PolicyStatement, string>;

function anchorOf(document: PolicyDocument, statement: PolicyStatement, anchors?: AnchorCache): string {
  let anchor = anchors?.get(statement);
  if (anchor === undefined) {
    anchor = statementAnchor(document, statement);
    anchors?.set(statement, anchor);
  }
  return anchor;
}

/** Turns one check problem into a Finding at its exact source location. */
export function problemToFinding(
  check: PolicyCheck,
  document: PolicyDocument,
  problem: PolicyProblem,
  anchors?: AnchorCache,
): Finding {
  const statement = statementLabel(problem);
  const where = statement ? `${policyLabel(document)} ${statement}` : policyLabel(document);
  const severity: Severity = problem.severity ?? check.defaultSeverity;
  return {
    ruleId: check.id,
    title: `${check.title} (${where})`,
    severity,
    category: check.category,
    message: problem.message,
    remediation: problem.remediation ?? check.remediation,
    evidence: {
      ...problem.evidence,
      policyKind: document.kind,
      ...(document.resourceType ? { resourceType: document.resourceType } : {}),
      ...(document.source.holder ? { holder: document.source.holder } : {}),
      ...(statement ? { statement } : {}),
    },
    fingerprint: fingerprintFinding({
      ruleId: check.id,
      file: document.source.file,
      anchor: problem.statement
        ? anchorOf(document, problem.statement, anchors)
        : JSON.stringify([document.source.holder ?? document.source.name ?? '', 'document']),
      element: problem.anchor,
    }),
    location: { file: document.source.file, ...problem.range },
  };
}

const EXTRACT_PROBLEM_RULES: Record<
  ExtractProblem['kind'],
  { ruleId: string; severity: Severity; title: string }
> = {
  'parse-error': { ruleId: 'iam.policy.cannot-parse', severity: 'medium', title: 'File cannot be parsed' },
  'invalid-policy': { ruleId: 'iam.policy.malformed', severity: 'high', title: 'Malformed policy' },
  unresolved: {
    ruleId: 'iam.policy.unresolved',
    severity: 'info',
    title: 'Policy computed elsewhere, not analysed',
  },
  skipped: { ruleId: 'iam.policy.file-skipped', severity: 'info', title: 'File skipped' },
};

const EXTRACT_PROBLEM_FIX: Record<ExtractProblem['kind'], string> = {
  'parse-error': 'Fix the syntax error at this line; no policy in the file can be checked until it parses.',
  'invalid-policy': 'Fix the policy structure as the message says; AWS rejects a malformed policy.',
  unresolved: 'Nothing to do; point `axiom lint` at the file that defines the policy to check it.',
  skipped: 'Nothing to do, unless the file really holds a policy.',
};

/** Turns an extraction problem (cannot parse, malformed, skipped) into a correctness finding. */
export function extractProblemToFinding(problem: ExtractProblem): Finding {
  const rule = EXTRACT_PROBLEM_RULES[problem.kind];
  return {
    ruleId: rule.ruleId,
    title: `${rule.title} (${problem.file}:${problem.range.line})`,
    severity: rule.severity,
    category: 'correctness',
    message: problem.message,
    remediation: EXTRACT_PROBLEM_FIX[problem.kind],
    evidence: { kind: problem.kind },
    fingerprint: fingerprintFinding({ ruleId: rule.ruleId, file: problem.file, anchor: problem.message }),
    location: { file: problem.file, ...problem.range },
  };
}

/**
 * The checks of a list that apply to each kind of document, worked out once per list: callers pass the same
 * readonly list (usually ALL_POLICY_CHECKS) for every document and never change it.
 */
const applicableByList = new WeakMap<readonly PolicyCheck[], Map<PolicyKind, readonly PolicyCheck[]>>();

function applicableChecks(checks: readonly PolicyCheck[], kind: PolicyKind): readonly PolicyCheck[] {
  let byKind = applicableByList.get(checks);
  if (!byKind) {
    byKind = new Map();
    applicableByList.set(checks, byKind);
  }
  let applicable = byKind.get(kind);
  if (!applicable) {
    applicable = checks.filter((check) => !check.appliesTo || check.appliesTo.includes(kind));
    byKind.set(kind, applicable);
  }
  return applicable;
}

/** Runs every applicable check over one document. */
export function analyzeDocument(document: PolicyDocument, options: AnalyzeOptions): Finding[] {
  const findings: Finding[] = [];
  // Within one call the document is not changed, so a statement's anchor can be kept for its other findings.
  const anchors: AnchorCache = new Map();
  const context = { catalog: options.catalog };
  const checks = applicableChecks(options.checks, document.kind);
  for (let c = 0; c < checks.length; c++) {
    const check = checks[c]!;
    const problems = check.evaluate(document, context);
    for (let p = 0; p < problems.length; p++)
      findings.push(problemToFinding(check, document, problems[p]!, anchors));
  }
  return findings;
}

/** Extracts every policy in a file and runs the checks; never throws on bad input. */
export function analyzePolicyFile(file: PolicyFile, options: AnalyzeOptions): FileAnalysis {
  const extraction = extractPolicies(file);
  const findings = extraction.problems.map(extractProblemToFinding);
  for (const document of extraction.documents) findings.push(...analyzeDocument(document, options));
  return { findings, extraction };
}
