/**
 * One service's slice of the catalogue, built the first time anything asks about the service: its actions
 * (sorted, with a lowercase index for IAM's case-insensitive names, each with its resource types' ARN templates
 * resolved) and, on first use, its condition keys. Loading per service keeps a one-policy CLI run to the few
 * services it names; `*` loads them all.
 */
import { type ActionInfo, type ActionResourceType, parseAccessLevels } from './action-info.ts';
import { buildConditionKeyTable, type ConditionKeyTable, toConditionKeyInfo } from './condition-keys.ts';
import type { IamDataSource } from './iam-data-source.ts';
import { type RawResourceType, readActions, readRawConditionKeys, readRawResourceTypes } from './raw-data.ts';

/** One service's actions, resource types and condition keys. */
export interface ServiceIndex {
  /** Service prefix, lowercase. */
  readonly prefix: string;
  /** Actions sorted by lowercase name. */
  readonly actions: readonly ActionInfo[];
  /** Lowercase action names, parallel to `actions` (so sorted). */
  readonly lowercaseNames: readonly string[];
  /**
   * The action whose lowercase name is `lowerName`. Its table is made on the first lookup in the service: a full load
   * indexes ~450 services and a lint names actions of far fewer, so a Map of all 22,000 actions made at load cost
   * more than it served (and a binary search per lookup cost more than the Maps: 1.3% more instructions on the
   * managed-policy corpus).
   */
  actionNamed(lowerName: string): ActionInfo | undefined;
  /** The service's condition keys (some prefixed with other services or aws:), read on first use. */
  conditionKeys(): ConditionKeyTable;
}

/** The one empty list every empty field of the catalogue shares. */
const NONE: readonly string[] = Object.freeze([]);
const NO_TYPES: readonly ActionResourceType[] = Object.freeze([]);

/**
 * `list`, or the shared empty list when it is empty: two thirds of the ~90,000 key and dependent-action lists of
 * the data are empty, and a fresh empty array each, kept for the life of the catalogue, is work for every GC.
 */
function shared(list: readonly string[]): readonly string[] {
  return list.length === 0 ? NONE : list;
}

/**
 * Reads and indexes service `prefix` (lowercase, known to exist) from `source`, numbering its actions from
 * `firstOrdinal` (see ActionInfo.ordinal). What the actions file stores once (a list, a resource-type row, a list of
 * rows) becomes one object shared by every action that has it.
 */
export function buildServiceIndex(prefix: string, source: IamDataSource, firstOrdinal: number): ServiceIndex {
  const actionsFile = `actions/${prefix}.json`;
  const typesFile = `resourceTypes/${prefix}.json`;
  const read = readActions(source.readJson(actionsFile), actionsFile);
  const { names, lowercaseNames, strings, lists, fields } = read;
  const rawTypes = readRawResourceTypes(source.readJson(typesFile), typesFile);

  // Action rows name types in varying case ('alarmModel' for the table's 'alarmmodel').
  const typesByName = new Map<string, RawResourceType>();
  for (let i = 0; i < rawTypes.length; i++) {
    const type = rawTypes[i]!;
    typesByName.set(type.key.toLowerCase(), type);
  }
  const rows: ActionResourceType[] = [];
  for (let r = 0; r < read.rows.length; r++) {
    const row = read.rows[r]!;
    const type = typesByName.get(row.name.toLowerCase());
    // A row naming no known type (never seen in the data) gets a match-anything template: no false alarms.
    const typeKeys = type ? shared(type.conditionKeys) : NONE;
    rows.push({
      name: row.name,
      required: row.required,
      arn: type?.arn ?? '*',
      conditionKeys:
        row.conditionKeys.length === 0 ? typeKeys : [...new Set([...row.conditionKeys, ...typeKeys])],
      dependentActions: row.dependentActions,
    });
  }
  const rowLists: (readonly ActionResourceType[])[] = [NO_TYPES];
  for (let l = 1; l < read.rowLists.length; l++) {
    const positions = read.rowLists[l]!;
    const types: ActionResourceType[] = [];
    for (let i = 0; i < positions.length; i++) types.push(rows[positions[i]!]!);
    rowLists.push(types);
  }

  const actions: ActionInfo[] = [];
  // `${prefix}:` once, not once per key.
  const keyPrefix = `${prefix}:`;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const at = 4 * i;
    const accessLevel = strings[fields[at]!]!;
    const resourceTypes = rowLists[fields[at + 1]!]!;
    const action: ActionInfo = {
      service: prefix,
      name,
      key: keyPrefix + name,
      accessLevels: parseAccessLevels(accessLevel),
      accessLevelLabel: accessLevel,
      resourceTypes,
      conditionKeys: lists[fields[at + 2]!]!,
      dependentActions: lists[fields[at + 3]!]!,
      isWildcardOnly: resourceTypes.length === 0,
      ordinal: firstOrdinal + i,
    };
    actions.push(action);
  }

  let conditionKeys: ConditionKeyTable | undefined;
  let byLowercaseName: Map<string, ActionInfo> | undefined;
  return {
    prefix,
    actions,
    lowercaseNames,
    actionNamed(lowerName) {
      if (!byLowercaseName) {
        byLowercaseName = new Map();
        for (let i = 0; i < actions.length; i++) byLowercaseName.set(lowercaseNames[i]!, actions[i]!);
      }
      return byLowercaseName.get(lowerName);
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
