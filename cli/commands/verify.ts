import {
  assumeRole,
  describeError,
  isValidStsExternalId,
  loadIamCatalog,
  parseEndpointOverride,
  parseRoleArn,
  regionProblem,
  renderVerifyText,
  verifyConnection,
} from '../../core/index.ts';
import { type AwsEnvironment, awsEnvironment } from '../aws-env.ts';
import { type CliCommand, listOption, type OptionValues, stringOption } from '../command.ts';
import { type CliContext, UsageError } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { VERSION } from '../version.ts';

const HELP = `Usage: axiom verify --role-arn ARN --external-id ID [options]

Tests a connection: assumes the role, confirms the account, makes one read per service, and checks that
the role can do nothing more than read.

Options:
  --role-arn ARN        the role Axiom assumes, e.g. arn:aws:iam::123456789012:role/axiom-readonly
  --external-id ID      the connection's External ID
  --regions LIST        comma-separated regions; the reads run in the first (default: AWS_REGION or us-east-1)
  --include-cost        also test Cost Explorer (AWS bills each request)
  --format text|json    output format (default text)

Environment: the credentials Axiom runs with come from the AWS default chain (AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, else AWS_PROFILE, SSO, web identity, container or instance role); AWS_REGION and
AWS_ENDPOINT_URL are honoured.

Exit codes: 0 connected and read-only, 3 cannot connect or cannot read, 4 the role can do more than read,
2 bad usage.
`;

/** The regions to read in, checked against the role's partition; a bad one is blamed on where it came from. */
function checkedRegions(
  values: OptionValues,
  aws: AwsEnvironment,
  partition: Parameters<typeof regionProblem>[1],
) {
  const envProblem = regionProblem(aws.region, partition);
  if (envProblem !== undefined)
    throw new UsageError(`${aws.regionVariable ?? 'the default region'}: ${envProblem}.`);
  const regions = listOption(values, 'regions') ?? [aws.region];
  if (regions.length === 0)
    throw new UsageError('--regions is empty: give at least one region, e.g. us-east-1.');
  for (const region of regions) {
    const problem = regionProblem(region, partition);
    if (problem !== undefined) throw new UsageError(`--regions: ${problem}.`);
  }
  return regions;
}

async function run(values: OptionValues, _positionals: string[], ctx: CliContext) {
  const roleArn = stringOption(values, 'role-arn');
  if (roleArn === undefined)
    throw new UsageError(
      '--role-arn is required: the ARN of the role to test, e.g. arn:aws:iam::123456789012:role/axiom-readonly.',
    );
  const parsed = parseRoleArn(roleArn);
  if (!parsed.ok) throw new UsageError(`--role-arn: ${parsed.error}.`);
  const externalId = stringOption(values, 'external-id');
  if (externalId !== undefined && !isValidStsExternalId(externalId))
    throw new UsageError(
      '--external-id is not a value STS accepts (2 to 1224 characters of letters, digits and _+=,.@:/-); copy it from the onboarding screen exactly.',
    );
  const format = stringOption(values, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not '${format}'.`);
  const aws = awsEnvironment(ctx.env);
  const regions = checkedRegions(values, aws, parsed.arn.partition);
  if (aws.endpoint !== undefined) {
    try {
      parseEndpointOverride(aws.endpoint);
    } catch (error) {
      throw new UsageError(`AWS_ENDPOINT_URL: ${describeError(error)}`);
    }
  }
  if (externalId === undefined)
    ctx.stderr.write(
      'axiom verify: no --external-id given; assuming the role without one (a trust policy from `axiom onboard` requires it).\n',
    );
  const endpoint = aws.endpoint === undefined ? {} : { endpoint: aws.endpoint };
  const report = await verifyConnection({
    roleArn: parsed.arn.arn,
    regions,
    ...endpoint,
    resolver: loadIamCatalog(),
    includeBilledProbes: values['include-cost'] === true,
    connect: () =>
      assumeRole({
        roleArn: parsed.arn.arn,
        region: aws.region,
        ...endpoint,
        ...(externalId === undefined ? {} : { externalId }),
        ...(aws.credentials === undefined ? {} : { sourceCredentials: aws.credentials }),
        sessionName: `axiom-verify-${VERSION}`,
      }),
  });
  ctx.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderVerifyText(report));
  switch (report.health) {
    case 'healthy':
    case 'degraded':
      return EXIT.ok;
    case 'over-privileged':
      return EXIT.overPrivileged;
    default:
      return EXIT.cannotConnect;
  }
}

/** `axiom verify`: tests a connection and diagnoses what is wrong. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Test a connection: assume the role, read each service, and check it is read-only',
  help: HELP,
  options: {
    'role-arn': { type: 'string' },
    'external-id': { type: 'string' },
    regions: { type: 'string' },
    'include-cost': { type: 'boolean' },
    format: { type: 'string' },
  },
  run,
};
