/**
 * Validation of SARIF files against the official SARIF 2.1.0 schema (draft-04, from @microsoft/jest-sarif),
 * plus GitHub code scanning's own ingestion rules: every result must have a file location with a start line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import type { Log } from 'sarif';

const require = createRequire(import.meta.url);

function compileSchema() {
  // A CommonJS package: under NodeNext its default import is the module, whose `default` is the class.
  const Ajv = AjvDraft04.default;
  // Not strict: the official schema requires properties only a sibling subschema defines. unicodeRegExp off:
  // its `language` pattern has a stray ']' that only non-unicode RegExps accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat(
    'uri-reference',
    (value: string) => !/[\s<>"{}|\\^`]/.test(value) && URL.canParse(value, 'file:///root/'),
  );
  ajv.addFormat(
    'date-time',
    (value: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
  );
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

let validate: ReturnType<typeof compileSchema> | undefined;

/** Schema errors of `log` (empty when valid), as `instancePath: message` lines. */
export function sarifSchemaErrors(log: unknown): string[] {
  validate ??= compileSchema();
  if (validate(log)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath}: ${error.message}`);
}

/** Results that GitHub code scanning would reject: no file location or no start line. */
export function githubIngestionErrors(log: Log): string[] {
  const errors: string[] = [];
  log.runs.forEach((run, runIndex) => {
    (run.results ?? []).forEach((result, index) => {
      const physical = result.locations?.[0]?.physicalLocation;
      if (!physical?.artifactLocation?.uri)
        errors.push(`runs[${runIndex}].results[${index}]: no artifact location`);
      else if (!physical.region?.startLine) errors.push(`runs[${runIndex}].results[${index}]: no start line`);
    });
  });
  return errors;
}
