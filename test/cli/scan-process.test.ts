/** The real `axiom scan` process: `node cli/main.ts scan --inventory examples/sample-inventory.json`, as npm start runs it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'cli', 'main.ts');

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'axiom-scan-process-'));
});
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node cli/main.ts ...args` from the repository root with an environment holding no AWS settings. */
function axiomProcess(args: string[]): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: ROOT, env: { HOME: home, PATH: process.env.PATH ?? '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('node cli/main.ts scan --inventory examples/sample-inventory.json', () => {
  it('--format json: stdout is the JSON report alone, exit 1 for the findings at or above high', async () => {
    const run = await axiomProcess([
      'scan',
      '--inventory',
      'examples/sample-inventory.json',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary.bySeverity.high).toBeGreaterThan(0);
  });

  it('with --fail-on none exits 0', async () => {
    const run = await axiomProcess([
      'scan',
      '--inventory',
      'examples/sample-inventory.json',
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings.length).toBeGreaterThan(0);
  });

  it('npm start runs the full offline scan of the sample and succeeds', async () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts.start).toBe(
      'node cli/main.ts scan --inventory examples/sample-inventory.json --fail-on none',
    );
    const run = await axiomProcess((scripts.start ?? '').split(' ').slice(2));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Axiom \d+\.\d+\.\d+ · AWS account 123456789012 \(acme-prod\)\n/);
    expect(run.stdout).toMatch(/\nSummary: \d+ findings .*\n$/);
  });
});
