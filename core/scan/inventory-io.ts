/**
 * Reading and writing inventory snapshots (`axiom scan --save-inventory FILE`, `--inventory FILE`). Reading
 * validates against the schema and reports every problem with its path, in words; writing gives a stable,
 * readable file: the same inventory always serialises to the same text.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { INVENTORY_SCHEMA_VERSION, type Inventory } from './inventory.ts';
import { describeSchemaErrors, type InventoryError, kindOf } from './inventory-errors.ts';
import { INVENTORY_SCHEMA } from './inventory-schema.ts';

/** Result of `parseInventory`. */
export type InventoryParseResult =
  | {
      /** A valid inventory. */
      ok: true;
      /** The inventory. */
      inventory: Inventory;
    }
  | {
      /** Not a valid inventory. */
      ok: false;
      /** Every problem found (the first 50, then a count of the rest). */
      errors: InventoryError[];
    };

/** Errors listed before the rest are only counted: a wrong file can hold thousands. */
const MAX_ERRORS = 50;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

let validator: ValidateFunction | undefined;

function validate(value: unknown): readonly ErrorObject[] {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    // The two formats the schema uses, without a dependency on ajv-formats.
    ajv.addFormat('date-time', (text: string) => ISO_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)));
    ajv.addFormat(
      'date',
      (text: string) => ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    );
    validator = ajv.compile(INVENTORY_SCHEMA);
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

/**
 * Parses an inventory file: JSON, an object, the schemaVersion this Axiom reads, then the whole schema. Never
 * throws; every problem comes back with its path.
 */
export function parseInventory(text: string): InventoryParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '$', message: `the file is not JSON: ${detail}` }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      errors: [
        {
          path: '$',
          message: `an inventory is a JSON object with "schemaVersion", "accounts", "coverage" and "stats", not ${kindOf(value)}`,
        },
      ],
    };
  const version = (value as Record<string, unknown>).schemaVersion;
  if (version === undefined)
    return {
      ok: false,
      errors: [
        {
          path: '$',
          message:
            'the file has no "schemaVersion", so it is not an Axiom inventory (save one with `axiom scan --save-inventory FILE`)',
        },
      ],
    };
  // A different version is reported alone: checking it against this version's schema would only add noise.
  if (version !== INVENTORY_SCHEMA_VERSION) {
    const newer = typeof version === 'number' && version > INVENTORY_SCHEMA_VERSION;
    return {
      ok: false,
      errors: [
        {
          path: '$.schemaVersion',
          message: `the inventory has schemaVersion ${JSON.stringify(version)}, but this Axiom reads schemaVersion ${INVENTORY_SCHEMA_VERSION}: ${
            newer ? 'upgrade Axiom to read it' : 'scan again with this Axiom to save a new inventory'
          }`,
        },
      ],
    };
  }
  const problems = describeSchemaErrors(validate(value));
  if (problems.length === 0) return { ok: true, inventory: value as Inventory };
  const errors = problems.slice(0, MAX_ERRORS);
  if (problems.length > MAX_ERRORS)
    errors.push({ path: '$', message: `and ${problems.length - MAX_ERRORS} more problems like these` });
  return { ok: false, errors };
}

/** A JSON schema fragment, as far as key ordering looks into it. */
interface SchemaShape {
  properties?: Record<string, SchemaShape>;
  additionalProperties?: boolean | SchemaShape;
  items?: SchemaShape;
  anyOf?: SchemaShape[];
}

/**
 * Copies `value` with its keys in a stable order: an object's known fields in the schema's order, then any
 * others alphabetically; a map's keys (regions, tags, operations) alphabetically. Free-form documents (IAM
 * policies) keep their own order, which is the order AWS wrote them in.
 */
function ordered(value: unknown, schema: SchemaShape | undefined): unknown {
  // A nullable field's schema is `anyOf: [schema, null]`: use the branch for the kind of value at hand.
  const shape =
    schema?.anyOf?.find((branch) =>
      Array.isArray(value)
        ? branch.items !== undefined
        : branch.properties !== undefined || branch.additionalProperties !== undefined,
    ) ?? schema;
  if (Array.isArray(value)) return value.map((item) => ordered(item, shape?.items));
  if (typeof value !== 'object' || value === null) return value;
  if (shape === undefined || (shape.properties === undefined && shape.additionalProperties === undefined))
    return value;
  const record = value as Record<string, unknown>;
  const properties = shape.properties ?? {};
  const values = typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined;
  const keys = [
    ...Object.keys(properties).filter((key) => key in record),
    ...Object.keys(record)
      .filter((key) => !(key in properties))
      .sort(),
  ];
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    if (record[key] === undefined) continue;
    copy[key] = ordered(record[key], properties[key] ?? values);
  }
  return copy;
}

/** The inventory as a file: pretty JSON, keys in a stable order, a final newline. */
export function serializeInventory(inventory: Inventory): string {
  return `${JSON.stringify(ordered(inventory, INVENTORY_SCHEMA as SchemaShape), null, 2)}\n`;
}
