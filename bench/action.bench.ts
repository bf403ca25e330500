/**
 * The Action's start-up benchmark: `npm run bench:action` (`node bench/action.bench.ts [--runs=9] [--dist=dir]`).
 * Prints figures, asserts nothing; build dist/ first with `npm run package` (or point --dist at another build of
 * it, to compare two).
 *
 * For dist/index.js and, built in the same run with ncc, a minimal action (reads one input with @actions/core
 * and makes one request): the bundle's size (index.js, and the chunks it loads only to scan), and its cold
 * start, from spawning `node` to the first request reaching a local server (the median of several runs, each a
 * fresh process, killed once it has asked). Axiom is measured on a pull request without a role (its first
 * request reads the GitHub API; it never loads the scan chunks) and on a scheduled scan (its first request asks
 * GitHub's OIDC endpoint for a token, after loading the scan chunks). Goal: a cold start under 300 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** ncc's JavaScript API (the package ships no types). */
type Ncc = (
  entry: string,
  options: Record<string, unknown>,
) => Promise<{ code: string; assets: Record<string, { source: string | Buffer }> }>;

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
/** The goal for Axiom's cold start, in milliseconds. */
const GOAL_MS = 300;

function parseRuns(argv: readonly string[]): number {
  const flag = argv.find((arg) => arg.startsWith('--runs='));
  return flag ? Math.max(1, Number(flag.slice('--runs='.length))) : 9;
}

function parseDist(argv: readonly string[]): string {
  const flag = argv.find((arg) => arg.startsWith('--dist='));
  return flag ? resolve(flag.slice('--dist='.length)) : join(root, 'dist');
}

/** The chunks a bundle loads on demand (`<id>.index.js`), beside its index.js. */
function chunkBytes(script: string): number {
  const dir = dirname(script);
  return readdirSync(dir)
    .filter((name) => /^\d+\.index\.js$/.test(name))
    .reduce((total, name) => total + statSync(join(dir, name)).size, 0);
}

/** The minimal action: one input, one request, bundled like Axiom (CommonJS, source map). */
async function buildMinimalAction(dir: string): Promise<string> {
  const entry = join(dir, 'hello.mjs');
  // An absolute path to @actions/core's module: the entry lives outside the repository's node_modules.
  const core = join(root, 'node_modules', '@actions', 'core', 'lib', 'core.js');
  writeFileSync(
    entry,
    `import * as core from ${JSON.stringify(core)};\n` +
      `const who = core.getInput('who') || 'world';\n` +
      `const response = await fetch(\`\${process.env.GITHUB_API_URL}/hello?who=\${encodeURIComponent(who)}\`);\n` +
      `core.setOutput('status', String(response.status));\n`,
  );
  const ncc = require('@vercel/ncc') as Ncc;
  const output = await ncc(entry, {
    esm: false,
    filename: 'index.js',
    sourceMap: true,
    cache: false,
    quiet: true,
  });
  const out = join(dir, 'hello-dist');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.js'), output.code);
  for (const [name, asset] of Object.entries(output.assets)) writeFileSync(join(out, name), asset.source);
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
  return join(out, 'index.js');
}

/** Milliseconds from spawning `node script` to its first request, one fresh process. */
async function coldStart(
  script: string,
  env: (url: string) => Record<string, string>,
  cwd: string,
): Promise<number> {
  let firstRequest: number | undefined;
  const server = createServer((_request, response) => {
    firstRequest ??= performance.now();
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end('{"message":"benchmark"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env(url) },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  while (firstRequest === undefined && child.exitCode === null)
    await new Promise((resolve) => setTimeout(resolve, 1));
  child.kill('SIGKILL');
  await exited;
  server.closeAllConnections();
  server.close();
  if (firstRequest === undefined) throw new Error(`${script} exited without making a request`);
  return firstRequest - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;

async function main(): Promise<void> {
  const runs = parseRuns(process.argv.slice(2));
  const axiom = join(parseDist(process.argv.slice(2)), 'index.js');
  if (!existsSync(axiom)) throw new Error(`${axiom} is missing: run \`npm run package\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'axiom-action-bench-'));
  const hello = await buildMinimalAction(dir);
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(dir, 'output.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const pullRequest = JSON.stringify({
    number: 2,
    pull_request: {
      number: 2,
      head: {
        sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        repo: { full_name: 'Codertocat/Hello-World' },
      },
      base: {
        sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        repo: { full_name: 'Codertocat/Hello-World' },
      },
    },
  });
  writeFileSync(join(dir, 'pull-request.json'), pullRequest);
  writeFileSync(join(dir, 'schedule.json'), '{"schedule":"0 6 * * 1"}');
  const runner = (event: string, url: string): Record<string, string> => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: join(dir, event === 'pull_request' ? 'pull-request.json' : 'schedule.json'),
    GITHUB_API_URL: url,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    'INPUT_GITHUB-TOKEN': 'ghs_benchmark',
    'INPUT_SARIF-FILE': '',
  });
  const scenarios: { name: string; script: string; env: (url: string) => Record<string, string> }[] = [
    {
      name: 'minimal action (getInput + one fetch)',
      script: hello,
      env: (url) => ({ ...runner('push', url), INPUT_WHO: 'bench' }),
    },
    {
      name: 'Axiom, pull request (first: GitHub API)',
      script: axiom,
      env: (url) => runner('pull_request', url),
    },
    {
      name: 'Axiom, scheduled scan (first: OIDC token)',
      script: axiom,
      env: (url) => ({
        ...runner('schedule', url),
        'INPUT_ROLE-TO-ASSUME': 'arn:aws:iam::111122223333:role/axiom-readonly',
        ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/oidc?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'benchmark',
      }),
    },
  ];

  const results: { name: string; times: number[] }[] = scenarios.map((scenario) => ({
    name: scenario.name,
    times: [],
  }));
  // Interleaved, so a burst of load on the machine hits every scenario alike.
  for (let run = 0; run < runs; run++)
    for (const [index, scenario] of scenarios.entries())
      results[index]!.times.push(await coldStart(scenario.script, scenario.env, workspace));

  const helloCode = readCode(hello);
  const axiomCode = readCode(axiom);
  const lines = [
    `Action start-up, ${runs} cold runs each (Node ${process.versions.node}, ${cpus().length} CPUs, load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')})`,
    '',
    'Bundle                          index.js    gzipped     scan chunks dist/ total',
    `minimal action                  ${pad(mb(helloCode.length))} ${pad(mb(gzipSync(helloCode).length))} ${pad(mb(chunkBytes(hello)))} ${mb(folderBytes(join(hello, '..')))}`,
    `Axiom                           ${pad(mb(axiomCode.length))} ${pad(mb(gzipSync(axiomCode).length))} ${pad(mb(chunkBytes(axiom)))} ${mb(folderBytes(join(axiom, '..')))} (IAM data ${mb(folderBytes(join(axiom, '..', 'iam-data')))})`,
    '',
    'Cold start to first request     median     min        max',
    ...results.map(
      ({ name, times }) =>
        `${name.padEnd(41).slice(0, 41)} ${pad(ms(median(times)), 10)} ${pad(ms(Math.min(...times)), 10)} ${ms(Math.max(...times))}`,
    ),
    '',
    `Goal: Axiom under ${GOAL_MS} ms. Axiom over the minimal action: ${results
      .slice(1)
      .map(({ times }) => `+${ms(median(times) - median(results[0]!.times))}`)
      .join(', ')}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function readCode(script: string): Buffer {
  return require('node:fs').readFileSync(script) as Buffer;
}

function pad(text: string, width = 11): string {
  return text.padEnd(width);
}

await main();
