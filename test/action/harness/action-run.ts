/**
 * Runs the Action's `run()` the way the runner does: the event payload written to GITHUB_EVENT_PATH, inputs as
 * INPUT_* variables with action.yml's defaults filled in, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY pointing at temp
 * files, and stdout (where workflow commands go) captured. The environment, stdout and the exit code are
 * restored afterwards, so tests do not leak into each other.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../../action/main.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** action.yml's default for github-token: the runner puts the job's token there. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal.
export const GITHUB_TOKEN_EXPRESSION = '${{ github.token }}';

/** action.yml's inputs with their defaults. */
export function actionInputDefaults(): Record<string, string | undefined> {
  const manifest = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.inputs).map(([name, input]) => [name, input.default]));
}

/** What one run left behind. */
export interface RunResult {
  /** Everything written to stdout: log lines and workflow commands. */
  stdout: string;
  /** The step outputs (GITHUB_OUTPUT). */
  outputs: Record<string, string>;
  /** The job summary (GITHUB_STEP_SUMMARY). */
  summary: string;
  /** process.exitCode after the run: 1 when the step failed. */
  exitCode: number | undefined;
  /** The run's folder: event, output and summary files, and the workspace. */
  dir: string;
  /** The workspace (GITHUB_WORKSPACE). */
  workspace: string;
  /** Every wait the run asked for (retries), in milliseconds: none is actually waited. */
  sleeps: number[];
}

/** How to run. */
export interface RunOptions {
  /** GITHUB_EVENT_NAME. */
  event: string;
  /** The payload written to GITHUB_EVENT_PATH. */
  payload: unknown;
  /** GITHUB_REPOSITORY. */
  repository: string;
  /** GITHUB_API_URL. */
  apiUrl: string;
  /** Inputs by name, over action.yml's defaults. */
  inputs?: Record<string, string>;
  /** More environment variables (OIDC, AWS, GITHUB_SHA...). */
  env?: Record<string, string>;
  /** Files to put in the workspace, by relative path. */
  workspaceFiles?: Record<string, string>;
  /** The GITHUB_TOKEN the default `${{ github.token }}` stands for. */
  token?: string;
}

/** One summary file per test process: @actions/core remembers the first GITHUB_STEP_SUMMARY it reads. */
let summaryFile: string | undefined;

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== match[2]; index++) value.push(lines[index]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

/** Runs the Action once; see the module comment. */
export async function runActionOnce(options: RunOptions): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'axiom-action-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  for (const [path, text] of Object.entries(options.workspaceFiles ?? {})) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  writeFileSync(join(dir, 'event.json'), JSON.stringify(options.payload));
  writeFileSync(join(dir, 'output.txt'), '');
  summaryFile ??= join(mkdtempSync(join(tmpdir(), 'axiom-summary-')), 'summary.md');
  writeFileSync(summaryFile, '');

  const inputs: Record<string, string> = {};
  for (const [name, fallback] of Object.entries(actionInputDefaults())) {
    const value = options.inputs?.[name] ?? fallback;
    if (value !== undefined) inputs[name] = value === GITHUB_TOKEN_EXPRESSION ? (options.token ?? '') : value;
  }
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: options.repository,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW_REF: `${options.repository}/.github/workflows/axiom.yml@refs/heads/main`,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...options.env,
  };

  const saved = { ...process.env };
  const cwd = process.cwd();
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  for (const key of Object.keys(process.env))
    if (
      key.startsWith('INPUT_') ||
      key.startsWith('GITHUB_') ||
      key.startsWith('ACTIONS_') ||
      key.startsWith('AWS_')
    )
      delete process.env[key];
  Object.assign(process.env, env);
  process.exitCode = undefined;
  let exitCode: number | undefined;
  const sleeps: number[] = [];
  try {
    process.chdir(workspace);
    await run({
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  } finally {
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
    process.exitCode = undefined;
    process.chdir(cwd);
    spy.mockRestore();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  return {
    stdout: written.join(''),
    outputs: readOutputs(join(dir, 'output.txt')),
    summary: readFileSync(summaryFile, 'utf8'),
    exitCode,
    dir,
    workspace,
    sleeps,
  };
}

/** The workflow commands of one kind in stdout (`::error file=...::message`), parsed. */
export function workflowCommands(
  stdout: string,
  command: string,
): { properties: Record<string, string>; message: string }[] {
  const found: { properties: Record<string, string>; message: string }[] = [];
  for (const line of stdout.split('\n')) {
    const match = new RegExp(`^::${command}(?: ([^:]*))?::(.*)$`).exec(line.trimEnd());
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[1] ?? '').split(',').filter((item) => item !== '')) {
      const [key, ...value] = pair.split('=');
      properties[key!] = decodeURIComponent(value.join('=').replace(/%2C/g, ',').replace(/%3A/g, ':'));
    }
    found.push({
      properties,
      message: match[2]!.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'),
    });
  }
  return found;
}
