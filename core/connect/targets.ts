/**
 * The multi-account target list, in the two formats the seed guides use: role ARNs separated by commas (or new
 * lines), or a JSON list of `{"arn", "external_id", "name", "regions"}` objects (External IDs need the JSON
 * form). Every problem is reported at once, each pointing at its entry, so a 40-account list is fixed in one
 * pass rather than one error per attempt.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isValidStsExternalId } from './external-id.ts';
import { regionProblem } from './region-name.ts';
import { type Partition, parseRoleArn, ROLE_ARN_EXAMPLE } from './role-arn.ts';

/** One account Axiom scans: the role to assume there, and how. */
export interface Target {
  /** Display name; defaults to `<account id>-<role name>`. */
  name: string;
  /** The role ARN, normalised. */
  roleArn: string;
  /** The account that owns the role. */
  accountId: string;
  /** The role's partition. */
  partition: Partition;
  /** The External ID the role's trust policy requires, if any. */
  externalId?: string;
  /** Regions to scan; omitted means every region enabled in the account. */
  regions?: string[];
}

/** One problem in a target list. */
export interface TargetError {
  /** The entry, counting from 1; 0 when the problem is the input as a whole. */
  entry: number;
  /** The JSON key at fault (`arn`, `external_id`, `name`, `regions`, or an unknown key), when there is one. */
  field?: string;
  /** One line for a person, naming the entry: `entry 3 ("arn:..."): the account id must be 12 digits ...`. */
  message: string;
}

/** Result of `parseTargets`. */
export type TargetsResult =
  | {
      /** Parsed. */
      ok: true;
      /** The targets, in input order. */
      targets: Target[];
    }
  | {
      /** At least one problem. */
      ok: false;
      /** Every problem found, in input order. */
      errors: TargetError[];
    };

/** A JSON entry after the structural check. */
interface RawTarget {
  arn: string;
  external_id?: string;
  name?: string;
  regions?: string[];
}

const KEYS = ['arn', 'external_id', 'name', 'regions'];

/** Keys people write by habit (from the AWS APIs or other tools), with the key they meant. */
const KEY_HINTS: Record<string, string> = {
  role_arn: 'arn',
  roleArn: 'arn',
  RoleArn: 'arn',
  externalId: 'external_id',
  ExternalId: 'external_id',
  external: 'external_id',
  region: 'regions',
};

const MAX_NAME_LENGTH = 64;

// Structure only (types, required and unknown keys); the values are checked in code, where the messages can
// say exactly what is wrong.
const TARGET_LIST_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['arn'],
    properties: {
      arn: { type: 'string' },
      external_id: { type: 'string' },
      name: { type: 'string' },
      regions: { type: 'array', items: { type: 'string' } },
    },
  },
} as const;

let validator: ValidateFunction<RawTarget[]> | undefined;

function validateStructure(value: unknown): value is RawTarget[] {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile<RawTarget[]>(TARGET_LIST_SCHEMA);
  return validator(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function prefix(entry: number, arn: unknown): string {
  return typeof arn === 'string' && arn.trim() !== ''
    ? `entry ${entry} (${JSON.stringify(arn.trim())})`
    : `entry ${entry}`;
}

function problem(entry: number, arn: unknown, message: string, field?: string): TargetError {
  const error: TargetError = { entry, message: `${prefix(entry, arn)}: ${message}` };
  if (field !== undefined) error.field = field;
  return error;
}

/** Turns ajv's structural errors into entry-pointing messages. */
function structureErrors(list: unknown, errors: readonly ErrorObject[]): TargetError[] {
  const found: TargetError[] = [];
  for (const error of errors) {
    const [index, key, item] = error.instancePath.split('/').slice(1);
    if (index === undefined) {
      found.push({
        entry: 0,
        message: `the JSON must be a list of targets like [{"arn": "${ROLE_ARN_EXAMPLE}"}], not ${kindOf(list)}`,
      });
      continue;
    }
    const entry = Number(index) + 1;
    const value: unknown = Array.isArray(list) ? list[Number(index)] : undefined;
    const arn =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>).arn : undefined;
    if (key === undefined && error.keyword === 'type') {
      found.push(
        problem(
          entry,
          undefined,
          `must be an object like {"arn": "${ROLE_ARN_EXAMPLE}"}, not ${kindOf(value)}`,
        ),
      );
    } else if (error.keyword === 'required') {
      found.push(problem(entry, undefined, 'the "arn" key is missing', 'arn'));
    } else if (error.keyword === 'additionalProperties') {
      const unknownKey = String(error.params.additionalProperty);
      const hint = KEY_HINTS[unknownKey] ? ` (did you mean "${KEY_HINTS[unknownKey]}"?)` : '';
      found.push(
        problem(
          entry,
          arn,
          `unknown key "${unknownKey}"${hint}; the keys are ${KEYS.join(', ')}`,
          unknownKey,
        ),
      );
    } else if (key !== undefined) {
      const position = item === undefined ? '' : `[${Number(item) + 1}]`;
      const expected = key === 'regions' && item === undefined ? 'a list of region names' : 'a string';
      const actual = item === undefined ? (value as Record<string, unknown>)[key] : undefined;
      const got = item === undefined ? `, not ${kindOf(actual)}` : '';
      found.push(problem(entry, arn, `"${key}"${position} must be ${expected}${got}`, key));
    }
  }
  return found;
}

/** Checks one entry's values and builds its target (or returns its problems). */
function buildTarget(entry: number, raw: RawTarget): Target | TargetError[] {
  const errors: TargetError[] = [];
  const parsed = parseRoleArn(raw.arn);
  if (!parsed.ok) errors.push(problem(entry, raw.arn, parsed.reason, 'arn'));
  const externalIdLength = raw.external_id?.length ?? 0;
  if (raw.external_id !== undefined && !isValidStsExternalId(raw.external_id)) {
    // The External ID is a shared secret: say what is wrong with it, never echo it.
    errors.push(
      problem(
        entry,
        raw.arn,
        `"external_id" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (it has ${externalIdLength} character${externalIdLength === 1 ? '' : 's'})`,
        'external_id',
      ),
    );
  }
  if (raw.name !== undefined) {
    const name = raw.name.trim();
    const control = [...name].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f');
    if (name === '' || name.length > MAX_NAME_LENGTH || control)
      errors.push(
        problem(entry, raw.arn, `"name" must be 1 to ${MAX_NAME_LENGTH} printable characters`, 'name'),
      );
  }
  if (raw.regions !== undefined) {
    if (raw.regions.length === 0)
      errors.push(
        problem(entry, raw.arn, '"regions" is empty; leave it out to scan every enabled region', 'regions'),
      );
    const seen = new Set<string>();
    for (const region of raw.regions) {
      const wrong = regionProblem(region, parsed.ok ? parsed.arn.partition : undefined);
      if (wrong) errors.push(problem(entry, raw.arn, `in "regions": ${wrong}`, 'regions'));
      else if (seen.has(region))
        errors.push(problem(entry, raw.arn, `in "regions": "${region}" is listed twice`, 'regions'));
      seen.add(region);
    }
  }
  if (!parsed.ok || errors.length > 0) return errors;
  const { arn } = parsed;
  const target: Target = {
    name: raw.name?.trim() ?? `${arn.accountId}-${arn.roleName}`,
    roleArn: arn.arn,
    accountId: arn.accountId,
    partition: arn.partition,
  };
  if (raw.external_id !== undefined) target.externalId = raw.external_id;
  if (raw.regions !== undefined) target.regions = [...raw.regions];
  return target;
}

/** Reads the JSON form; a bare `{...}, {...}` (a list without its brackets, as pasted from the guides) is accepted. */
function parseJson(text: string): RawTarget[] | TargetError[] {
  const source = text.startsWith('{') ? `[${text}]` : text;
  let list: unknown;
  try {
    list = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ entry: 0, message: `the target list looks like JSON but does not parse: ${detail}` }];
  }
  if (validateStructure(list)) return list;
  return structureErrors(list, validator?.errors ?? []);
}

function isErrorList(list: RawTarget[] | TargetError[]): list is TargetError[] {
  return list.some((item) => 'message' in item);
}

/**
 * Parses a target list: role ARNs separated by commas or new lines, or a JSON list of
 * `{"arn", "external_id"?, "name"?, "regions"?}`. Rejects empty input, unknown keys, bad ARNs, External IDs and
 * region names, and the same role listed twice.
 */
export function parseTargets(text: string): TargetsResult {
  const trimmed = text.trim();
  if (trimmed === '') {
    return {
      ok: false,
      errors: [
        {
          entry: 0,
          message: `no targets given: paste role ARNs separated by commas or new lines (${ROLE_ARN_EXAMPLE}), or a JSON list [{"arn": "...", "external_id": "..."}]`,
        },
      ],
    };
  }
  let raws: RawTarget[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const parsed = parseJson(trimmed);
    if (isErrorList(parsed)) return { ok: false, errors: parsed };
    raws = parsed;
  } else {
    raws = trimmed
      .split(/[,\r\n]+/)
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((arn) => ({ arn }));
  }
  if (raws.length === 0)
    return { ok: false, errors: [{ entry: 0, message: 'the target list has no entries' }] };

  const errors: TargetError[] = [];
  const targets: Target[] = [];
  const roles = new Map<string, number>();
  const names = new Map<string, number>();
  raws.forEach((raw, index) => {
    const entry = index + 1;
    const built = buildTarget(entry, raw);
    if (Array.isArray(built)) {
      errors.push(...built);
      return;
    }
    // Role names are unique within an account whatever the path, so account and name identify the role.
    const role = `${built.partition}:${built.accountId}:${built.roleArn.slice(built.roleArn.lastIndexOf('/') + 1)}`;
    const sameRole = roles.get(role);
    const sameName = names.get(built.name);
    if (sameRole !== undefined) {
      errors.push(problem(entry, raw.arn, `the same role as entry ${sameRole}; list each role once`, 'arn'));
    } else if (sameName !== undefined) {
      errors.push(
        problem(entry, raw.arn, `the name "${built.name}" is already used by entry ${sameName}`, 'name'),
      );
    }
    roles.set(role, roles.get(role) ?? entry);
    names.set(built.name, names.get(built.name) ?? entry);
    targets.push(built);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, targets };
}
