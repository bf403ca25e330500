import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ALL_COLLECTORS,
  ALL_RULES,
  AXIOM_CONFIG_FILE,
  type AxiomConfig,
  AxiomError,
  applySuppressions,
  buildScanReportContext,
  CallCounter,
  describeError,
  evaluateRules,
  failsThreshold,
  type Inventory,
  isAxiomError,
  loadIamCatalog,
  parseAxiomConfig,
  parseInventory,
  runScan,
  type ScanSession,
  serializeInventory,
} from '../../core/index.ts';
import { awsEnvironment } from '../aws-env.ts';
import type { CliCommand, OptionValues } from '../command.ts';
import { type CliContext, UsageError } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { createProgressDisplay } from '../progress.ts';
import { type LiveScanOptions, MAX_SCAN_CONCURRENCY, parseScanOptions } from '../scan-options.ts';
import { renderScanReport } from '../scan-render.ts';
import { ambientAccount, assumeTargetRole, type LiveTarget } from '../scan-targets.ts';
import { VERSION } from '../version.ts';

const HELP = `Usage: axiom scan [--role-arn ARN --external-id ID | --targets FILE|LIST] [options]
       axiom scan --inventory FILE [options]

Scans AWS accounts read-only (IAM, S3, EC2, ELBv2, RDS, CloudWatch, Logs, tagging; Cost Explorer when asked)
and reports security, hygiene and cost findings with evidence and a fix. What could not be read is listed as a
coverage gap, and the rules it would have fed as not evaluated: nothing passes silently.

Accounts (default: the account of the credentials Axiom runs with):
  --role-arn ARN         assume this role, e.g. arn:aws:iam::123456789012:role/axiom-readonly
  --external-id ID       the External ID the role's trust policy requires
  --targets FILE|LIST    many accounts: a file, or the list itself: role ARNs separated by commas, or JSON
                         [{"arn": "...", "external_id": "...", "name": "prod", "regions": ["eu-west-1"]}]

What to scan:
  --regions LIST|all     comma-separated regions, or all enabled ones (default: AWS_REGION, else us-east-1)
  --services LIST        iam, s3, ec2, elbv2, rds, logs, cloudwatch, tagging, ce (default: all but ce)
  --include-cost         also read Cost Explorer: one request per account, which AWS bills
  --concurrency N        scan units in flight at once, 1 to ${MAX_SCAN_CONCURRENCY} (default 16)

Offline:
  --save-inventory FILE  also save what was collected (JSON, no secrets) to re-run the rules later
  --inventory FILE       re-run the rules on a saved inventory: no AWS call at all

Report:
  --format FORMAT        text (default), json, markdown or sarif
  --output FILE          write the report to FILE instead of stdout
  --fail-on SEVERITY     exit 1 when a finding is at or above it: critical, high, medium, low, info, or
                         none to never fail (default: fail-on from the config file, else high)
  --config FILE          suppressions with reasons (default: ${AXIOM_CONFIG_FILE} in the working directory)

Environment: the credentials Axiom runs with come from the AWS default chain (AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, else AWS_PROFILE, SSO, web identity, container or instance role); AWS_REGION and
AWS_ENDPOINT_URL are honoured.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or input,
3 could not connect to any account.

Examples:
  axiom scan --role-arn arn:aws:iam::123456789012:role/axiom-readonly --external-id axm-... --regions all
  axiom scan --targets accounts.json --format sarif --output axiom.sarif
  axiom scan --inventory examples/sample-inventory.json
`;

/** Writes a heading and one indented line per problem; the caller exits 2. */
function reportProblems(ctx: CliContext, heading: string, problems: readonly string[]): ExitCode {
  ctx.stderr.write(`axiom scan: ${heading}\n`);
  for (const problem of problems) ctx.stderr.write(`  ${problem}\n`);
  return EXIT.usage;
}

/** Reads a file the user named, or explains in one line why it cannot be read. */
function readUserFile(flag: string, file: string, ctx: CliContext): string {
  const path = resolve(ctx.cwd, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      `${flag}: ${missing ? `no such file: ${file}` : `could not read ${file} (${describeError(error)})`}`,
    );
  }
}

/** Writes a file the user named; a failure is the user's to fix (a missing folder, no permission), exit 2. */
function writeUserFile(flag: string, file: string, text: string, ctx: CliContext): void {
  try {
    writeFileSync(resolve(ctx.cwd, file), text);
  } catch (error) {
    throw new AxiomError(
      'scan_output_unwritable',
      `Could not write ${flag} ${file}: ${describeError(error)}.`,
      {
        hint: 'Check that the folder exists and is writable, or choose another path.',
      },
    );
  }
}

/** The ignore file: --config, else .axiom.yml in the working directory, else none. */
function loadConfig(file: string | undefined, ctx: CliContext): AxiomConfig | ExitCode | undefined {
  const name = file ?? AXIOM_CONFIG_FILE;
  if (file === undefined && !existsSync(resolve(ctx.cwd, AXIOM_CONFIG_FILE))) return undefined;
  const parsed = parseAxiomConfig(readUserFile('--config', name, ctx), name);
  if (parsed.ok) return parsed.config;
  return reportProblems(
    ctx,
    `${name} is not a valid config file:`,
    parsed.errors.map((error) => error.message),
  );
}

function readInventory(file: string, ctx: CliContext): Inventory | ExitCode {
  const parsed = parseInventory(readUserFile('--inventory', file, ctx));
  if (parsed.ok) return parsed.inventory;
  return reportProblems(
    ctx,
    `${file} is not a valid Axiom inventory (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}):`,
    parsed.errors.map((error) => `${error.path}: ${error.message}`),
  );
}

/** Runs the live scan; returns the inventory, or exit 3 when not one account could be reached. */
async function scanLive(options: LiveScanOptions, ctx: CliContext): Promise<Inventory | ExitCode> {
  const aws = awsEnvironment(ctx.env);
  const callCounter = new CallCounter();
  const settings = { aws, callCounter };
  let targets: LiveTarget[];
  let connect: (target: LiveTarget) => Promise<ScanSession>;
  if (options.targets === undefined) {
    try {
      const ambient = await ambientAccount(settings);
      targets = [ambient.target];
      connect = async () => ambient.session;
    } catch (error) {
      if (!isAxiomError(error)) throw error;
      ctx.stderr.write(`axiom scan: ${describeError(error).replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT.cannotConnect;
    }
  } else {
    targets = options.targets;
    connect = (target) => assumeTargetRole(target, settings);
  }

  const failures = new Map<string, string>();
  let connected = 0;
  const progress = createProgressDisplay(ctx.stderr);
  let inventory: Inventory;
  try {
    inventory = await runScan({
      targets,
      connect: async (target) => {
        try {
          const session = await connect(target);
          connected += 1;
          return session;
        } catch (error) {
          failures.set(target.name ?? target.accountId, describeError(error).replace(/\s*\n\s*/g, ' '));
          throw error;
        }
      },
      collectors: ALL_COLLECTORS,
      regions: options.regions,
      ...(options.services === undefined ? {} : { services: options.services }),
      includeCostExplorer: options.includeCost,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(aws.endpoint === undefined ? {} : { endpoint: aws.endpoint }),
      axiomVersion: VERSION,
      callCounter,
      onProgress: (step) => progress.update(step),
    });
  } finally {
    progress.finish();
  }
  for (const [name, reason] of failures) ctx.stderr.write(`axiom scan: ${name}: ${reason}\n`);
  if (connected === 0) {
    ctx.stderr.write(
      `axiom scan: could not connect to ${targets.length === 1 ? 'the account' : `any of the ${targets.length} accounts`}; nothing was scanned.\n`,
    );
    return EXIT.cannotConnect;
  }
  const regions = new Set(inventory.accounts.flatMap((account) => account.regions)).size;
  ctx.stderr.write(
    `axiom scan: scanned ${connected} of ${targets.length} account${targets.length === 1 ? '' : 's'}, ${regions} region${regions === 1 ? '' : 's'}: ${inventory.stats.apiCalls.total} API calls in ${(inventory.stats.durationMs / 1000).toFixed(1)} s.\n`,
  );
  if (options.saveInventory !== undefined) {
    writeUserFile('--save-inventory', options.saveInventory, serializeInventory(inventory), ctx);
    ctx.stderr.write(`axiom scan: saved the inventory to ${options.saveInventory}.\n`);
  }
  return inventory;
}

/** True when the report goes to a terminal that wants colour. */
function wantsColor(ctx: CliContext, output: string | undefined): boolean {
  const tty = 'isTTY' in ctx.stdout && ctx.stdout.isTTY === true;
  return output === undefined && tty && !ctx.env.NO_COLOR;
}

async function run(values: OptionValues, _positionals: string[], ctx: CliContext): Promise<ExitCode> {
  const options = parseScanOptions(values, awsEnvironment(ctx.env), ctx.cwd);
  const config = loadConfig(options.config, ctx);
  if (typeof config === 'number') return config;
  const source = options.source;
  const inventory =
    source.kind === 'inventory' ? readInventory(source.file, ctx) : await scanLive(source, ctx);
  if (typeof inventory === 'number') return inventory;

  // Rules judge ages ("unused for 90 days") from the scan's own time, so an offline re-run finds the same.
  const evaluation = evaluateRules(inventory, ALL_RULES, {
    now: new Date(inventory.startedAt),
    catalog: loadIamCatalog(),
  });
  const findings = applySuppressions(evaluation.findings, {
    today: new Date(),
    ...(config === undefined ? {} : { config }),
  });
  const failOn = options.failOn ?? config?.failOn ?? 'high';
  const context = buildScanReportContext(inventory, evaluation, {
    tool: { name: 'Axiom', version: VERSION },
    rules: ALL_RULES,
  });
  const report = renderScanReport(findings, context, {
    format: options.format,
    failOn,
    color: options.format === 'text' && wantsColor(ctx, options.output),
  });
  if (options.output === undefined) ctx.stdout.write(report);
  else {
    writeUserFile('--output', options.output, report, ctx);
    ctx.stderr.write(`axiom scan: wrote the ${options.format} report to ${options.output}.\n`);
  }
  return findings.some((finding) => failsThreshold(finding, failOn)) ? EXIT.findings : EXIT.ok;
}

/** `axiom scan`: the main job, a read-only scan of one or many accounts, or a re-run on a saved inventory. */
export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'Scan AWS accounts read-only for security, hygiene and cost problems (or re-run a saved scan)',
  help: HELP,
  options: {
    'role-arn': { type: 'string' },
    'external-id': { type: 'string' },
    targets: { type: 'string' },
    regions: { type: 'string' },
    services: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    'save-inventory': { type: 'string' },
    inventory: { type: 'string' },
    'include-cost': { type: 'boolean' },
    config: { type: 'string' },
    concurrency: { type: 'string' },
  },
  run,
};
