/**
 * Ajv's errors about an inventory, in words a person can act on: where (a JSONPath), what is wrong, and for an
 * unknown field the one probably meant.
 */
import type { ErrorObject } from 'ajv';

/** One problem in an inventory file. */
export interface InventoryError {
  /** Where, as a JSONPath: `$.accounts[0].regional["us-east-1"].ec2.instances[3]`; `$` for the whole file. */
  path: string;
  /** What is wrong there, for a person. */
  message: string;
}

/** A JSON Pointer (ajv's instancePath) as a JSONPath a person can follow. */
function pathOf(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) =>
      /^\d+$/.test(part)
        ? `[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `.${part}`
          : `[${JSON.stringify(part)}]`,
    )
    .join('')}`;
}

/** What a value is, for "must be X, not Y" messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** The closest allowed key to a misspelt one, when there is a close one. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of allowed) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (
      distance <= Math.max(1, Math.floor(name.length / 4)) &&
      (best === undefined || distance < best.distance)
    )
      best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** One ajv error in words. */
function describe(error: ErrorObject): InventoryError {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `the required field "${String(params.missingProperty)}" is missing` };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const properties =
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
      const allowed = Object.keys(properties);
      const guess = closest(key, allowed);
      return {
        path,
        message: `unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; the fields here are ${allowed.join(', ')}`,
      };
    }
    case 'type':
      return {
        path,
        message: `must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, not ${kindOf(error.data)}`,
      };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}, not ${kindOf(error.data)}`,
      };
    case 'format':
      return {
        path,
        message:
          params.format === 'date'
            ? `must be a date such as 2026-01-15, not ${kindOf(error.data)}`
            : `must be an ISO 8601 time such as 2026-01-15T09:30:00Z, not ${kindOf(error.data)}`,
      };
    case 'pattern':
      return {
        path,
        message: path.endsWith('.accountId')
          ? `must be a 12-digit AWS account id, not ${kindOf(error.data)}`
          : `must match ${String(params.pattern)}, not ${kindOf(error.data)}`,
      };
    case 'minimum':
      return { path, message: `must be at least ${String(params.limit)}, not ${String(error.data)}` };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'anyOf': {
      const first = (error.schema as { type?: string }[])[0]?.type;
      return {
        path,
        message: `must be ${TYPE_WORDS[String(first)] ?? 'a value'} or null, not ${kindOf(error.data)}`,
      };
    }
    default:
      return { path, message: error.message ?? `fails the schema's ${error.keyword} check` };
  }
}

/**
 * Ajv reports a failed `anyOf` (a nullable field) as one error per branch plus its own. When the value had the
 * wrong type altogether, every branch error is a type error at the value and the `anyOf` error alone says it;
 * otherwise the non-null branch's errors (a field missing or wrong inside the object) say what is wrong.
 */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf') continue;
    const branches = errors.filter((other) => other.schemaPath.startsWith(`${error.schemaPath}/`));
    const typeOnly = branches.filter(
      (other) => other.keyword === 'type' && other.instancePath === error.instancePath,
    );
    for (const branch of typeOnly) dropped.add(branch);
    if (typeOnly.length < branches.length) dropped.add(error);
  }
  return errors.filter((error) => !dropped.has(error));
}

/** Every relevant ajv error, described. */
export function describeSchemaErrors(errors: readonly ErrorObject[]): InventoryError[] {
  return relevant(errors).map(describe);
}
