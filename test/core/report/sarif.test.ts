import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/findings/finding.ts';
import {
  buildSarifLog,
  renderSarif,
  SARIF_FINGERPRINT_KEY,
  SARIF_SCHEMA_URI,
} from '../../../core/report/sarif.ts';
import {
  hostile,
  idleVolume,
  manyFindings,
  passRoleStar,
  publicBucket,
  SAMPLE_CONTEXT,
  SAMPLE_FINDINGS,
  suppressedByFile,
  suppressedInline,
} from './sample-findings.ts';

const schemaPath = fileURLToPath(
  new URL('../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url),
);

/**
 * The official SARIF 2.1.0 schema (draft-04). ajv-formats is not installed, so the three formats the schema
 * uses are defined here, strictly enough to catch a malformed URI or timestamp. Not strict mode: the official
 * schema requires properties that only a sibling subschema defines, which strict ajv refuses (strictRequired).
 */
function sarifValidator() {
  // A CommonJS package: under NodeNext its default import is the module, whose `default` is the class.
  const Ajv = AjvDraft04.default;
  // unicodeRegExp off: the schema's `language` pattern has a stray ']' that only non-unicode RegExps accept.
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
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

const validate = sarifValidator();

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

function resultFor(log: Log, finding: Finding): Result {
  const found = log.runs[0]!.results!.find(
    (result) => result.partialFingerprints?.[SARIF_FINGERPRINT_KEY] === finding.fingerprint,
  );
  expect(found).toBeDefined();
  return found!;
}

describe('renderSarif', () => {
  const text = renderSarif(SAMPLE_FINDINGS, SAMPLE_CONTEXT, { automationId: 'axiom/scan/shard-1-of-4/' });
  const log = JSON.parse(text) as Log;
  const run = log.runs[0]!;

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expectValid(log);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('the schema check can fail: a result without a message is refused', () => {
    const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validate(broken)).toBe(false);
  });

  it('the schema check reads formats: a relative URI with a space or a bad timestamp is refused', () => {
    const badUri = structuredClone(log);
    badUri.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri =
      'infra/has space.json';
    expect(validate(badUri)).toBe(false);
    const badTime = structuredClone(log);
    badTime.runs[0]!.invocations![0]!.startTimeUtc = 'yesterday';
    expect(validate(badTime)).toBe(false);
  });

  it('names the schema, the version and the tool', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({
      name: 'Axiom',
      version: '0.1.0',
      informationUri: 'https://github.com/acme/axiom',
    });
    expect(run.automationDetails).toEqual({ id: 'axiom/scan/shard-1-of-4/' });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('has one rule per distinct rule id, and every result points at its rule', () => {
    const ids = run.tool.driver.rules!.map((rule) => rule.id);
    expect(ids).toEqual([...new Set(SAMPLE_FINDINGS.map((finding) => finding.ruleId))].sort());
    expect(run.results).toHaveLength(SAMPLE_FINDINGS.length);
    for (const result of run.results!) expect(ids[result.ruleIndex!]).toBe(result.ruleId);
  });

  it('describes a rule from the catalogue when given, with help, level, tags and security-severity', () => {
    const rule = run.tool.driver.rules!.find((candidate) => candidate.id === 'aws.s3.bucket-public-acl')!;
    expect(rule).toMatchObject({
      shortDescription: { text: 'S3 bucket ACL grants public access' },
      fullDescription: { text: expect.stringContaining('AllUsers') },
      help: {
        text: expect.stringContaining('Block Public Access'),
        markdown: expect.stringContaining('**Remediation:**'),
      },
      helpUri: SAMPLE_CONTEXT.rules!['aws.s3.bucket-public-acl']!.helpUri,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security'], 'security-severity': '8.0' },
    });
  });

  it('describes a rule without catalogue text from its findings, and gives no security-severity outside security', () => {
    const passRole = run.tool.driver.rules!.find((candidate) => candidate.id === passRoleStar.ruleId)!;
    expect(passRole.help?.text).toContain(passRoleStar.remediation);
    expect(passRole.properties).toEqual({ tags: ['security'], 'security-severity': '9.5' });
    const cost = run.tool.driver.rules!.find((candidate) => candidate.id === idleVolume.ruleId)!;
    expect(cost.properties).toEqual({ tags: ['cost'] });
    expect(cost.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('maps severities to levels', () => {
    const levels = Object.fromEntries(
      SAMPLE_FINDINGS.map((finding) => [finding.severity, resultFor(log, finding).level]),
    );
    expect(levels).toEqual({
      critical: 'error',
      high: 'error',
      medium: 'warning',
      low: 'note',
      info: 'note',
    });
  });

  it('puts a policy finding at its file and span under %SRCROOT%', () => {
    const result = resultFor(log, passRoleStar);
    expect(result.message.text).toContain(passRoleStar.title);
    expect(result.message.text).toContain(passRoleStar.message);
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'infra/iam/deploy.json', uriBaseId: '%SRCROOT%' },
          region: { startLine: 12, startColumn: 7, endLine: 18, endColumn: 8 },
        },
      },
    ]);
    expect(result.partialFingerprints).toEqual({ 'axiom/v1': passRoleStar.fingerprint });
  });

  it('encodes awkward file names into valid relative URIs', () => {
    const uri = resultFor(log, hostile).locations![0]!.physicalLocation!.artifactLocation!.uri;
    expect(uri).toBe('policies/we%7Cird%20%3Cname%3E.json');
  });

  it('puts a live finding at its resource as a logical location only', () => {
    const result = resultFor(log, publicBucket);
    expect(result.locations).toEqual([
      {
        logicalLocations: [
          {
            name: 'logs-prod',
            fullyQualifiedName: 'arn:aws:s3:::logs-prod',
            kind: 'resource',
            properties: { accountId: '111122223333', region: 'eu-west-1', type: 'AWS::S3::Bucket' },
          },
        ],
      },
    ]);
    const noArn = resultFor(log, idleVolume).locations![0]!.logicalLocations![0]!;
    expect(noArn.fullyQualifiedName).toBe('AWS::EC2::Volume vol-0abc (account 111122223333, us-east-1)');
    expect(resultFor(log, idleVolume).properties).toMatchObject({ estimatedMonthlySavingsUsd: 50 });
  });

  it('reports suppressed findings with their kind and justification', () => {
    expect(resultFor(log, suppressedByFile).suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'legacy stack, tracked in JIRA-123',
        properties: { until: '2027-01-31' },
      },
    ]);
    expect(resultFor(log, suppressedInline).suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'sandbox account only' },
    ]);
    expect(resultFor(log, passRoleStar).suppressions).toBeUndefined();
  });

  it('reports coverage gaps as tool notifications, with the run times', () => {
    const invocation = run.invocations![0]!;
    expect(invocation).toMatchObject({
      executionSuccessful: true,
      startTimeUtc: SAMPLE_CONTEXT.startedAt,
      endTimeUtc: SAMPLE_CONTEXT.finishedAt,
    });
    expect(invocation.toolExecutionNotifications).toHaveLength(2);
    expect(invocation.toolExecutionNotifications![0]).toMatchObject({
      level: 'warning',
      descriptor: { id: 'axiom.coverage.denied' },
      message: { text: expect.stringContaining('s3:GetBucketPolicy in 111122223333 eu-west-1') },
    });
    expect(invocation.toolExecutionNotifications![1]!.level).toBe('note');
  });

  it('is valid with no findings, no coverage and a minimal context', () => {
    const empty = buildSarifLog([], { tool: { name: 'Axiom', version: '0.1.0' } });
    expectValid(empty);
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.tool.driver.rules).toEqual([]);
    expect(empty.runs[0]!.automationDetails).toBeUndefined();
  });

  it('is valid for many findings, absolute paths, a finding with no place and a backwards span', () => {
    const odd: Finding[] = [
      {
        ...passRoleStar,
        fingerprint: 'abs',
        location: { file: '/abs/path/role.json', line: 3, column: 9, endLine: 3, endColumn: 2 },
      },
      {
        ...passRoleStar,
        fingerprint: 'win',
        location: { file: 'C:\\repo\\role.json', line: 1, column: 1, endLine: 1, endColumn: 1 },
      },
      { ...hostile, fingerprint: 'nowhere', location: undefined as never },
    ];
    delete odd[2]!.location;
    const built = buildSarifLog([...manyFindings(200), ...odd], SAMPLE_CONTEXT, {
      srcRootUri: 'file:///work/repo/',
    });
    expectValid(built);
    const results = built.runs[0]!.results!;
    const byFingerprint = (fingerprint: string) =>
      results.find((result) => result.partialFingerprints?.['axiom/v1'] === fingerprint)!;
    expect(byFingerprint('abs').locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'file:///abs/path/role.json' },
      region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 9 },
    });
    expect(byFingerprint('win').locations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'file:///C:/repo/role.json',
    });
    expect(byFingerprint('nowhere').locations).toBeUndefined();
    expect(built.runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
  });
});
