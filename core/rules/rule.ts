import type { Finding, Severity } from '../findings/finding.ts';
import type { IamCatalog } from '../policy/catalog/iam-catalog.ts';
import type { AccountInventory, RegionInventory, ScanService } from '../scan/inventory.ts';

/** What a rule reads, named as coverage entries name it, so a missing input makes the rule "not evaluated". */
export interface RuleInput {
  service: ScanService;
  /** The SDK operation whose result the rule needs, e.g. 'DescribeSecurityGroups'. */
  operation: string;
}

/** The data a rule sees for one scope: an account's global data, or one region of an account. */
export type RuleScope =
  | { kind: 'global'; account: AccountInventory }
  | { kind: 'regional'; account: AccountInventory; region: string; inventory: RegionInventory };

/** What rules may use besides the inventory. */
export interface RuleContext {
  /** The scan's clock ("older than 90 days" is relative to it). */
  now: Date;
  /** The IAM catalogue, for rules that run collected IAM policies through the policy checks. */
  catalog: IamCatalog;
}

/** One problem a rule found on one resource. The engine adds rule data, account, region and fingerprint. */
export interface RuleHit {
  /** The resource: type (e.g. 'AWS::EC2::SecurityGroup'), id, and ARN where it has one. */
  resource: { type: string; id: string; arn?: string };
  /** What is wrong here, with the values that made it so. */
  message: string;
  /** The exact field values that triggered it. */
  evidence: Record<string, unknown>;
  /** Overrides the rule's severity (e.g. higher when the exposed port is a database). */
  severity?: Severity;
  /** A remediation more specific than the rule's. */
  remediation?: string;
  /** Estimated monthly saving in USD, for cost rules (from the dated price table). */
  estimatedMonthlySavingsUsd?: number;
  /** Extra fingerprint input when one resource can have several hits of one rule (e.g. the port). */
  discriminator?: string;
}

/** One rule: a plain object in its own file (core/rules/<service>/<rule>.ts), listed in core/rules/index.ts. */
export interface Rule {
  /** Stable id, e.g. 'aws.ec2.security-group-open-admin-port'. */
  id: string;
  service: ScanService;
  category: Exclude<Finding['category'], 'correctness'>;
  /** Default severity. */
  severity: Severity;
  /** One line, used as the finding title prefix. */
  title: string;
  /** Why it matters. */
  rationale: string;
  /** What to do, concretely. */
  remediation: string;
  /** 'global' rules see an account's IAM/S3/cost data; 'regional' rules see one region at a time. */
  scope: 'global' | 'regional';
  /** The inputs it needs; when any is not 'ok' in coverage for the scope, the rule is "not evaluated" there. */
  requires: readonly RuleInput[];
  /** Pure: finds the problems in one scope. */
  evaluate(scope: RuleScope, context: RuleContext): RuleHit[];
}
