/**
 * The connect form, purely: what the modal shows (every artifact from core, for a fresh External ID), what
 * travels in its private metadata, and how a submission is read and validated into field errors that Slack
 * shows under the inputs.
 */
import {
  buildPermissionPolicy,
  buildQuickCreateUrl,
  buildScannerTrustPolicy,
  CONNECT_MODAL_FIELDS,
  describeError,
  type ModalView,
  parseRoleArn,
  regionProblem,
  renderConnectModal,
  renderTerraformModule,
} from '../core/index.ts';
import type { OnboardingSettings } from './services.ts';

/** The modal's callback id, matched by the view listener. */
export const CONNECT_CALLBACK_ID = 'axiom_connect';

/** What the modal carries to its submission. */
export interface ConnectMetadata {
  /** The channel the command came from: where the result is posted. */
  channel: string;
  /** The External ID shown in the form (the role's trust policy now names it). */
  externalId: string;
  /** The command's response_url, for when the bot cannot post in the channel. */
  responseUrl?: string;
}

/** A submission's values, as typed. */
export interface ConnectSubmission {
  /** Connection name, lower-cased. */
  name: string;
  /** Role ARN, trimmed. */
  roleArn: string;
  /** Regions. */
  regions: string[];
  /** Channels where it may be scanned. */
  channels: string[];
}

/** Result of validating a submission: the values, or an error per input (by block id). */
export type ConnectValidation =
  | { ok: true; submission: ConnectSubmission }
  | { ok: false; errors: Record<string, string> };

const CONNECTION_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Slack shows field errors under the input; long ones are cut. */
function fieldError(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** The connect modal for a fresh External ID (see the file comment). */
export function buildConnectModal(input: {
  externalId: string;
  name: string | undefined;
  channelId: string;
  responseUrl: string | undefined;
  onboarding: OnboardingSettings;
}): ModalView {
  const { externalId, onboarding } = input;
  const regions = [...onboarding.defaultRegions];
  const scanner = onboarding.scannerAccountId;
  let trustPolicy: Parameters<typeof renderConnectModal>[0]['trustPolicy'] = {
    problem:
      'Axiom does not know the AWS account it scans from yet (set AXIOM_SCANNER_ACCOUNT_ID, or give the bot AWS credentials); use CloudFormation or Terraform, or ask your Axiom operator for the trust policy.',
  };
  let quickCreateUrl: string | undefined;
  if (scanner !== undefined) {
    trustPolicy = buildScannerTrustPolicy({ scannerAccountId: scanner, externalId });
    if (onboarding.templateUrl !== undefined) {
      try {
        quickCreateUrl = buildQuickCreateUrl({
          region: regions[0] ?? 'us-east-1',
          templateUrl: onboarding.templateUrl,
          externalId,
          scannerAccountId: scanner,
        });
      } catch (error) {
        trustPolicy = { problem: describeError(error) };
      }
    }
  }
  const terraform = renderTerraformModule({
    externalId,
    regions,
    ...(scanner === undefined ? {} : { scannerAccountId: scanner }),
  });
  const metadata: ConnectMetadata = {
    channel: input.channelId,
    externalId,
    ...(input.responseUrl === undefined ? {} : { responseUrl: input.responseUrl }),
  };
  return renderConnectModal({
    callbackId: CONNECT_CALLBACK_ID,
    privateMetadata: JSON.stringify(metadata),
    ...(input.name === undefined ? {} : { name: input.name }),
    externalId,
    trustPolicy,
    permissionPolicy: buildPermissionPolicy(),
    ...(quickCreateUrl === undefined ? {} : { quickCreateUrl }),
    terraformVariables: terraform['terraform.tfvars.example'] ?? '',
    regions,
    channelId: input.channelId,
  });
}

/** Reads the private metadata back; undefined when it is not ours. */
export function parseConnectMetadata(text: string | undefined): ConnectMetadata | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { channel, externalId, responseUrl } = value as Record<string, unknown>;
  if (typeof channel !== 'string' || typeof externalId !== 'string') return undefined;
  if (responseUrl !== undefined && typeof responseUrl !== 'string') return undefined;
  return { channel, externalId, ...(responseUrl === undefined ? {} : { responseUrl }) };
}

/** One input's state in a view submission: `view.state.values[block_id][action_id]`. */
export interface InputState {
  /** A text input's value. */
  value?: string | null;
  /** A conversations multi-select's choice. */
  selected_conversations?: string[];
}

function inputOf(values: unknown, field: { blockId: string; actionId: string }): InputState {
  if (typeof values !== 'object' || values === null) return {};
  const block = (values as Record<string, unknown>)[field.blockId];
  if (typeof block !== 'object' || block === null) return {};
  const state = (block as Record<string, unknown>)[field.actionId];
  return typeof state === 'object' && state !== null ? (state as InputState) : {};
}

/** Reads and validates a submission (`view.state.values`). */
export function validateConnectSubmission(values: unknown): ConnectValidation {
  const fields = CONNECT_MODAL_FIELDS;
  const errors: Record<string, string> = {};
  const name = (inputOf(values, fields.name).value ?? '').trim().toLowerCase();
  if (!CONNECTION_NAME.test(name))
    errors[fields.name.blockId] =
      'Use up to 63 lower-case letters, digits, - or _, starting with a letter or digit.';
  const roleArn = (inputOf(values, fields.roleArn).value ?? '').trim();
  const arn = parseRoleArn(roleArn);
  if (!arn.ok) errors[fields.roleArn.blockId] = fieldError(`${arn.error}.`);
  const regionText = (inputOf(values, fields.regions).value ?? '').trim().toLowerCase();
  const regions = [...new Set(regionText.split(/[\s,]+/).filter((region) => region !== ''))];
  const problems = regions.map((region) => regionProblem(region, arn.ok ? arn.arn.partition : undefined));
  const problem = problems.find((text) => text !== undefined);
  if (regions.length === 0) errors[fields.regions.blockId] = 'Give at least one region, e.g. us-east-1.';
  else if (problem !== undefined) errors[fields.regions.blockId] = fieldError(`${problem}.`);
  const channels = inputOf(values, fields.channels).selected_conversations ?? [];
  if (channels.length === 0)
    errors[fields.channels.blockId] =
      'Choose at least one channel: a connection is scanned only where it is allowed.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, submission: { name, roleArn: arn.ok ? arn.arn.arn : roleArn, regions, channels } };
}

/** The input a store problem belongs to. */
export function blockOfField(field: string): string {
  switch (field) {
    case 'roleArn':
      return CONNECT_MODAL_FIELDS.roleArn.blockId;
    case 'regions':
      return CONNECT_MODAL_FIELDS.regions.blockId;
    case 'allowedChannelIds':
    case 'healthChannelId':
      return CONNECT_MODAL_FIELDS.channels.blockId;
    default:
      return CONNECT_MODAL_FIELDS.name.blockId;
  }
}
