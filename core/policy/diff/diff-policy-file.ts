import type { Finding } from '../../findings/finding.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { PolicyDocument } from '../document.ts';
import type { GrantedAccess, RemovedAccess } from './access-change.ts';
import { accessChangeToFinding } from './access-findings.ts';
import { diffDocumentAccess } from './diff-documents.ts';
import { matchDocuments } from './match-documents.ts';

/** The two versions of one file's policies. */
export interface PolicyFileVersions {
  /** The file's path in the head version (the base path for a deleted file); findings name it. */
  file: string;
  /** The documents of the base version; empty when the file is new. */
  base: readonly PolicyDocument[];
  /** The documents of the head version; empty when the file is deleted. */
  head: readonly PolicyDocument[];
}

/** What a change to one file does to the access its policies grant. */
export interface PolicyFileDiff {
  /** Access the head version grants and the base did not. */
  granted: GrantedAccess[];
  /** Access the base version granted and the head does not. */
  removed: RemovedAccess[];
  /** Both, as findings: `iam.diff.new-access` graded by access level, `iam.diff.removed-access` as info. */
  findings: Finding[];
}

/**
 * Compares every policy of a file's base and head versions, pairing documents by identity (holder and kind),
 * and reports the access newly granted and removed. Pure: the caller extracts both versions.
 */
export function diffPolicyFile(versions: PolicyFileVersions, catalog: IamCatalog): PolicyFileDiff {
  const granted: GrantedAccess[] = [];
  const removed: RemovedAccess[] = [];
  const findings: Finding[] = [];
  for (const pair of matchDocuments(versions.base, versions.head)) {
    for (const change of diffDocumentAccess(pair, { catalog, file: versions.file })) {
      if (change.direction === 'granted') granted.push(change);
      else removed.push(change);
      findings.push(accessChangeToFinding(change));
    }
  }
  return { granted, removed, findings };
}
