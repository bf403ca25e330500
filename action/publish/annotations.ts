/**
 * Findings as annotations on the lines they are about: check-run annotations (sent 50 per request, the API's
 * limit), or, without a check run, workflow commands (GitHub shows at most 10 errors and 10 warnings per step,
 * so the worst are chosen). Only unsuppressed findings with a location in a file the change touches are
 * annotated: a pull request is not the place to relitigate unchanged files.
 */
import type { Finding, Severity } from '../../core/index.ts';
import type { AnnotationProperties } from '../toolkit.ts';

/** A check-run annotation, as the Checks API takes it. */
export interface CheckAnnotation {
  /** Path relative to the repository. */
  path: string;
  /** 1-based. */
  start_line: number;
  /** 1-based. */
  end_line: number;
  /** 1-based; only when the annotation is on one line. */
  start_column?: number;
  /** 1-based; only when the annotation is on one line. */
  end_column?: number;
  /** How GitHub shows it. */
  annotation_level: 'notice' | 'warning' | 'failure';
  /** What is wrong and what to do (at most 64 KB). */
  message: string;
  /** One line (at most 255 characters). */
  title: string;
}

/** Annotations per Checks API request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** The most annotations one check run gets; the rest are in the report. */
export const MAX_CHECK_ANNOTATIONS = 1_000;
/** Workflow-command annotations GitHub shows per step and level. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

/** The API takes 64 KB per message: 16,000 characters stay under it even at 4 bytes each. */
const MAX_MESSAGE = 16_000;
const MAX_TITLE = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The findings to annotate, in report order (worst first). */
export function annotatableFindings(findings: readonly Finding[], files: ReadonlySet<string>): Finding[] {
  return findings.filter(
    (finding) => !finding.suppressed && finding.location !== undefined && files.has(finding.location.file),
  );
}

function message(finding: Finding): string {
  return clip(`${finding.message}\n\nRemediation: ${finding.remediation}`, MAX_MESSAGE);
}

function title(finding: Finding): string {
  return clip(`[${finding.severity}] ${finding.title} (${finding.ruleId})`, MAX_TITLE);
}

/** One finding as a check-run annotation (columns only on a single line, as the API requires). */
export function checkAnnotation(finding: Finding): CheckAnnotation {
  const location = finding.location!;
  const startLine = Math.max(1, location.line);
  const endLine = Math.max(startLine, location.endLine);
  const annotation: CheckAnnotation = {
    path: location.file,
    start_line: startLine,
    end_line: endLine,
    annotation_level: LEVEL[finding.severity],
    message: message(finding),
    title: title(finding),
  };
  if (endLine === startLine) {
    annotation.start_column = Math.max(1, location.column);
    annotation.end_column = Math.max(annotation.start_column, location.endColumn);
  }
  return annotation;
}

/** Splits `items` into batches of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** A workflow-command annotation. */
export interface WorkflowAnnotation {
  /** error or warning. */
  level: 'error' | 'warning';
  /** The text. */
  message: string;
  /** Where it points. */
  properties: AnnotationProperties;
}

/**
 * The workflow-command annotations for `findings`: critical and high as errors, medium and low as warnings,
 * at most ten of each (the worst, as findings come in report order); info is left to the report.
 */
export function workflowAnnotations(findings: readonly Finding[]): {
  annotations: WorkflowAnnotation[];
  left: number;
} {
  const annotations: WorkflowAnnotation[] = [];
  const counts = { error: 0, warning: 0 };
  let left = 0;
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    const level = finding.severity === 'critical' || finding.severity === 'high' ? 'error' : 'warning';
    if (counts[level] >= WORKFLOW_ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    counts[level]++;
    const annotation = checkAnnotation(finding);
    const properties: AnnotationProperties = {
      title: annotation.title,
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line,
    };
    if (annotation.start_column !== undefined) properties.startColumn = annotation.start_column;
    if (annotation.end_column !== undefined) properties.endColumn = annotation.end_column;
    annotations.push({ level, message: annotation.message, properties });
  }
  return { annotations, left };
}
