/**
 * Suppressions mark findings as accepted without hiding them: a suppressed finding stays in every report, marked
 * with its reason, and no longer counts against the threshold. A suppression must say why; one that does not, or
 * one past its `until` date, stops suppressing and becomes a finding itself, so accepted risk cannot go stale
 * silently.
 */
import type { AxiomConfig, IgnoreEntry } from './axiom-config.ts';
import type { Finding, FindingSuppression, SourceLocation } from './finding.ts';
import { fingerprintFinding, normalizeFilePath } from './fingerprint.ts';
import { matchesGlob } from './glob.ts';

/** Rule id of the finding for a suppression that gives no reason. */
export const MISSING_REASON_RULE_ID = 'axiom.suppression.missing-reason';
/** Rule id of the finding for an ignore entry past its `until` date. */
export const EXPIRED_RULE_ID = 'axiom.suppression.expired';

/** An `axiom:ignore CHECK-ID reason` comment in a source file, as the policy extractor reports it. */
export interface InlineSuppression {
  /** The file the comment is in, relative to the repository (as the findings name it). */
  file: string;
  /** The 1-based line the comment is on; it covers findings starting on this line or the next. */
  line: number;
  /** The check it names; a glob is allowed (`iam.policy.*`). */
  checkId: string;
  /** The reason after the check id; empty when none was given. */
  reason: string;
  /**
   * The statement or resource block that starts on the next line, when there is one: the comment then covers
   * every finding starting within `line`..`endLine` of it.
   */
  range?: { line: number; endLine: number };
}

/** What `applySuppressions` applies. */
export interface SuppressionSources {
  /** The parsed ignore file; absent when there is none. */
  config?: AxiomConfig;
  /** Inline suppression comments from the files analysed. */
  inlineComments?: readonly InlineSuppression[];
  /** Today, for `until` dates; compared as a UTC calendar day. */
  today: Date;
}

/**
 * Marks each finding a valid suppression matches as suppressed (an inline comment wins over the ignore file,
 * then the first matching entry), and appends a finding for each suppression without a reason and each expired
 * ignore entry. Returns new objects; the input is not changed. Findings already suppressed are kept as they are.
 */
export function applySuppressions(findings: readonly Finding[], sources: SuppressionSources): Finding[] {
  const today = sources.today.toISOString().slice(0, 10);
  const entries = sources.config?.ignore ?? [];
  const comments = sources.inlineComments ?? [];
  const active = entries.filter((entry) => hasReason(entry.reason) && !isExpired(entry, today));
  const validComments = comments.filter((comment) => hasReason(comment.reason));

  const result = findings.map((finding): Finding => {
    if (finding.suppressed) return finding;
    const comment = validComments.find((candidate) => commentMatches(candidate, finding));
    if (comment) {
      return { ...finding, suppressed: { reason: comment.reason.trim(), source: 'inline-comment' } };
    }
    const entry = active.find((candidate) => entryMatches(candidate, finding));
    if (entry) {
      const suppressed: FindingSuppression = { reason: entry.reason!.trim(), source: 'ignore-file' };
      if (entry.until !== undefined) suppressed.until = entry.until;
      return { ...finding, suppressed };
    }
    return finding;
  });

  const problems: Finding[] = [];
  for (const entry of entries) {
    if (!hasReason(entry.reason)) problems.push(entryWithoutReason(entry));
    else if (isExpired(entry, today)) {
      const matched = result.filter((finding) => !finding.suppressed && entryMatches(entry, finding)).length;
      problems.push(expiredEntry(entry, matched));
    }
  }
  const seen = new Map<string, number>();
  for (const comment of comments) {
    if (hasReason(comment.reason)) continue;
    // Location-independent fingerprint: the nth reason-less comment for this check in this file.
    const key = `${normalizeFilePath(comment.file)}\u0000${comment.checkId}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    problems.push(commentWithoutReason(comment, occurrence));
  }
  return [...result, ...problems];
}

function hasReason(reason: string | undefined): reason is string {
  return reason !== undefined && reason.trim() !== '';
}

/** `until` is the last day the entry applies. */
function isExpired(entry: IgnoreEntry, today: string): boolean {
  return entry.until !== undefined && entry.until < today;
}

function checkMatches(check: string, ruleId: string): boolean {
  return matchesGlob(check, ruleId, { ignoreCase: true });
}

/**
 * An entry matches when its check matches and, if it scopes itself, the finding's file matches one of its
 * `paths` or the finding's resource (ARN or id) matches one of its `resources`. The two scopes are alternatives,
 * since a policy finding has a file and a live finding a resource.
 */
export function entryMatches(entry: IgnoreEntry, finding: Finding): boolean {
  if (!checkMatches(entry.check, finding.ruleId)) return false;
  if (entry.paths === undefined && entry.resources === undefined) return true;
  const file = finding.location ? normalizeFilePath(finding.location.file) : undefined;
  if (
    file !== undefined &&
    entry.paths?.some((glob) => matchesGlob(normalizeFilePath(glob), file, { paths: true }))
  )
    return true;
  const resource = finding.resource;
  if (!resource || entry.resources === undefined) return false;
  const names = resource.arn === undefined ? [resource.id] : [resource.arn, resource.id];
  return entry.resources.some((glob) => names.some((name) => matchesGlob(glob, name)));
}

function commentMatches(comment: InlineSuppression, finding: Finding): boolean {
  const location = finding.location;
  if (!location || normalizeFilePath(location.file) !== normalizeFilePath(comment.file)) return false;
  if (!checkMatches(comment.checkId, finding.ruleId)) return false;
  if (location.line === comment.line || location.line === comment.line + 1) return true;
  return (
    comment.range !== undefined &&
    location.line >= comment.range.line &&
    location.line <= comment.range.endLine
  );
}

function entryAnchor(entry: IgnoreEntry): string {
  return JSON.stringify([entry.check, entry.paths ?? null, entry.resources ?? null]);
}

function scopeText(entry: IgnoreEntry): string {
  const scopes = [...(entry.paths ?? []), ...(entry.resources ?? [])];
  return scopes.length > 0 ? ` (for ${scopes.join(', ')})` : '';
}

function entryWithoutReason(entry: IgnoreEntry): Finding {
  const file = entry.location.file;
  return {
    ruleId: MISSING_REASON_RULE_ID,
    title: `Suppression of ${entry.check} has no reason`,
    severity: 'low',
    category: 'hygiene',
    message: `The ignore entry for '${entry.check}'${scopeText(entry)} in ${file} gives no reason, so it suppresses nothing.`,
    remediation: `Add a \`reason:\` to the entry saying why the finding is accepted (e.g. the ticket tracking it), or delete the entry.`,
    evidence: { check: entry.check, paths: entry.paths ?? null, resources: entry.resources ?? null },
    fingerprint: fingerprintFinding({ ruleId: MISSING_REASON_RULE_ID, file, anchor: entryAnchor(entry) }),
    location: entry.location,
  };
}

function expiredEntry(entry: IgnoreEntry, matched: number): Finding {
  const file = entry.location.file;
  const until = entry.until!;
  const now =
    matched === 0 ? 'it matches no finding now' : `${matched} finding(s) it matched are reported again`;
  return {
    ruleId: EXPIRED_RULE_ID,
    title: `Suppression of ${entry.check} expired on ${until}`,
    severity: 'low',
    category: 'hygiene',
    message: `The ignore entry for '${entry.check}'${scopeText(entry)} in ${file} applied until ${until} (reason: ${entry.reason!.trim()}); it no longer suppresses, and ${now}.`,
    remediation: `Fix what it covered, or if the risk is still accepted, set a new \`until\` date with a current reason; delete the entry when it matches nothing.`,
    evidence: {
      check: entry.check,
      until,
      reason: entry.reason!.trim(),
      paths: entry.paths ?? null,
      resources: entry.resources ?? null,
      matchedFindings: matched,
    },
    fingerprint: fingerprintFinding({
      ruleId: EXPIRED_RULE_ID,
      file,
      anchor: entryAnchor(entry),
      element: until,
    }),
    location: entry.location,
  };
}

function commentWithoutReason(comment: InlineSuppression, occurrence: number): Finding {
  const location: SourceLocation = {
    file: comment.file,
    line: comment.line,
    column: 1,
    endLine: comment.line,
    endColumn: 1,
  };
  return {
    ruleId: MISSING_REASON_RULE_ID,
    title: `Suppression of ${comment.checkId} has no reason`,
    severity: 'low',
    category: 'hygiene',
    message: `The comment 'axiom:ignore ${comment.checkId}' at ${comment.file}:${comment.line} gives no reason, so it suppresses nothing.`,
    remediation: `Write the reason after the check id, e.g. \`# axiom:ignore ${comment.checkId} legacy stack, tracked in JIRA-123\`, or delete the comment.`,
    evidence: { checkId: comment.checkId, line: comment.line },
    fingerprint: fingerprintFinding({
      ruleId: MISSING_REASON_RULE_ID,
      file: comment.file,
      anchor: JSON.stringify(['inline', comment.checkId, occurrence]),
    }),
    location,
  };
}
