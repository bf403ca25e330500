/**
 * A baseline is the output of an earlier run, kept as it was written: Axiom's JSON report or its SARIF log.
 * Only the fingerprints matter; every other field may differ between versions.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { SARIF_FINGERPRINT_KEY } from './sarif.ts';

/** Result of `readBaselineFingerprints`. */
export type BaselineResult =
  | {
      /** Read. */
      ok: true;
      /** Which of the two formats it was. */
      format: 'json-report' | 'sarif';
      /** The fingerprints of every finding in it, suppressed ones included, without repeats. */
      fingerprints: string[];
    }
  | {
      /** Neither format. */
      ok: false;
      /** What is wrong, for a person. */
      message: string;
    };

interface JsonReportShape {
  schemaVersion: number;
  findings: { fingerprint: string }[];
}

interface SarifShape {
  version: string;
  runs: { results?: { partialFingerprints?: Record<string, string> }[] }[];
}

const JSON_REPORT_SHAPE = {
  type: 'object',
  required: ['schemaVersion', 'findings'],
  properties: {
    schemaVersion: { const: 1 },
    findings: {
      type: 'array',
      items: { type: 'object', required: ['fingerprint'], properties: { fingerprint: { type: 'string' } } },
    },
  },
} as const;

const SARIF_SHAPE = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          results: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
} as const;

let validators:
  | { report: ValidateFunction<JsonReportShape>; sarif: ValidateFunction<SarifShape> }
  | undefined;

/** The fingerprints in a parsed baseline file (`JSON.parse` of a JSON report or a SARIF log from Axiom). */
export function readBaselineFingerprints(json: unknown): BaselineResult {
  if (!validators) {
    const ajv = new Ajv({ strict: true });
    validators = {
      report: ajv.compile<JsonReportShape>(JSON_REPORT_SHAPE),
      sarif: ajv.compile<SarifShape>(SARIF_SHAPE),
    };
  }
  if (validators.report(json)) {
    return {
      ok: true,
      format: 'json-report',
      fingerprints: [...new Set(json.findings.map((finding) => finding.fingerprint))],
    };
  }
  if (validators.sarif(json)) {
    const fingerprints = json.runs.flatMap((run) =>
      (run.results ?? []).flatMap((result) => {
        const fingerprint = result.partialFingerprints?.[SARIF_FINGERPRINT_KEY];
        return fingerprint === undefined ? [] : [fingerprint];
      }),
    );
    return { ok: true, format: 'sarif', fingerprints: [...new Set(fingerprints)] };
  }
  return {
    ok: false,
    message:
      'The baseline is neither an Axiom JSON report (schemaVersion 1, findings with fingerprints) nor a SARIF 2.1.0 log; pass the JSON or SARIF output of an earlier run.',
  };
}
