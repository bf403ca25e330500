/**
 * One service's slice of the catalogue, built the first time anything asks about the service: its actions
 * (sorted, with a lowercase index for IAM's case-insensitive names, each with its resource types' ARN templates
 * resolved) and, on first use, its condition keys. Loading per service keeps a one-policy CLI run to the few
 * services it names; `*` loads them all.
 */
import { type ActionInfo, type ActionResourceType, parseAccessLevels } from './action-info.ts';
import { buildConditionKeyTable, type ConditionKeyTable, toConditionKeyInfo } from './condition-keys.ts';
import type { IamDataSource } from './iam-data-source.ts';
import {
  type CompactResourceType,
  type RawResourceType,
  readActions,
  readRawConditionKeys,
  readRawResourceTypes,
} from './raw-data.ts';

/** One service's actions, resource types and condition keys. */
export interface ServiceIndex {
  /** Service prefix, lowercase. */
  readonly prefix: string;
  /** Actions sorted by lowercase name. */
  readonly actions: readonly ActionInfo[];
  /** Lowercase action names, parallel to `actions` (so sorted). */
  readonly lowercaseNames: readonly string[];
  /**
   * The action whose lowercase name is `lowerName`, found by binary search over `lowercaseNames`: a Map of every
   * action cost a full load more (22,000 inserts, each hashing a new string) than the few thousand lookups save.
   */
  actionNamed(lowerName: string): ActionInfo | undefined;
  /** The service's condition keys (some prefixed with other services or aws:), read on first use. */
  conditionKeys(): ConditionKeyTable;
}

/** The one empty list every empty field of the catalogue shares. */
const NONE: readonly string[] = Object.freeze([]);
const NO_ROWS: readonly CompactResourceType[] = Object.freeze([]);

/**
 * `list`, or the shared empty list when it is empty: two thirds of the ~90,000 key and dependent-action lists of
 * the data are empty, and a fresh empty array each, kept for the life of the catalogue, is work for every GC.
 */
function shared(list: readonly string[]): readonly string[] {
  return list.length === 0 ? NONE : list;
}

/**
 * Reads and indexes service `prefix` (lowercase, known to exist) from `source`, numbering its actions from
 * `firstOrdinal` (see ActionInfo.ordinal).
 */
export function buildServiceIndex(prefix: string, source: IamDataSource, firstOrdinal: number): ServiceIndex {
  const actionsFile = `actions/${prefix}.json`;
  const typesFile = `resourceTypes/${prefix}.json`;
  const { actions: tuples, lowercaseNames } = readActions(source.readJson(actionsFile), actionsFile);
  const rawTypes = readRawResourceTypes(source.readJson(typesFile), typesFile);

  // Action rows name types in varying case ('alarmModel' for the table's 'alarmmodel').
  const typesByName = new Map<string, RawResourceType>();
  for (let i = 0; i < rawTypes.length; i++) {
    const type = rawTypes[i]!;
    typesByName.set(type.key.toLowerCase(), type);
  }

  const actions: ActionInfo[] = [];
  for (let i = 0; i < tuples.length; i++) {
    const tuple = tuples[i]!;
    const name = tuple[0];
    const accessLevel = tuple[1];
    const rows = tuple[2] === 0 ? NO_ROWS : tuple[2];
    const resourceTypes: ActionResourceType[] = [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const rowKeys = row[2] === 0 ? NONE : row[2];
      const type = typesByName.get(row[0].toLowerCase());
      // A row naming no known type (never seen in the data) gets a match-anything template: no false alarms.
      const typeKeys = type ? shared(type.conditionKeys) : NONE;
      resourceTypes.push({
        name: row[0],
        required: row[1],
        arn: type?.arn ?? '*',
        conditionKeys: rowKeys.length === 0 ? typeKeys : [...new Set([...rowKeys, ...typeKeys])],
        dependentActions: row[3] === 0 ? NONE : row[3],
      });
    }
    const action: ActionInfo = {
      service: prefix,
      name,
      key: `${prefix}:${name}`,
      accessLevels: parseAccessLevels(accessLevel),
      accessLevelLabel: accessLevel,
      resourceTypes,
      conditionKeys: tuple[3] === 0 ? NONE : tuple[3],
      dependentActions: tuple[4] === 0 ? NONE : tuple[4],
      isWildcardOnly: resourceTypes.length === 0,
      ordinal: firstOrdinal + i,
    };
    actions.push(action);
  }

  let conditionKeys: ConditionKeyTable | undefined;
  return {
    prefix,
    actions,
    lowercaseNames,
    actionNamed(lowerName) {
      let low = 0;
      let high = lowercaseNames.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const name = lowercaseNames[mid]!;
        if (name === lowerName) return actions[mid];
        if (name < lowerName) low = mid + 1;
        else high = mid - 1;
      }
      return undefined;
    },
    conditionKeys() {
      if (!conditionKeys) {
        const keysFile = `conditionKeys/${prefix}.json`;
        const rawKeys = readRawConditionKeys(source.readJson(keysFile), keysFile);
        conditionKeys = buildConditionKeyTable(rawKeys.map((raw) => toConditionKeyInfo(raw, false)));
      }
      return conditionKeys;
    },
  };
}
