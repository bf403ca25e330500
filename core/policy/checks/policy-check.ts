import type { FindingCategory, Severity } from '../../findings/finding.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { PolicyDocument, PolicyKind, PolicyStatement, SourceRange } from '../document.ts';

/** What a check may use besides the document: the IAM action catalogue. */
export interface PolicyCheckContext {
  /** The IAM action catalogue (wildcard expansion, access levels, resource types, condition keys). */
  catalog: IamCatalog;
}

/** One problem a check found, at the exact element that causes it. */
export interface PolicyProblem {
  /** What is wrong here, with the values that made it so. */
  message: string;
  /** The element to annotate: the action, resource, principal or condition entry, else the statement. */
  range: SourceRange;
  /** The statement it belongs to, when it belongs to one. */
  statement?: PolicyStatement;
  /** Overrides the check's default severity, e.g. lowered by a constraining condition. */
  severity?: Severity;
  /** The exact values that triggered it (actions, resources, principals, condition keys). */
  evidence: Record<string, unknown>;
  /** A remediation more specific than the check's own, when the problem allows one. */
  remediation?: string;
  /** A short, location-independent anchor for the fingerprint (e.g. the offending value). */
  anchor: string;
}

/** One policy check: a plain object, one per file, listed in checks/index.ts. */
export interface PolicyCheck {
  /** Stable id, e.g. 'iam.policy.passrole-star'; used in suppressions and SARIF. */
  id: string;
  /** One-line name. */
  title: string;
  category: FindingCategory;
  /** Severity when nothing in the context changes it. */
  defaultSeverity: Severity;
  /** One line for the docs: what it detects and why that matters. */
  docs: string;
  /** What to do, generally; problems may give a more specific one. */
  remediation: string;
  /** Policy kinds it applies to; all when omitted. */
  appliesTo?: readonly PolicyKind[];
  /** Finds the problems in one document. Pure. */
  evaluate(document: PolicyDocument, context: PolicyCheckContext): PolicyProblem[];
}
