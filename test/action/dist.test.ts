/**
 * The committed bundle, as GitHub runs it: `node dist/index.js` under Node 24, from a copy of dist/ in a folder
 * with no node_modules anywhere above it (so the IAM catalogue must come from dist/iam-data and every package
 * from the bundle), against the local GitHub, OIDC endpoint and AWS: a pull request with the live scan and a
 * scheduled scan, both of which load the live scan's chunks, and a pull request without a role, run from a
 * dist/ stripped of those chunks, which must not need them. And its licence list covers every chunk.
 * Build it first with `npm run package`.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../core/index.ts';
import { type FakeAws, json, startFakeAws, stsWebIdentityResponse } from '../helpers/fake-aws.ts';
import { actionInputDefaults, GITHUB_TOKEN_EXPRESSION, workflowCommands } from './harness/action-run.ts';
import { type FakeGithub, startFakeGithub } from './harness/fake-github.ts';
import { DEPLOY_ACTION_LINE, servePolicyChange } from './harness/policy-change.ts';
import { githubIngestionErrors, sarifSchemaErrors } from './harness/sarif-schema.ts';
import { PULL_REQUEST, pullRequestOpened, scheduleEvent } from './harness/webhook-payloads.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const TOKEN = 'ghs_bundleRunToken000000000000000000';
const SECRET = 'bundleSessionSecret/0123456789abcdefghij';
const ROLE = 'arn:aws:iam::111122223333:role/axiom-readonly';
/** The chunks index.js loads on demand (`<id>.index.js`), and their source maps. */
const CHUNK = /^\d+\.index\.js(\.map)?$/;

/** The local GitHub and AWS one run of the bundle talks to. */
interface Fakes {
  github: FakeGithub;
  aws: FakeAws;
}

/** What one run of the bundle left behind. */
interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  dir: string;
  outputs: string;
}

async function startFakes(): Promise<Fakes> {
  const github = await startFakeGithub({ owner: PULL_REQUEST.owner, repo: PULL_REQUEST.repo });
  servePolicyChange(github);
  const aws = await startFakeAws();
  aws.on('STS', 'AssumeRoleWithWebIdentity', () => stsWebIdentityResponse({ secretAccessKey: SECRET }));
  aws.on('CloudWatchLogs', 'DescribeLogGroups', () =>
    json({
      logGroups: [{ logGroupName: '/ecs/web', storedBytes: 1_073_741_824, creationTime: 1_700_000_000_000 }],
    }),
  );
  return { github, aws };
}

/** Runs a copy of dist/ (minus the files `omit` refuses) in a fresh folder, for one event. */
async function runBundle(
  fakes: Fakes,
  options: {
    event: string;
    payload: unknown;
    inputs: Record<string, string>;
    omit?: (file: string) => boolean;
    /** Changes the copied dist/ before the run (its folder is given). */
    alter?: (copy: string) => void;
  },
): Promise<BundleRun> {
  if (!existsSync(join(dist, 'index.js')))
    throw new Error('dist/index.js is missing: run `npm run package` first.');
  const { github, aws } = fakes;
  const dir = mkdtempSync(join(tmpdir(), 'axiom-dist-'));
  const omit = options.omit ?? (() => false);
  cpSync(dist, join(dir, 'action', 'dist'), { recursive: true, filter: (source) => !omit(basename(source)) });
  options.alter?.(join(dir, 'action', 'dist'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(dir, 'event.json'), JSON.stringify(options.payload));
  writeFileSync(join(dir, 'output.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...actionInputDefaults(), ...options.inputs }))
    if (value !== undefined)
      inputs[`INPUT_${name.toUpperCase()}`] = value === GITHUB_TOKEN_EXPRESSION ? TOKEN : value;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...inputs,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: `${PULL_REQUEST.owner}/${PULL_REQUEST.repo}`,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW_REF: `${PULL_REQUEST.owner}/${PULL_REQUEST.repo}/.github/workflows/axiom.yml@refs/pull/2/merge`,
    ACTIONS_ID_TOKEN_REQUEST_URL: github.oidcUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token',
    AWS_ENDPOINT_URL: aws.url,
    AWS_MAX_ATTEMPTS: '1',
  };
  const child = spawn(process.execPath, [join(dir, 'action', 'dist', 'index.js')], { cwd: workspace, env });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    dir,
    outputs: readFileSync(join(dir, 'output.txt'), 'utf8'),
  };
}

/** The files a source map of dist/ says its JavaScript came from. */
function mapSources(map: string): string[] {
  return (JSON.parse(readFileSync(join(dist, map), 'utf8')) as { sources: string[] }).sources;
}

function output(run: BundleRun, name: string): string {
  const match = new RegExp(`^${name}<<(.+)\\n([^]*?)\\n\\1$`, 'm').exec(run.outputs);
  return match?.[2] ?? '';
}

function ruleIds(run: BundleRun): Set<string> {
  const report = JSON.parse(readFileSync(output(run, 'report-file'), 'utf8')) as JsonReport;
  return new Set(report.findings.map((finding) => finding.ruleId));
}

function closeFakes(fakes: Fakes | undefined): Promise<unknown> {
  return Promise.all([fakes?.github.close(), fakes?.aws.close()]);
}

const scanInputs = { 'role-to-assume': ROLE, services: 'logs', regions: 'us-east-1' };

describe('dist/index.js under Node 24', () => {
  it('is the node24 runtime GitHub uses', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual({
      type: 'commonjs',
    });
  });

  it('keeps the live scan and the AWS SDK clients in chunks of their own, loaded on demand', () => {
    const chunkMaps = readdirSync(dist).filter((file) => CHUNK.test(file) && file.endsWith('.map'));
    expect(chunkMaps.length).toBeGreaterThan(0);
    const ec2 = (source: string) => source.includes('/node_modules/@aws-sdk/client-ec2/');
    expect(mapSources('index.js.map').filter(ec2)).toEqual([]);
    expect(chunkMaps.some((map) => mapSources(map).some(ec2))).toBe(true);
    expect(mapSources('index.js.map').filter((source) => source.endsWith('/live-scan.ts'))).toEqual([]);
  });
});

describe('dist/index.js on a pull request with the live scan', () => {
  let fakes: Fakes;
  let run: BundleRun;
  beforeAll(async () => {
    fakes = await startFakes();
    run = await runBundle(fakes, { event: 'pull_request', payload: pullRequestOpened(), inputs: scanInputs });
  }, 60_000);
  afterAll(() => closeFakes(fakes));

  it('runs from a folder without node_modules: policy analysis from its own IAM data, and the live scan', () => {
    expect(run.stderr).toBe('');
    // fail-on high: the new iam:PassRole on "*" fails the step, after publishing.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Policy analysis: 2 file\(s\), 2 policy document\(s\)/);
    expect(fakes.aws.calls('STS', 'AssumeRoleWithWebIdentity')).toHaveLength(1);
    expect(fakes.aws.calls('CloudWatchLogs', 'DescribeLogGroups').length).toBeGreaterThan(0);
    const rules = ruleIds(run);
    expect(rules).toContain('iam.policy.passrole-star');
    expect(rules).toContain('iam.diff.new-access');
    expect(rules).toContain('aws.logs.log-group-retention-unset');
  });

  it('publishes: check run on the head commit in batches of 50, comment, valid SARIF, outputs', () => {
    const { github } = fakes;
    const check = github.checkRuns[0]!;
    expect(check.created).toMatchObject({
      name: 'Axiom',
      head_sha: PULL_REQUEST.headSha,
      conclusion: 'failure',
    });
    const sizes = [check.created, ...check.updates].map(
      (body) => (body.output as { annotations: unknown[] }).annotations.length,
    );
    expect(sizes.slice(0, -1).every((size) => size === 50)).toBe(true);
    expect(sizes.length).toBe(3);
    const first = (
      check.created.output as { annotations: { path: string; start_line: number; title: string }[] }
    ).annotations;
    expect(first.find((annotation) => annotation.title.includes('passrole-star'))).toMatchObject({
      path: 'iam/deploy-role.json',
      start_line: DEPLOY_ACTION_LINE,
    });
    expect(github.comments).toHaveLength(1);
    const sarif = JSON.parse(readFileSync(output(run, 'sarif-file'), 'utf8')) as Log;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(githubIngestionErrors(sarif)).toEqual([]);
    expect(Number(output(run, 'new-access'))).toBeGreaterThan(100);
    expect(readFileSync(join(run.dir, 'summary.md'), 'utf8')).toContain('### ❌ Axiom');
  });

  it('masks the token and the credentials and writes them nowhere', () => {
    const { github } = fakes;
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
    expect(run.stdout).toContain(`::add-mask::${github.oidcToken}`);
    for (const file of [
      output(run, 'report-file'),
      output(run, 'sarif-file'),
      join(run.dir, 'summary.md'),
      join(run.dir, 'output.txt'),
    ])
      for (const secret of [TOKEN, SECRET, github.oidcToken])
        expect(readFileSync(file, 'utf8')).not.toContain(secret);
    expect(workflowCommands(run.stdout, 'error').at(-1)?.message).toMatch(/at or above high/);
  });
});

describe('dist/index.js on a scheduled scan', () => {
  let fakes: Fakes;
  let run: BundleRun;
  beforeAll(async () => {
    fakes = await startFakes();
    run = await runBundle(fakes, { event: 'schedule', payload: scheduleEvent(), inputs: scanInputs });
  }, 60_000);
  afterAll(() => closeFakes(fakes));

  it('loads the live scan: OIDC token, AssumeRoleWithWebIdentity, the scan, its findings reported', () => {
    expect(run.stderr).toBe('');
    // The log group's missing retention is below fail-on high.
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Policy analysis:');
    expect(run.stdout).toContain('Live scan: 1 account(s).');
    expect(fakes.github.calls('GET /oidc/token')).toHaveLength(1);
    expect(fakes.aws.calls('STS', 'AssumeRoleWithWebIdentity')).toHaveLength(1);
    expect(fakes.aws.calls('CloudWatchLogs', 'DescribeLogGroups').length).toBeGreaterThan(0);
    expect(ruleIds(run)).toEqual(new Set(['aws.logs.log-group-retention-unset']));
    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
    expect(readFileSync(output(run, 'report-file'), 'utf8')).not.toContain(SECRET);
  });
});

describe('dist/index.js on a pull request without a role', () => {
  let fakes: Fakes;
  let run: BundleRun;
  beforeAll(async () => {
    fakes = await startFakes();
    run = await runBundle(fakes, {
      event: 'pull_request',
      payload: pullRequestOpened(),
      inputs: {},
      omit: (file) => CHUNK.test(file),
    });
  }, 60_000);
  afterAll(() => closeFakes(fakes));

  it('runs the policy analysis from index.js alone: the live scan chunks are never loaded', () => {
    expect(readdirSync(join(run.dir, 'action', 'dist')).filter((file) => CHUNK.test(file))).toEqual([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Policy analysis: 2 file\(s\), 2 policy document\(s\)/);
    expect(fakes.aws.requests).toEqual([]);
    expect(fakes.github.calls('GET /oidc/token')).toEqual([]);
    expect(ruleIds(run)).toContain('iam.policy.passrole-star');
    expect(fakes.github.checkRuns).toHaveLength(1);
  });
});

describe('dist/index.js with a damaged IAM data pack', () => {
  let fakes: Fakes;
  afterAll(() => closeFakes(fakes));

  it('fails the step saying which file is damaged and what to do, with no stack trace', async () => {
    fakes = await startFakes();
    const run = await runBundle(fakes, {
      event: 'pull_request',
      payload: pullRequestOpened(),
      inputs: {},
      // Cut short, as an interrupted checkout would leave it.
      alter: (copy) => {
        const pack = join(copy, 'iam-data', 'iam-pack.json');
        writeFileSync(pack, readFileSync(pack, 'latin1').slice(0, 1_000));
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::The Action's IAM data .*iam-pack\.json is missing or damaged\..*Use a released version of the Action, or rebuild dist\/ with `npm run package`\./,
    );
    expect(run.stdout).not.toMatch(/This is a bug|\n\s+at /);
    expect(fakes.github.checkRuns).toEqual([]);
  }, 60_000);
});

describe('dist/licenses.txt', () => {
  /** The packages with a file in index.js or any chunk, by the source maps' list of sources. */
  function bundledPackages(): Set<string> {
    const packages = new Set<string>();
    for (const map of readdirSync(dist).filter((file) => file.endsWith('.js.map'))) {
      for (const source of mapSources(map)) {
        const parts = source.split('/');
        const modules = parts.lastIndexOf('node_modules');
        if (modules === -1) continue;
        const scoped = parts[modules + 1]?.startsWith('@') === true;
        packages.add(parts.slice(modules + 1, modules + (scoped ? 3 : 2)).join('/'));
      }
    }
    return packages;
  }

  it('lists every package bundled in index.js and in the lazily loaded chunks', () => {
    const licenses = readFileSync(join(dist, 'licenses.txt'), 'utf8');
    const packages = bundledPackages();
    // The AWS SDK clients live only in the scan chunks; ncc alone would list one chunk's packages.
    expect(packages).toContain('@aws-sdk/client-ec2');
    expect(packages).toContain('@actions/core');
    const missing = [...packages].filter(
      (name) => !licenses.startsWith(`${name}\n`) && !licenses.includes(`\n\n${name}\n`),
    );
    expect(missing).toEqual([]);
  });
});
