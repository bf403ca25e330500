import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildJsonReport, renderJson } from '../../../core/report/json.ts';
import { REPORT_SCHEMA } from '../../../core/report/report-schema.ts';
import {
  manyFindings,
  passRoleStar,
  SAMPLE_CONTEXT,
  SAMPLE_FINDINGS,
  suppressedByFile,
} from './sample-findings.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile(REPORT_SCHEMA);

function expectValid(value: unknown): void {
  const valid = validate(value);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

/** Every schema node that describes a value, with its path: properties, items, and the root. */
function describedNodes(node: unknown, path: string): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== 'object') return [];
  const schema = node as Record<string, unknown>;
  const found: [string, Record<string, unknown>][] = [[path, schema]];
  const properties = schema.properties as Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(properties ?? {}))
    found.push(...describedNodes(child, `${path}.${key}`));
  if (schema.items) found.push(...describedNodes(schema.items, `${path}[]`));
  return found;
}

describe('renderJson', () => {
  const report = JSON.parse(renderJson(SAMPLE_FINDINGS, SAMPLE_CONTEXT));

  it('is valid against the report schema', () => {
    expectValid(report);
  });

  it('the schema check can fail: an unknown severity or a missing summary is refused', () => {
    const badSeverity = structuredClone(report);
    badSeverity.findings[0].severity = 'severe';
    expect(validate(badSeverity)).toBe(false);
    const noSummary = structuredClone(report);
    delete noSummary.summary;
    expect(validate(noSummary)).toBe(false);
  });

  it('documents every field of the schema', () => {
    const undocumented = describedNodes(REPORT_SCHEMA, '$')
      .filter(([, node]) => typeof node.description !== 'string' || node.description === '')
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('has the run, the summary and every finding in report order', () => {
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'Axiom', version: '0.1.0' },
      startedAt: '2026-11-25T10:00:00.000Z',
      finishedAt: '2026-11-25T10:01:30.000Z',
      targets: SAMPLE_CONTEXT.targets,
      coverage: SAMPLE_CONTEXT.coverage,
      stats: SAMPLE_CONTEXT.stats,
      summary: {
        bySeverity: { critical: 1, high: 1, medium: 1, low: 1, info: 1 },
        byCategory: { security: 2, correctness: 1, hygiene: 0, cost: 2 },
        total: 7,
        active: 5,
        suppressed: 2,
        estimatedMonthlySavingsUsd: 1284.56,
      },
    });
    expect(report.findings).toHaveLength(SAMPLE_FINDINGS.length);
    expect(report.findings[0]).toEqual(passRoleStar);
    expect(report.findings.map((finding: { severity: string }) => finding.severity)).toEqual([
      'critical',
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'info',
    ]);
    expect(
      report.findings.find(
        (finding: { fingerprint: string }) => finding.fingerprint === suppressedByFile.fingerprint,
      ).suppressed,
    ).toEqual(suppressedByFile.suppressed);
  });

  it('is valid with a minimal context: null times, empty lists', () => {
    const minimal = buildJsonReport(manyFindings(20), { tool: { name: 'Axiom', version: '0.1.0' } });
    expectValid(JSON.parse(JSON.stringify(minimal)));
    expect(minimal).toMatchObject({
      startedAt: null,
      finishedAt: null,
      targets: [],
      coverage: [],
      stats: {},
    });
  });
});
