/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, one rule per distinct rule id, one
 * result per finding. Policy findings point at their file and span; live findings, which have no file, carry the
 * resource as a logical location. Fingerprints go into `partialFingerprints` so alerts survive line shifts.
 */
import type {
  Invocation,
  Location,
  Log,
  Notification,
  ReportingDescriptor,
  Result,
  Run,
  Suppression,
} from 'sarif';
import { atOrAbove, type Finding, type Severity, type SourceLocation } from '../findings/finding.ts';
import { normalizeFilePath } from '../findings/fingerprint.ts';
import { sortFindings } from '../findings/sort.ts';
import type { CoverageGap, ReportContext } from './context.ts';
import { resourceText } from './format.ts';
import { SEVERITY_STYLE } from './labels.ts';
import { escapeMarkdown } from './markdown-escape.ts';

/** The SARIF schema URI GitHub and editors recognise. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * The driver name, fixed rather than taken from the context: code scanning keys alerts by tool name, so the
 * Action, the CLI and the bot must all upload under the same one.
 */
export const SARIF_TOOL_NAME = 'Axiom';

/** The `partialFingerprints` key; versioned like the fingerprint recipe. */
export const SARIF_FINGERPRINT_KEY = 'axiom/v1';

/** The uriBaseId artifact locations are relative to: the repository root. */
export const SRCROOT = '%SRCROOT%';

/** Options of the SARIF log. */
export interface SarifOptions {
  /**
   * `runs[0].automationDetails.id`: the category and run id, e.g. 'axiom/scan/shard-1-of-4/'. Code scanning
   * keeps one set of alerts per category (the part before the last '/'), so shards of one scan, or a policy
   * analysis and a live scan, need different categories or they close each other's alerts.
   */
  automationId?: string;
  /** The repository root as an absolute `file://` URI with a final '/', to resolve `%SRCROOT%` outside GitHub. */
  srcRootUri?: string;
}

/** The SARIF log as an object. */
export function buildSarifLog(
  findings: readonly Finding[],
  context: ReportContext,
  options: SarifOptions = {},
): Log {
  const sorted = sortFindings(findings);
  const ruleIds = [...new Set(sorted.map((finding) => finding.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map((id) =>
    describeRule(
      id,
      sorted.filter((finding) => finding.ruleId === id),
      context,
    ),
  );

  const run: Run = {
    tool: {
      driver: {
        name: SARIF_TOOL_NAME,
        version: context.tool.version,
        ...(context.tool.informationUri === undefined ? {} : { informationUri: context.tool.informationUri }),
        rules,
      },
    },
    invocations: [invocation(context)],
    columnKind: 'utf16CodeUnits',
    results: sorted.map((finding) => result(finding, ruleIndex.get(finding.ruleId)!)),
  };
  if (options.automationId !== undefined) run.automationDetails = { id: options.automationId };
  if (options.srcRootUri !== undefined) run.originalUriBaseIds = { [SRCROOT]: { uri: options.srcRootUri } };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** The SARIF log as text: two-space indented, with a final newline. */
export function renderSarif(
  findings: readonly Finding[],
  context: ReportContext,
  options: SarifOptions = {},
): string {
  return `${JSON.stringify(buildSarifLog(findings, context, options), null, 2)}\n`;
}

/** A rule, described from the catalogue when the context has it, else from its findings. */
function describeRule(id: string, findings: readonly Finding[], context: ReportContext): ReportingDescriptor {
  const first = findings[0]!;
  // A rule's findings may differ in severity (a check that grades by context): describe it by its worst.
  const worst = findings.reduce<Severity>(
    (acc, finding) => (atOrAbove(finding.severity, acc) ? finding.severity : acc),
    first.severity,
  );
  const style = SEVERITY_STYLE[worst];
  const described = context.rules?.[id];
  const remediation = described?.remediation ?? first.remediation;
  const helpMarkdown = [`**Remediation:** ${escapeMarkdown(remediation)}`];
  if (described?.helpUri) helpMarkdown.push('', `[More about ${id}](${described.helpUri})`);
  const properties: Record<string, unknown> = { tags: [first.category] };
  // GitHub reads security-severity only for security rules; a cost rule graded 'high' is not a vulnerability.
  if (first.category === 'security' && style.securitySeverity !== undefined)
    properties['security-severity'] = style.securitySeverity;
  const rule: ReportingDescriptor = {
    id,
    shortDescription: { text: described?.title ?? id },
    fullDescription: {
      text: described?.description ?? `Axiom rule ${id}; each result says what is wrong and how to fix it.`,
    },
    help: { text: `Remediation: ${remediation}`, markdown: helpMarkdown.join('\n') },
    defaultConfiguration: { level: style.sarifLevel },
    properties,
  };
  if (described?.helpUri) rule.helpUri = described.helpUri;
  return rule;
}

function result(finding: Finding, ruleIndex: number): Result {
  const entry: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SEVERITY_STYLE[finding.severity].sarifLevel,
    message: { text: `${finding.title}\n${finding.message}\nRemediation: ${finding.remediation}` },
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      severity: finding.severity,
      category: finding.category,
      ...(finding.estimatedMonthlySavingsUsd === undefined
        ? {}
        : { estimatedMonthlySavingsUsd: finding.estimatedMonthlySavingsUsd }),
    },
  };
  const location = resultLocation(finding);
  if (location) entry.locations = [location];
  if (finding.suppressed) {
    const suppression: Suppression = {
      kind: finding.suppressed.source === 'inline-comment' ? 'inSource' : 'external',
      status: 'accepted',
      justification: finding.suppressed.reason,
    };
    if (finding.suppressed.until !== undefined) suppression.properties = { until: finding.suppressed.until };
    entry.suppressions = [suppression];
  }
  return entry;
}

function resultLocation(finding: Finding): Location | undefined {
  if (!finding.location && !finding.resource) return undefined;
  const location: Location = {};
  if (finding.location) {
    location.physicalLocation = {
      artifactLocation: artifactLocation(finding.location.file),
      region: region(finding.location),
    };
  }
  if (finding.resource) {
    const resource = finding.resource;
    location.logicalLocations = [
      {
        name: resource.id,
        fullyQualifiedName: resource.arn ?? resourceText(resource),
        kind: 'resource',
        properties: { accountId: resource.accountId, region: resource.region, type: resource.type },
      },
    ];
  }
  return location;
}

/** A repository-relative URI under %SRCROOT%; an absolute path becomes a `file://` URI. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const path = normalizeFilePath(file);
  const encoded = path
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (path.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${encoded}` };
  return { uri: encoded, uriBaseId: SRCROOT };
}

/** The span, made valid even if a producer gave an end before its start. */
function region(location: SourceLocation): {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
} {
  const startLine = Math.max(1, location.line);
  const startColumn = Math.max(1, location.column);
  const endLine = Math.max(startLine, location.endLine);
  const endColumn =
    endLine === startLine ? Math.max(startColumn, location.endColumn) : Math.max(1, location.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

/** The run's invocation: times, and each coverage gap as a tool notification (a gap is not a pass). */
function invocation(context: ReportContext): Invocation {
  const entry: Invocation = { executionSuccessful: true };
  if (context.startedAt !== undefined) entry.startTimeUtc = context.startedAt;
  if (context.finishedAt !== undefined) entry.endTimeUtc = context.finishedAt;
  const gaps = context.coverage ?? [];
  if (gaps.length > 0) entry.toolExecutionNotifications = gaps.map(notification);
  return entry;
}

function notification(gap: CoverageGap): Notification {
  const scope = [gap.account, gap.region].filter((part) => part !== undefined).join(' ');
  return {
    level: gap.status === 'skipped' ? 'note' : 'warning',
    descriptor: { id: `axiom.coverage.${gap.status}` },
    message: {
      text: `Not covered (${gap.status}): ${gap.service}:${gap.operation}${scope ? ` in ${scope}` : ''}. ${gap.detail}`,
    },
    properties: {
      service: gap.service,
      operation: gap.operation,
      ...(gap.account === undefined ? {} : { account: gap.account }),
      ...(gap.region === undefined ? {} : { region: gap.region }),
    },
  };
}
