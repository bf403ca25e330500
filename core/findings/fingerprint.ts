/**
 * Fingerprints identify "the same problem on the same thing" across runs, so baselines, suppressions in code
 * scanning and PR comments can tell a new finding from an old one. They are built from identities only, never
 * from positions: inserting lines above a statement, or re-ordering a scan, must not change them.
 */
import { hash } from 'node:crypto';

/** The identity of a live-scan finding: the rule and the resource it is about. */
export interface ResourceFingerprintParts {
  /** The rule's id. */
  ruleId: string;
  /** The resource's identity; an ARN is not needed, the four parts name it. */
  resource: { accountId: string; region: string; type: string; id: string };
  /**
   * What tells apart several findings of one rule on one resource (a port of a security group, a statement
   * of an inline policy); absent when the rule finds at most one problem per resource.
   */
  detail?: string;
}

/** The identity of a policy finding: the rule, the file, and where in the file without using positions. */
export interface PolicyFingerprintParts {
  /** The rule's (check's) id. */
  ruleId: string;
  /** The file, relative to the repository; `./` and backslashes are normalised away. */
  file: string;
  /**
   * A location-independent anchor for the statement, e.g. from `statementAnchor` (the holder and the Sid,
   * or the statement's normalised content).
   */
  anchor: string;
  /** The offending element's value, e.g. `Action=iam:PassRole` or `Resource=*`; absent when the whole statement is. */
  element?: string;
}

/** What a fingerprint is computed from. */
export type FingerprintParts = ResourceFingerprintParts | PolicyFingerprintParts;

/** Bumped only if the recipe changes; it is hashed in so old and new fingerprints can never collide. */
const RECIPE = 'axiom/v1';

/** 32 hex characters (128 bits): ample to avoid collisions, short enough to read in a report. */
const LENGTH = 32;

/** The stable fingerprint of a finding: lowercase hex, 32 characters. */
export function fingerprintFinding(parts: FingerprintParts): string {
  const fields =
    'resource' in parts
      ? [
          RECIPE,
          'resource',
          parts.ruleId,
          parts.resource.accountId,
          parts.resource.region,
          parts.resource.type,
          parts.resource.id,
          parts.detail ?? '',
        ]
      : [RECIPE, 'policy', parts.ruleId, normalizeFilePath(parts.file), parts.anchor, parts.element ?? ''];
  // JSON encoding keeps field boundaries unambiguous: ('a:b', 'c') and ('a', 'b:c') hash differently. The one-shot
  // hash() gives the same digest as createHash().update().digest() without a Hash object per finding.
  return hash('sha256', JSON.stringify(fields), 'hex').slice(0, LENGTH);
}

/** A repository path in one spelling: forward slashes, no leading `./`. */
export function normalizeFilePath(file: string): string {
  return file.replaceAll('\\', '/').replace(/^(?:\.\/)+/, '');
}
