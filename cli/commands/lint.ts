import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ALL_POLICY_CHECKS,
  AXIOM_CONFIG_FILE,
  type AxiomConfig,
  AxiomError,
  exceedsThreshold,
  lintFiles,
  loadIamCatalog,
  parseAxiomConfig,
  parseSeverity,
  type ReportContext,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderText,
  type SeverityThreshold,
} from '../../core/index.ts';
import { type CliCommand, type OptionValues, stringOption } from '../command.ts';
import { type CliContext, UsageError } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import {
  displayPath,
  existingPaths,
  rootRelative,
  type Selection,
  selectChanges,
  selectWorkingTree,
  type Workspace,
  workspaceFor,
} from '../lint-files.ts';
import { VERSION } from '../version.ts';

const HELP = `Usage: axiom lint [PATHS...] [options]

Checks IAM policies where they are written: JSON policy documents, CloudFormation (JSON and YAML) and
Terraform (HCL and plan JSON), each finding on its exact line. With --base, lints the files changed since a
git revision and also reports the access the change newly grants: the pull-request gate.

Arguments:
  PATHS                files or directories, absolute or relative (default: the current directory).
                       Directories are walked for .json, .yaml, .yml, .tf and .template files, skipping
                       node_modules, .git, dist, .terraform and cdk.out; files over 5 MB are skipped.

Options:
  --format FORMAT      text, json, sarif or markdown (default text)
  --fail-on SEVERITY   exit 1 when a finding is at or above it: critical, high, medium, low, info, or none
                       to never fail (default: fail-on from the config file, else high)
  --base REF           diff against this git revision (branch, tag or commit) in the repository that holds
                       the paths: lint only the files changed since REF, and report the access the change
                       grants (iam.diff.new-access) and removes (iam.diff.removed-access). The working tree
                       is compared with REF itself: in a pull request, give the base branch when the checkout
                       is the merge commit (GitHub's default), else the merge base
  --config FILE        the ignore file (default: ${AXIOM_CONFIG_FILE} at the repository root, else in the
                       current directory, when there is one)
  --output FILE        write the report to FILE instead of stdout

Suppress a finding with a reason: in the config file (check, paths, reason, until), or with a comment on the
line above it in YAML and Terraform: # axiom:ignore CHECK-ID reason

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 bad usage or input (a missing
path, an invalid config file, an unknown git revision).
`;

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(values: OptionValues): Format {
  const format = stringOption(values, 'format') ?? 'text';
  const known = FORMATS.find((candidate) => candidate === format);
  if (!known) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'.`);
  return known;
}

async function readConfigFile(path: string, name: string, ctx: CliContext): Promise<AxiomConfig | ExitCode> {
  const text = await readFile(path, 'utf8');
  const parsed = parseAxiomConfig(text, name);
  if (parsed.ok) return parsed.config;
  ctx.stderr.write(`axiom lint: ${name} is not a valid config file:\n`);
  for (const error of parsed.errors) ctx.stderr.write(`  ${error.message}\n`);
  return EXIT.usage;
}

/** The config file: --config, else .axiom.yml at the root, else in the working directory; none is fine. */
async function loadConfig(
  values: OptionValues,
  workspace: Workspace,
  ctx: CliContext,
): Promise<AxiomConfig | ExitCode | undefined> {
  const given = stringOption(values, 'config');
  if (given !== undefined) {
    const path = resolve(ctx.cwd, given);
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a file');
    } catch (error) {
      throw new AxiomError(
        'lint_config_not_found',
        `Could not read the config file ${given}: no such file.`,
        {
          hint: `Check the path given to --config, or leave it out to use ${AXIOM_CONFIG_FILE} when there is one.`,
          cause: error,
        },
      );
    }
    return readConfigFile(path, displayPath(workspace, await realpath(path)), ctx);
  }
  for (const directory of [workspace.root, ctx.cwd]) {
    const path = join(directory, AXIOM_CONFIG_FILE);
    const found = await stat(path).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (found) return readConfigFile(path, displayPath(workspace, await realpath(path)), ctx);
  }
  return undefined;
}

function render(
  format: Format,
  findings: Parameters<typeof renderText>[0],
  context: ReportContext,
  workspace: Workspace,
  failOn: SeverityThreshold,
): string {
  switch (format) {
    case 'text':
      return renderText(findings, context);
    case 'json':
      return renderJson(findings, context);
    case 'sarif':
      return renderSarif(findings, context, {
        automationId: 'axiom/lint/',
        srcRootUri: pathToFileURL(`${workspace.root}${sep}`).href,
      });
    case 'markdown':
      return renderMarkdown(findings, context, { failOn });
  }
}

async function run(values: OptionValues, positionals: string[], ctx: CliContext): Promise<ExitCode> {
  const started = new Date();
  const format = parseFormat(values);
  const failOnFlag = stringOption(values, 'fail-on');
  const flagThreshold = failOnFlag === undefined ? undefined : parseSeverity(failOnFlag);
  const base = stringOption(values, 'base');
  const output = stringOption(values, 'output');
  const paths = await existingPaths(positionals, ctx.cwd);
  const workspace = await workspaceFor(paths, ctx.cwd, base);

  const config = await loadConfig(values, workspace, ctx);
  if (typeof config === 'number') return config;
  const failOn: SeverityThreshold = flagThreshold ?? config?.failOn ?? 'high';

  let selection: Selection;
  let target: string;
  if (base === undefined) {
    selection = await selectWorkingTree(paths, workspace);
    const names = paths.map((path) =>
      rootRelative(workspace, path) === '' ? '.' : displayPath(workspace, path),
    );
    target = `policies in ${names.join(', ')}`;
  } else {
    const changes = await selectChanges(paths, workspace, base);
    selection = changes.selection;
    target = `policy changes since ${base} (${changes.commit.slice(0, 12)})`;
  }

  const result = lintFiles({
    files: selection.files,
    unreadFiles: selection.unread,
    ...(config === undefined ? {} : { config }),
    catalog: loadIamCatalog(),
    checks: ALL_POLICY_CHECKS,
    today: started,
  });
  for (const notice of result.notices) ctx.stderr.write(`axiom lint: ${notice.file}: ${notice.message}\n`);

  const finished = new Date();
  const context: ReportContext = {
    tool: { name: 'Axiom', version: VERSION },
    targets: [{ description: target }],
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    stats: {
      durationMs: finished.getTime() - started.getTime(),
      files: result.stats.files,
      policyDocuments: result.stats.policyDocuments,
    },
  };
  const report = render(format, result.findings, context, workspace, failOn);
  if (output === undefined) ctx.stdout.write(report);
  else {
    await writeFile(resolve(ctx.cwd, output), report);
    ctx.stderr.write(
      `axiom lint: wrote the ${format} report to ${output} (${result.summary.active} ${result.summary.active === 1 ? 'finding' : 'findings'}, ${result.summary.suppressed} suppressed).\n`,
    );
  }
  return exceedsThreshold(result.findings, failOn) ? EXIT.findings : EXIT.ok;
}

/** `axiom lint`: checks the IAM policies in files, and with --base the access a change grants. */
export const lintCommand: CliCommand = {
  name: 'lint',
  summary:
    'Check IAM policies in JSON, CloudFormation and Terraform files; with --base, what a change grants',
  help: HELP,
  options: {
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    base: { type: 'string' },
    config: { type: 'string' },
    output: { type: 'string' },
  },
  allowPositionals: true,
  run,
};
