/** The real `axiom` process: main.ts wires runCli to the process streams and the exit code. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXIOM_NODE_FLAGS } from '../../cli/node-flags.ts';
import { buildPermissionPolicy } from '../../core/connect/permission-policy.ts';
import { type FakeAws, startFakeAws } from '../helpers/fake-aws.ts';
import { answerHealthyAccount, EXTERNAL_ID, ROLE_ARN } from './fake-account.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'cli', 'main.ts');

/** A home with no AWS config, so nothing on this machine can leak into the child's credential chain. */
let home: string;
let aws: FakeAws;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'axiom-cli-'));
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
  rmSync(home, { recursive: true, force: true });
});

interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node cli/main.ts ...args` (process.execPath: the Node that runs the tests) with only `env`. */
function axiomProcess(args: string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: ROOT, env: { HOME: home, PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the axiom executable', () => {
  it('runs Node with AXIOM_NODE_FLAGS from its shebang, as `npm run axiom` does', () => {
    const [shebang = ''] = readFileSync(MAIN, 'utf8').split('\n');
    expect(shebang).toBe(`#!/usr/bin/env -S node ${AXIOM_NODE_FLAGS.join(' ')}`);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.axiom).toBe(`node ${AXIOM_NODE_FLAGS.join(' ')} cli/main.ts`);
  });

  it('starts through the shebang (Node and V8 accept the flags)', async () => {
    const run = await new Promise<ProcessRun>((resolve) => {
      execFile(
        MAIN,
        ['onboard', '--format', 'permissions'],
        // The project's Node first on PATH, as npm puts node_modules/.bin there for the bin it links.
        {
          cwd: ROOT,
          env: { HOME: home, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(buildPermissionPolicy());
  });
});

describe('node cli/main.ts', () => {
  it('onboard --format permissions: stdout is only the JSON policy, exit 0', async () => {
    const run = await axiomProcess(['onboard', '--format', 'permissions']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(buildPermissionPolicy());
  });

  it('verify without --role-arn: exit 2, the reason on stderr, nothing on stdout', async () => {
    const run = await axiomProcess(['verify']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^axiom verify: --role-arn is required/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('verify against the fake AWS with keys from the environment: exit 0', async () => {
    answerHealthyAccount(aws);
    const run = await axiomProcess(
      ['verify', '--role-arn', ROLE_ARN, '--external-id', EXTERNAL_ID, '--format', 'json'],
      {
        AWS_ENDPOINT_URL: aws.url,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIAPROCESSTEST00001',
        AWS_SECRET_ACCESS_KEY: 'processTestSecret/000000000000000000000',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).health).toBe('healthy');
    expect(aws.calls('STS', 'AssumeRole')[0]?.headers.authorization).toContain(
      'Credential=AKIAPROCESSTEST00001/',
    );
  });
});
