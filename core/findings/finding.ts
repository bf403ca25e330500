/** How bad a finding is, from worst to least. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Severities from worst to least; index order is rank order. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** What kind of problem a finding is. */
export type FindingCategory = 'security' | 'hygiene' | 'cost' | 'correctness';

/** The AWS resource a live-scan finding is about. */
export interface FindingResource {
  /** 12-digit account id. */
  accountId: string;
  /** Region, or 'global' for IAM and other global services. */
  region: string;
  /** Resource type, e.g. 'AWS::S3::Bucket'. */
  type: string;
  /** Resource id or name. */
  id: string;
  /** Resource ARN, where it has one. */
  arn?: string;
}

/** Where in a source file a policy finding points; lines and columns are 1-based. */
export interface SourceLocation {
  /** Path relative to the repository (or as given). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One problem: the same shape for live-scan findings and policy findings, so every renderer handles both. */
export interface Finding {
  /** Stable id, e.g. 'aws.s3.bucket-public-acl' or 'iam.policy.passrole-star'. */
  ruleId: string;
  /** One line naming the resource or statement. */
  title: string;
  severity: Severity;
  category: FindingCategory;
  /** What is wrong here, with the values that made it so. */
  message: string;
  /** What to do, concretely. */
  remediation: string;
  /** The exact field values that triggered the finding. */
  evidence: Record<string, unknown>;
  /** Stable across runs for the same problem on the same thing. */
  fingerprint: string;
  /** The resource, for live-scan findings. */
  resource?: FindingResource;
  /** The source location, for policy findings. */
  location?: SourceLocation;
  /** Estimated monthly saving in USD, for cost findings. */
  estimatedMonthlySavingsUsd?: number;
  /** Present when a suppression matched; the finding is kept and reported as suppressed. */
  suppressed?: FindingSuppression;
}

/** Why a finding is suppressed, and by what. */
export interface FindingSuppression {
  /** The reason the suppression gives. */
  reason: string;
  /** The last day (YYYY-MM-DD, inclusive) the suppression applies, when it expires. */
  until?: string;
  /**
   * Where the suppression is written: an entry of the ignore file (`.axiom.yml`) or an `axiom:ignore` comment
   * in the source; SARIF reports these as `external` and `inSource`. Absent when unknown.
   */
  source?: 'ignore-file' | 'inline-comment';
}

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
