/**
 * The SARIF file for `github/codeql-action/upload-sarif`: core's SARIF log with this job's category (so the
 * shards of a matrix, and a policy analysis beside a live scan, do not close each other's alerts). GitHub
 * rejects a whole file when any result lacks a file location, and live-scan findings are about AWS resources,
 * not files: those are anchored at line 1 of the workflow file that ran the scan (their resource stays as a
 * logical location), so they appear in code scanning instead of sinking the upload.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Log } from 'sarif';
import { buildSarifLog } from '../../core/index.ts';
import type { RunContext } from '../run-context.ts';
import type { ActionReport } from './action-report.ts';

/** Where resource findings are anchored when the workflow file is unknown. */
export const FALLBACK_ANCHOR_FILE = '.github/workflows';

/** Gives every result without a file location one at line 1 of `file`, keeping its logical location. */
export function anchorResourceResults(log: Log, file: string): Log {
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const locations = result.locations ?? [];
      if (locations.some((location) => location.physicalLocation?.artifactLocation?.uri)) continue;
      const physicalLocation = {
        artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
        region: { startLine: 1, startColumn: 1 },
      };
      result.locations =
        locations.length > 0
          ? locations.map((location, index) => (index === 0 ? { ...location, physicalLocation } : location))
          : [{ physicalLocation }];
    }
  }
  return log;
}

/** The SARIF log of the report, anchored for code scanning. */
export function buildActionSarif(run: RunContext, report: ActionReport): Log {
  const log = buildSarifLog(report.findings, report.context, { automationId: report.sarifCategory });
  return anchorResourceResults(log, run.workflowFile ?? FALLBACK_ANCHOR_FILE);
}

/** Writes the SARIF file (its folder is created) and returns its absolute path. */
export async function writeSarifFile(path: string, run: RunContext, report: ActionReport): Promise<string> {
  const absolute = isAbsolute(path) ? path : resolve(run.workspace, path);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, `${JSON.stringify(buildActionSarif(run, report), null, 2)}\n`, 'utf8');
  return absolute;
}
