/**
 * The JSON Schema (draft-07) of the JSON report, `schemaVersion` 1. Published for consumers (dashboards, the
 * baseline of a later run) and checked against the renderer's real output in tests. Adding an optional field
 * keeps version 1; removing or changing the meaning of a field bumps it.
 */
import { SEVERITIES } from '../findings/finding.ts';
import { CATEGORIES } from '../findings/summary.ts';

const count = (description: string) => ({ type: 'integer', minimum: 0, description }) as const;

/** Required keys per severity or category: every key present, a count each. */
function countsBy(
  keys: readonly string[],
  description: string,
  each: (key: string) => string,
): Record<string, unknown> {
  return {
    type: 'object',
    description,
    additionalProperties: false,
    required: [...keys],
    properties: Object.fromEntries(keys.map((key) => [key, count(each(key))])),
  };
}

const FINDING_SCHEMA = {
  type: 'object',
  description: 'One problem; live-scan and policy findings share this shape.',
  additionalProperties: false,
  required: ['ruleId', 'title', 'severity', 'category', 'message', 'remediation', 'evidence', 'fingerprint'],
  properties: {
    ruleId: {
      type: 'string',
      minLength: 1,
      description: "Stable rule id, e.g. 'aws.s3.bucket-public-acl' or 'iam.policy.passrole-star'.",
    },
    title: { type: 'string', description: 'One line naming the resource or the statement.' },
    severity: { enum: [...SEVERITIES], description: 'How bad it is, from critical to info.' },
    category: { enum: [...CATEGORIES], description: 'What kind of problem it is.' },
    message: { type: 'string', description: 'What is wrong here, with the values that made it so.' },
    remediation: { type: 'string', description: 'What to do, concretely.' },
    evidence: {
      type: 'object',
      description: 'The exact field values that triggered the finding; the keys depend on the rule.',
    },
    fingerprint: {
      type: 'string',
      minLength: 1,
      description:
        'Stable across runs for the same problem on the same thing (independent of line numbers); use it to compare runs.',
    },
    resource: {
      type: 'object',
      description: 'The AWS resource, for live-scan findings.',
      additionalProperties: false,
      required: ['accountId', 'region', 'type', 'id'],
      properties: {
        accountId: { type: 'string', description: 'The 12-digit account id.' },
        region: { type: 'string', description: "The region, or 'global' for global services such as IAM." },
        type: { type: 'string', description: "The resource type, e.g. 'AWS::S3::Bucket'." },
        id: { type: 'string', description: 'The resource id or name.' },
        arn: { type: 'string', description: 'The resource ARN, where it has one.' },
      },
    },
    location: {
      type: 'object',
      description: 'The source position, for policy findings; lines and columns are 1-based.',
      additionalProperties: false,
      required: ['file', 'line', 'column', 'endLine', 'endColumn'],
      properties: {
        file: { type: 'string', description: 'Path relative to the repository (or as given).' },
        line: { type: 'integer', minimum: 1, description: 'First line.' },
        column: { type: 'integer', minimum: 1, description: 'First column, in UTF-16 code units.' },
        endLine: { type: 'integer', minimum: 1, description: 'Last line.' },
        endColumn: { type: 'integer', minimum: 1, description: 'Column just past the last character.' },
      },
    },
    estimatedMonthlySavingsUsd: {
      type: 'number',
      minimum: 0,
      description: 'Estimated monthly saving in USD if fixed, for cost findings.',
    },
    suppressed: {
      type: 'object',
      description:
        'Present when a suppression matched: the finding is reported but does not count against the threshold.',
      additionalProperties: false,
      required: ['reason'],
      properties: {
        reason: { type: 'string', description: 'Why the finding is accepted.' },
        until: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'The last day (YYYY-MM-DD, inclusive) the suppression applies.',
        },
        source: {
          enum: ['ignore-file', 'inline-comment'],
          description:
            'Where the suppression is written: the ignore file (.axiom.yml) or an axiom:ignore comment.',
        },
      },
    },
  },
} as const;

const TIMESTAMP = {
  description: 'ISO 8601 date-time from the caller’s clock; null when not given.',
  anyOf: [{ type: 'string', minLength: 1 }, { type: 'null' }],
} as const;

/** The JSON Schema of `renderJson`'s output. */
export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:axiom:report:1',
  title: 'Axiom report',
  description:
    'The findings of one Axiom run (a live AWS scan or a policy analysis) with the run around them.',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'tool',
    'startedAt',
    'finishedAt',
    'targets',
    'coverage',
    'stats',
    'summary',
    'findings',
  ],
  properties: {
    schemaVersion: { const: 1, description: 'The version of this schema; bumped on incompatible change.' },
    tool: {
      type: 'object',
      description: 'The tool that produced the report.',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: {
        name: { type: 'string', description: 'Display name.' },
        version: { type: 'string', description: 'Version.' },
        informationUri: { type: 'string', description: 'Where to read about the tool.' },
      },
    },
    startedAt: { ...TIMESTAMP, description: `When the run started. ${TIMESTAMP.description}` },
    finishedAt: { ...TIMESTAMP, description: `When the run finished. ${TIMESTAMP.description}` },
    targets: {
      type: 'array',
      description: 'What was analysed.',
      items: {
        type: 'object',
        description: 'An AWS account, a repository, a set of files.',
        additionalProperties: false,
        required: ['description'],
        properties: {
          description: { type: 'string', description: 'For a person.' },
          accountId: { type: 'string', description: 'The AWS account, for live scans.' },
          regions: {
            type: 'array',
            items: { type: 'string', description: "A region name, e.g. 'eu-west-1'." },
            description: 'The regions scanned.',
          },
        },
      },
    },
    coverage: {
      type: 'array',
      description:
        'Parts of the target that were not covered (denied, failed or skipped reads); empty when nothing is missing. Findings cannot be absent from what was not read.',
      items: {
        type: 'object',
        description: 'One coverage gap.',
        additionalProperties: false,
        required: ['service', 'operation', 'status', 'detail'],
        properties: {
          account: { type: 'string', description: 'The account, when the gap is per account.' },
          region: { type: 'string', description: 'The region, when the gap is per region.' },
          service: { type: 'string', description: "The AWS service, e.g. 's3'." },
          operation: { type: 'string', description: "The API operation, e.g. 'GetBucketPolicy'." },
          status: {
            enum: ['denied', 'error', 'skipped'],
            description: 'Denied by IAM or an SCP, failed otherwise, or skipped on purpose.',
          },
          detail: { type: 'string', description: 'What happened, for a person.' },
        },
      },
    },
    stats: {
      type: 'object',
      description: 'Counters of the run; each present only when the run counts it.',
      additionalProperties: false,
      properties: {
        durationMs: { type: 'number', minimum: 0, description: 'How long the run took, in milliseconds.' },
        apiCalls: count('AWS API calls made.'),
        resources: count('Resources inventoried.'),
        files: count('Files read.'),
        policyDocuments: count('Policy documents analysed.'),
        apiCallsByOperation: {
          type: 'object',
          description:
            "AWS API calls per operation, keyed 'Service:Operation' (e.g. 'EC2:DescribeInstances'); each page of a listing is one call.",
          additionalProperties: {
            type: 'object',
            description: 'The calls of one operation.',
            additionalProperties: false,
            required: ['calls', 'attempts'],
            properties: {
              calls: count('Logical calls made.'),
              attempts: count('HTTP requests sent, retries included.'),
            },
          },
        },
        resourcesByType: {
          type: 'object',
          description:
            "Resources inventoried per type (e.g. 'AWS::EC2::Instance'); a type whose data was not collected is absent.",
          additionalProperties: count('Resources of this type.'),
        },
      },
    },
    notEvaluated: {
      type: 'array',
      description:
        'Rules that could not run in a scope because an input they need was denied, failed, skipped or not scanned; present for live scans. The absence of their findings there is not a pass.',
      items: {
        type: 'object',
        description: 'One rule in one scope.',
        additionalProperties: false,
        required: ['ruleId', 'accountId', 'region', 'reason'],
        properties: {
          ruleId: { type: 'string', minLength: 1, description: 'The rule id.' },
          accountId: { type: 'string', description: 'The account.' },
          region: { type: 'string', description: "The region, or 'global' for account-wide rules." },
          reason: { type: 'string', description: 'Which input was missing and why.' },
        },
      },
    },
    summary: {
      type: 'object',
      description:
        'Counts over the findings; suppressed findings are counted only in `suppressed` and `total`.',
      additionalProperties: false,
      required: ['bySeverity', 'byCategory', 'total', 'active', 'suppressed', 'estimatedMonthlySavingsUsd'],
      properties: {
        bySeverity: countsBy(
          SEVERITIES,
          'Findings not suppressed, per severity.',
          (key) => `Of severity ${key}.`,
        ),
        byCategory: countsBy(
          CATEGORIES,
          'Findings not suppressed, per category.',
          (key) => `In category ${key}.`,
        ),
        total: count('Every finding in the report, suppressed or not.'),
        active: count('Findings not suppressed: the ones that count against a threshold.'),
        suppressed: count('Findings a suppression matched.'),
        estimatedMonthlySavingsUsd: {
          type: 'number',
          minimum: 0,
          description: 'Sum of the estimated monthly savings of the findings not suppressed, in USD.',
        },
      },
    },
    findings: {
      type: 'array',
      description: 'Every finding, suppressed ones included, worst severity first.',
      items: FINDING_SCHEMA,
    },
  },
} as const;
