/** What every renderer is told about the run besides its findings. Plain data: renderers never do I/O. */

/** The tool that produced the report. */
export interface ReportTool {
  /** Display name, e.g. 'Axiom'. */
  name: string;
  /** Version, e.g. '0.1.0'. */
  version: string;
  /** Where to read about the tool (SARIF `informationUri`); absent when there is none to give. */
  informationUri?: string;
}

/** One thing that was analysed: an AWS account, a repository, a set of files. */
export interface ReportTarget {
  /** For a person, e.g. 'AWS account 111122223333 (prod)' or 'acme/infra pull request #42'. */
  description: string;
  /** The AWS account, for live scans. */
  accountId?: string;
  /** The regions scanned, for live scans. */
  regions?: string[];
}

/** Why part of a scan produced no data: a read that was denied, failed, or not attempted. */
export type CoverageGapStatus = 'denied' | 'error' | 'skipped';

/**
 * Part of the target that was not covered: a gap is reported, never silently taken for a pass (an SCP denying
 * `s3:GetBucketPolicy` means no S3 policy finding can be trusted as absent).
 */
export interface CoverageGap {
  /** The account, when the gap is per account. */
  account?: string;
  /** The region, when the gap is per region. */
  region?: string;
  /** The AWS service, e.g. 's3'. */
  service: string;
  /** The API operation, e.g. 'GetBucketPolicy'. */
  operation: string;
  /** Denied (IAM, an SCP, a permission boundary), failed otherwise, or skipped on purpose. */
  status: CoverageGapStatus;
  /** What happened, for a person, e.g. 'AccessDenied: explicit deny in a service control policy'. */
  detail: string;
}

/** Counters of the run; every one optional, as the live scan and the policy analysis count different things. */
export interface ReportStats {
  /** How long the run took, in milliseconds. */
  durationMs?: number;
  /** AWS API calls made. */
  apiCalls?: number;
  /** Resources inventoried. */
  resources?: number;
  /** Files read. */
  files?: number;
  /** Policy documents analysed. */
  policyDocuments?: number;
  /** AWS API calls per `Service:Operation` (e.g. 'EC2:DescribeInstances'): logical calls and HTTP attempts. */
  apiCallsByOperation?: Record<string, ApiCallCount>;
  /** Resources inventoried per type (e.g. 'AWS::EC2::Instance'); a type whose data was not collected is absent. */
  resourcesByType?: Record<string, number>;
}

/** Calls of one AWS operation. */
export interface ApiCallCount {
  /** Logical calls made (each page of a paginated listing is one). */
  calls: number;
  /** HTTP requests sent, retries included. */
  attempts: number;
}

/**
 * A rule that could not run in one scope because an input it needs was denied, failed, skipped or not scanned:
 * reported so that the absence of its findings there is never taken for a pass.
 */
export interface NotEvaluatedRule {
  /** The rule id, e.g. 'aws.ec2.ebs-volume-unencrypted'. */
  ruleId: string;
  /** The account. */
  accountId: string;
  /** The region, or 'global' for account-wide rules. */
  region: string;
  /** Which input was missing and why, e.g. 'ec2:DescribeVolumes denied (UnauthorizedOperation: ...)'. */
  reason: string;
}

/** Rule text from the rule catalogue, for renderers that describe rules as well as findings (SARIF). */
export interface RuleDescription {
  /** One line, e.g. 'S3 bucket ACL grants public access'. */
  title: string;
  /** Why it matters, a few sentences. */
  description: string;
  /** What to do, in general; findings carry their own specific remediation. */
  remediation?: string;
  /** A page about the rule. */
  helpUri?: string;
}

/** The run around the findings. */
export interface ReportContext {
  /** The tool and its version. */
  tool: ReportTool;
  /** What was analysed. */
  targets?: ReportTarget[];
  /** When the run started, ISO 8601 (the caller's clock: renderers read none). */
  startedAt?: string;
  /** When the run finished, ISO 8601. */
  finishedAt?: string;
  /** Parts not covered; absent when the run has no notion of coverage (a policy-only analysis). */
  coverage?: CoverageGap[];
  /** Rules that could not run where their input was missing (live scans); absent when the run has no rules. */
  notEvaluated?: NotEvaluatedRule[];
  /** Counters of the run. */
  stats?: ReportStats;
  /** Rule text by rule id; rules without an entry are described from their first finding. */
  rules?: Readonly<Record<string, RuleDescription>>;
}
