/**
 * What the catalogue knows about one IAM action, in the shape the policy checks consume. The raw data writes
 * combined access levels as one label ('Permissions management, Write'); checks ask "does this action manage
 * permissions?", so the label is split into a set once here.
 */

/** IAM's access-level classification of an action. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** Every access level, from least to most sensitive. */
export const ACCESS_LEVELS: readonly AccessLevel[] = [
  'List',
  'Read',
  'Tagging',
  'Write',
  'Permissions management',
];

/** One resource type an action can be scoped to. */
export interface ActionResourceType {
  /** The resource type's name in the service's table, e.g. 'object' for s3:GetObject. */
  readonly name: string;
  /** True when AWS marks it required; several optional types usually mean "one of these". */
  readonly required: boolean;
  /** ARN template from the service's resource-type table, e.g. 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'. */
  readonly arn: string;
  /** Condition keys that apply when the action touches this type (the action row's and the type's own). */
  readonly conditionKeys: readonly string[];
  /** Actions AWS also requires for this resource type, as 'service:Name'. */
  readonly dependentActions: readonly string[];
}

/** One IAM action. */
export interface ActionInfo {
  /** Service prefix as policies write it, lowercase, e.g. 's3'. */
  readonly service: string;
  /** Action name in AWS's casing, e.g. 'GetObject'. */
  readonly name: string;
  /** 'service:Name', e.g. 's3:GetObject': the canonical spelling for messages and evidence. */
  readonly key: string;
  /** Access levels with combined labels split, e.g. {'Permissions management', 'Write'} for iam:PutRolePolicy. */
  readonly accessLevels: ReadonlySet<AccessLevel>;
  /** The catalogue's own label, e.g. 'Tagging, Write', for messages. */
  readonly accessLevelLabel: string;
  /** Resource types the action can be scoped to; empty when it only accepts Resource "*". */
  readonly resourceTypes: readonly ActionResourceType[];
  /** Condition keys the action itself lists (resource types' keys and global keys are separate). */
  readonly conditionKeys: readonly string[];
  /** Actions AWS also requires, as 'service:Name'. */
  readonly dependentActions: readonly string[];
  /** True when the action supports no resource-level permissions: only Resource "*" grants it. */
  readonly isWildcardOnly: boolean;
  /**
   * The action's number in its catalogue: 0, 1, 2, ... in the order the catalogue read the services. Tables about
   * the actions of one catalogue are indexed by it (action-table.ts) instead of hashing the object: the checks
   * consult them for every action of every pattern they meet.
   */
  readonly ordinal: number;
}

const LEVELS_BY_LOWERCASE = new Map<string, AccessLevel>(
  ACCESS_LEVELS.map((level) => [level.toLowerCase(), level]),
);

// A handful of distinct labels covers ~22,000 actions, so actions share one set per label.
const LEVELS_BY_LABEL = new Map<string, ReadonlySet<AccessLevel>>();

/**
 * Splits the catalogue's access-level label into levels. A label AWS introduces later and this code does not
 * know counts as 'Write', so a new kind of action is treated as sensitive rather than ignored.
 */
export function parseAccessLevels(label: string): ReadonlySet<AccessLevel> {
  const known = LEVELS_BY_LABEL.get(label);
  if (known) return known;
  const levels = new Set<AccessLevel>();
  for (const part of label.split(',')) {
    const level = LEVELS_BY_LOWERCASE.get(part.trim().toLowerCase());
    if (level) levels.add(level);
  }
  if (levels.size === 0) levels.add('Write');
  LEVELS_BY_LABEL.set(label, levels);
  return levels;
}
