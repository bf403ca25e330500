import type { PolicyDocument, SourceRange } from '../document.ts';

/** A file to extract policies from. */
export interface PolicyFile {
  /** Path relative to the repository (or as given); copied into every document and problem. */
  path: string;
  /** The file's content. */
  text: string;
}

/**
 * Why something could not be read as a policy:
 * - `parse-error`: the file is not valid JSON, YAML or HCL;
 * - `invalid-policy`: a policy's structure is wrong (Statement not a list, a number for an action);
 * - `unresolved`: the policy is computed elsewhere (a variable, `file()`), so it is not analysed here;
 * - `skipped`: the file was not read (too large, binary).
 */
export type ExtractProblemKind = 'parse-error' | 'invalid-policy' | 'unresolved' | 'skipped';

/** A problem found while extracting; expected, so returned as data with a location. */
export interface ExtractProblem {
  /** What sort of problem it is, so callers can choose what to show. */
  kind: ExtractProblemKind;
  /** The file's path. */
  file: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** Where it is wrong. */
  range: SourceRange;
}

/** An inline `axiom:ignore CHECK-ID reason` comment; the checks decide what it suppresses. */
export interface SuppressionComment {
  /** The 1-based line the comment is on. */
  line: number;
  /** The check it names, e.g. `iam.policy.passrole-star`. */
  checkId: string;
  /** The reason given after the check id; empty when none was given. */
  reason: string;
}

/** Everything found in one file. */
export interface ExtractResult {
  /** Every policy document found, in source order. */
  documents: PolicyDocument[];
  /** What could not be read, each with its location. */
  problems: ExtractProblem[];
  /** Suppression comments in YAML and HCL files, in line order. */
  suppressionComments: SuppressionComment[];
}

/** A problem before the file path is known to the code that found it. */
export interface LocatedProblem {
  /** What sort of problem it is. */
  kind: ExtractProblemKind;
  /** What is wrong, in one sentence. */
  message: string;
  /** Where it is wrong. */
  range: SourceRange;
}
