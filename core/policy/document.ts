import type { SourceLocation } from '../findings/finding.ts';

/**
 * A span of text in a source file: 1-based lines and columns, columns counted in UTF-16 code units.
 * `endColumn` is the column just past the last character (as in SARIF), so a one-character value at
 * column 5 has `endColumn` 6.
 */
export type SourceRange = Omit<SourceLocation, 'file'>;

/**
 * A value known only at deploy time: an intrinsic function (`!Ref`, `Fn::Join`), an interpolation
 * (`${aws_s3_bucket.b.arn}`) or a Terraform reference. Checks treat it as unknown, never as invalid.
 */
export interface Placeholder {
  kind: 'placeholder';
  /** The expression as written in the source, e.g. `!GetAtt Bucket.Arn` or `${var.bucket_arn}/*`. */
  text: string;
}

/** A policy string, or a placeholder where the string is computed at deploy time. */
export type PolicyScalar = string | Placeholder;

/** A value together with where it is written. */
export interface Located<T> {
  /** The value; numbers and booleans in condition values are given as their string form. */
  value: T;
  /** Where the value is written. */
  range: SourceRange;
}

/** A statement element that holds a list of strings: Action, NotAction, Resource, NotResource. */
export interface ElementList {
  /** The value as written: a single string or the whole array. */
  range: SourceRange;
  /** The element's key, e.g. `"Action"` or Terraform's `actions`. */
  keyRange: SourceRange;
  /** One entry per string, in source order; a single string gives one entry. */
  entries: Located<PolicyScalar>[];
}

/** One principal, e.g. type `AWS` with value `arn:aws:iam::111122223333:root`. */
export interface PrincipalEntry extends Located<PolicyScalar> {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser` as written, or `*` for `"Principal": "*"`. */
  type: string;
}

/** A Principal or NotPrincipal element. */
export interface PrincipalElement {
  /** The value as written: `"*"` or the whole object. */
  range: SourceRange;
  /** The element's key. */
  keyRange: SourceRange;
  /** Every principal named, in source order. */
  entries: PrincipalEntry[];
}

/** One condition: operator, key and the values it is tested against. */
export interface ConditionEntry {
  /** The operator, e.g. `StringEquals` or `ForAnyValue:StringLike`. */
  operator: Located<PolicyScalar>;
  /** The condition key, e.g. `aws:SourceArn`. */
  key: Located<PolicyScalar>;
  /** The values, in source order; a single value gives one entry. */
  values: Located<PolicyScalar>[];
}

/** The Condition element of a statement. */
export interface ConditionElement {
  /** The whole condition object. */
  range: SourceRange;
  /** The element's key. */
  keyRange: SourceRange;
  /** One entry per operator and key pair. */
  entries: ConditionEntry[];
}

/**
 * One statement of a policy, each element with its position. The optional elements are always present on
 * statements the extractor builds (undefined when the policy lacks them), in this order, so every statement has one
 * object shape: the checks read these fields for every statement, and code that has seen several shapes reads them
 * more slowly (and is recompiled as each new one turns up).
 */
export interface PolicyStatement {
  /** Position in the Statement list, from 0; a single-object Statement is index 0. */
  index: number;
  /** The whole statement. */
  range: SourceRange;
  /** The statement id. */
  sid?: Located<PolicyScalar> | undefined;
  /** `Allow` or `Deny` as written (checks judge other values). */
  effect?: Located<PolicyScalar> | undefined;
  /** The actions granted or denied. */
  action?: ElementList | undefined;
  /** The actions excluded. */
  notAction?: ElementList | undefined;
  /** The resources covered. */
  resource?: ElementList | undefined;
  /** The resources excluded. */
  notResource?: ElementList | undefined;
  /** Who the statement applies to (resource and trust policies). */
  principal?: PrincipalElement | undefined;
  /** Who the statement does not apply to. */
  notPrincipal?: PrincipalElement | undefined;
  /** When the statement applies. */
  condition?: ConditionElement | undefined;
}

/** What a policy governs: who may act (identity), who may assume a role (trust), who may use a resource. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

/** The resource a resource policy is attached to. */
export type ResourcePolicyType = 's3-bucket' | 'sqs-queue' | 'sns-topic' | 'kms-key' | 'lambda-permission';

/** The file format a policy was found in. */
export type PolicySourceFormat = 'json' | 'cloudformation' | 'terraform' | 'terraform-plan';

/** Where a policy document comes from. */
export interface PolicySource {
  /** Path of the file, as given to the extractor. */
  file: string;
  /** The kind of file the policy was found in. */
  format: PolicySourceFormat;
  /**
   * What holds the policy inside the file: a Terraform address (`aws_iam_role.deploy`), a CloudFormation
   * path (`Resources.DeployRole.Properties.Policies[0]`) or a JSON path; absent for a bare policy file.
   */
  holder?: string;
  /** The type of the holder, e.g. `AWS::IAM::Role` or `aws_iam_role_policy`. */
  holderType?: string;
  /** The policy's name where the source gives one (PolicyName, a role name). */
  name?: string;
  /** Terraform addresses of the resources that use this `aws_iam_policy_document` data source. */
  usedBy?: string[];
  /** Where the policy document is written. */
  range: SourceRange;
}

/** The size of a policy's compact JSON (JSON.stringify of its plain form). */
export interface CompactJsonSize {
  /** Characters (UTF-16 code units). */
  readonly characters: number;
  /** Of those, white space (what `\s` matches; compact JSON has it only inside strings, unescaped). */
  readonly whitespace: number;
  /** UTF-8 bytes. */
  readonly utf8Bytes: number;
}

/** A policy document, parsed into statements whose every element knows where it is written. */
export interface PolicyDocument {
  /** What the policy governs. */
  kind: PolicyKind;
  /** For resource policies, the resource type when the source says it. */
  resourceType?: ResourcePolicyType | undefined;
  /** Where the document comes from. */
  source: PolicySource;
  /**
   * The document as plain JSON: CloudFormation intrinsics in their long JSON form, Terraform expressions and
   * unknown values as their source text. Built on first read: few checks need it.
   */
  readonly raw: unknown;
  /** The size of `raw` as compact JSON (what AWS's size quotas count), worked out on first read. */
  readonly jsonSize: CompactJsonSize;
  /** The policy language version, e.g. `2012-10-17`. */
  version?: Located<PolicyScalar> | undefined;
  /** The policy's Id element. */
  id?: Located<PolicyScalar> | undefined;
  /** Statements in source order; statements computed at deploy time are left out. */
  statements: PolicyStatement[];
}

/** True when `value` is a deploy-time placeholder rather than a literal string. */
export function isPlaceholder(value: PolicyScalar): value is Placeholder {
  return typeof value !== 'string';
}
