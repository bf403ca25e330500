/**
 * What a change to a policy does to the access it grants, as data: each piece of access newly granted (or no
 * longer granted) with the element that grants it, the actions grouped by access level, and where to annotate.
 */
import type { SourceLocation } from '../../findings/finding.ts';
import type { AccessLevel } from '../catalog/action-info.ts';
import type { PolicyKind, SourceRange } from '../document.ts';

/** An action's access level, or 'Unknown' for an action the catalogue does not know (new, misspelt, computed). */
export type DiffAccessLevel = AccessLevel | 'Unknown';

/** Why access in the head version is new. */
export type GrantReason =
  /** The whole document is new: everything it allows is new. */
  | 'new-document'
  /** The action was not allowed at all by this document before. */
  | 'new-action'
  /** The action was allowed before, but not on this resource. */
  | 'new-resource'
  /** The action was allowed before, but not for this principal. */
  | 'new-principal'
  /** The action was allowed before only under more conditions; now it is allowed without some (or any). */
  | 'condition-removed'
  /** The action was allowed before under other conditions; they may be looser now. */
  | 'condition-changed';

/** Why access in the base version is gone. */
export type RemovalReason =
  /** The whole document is gone. */
  | 'removed-document'
  /** The action is no longer allowed at all by this document. */
  | 'removed-action'
  /** The action is still allowed, but no longer on this resource. */
  | 'removed-resource'
  /** The action is still allowed, but no longer for this principal. */
  | 'removed-principal'
  /** The action is now allowed only under more conditions than before. */
  | 'condition-added'
  /** The action is now allowed under other conditions. */
  | 'condition-changed';

/** The statement element a change is attributed to. */
export interface AccessElement {
  /** The element's name as IAM spells it: `Action`, `NotAction`, `Resource`, `Principal`, `Condition`... */
  name: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'Condition';
  /** Its value as written (an entry's text, or a summary of the whole element). */
  text: string;
  /** Where it is written, in the version the change belongs to (head for granted, base for removed). */
  range: SourceRange;
}

/** Actions of one access level. */
export interface LevelGroup {
  /** The access level. */
  level: DiffAccessLevel;
  /** The actions as 'service:Name', most sensitive first. */
  actions: string[];
}

/** Fields common to granted and removed access. */
interface AccessChangeBase {
  /** The file, as the head version names it (the base path for a deleted file). */
  file: string;
  /** What holds the policy in the file (Terraform address, CloudFormation path); absent for a bare policy file. */
  holder?: string;
  /** What the policy governs. */
  policyKind: PolicyKind;
  /** The statement that allows the access, in the version the change belongs to. */
  statement: {
    /** Position in the Statement list, from 0. */
    index: number;
    /** Its Sid, when it has one. */
    sid?: string;
    /** Where it is written. */
    range: SourceRange;
  };
  /** The element the change is attributed to. */
  element: AccessElement;
  /** Where to report it: always in the head version, so a pull-request annotation can land on it. */
  location: SourceLocation;
  /** Every action concerned, most sensitive first. */
  actions: string[];
  /** The actions by access level, most sensitive level first; only levels with actions. */
  byLevel: LevelGroup[];
  /** The resources concerned, as written (placeholders as their source text); '' for a policy without Resource. */
  resources: string[];
  /** The principals concerned, as `type:value`; empty for identity policies. */
  principals: string[];
  /** The statement's conditions, one line each; empty when it has none. */
  conditions: string[];
  /** The conditions the other version had for the same access, when the reason is about conditions. */
  otherConditions: string[];
}

/** Access the head version grants and the base version did not. */
export interface GrantedAccess extends AccessChangeBase {
  /** Discriminates granted from removed access. */
  direction: 'granted';
  /** Why it is new. */
  reason: GrantReason;
}

/** Access the base version granted and the head version does not. */
export interface RemovedAccess extends AccessChangeBase {
  /** Discriminates granted from removed access. */
  direction: 'removed';
  /** Why it is gone. */
  reason: RemovalReason;
  /** The base version's line of the statement that allowed it, since the base is not part of the change. */
  baseLine: number;
}

/** One piece of access a change grants or removes. */
export type AccessChange = GrantedAccess | RemovedAccess;
