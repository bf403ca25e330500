/**
 * The "Launch with CloudFormation" link: opens the AWS console's quick-create page with Axiom's published
 * template and this connection's parameters filled in, so the customer only reviews and ticks the IAM
 * acknowledgement.
 */
import { AxiomError } from '../errors.ts';
import { isWellFormedExternalId } from './external-id.ts';
import { isAwsRegionName } from './region-name.ts';
import { isAwsAccountId } from './trust-policy.ts';

/** Stack name used when none is given. */
export const DEFAULT_STACK_NAME = 'axiom-readonly';

/** Inputs of the quick-create link. */
export interface QuickCreateOptions {
  /** Console region the stack is created in (the role itself is global). */
  region: string;
  /** HTTPS URL of the published template; the console loads templates from Amazon S3. */
  templateUrl: string;
  /** The connection's External ID. */
  externalId: string;
  /** The AWS account Axiom scans from. */
  scannerAccountId: string;
  /** Stack name; defaults to DEFAULT_STACK_NAME. */
  stackName?: string;
}

function invalid(message: string, hint: string): AxiomError {
  return new AxiomError('invalid_quick_create_input', `Could not build the CloudFormation link: ${message}`, {
    hint,
  });
}

/**
 * The console URL. The quick-create parameters live in the URL fragment (`#/stacks/quickcreate?...`), which the
 * console's single-page app parses itself; every value is percent-encoded with encodeURIComponent so a '+', '='
 * or '&' inside one cannot be read as a separator or a space.
 */
export function buildQuickCreateUrl(options: QuickCreateOptions): string {
  if (!isAwsRegionName(options.region)) {
    throw invalid(
      `${JSON.stringify(options.region)} is not an AWS region.`,
      "Use a region code such as 'eu-west-1'.",
    );
  }
  let template: URL;
  try {
    template = new URL(options.templateUrl);
  } catch (cause) {
    throw new AxiomError(
      'invalid_quick_create_input',
      `Could not build the CloudFormation link: ${JSON.stringify(options.templateUrl)} is not a URL.`,
      { hint: 'Give the HTTPS URL of the published template in Amazon S3.', cause },
    );
  }
  if (template.protocol !== 'https:') {
    throw invalid(
      'the template URL must use https.',
      'Give the HTTPS URL of the published template in Amazon S3.',
    );
  }
  if (!isWellFormedExternalId(options.externalId)) {
    throw invalid(
      'the External ID is not one Axiom generated.',
      'Use the External ID Axiom shows for this connection.',
    );
  }
  if (!isAwsAccountId(options.scannerAccountId)) {
    throw invalid(
      `${JSON.stringify(options.scannerAccountId)} is not a 12-digit AWS account id.`,
      'Use the scanner account id Axiom shows.',
    );
  }
  const stackName = options.stackName ?? DEFAULT_STACK_NAME;
  // CloudFormation's rule for stack names: a letter, then letters, digits and hyphens, at most 128.
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
    throw invalid(
      `${JSON.stringify(stackName)} is not a valid stack name.`,
      'Use a letter followed by letters, digits and hyphens (at most 128).',
    );
  }

  const parameters: [string, string][] = [
    ['templateURL', template.href],
    ['stackName', stackName],
    ['param_ExternalId', options.externalId],
    ['param_ScannerAccountId', options.scannerAccountId],
  ];
  const fragmentQuery = parameters
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  const region = encodeURIComponent(options.region);
  return `https://console.aws.amazon.com/cloudformation/home?region=${region}#/stacks/quickcreate?${fragmentQuery}`;
}
