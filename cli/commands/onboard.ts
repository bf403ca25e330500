import {
  buildGithubOidcTrustPolicy,
  buildPermissionPolicy,
  buildQuickCreateUrl,
  buildScannerTrustPolicy,
  DEFAULT_STACK_NAME,
  type GithubOidcTrustOptions,
  type GithubSubjectFilter,
  generateExternalId,
  isWellFormedExternalId,
  renderCloudFormationTemplate,
  renderPermissionTable,
  renderTerraformModule,
} from '../../core/index.ts';
import { type CliCommand, listOption, type OptionValues, stringOption } from '../command.ts';
import { type CliContext, UsageError } from '../context.ts';
import { EXIT } from '../exit-codes.ts';

const FORMATS = [
  'text',
  'trust',
  'permissions',
  'cloudformation',
  'terraform',
  'url',
  'table',
  'json',
] as const;
type OnboardFormat = (typeof FORMATS)[number];

const HELP = `Usage: axiom onboard [options]

Prints what a customer needs to create Axiom's read-only role, all generated from one permission catalogue.

Options:
  --format FORMAT           text (default, a step-by-step guide), trust, permissions, cloudformation,
                            terraform, url (CloudFormation quick-create link), table (why each action), json (all)
  --external-id ID          the connection's External ID (default: a new one is generated)
  --scanner-account ID      12-digit AWS account Axiom scans from (for the scanner trust policy and links)
  --github-repo OWNER/REPO  trust GitHub Actions OIDC from this repository instead of a scanner account
  --github-ref REF          which runs: refs/heads/BRANCH (default refs/heads/main), refs/tags/TAG,
                            environment:NAME or pull_request
  --github-ids OWNER_ID/REPO_ID  numeric ids, to also accept GitHub's immutable subject format
  --account-id ID           the customer account that holds the role (needed with --github-repo)
  --regions LIST            comma-separated regions to restrict regional reads to (default: all)
  --template-url URL        HTTPS URL of the published CloudFormation template (for --format url)
  --stack-name NAME         stack name for the quick-create link (default ${DEFAULT_STACK_NAME})
  --cfn-format json|yaml    CloudFormation rendering (default yaml)

Examples:
  axiom onboard --scanner-account 111122223333
  axiom onboard --format cloudformation --scanner-account 111122223333 > axiom-role.yaml
  axiom onboard --format trust --github-repo acme/infra --github-ref refs/heads/main --account-id 444455556666
`;

function githubFilter(ref: string | undefined): GithubSubjectFilter {
  const value = ref ?? 'refs/heads/main';
  if (value === 'pull_request') return { kind: 'pull_request' };
  if (value.startsWith('refs/heads/')) return { kind: 'branch', branch: value.slice('refs/heads/'.length) };
  if (value.startsWith('refs/tags/')) return { kind: 'tag', tag: value.slice('refs/tags/'.length) };
  if (value.startsWith('environment:'))
    return { kind: 'environment', environment: value.slice('environment:'.length) };
  // A bare name is a branch; any other refs/ (refs/pull/1/merge) has no subject GitHub would ever send.
  if (/^[\w./*?-]+$/.test(value) && !value.startsWith('refs/')) return { kind: 'branch', branch: value };
  throw new UsageError(
    `--github-ref '${value}' is not a ref: use refs/heads/BRANCH, refs/tags/TAG, environment:NAME or pull_request.`,
  );
}

function githubTrust(values: OptionValues, repository: string) {
  const accountId = stringOption(values, 'account-id');
  if (accountId === undefined)
    throw new UsageError(
      '--github-repo needs --account-id: the 12-digit account that holds the role and the OIDC provider.',
    );
  const options: GithubOidcTrustOptions = {
    accountId,
    repository,
    filter: githubFilter(stringOption(values, 'github-ref')),
  };
  const ids = stringOption(values, 'github-ids');
  if (ids !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(ids);
    if (!match?.[1] || !match[2])
      throw new UsageError(
        `--github-ids '${ids}' must be OWNER_ID/REPO_ID, two numbers, e.g. 1234567/89012345.`,
      );
    options.repositoryIds = { ownerId: match[1], repositoryId: match[2] };
  }
  return buildGithubOidcTrustPolicy(options);
}

function requireScanner(values: OptionValues, what: string): string {
  const scanner = stringOption(values, 'scanner-account');
  if (scanner === undefined)
    throw new UsageError(`${what} needs --scanner-account: the 12-digit AWS account Axiom scans from.`);
  return scanner;
}

function trustPolicy(values: OptionValues, externalId: string) {
  const repository = stringOption(values, 'github-repo');
  if (repository !== undefined) return githubTrust(values, repository);
  return buildScannerTrustPolicy({
    scannerAccountId: requireScanner(values, 'The trust policy'),
    externalId,
  });
}

function quickCreateUrl(values: OptionValues, externalId: string, regions: string[] | undefined): string {
  const templateUrl = stringOption(values, 'template-url');
  if (templateUrl === undefined)
    throw new UsageError(
      '--format url needs --template-url: upload the output of `axiom onboard --format cloudformation` to an S3 bucket and pass its HTTPS URL.',
    );
  const stackName = stringOption(values, 'stack-name');
  return buildQuickCreateUrl({
    region: regions?.[0] ?? 'us-east-1',
    templateUrl,
    externalId,
    scannerAccountId: requireScanner(values, 'The quick-create link'),
    ...(stackName === undefined ? {} : { stackName }),
  });
}

function terraformText(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([name, text]) => `# ---- ${name} ----\n${text.trimEnd()}\n`)
    .join('\n');
}

function guide(values: OptionValues, externalId: string, regions: string[] | undefined): string {
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const regionNote = regions
    ? `Regional reads are limited to: ${regions.join(', ')}.`
    : 'Reads are allowed in every region.';
  return `Connect an AWS account to Axiom

External ID: ${externalId}
  Generated for this connection. Keep it with the connection; it is not a password, but nobody should guess it.

1. Create the role. Either:
   a. CloudFormation: axiom onboard --format cloudformation --external-id ${externalId} > axiom-role.yaml
      then create a stack from it (parameters ExternalId and ScannerAccountId) and copy the RoleArn output; or
   b. Terraform: axiom onboard --format terraform --external-id ${externalId}; or
   c. By hand in IAM > Roles > Create role > Custom trust policy, with the trust policy below, then the
      permission policy below as an inline policy. Maximum session duration: 1 hour.

2. Trust policy:
${json(trustPolicy(values, externalId))}

3. Permission policy (explicit List/Read actions only; ${regionNote}):
${json(buildPermissionPolicy(regions ? { regions } : {}))}

4. Paste the role ARN into Axiom and test the connection:
   axiom verify --role-arn arn:aws:iam::ACCOUNT_ID:role/axiom-readonly --external-id ${externalId}

Why each action: axiom onboard --format table
`;
}

async function run(values: OptionValues, _positionals: string[], ctx: CliContext) {
  const format = (stringOption(values, 'format') ?? 'text') as OnboardFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format '${format}' is not one of ${FORMATS.join(', ')}.`);
  const given = stringOption(values, 'external-id');
  // Only Axiom's own format: the CloudFormation and Terraform artifacts refuse anything else at deploy time, and a
  // hand-picked value is guessable, which is what the External ID guards against. The value is not echoed.
  if (given !== undefined && !isWellFormedExternalId(given))
    throw new UsageError(
      '--external-id is not an External ID Axiom generated (axm- followed by 32 letters, digits, _ or -); omit it to generate a new one.',
    );
  const externalId = given ?? generateExternalId();
  const regions = listOption(values, 'regions');
  const regionOptions = regions ? { regions } : {};
  const cfnFormat = stringOption(values, 'cfn-format') ?? 'yaml';
  if (cfnFormat !== 'json' && cfnFormat !== 'yaml')
    throw new UsageError(`--cfn-format must be json or yaml.`);

  let output: string;
  switch (format) {
    case 'trust':
      output = JSON.stringify(trustPolicy(values, externalId), null, 2);
      break;
    case 'permissions':
      output = JSON.stringify(buildPermissionPolicy(regionOptions), null, 2);
      break;
    case 'cloudformation':
      output = renderCloudFormationTemplate({ ...regionOptions, format: cfnFormat });
      break;
    case 'terraform': {
      const scanner = stringOption(values, 'scanner-account');
      output = terraformText(
        renderTerraformModule({
          externalId,
          ...regionOptions,
          ...(scanner ? { scannerAccountId: scanner } : {}),
        }),
      );
      break;
    }
    case 'url':
      output = quickCreateUrl(values, externalId, regions);
      break;
    case 'table':
      output = renderPermissionTable();
      break;
    case 'json': {
      const scanner = stringOption(values, 'scanner-account');
      const hasTrust = scanner !== undefined || stringOption(values, 'github-repo') !== undefined;
      output = JSON.stringify(
        {
          externalId,
          ...(hasTrust ? { trustPolicy: trustPolicy(values, externalId) } : {}),
          permissionPolicy: buildPermissionPolicy(regionOptions),
          cloudFormationTemplate: JSON.parse(
            renderCloudFormationTemplate({ ...regionOptions, format: 'json' }),
          ),
          terraformModule: renderTerraformModule({
            externalId,
            ...regionOptions,
            ...(scanner ? { scannerAccountId: scanner } : {}),
          }),
          ...(stringOption(values, 'template-url')
            ? { quickCreateUrl: quickCreateUrl(values, externalId, regions) }
            : {}),
        },
        null,
        2,
      );
      break;
    }
    default:
      output = guide(values, externalId, regions);
  }
  ctx.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  // Only once the output is out, so a usage error stays the only line. Formats whose output carries the new ID
  // (text, json) or never uses it (table, permissions) need no notice.
  if (given === undefined && !['text', 'json', 'table', 'permissions'].includes(format))
    ctx.stderr.write(
      `axiom onboard: generated a new External ID for this connection: ${externalId} (keep it: the role's trust policy and \`axiom verify --external-id\` need it)\n`,
    );
  return EXIT.ok;
}

/** `axiom onboard`: prints the onboarding artifacts. */
export const onboardCommand: CliCommand = {
  name: 'onboard',
  summary: 'Print the trust and permission policies, CloudFormation, Terraform or the quick-create link',
  help: HELP,
  options: {
    format: { type: 'string' },
    'external-id': { type: 'string' },
    'scanner-account': { type: 'string' },
    'github-repo': { type: 'string' },
    'github-ref': { type: 'string' },
    'github-ids': { type: 'string' },
    'account-id': { type: 'string' },
    regions: { type: 'string' },
    'template-url': { type: 'string' },
    'stack-name': { type: 'string' },
    'cfn-format': { type: 'string' },
  },
  run,
};
