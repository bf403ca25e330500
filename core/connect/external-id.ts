/**
 * External IDs: the shared value that makes Axiom's sts:AssumeRole succeed only for the connection it belongs to
 * (the confused-deputy guard). Axiom generates them and never accepts one a user chose, because a chosen value is
 * guessable and may be reused across vendors, which is exactly what the guard is meant to prevent.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { AxiomError } from '../errors.ts';

/** Recognisable prefix, so a customer can tell an Axiom External ID from other vendors' in a trust policy. */
export const EXTERNAL_ID_PREFIX = 'axm-';

/** Random bytes per External ID: 192 bits, comfortably above the 128-bit floor. */
export const EXTERNAL_ID_RANDOM_BYTES = 24;

/** Source of cryptographically secure random bytes; injected so tests can pin the output. */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * Axiom's own format: the prefix and 32 base64url characters (24 random bytes). Also the AllowedPattern of the
 * CloudFormation parameter and the Terraform validation, so a hand-picked value is refused at deploy time too.
 */
export const EXTERNAL_ID_PATTERN = '^axm-[A-Za-z0-9_-]{32}$';

/** Length of an Axiom External ID. */
export const EXTERNAL_ID_LENGTH = 36;

const AXIOM_EXTERNAL_ID = new RegExp(EXTERNAL_ID_PATTERN);

/** What IAM accepts for sts:ExternalId: 2 to 1224 characters of letters, digits and `_+=,.@:/-`. */
const STS_EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** A new External ID: `axm-` and 24 random bytes in base64url (URL-safe, and within IAM's character set). */
export function generateExternalId(randomBytes: RandomBytes = nodeRandomBytes): string {
  const bytes = randomBytes(EXTERNAL_ID_RANDOM_BYTES);
  if (bytes.length !== EXTERNAL_ID_RANDOM_BYTES) {
    throw new AxiomError(
      'external_id_entropy',
      `Could not generate an External ID: the random source returned ${bytes.length} bytes instead of ${EXTERNAL_ID_RANDOM_BYTES}.`,
      { hint: 'This is a bug in Axiom; please report it.' },
    );
  }
  return `${EXTERNAL_ID_PREFIX}${Buffer.from(bytes).toString('base64url')}`;
}

/** True when `value` is an External ID in the format Axiom generates. */
export function isWellFormedExternalId(value: unknown): value is string {
  return typeof value === 'string' && AXIOM_EXTERNAL_ID.test(value);
}

/** True when IAM would accept `value` as an sts:ExternalId (older or foreign IDs included). */
export function isValidStsExternalId(value: unknown): value is string {
  return typeof value === 'string' && STS_EXTERNAL_ID.test(value);
}

/** How the customer deployed the role, which decides where the External ID lives. */
export type DeploymentMethod = 'manual' | 'cloudformation' | 'terraform';

/** One thing the customer (or Axiom) must do to finish a rotation, in order. */
export type RotationStep =
  | {
      /** Add the new ID beside the old one in the trust policy, so both work during the switch. */
      kind: 'update-trust-policy';
      /** Which deployments this step is for. */
      appliesTo: 'manual';
      /** One line for a person. */
      instruction: string;
      /** The condition block to paste, accepting both IDs. */
      condition: { StringEquals: { 'sts:ExternalId': [string, string] } };
    }
  | {
      /** Update the CloudFormation stack with the new ExternalId parameter. */
      kind: 'update-stack-parameter';
      /** Which deployments this step is for. */
      appliesTo: 'cloudformation';
      /** One line for a person. */
      instruction: string;
      /** The stack parameter to change. */
      parameter: 'ExternalId';
      /** Its new value. */
      value: string;
    }
  | {
      /** Set the Terraform variable to the new ID and apply. */
      kind: 'update-terraform-variable';
      /** Which deployments this step is for. */
      appliesTo: 'terraform';
      /** One line for a person. */
      instruction: string;
      /** The module variable to change. */
      variable: 'external_id';
      /** Its new value. */
      value: string;
    }
  | {
      /** Axiom assumes the role with the new ID; nothing is removed until this succeeds. */
      kind: 'confirm-assume-role';
      /** Which deployments this step is for. */
      appliesTo: 'all';
      /** One line for a person. */
      instruction: string;
      /** The ID the test must use. */
      externalId: string;
    }
  | {
      /** Drop the old ID: from the trust policy (manual) and from Axiom's stored connection (all). */
      kind: 'remove-old-external-id';
      /** Which deployments this step is for. */
      appliesTo: 'all';
      /** One line for a person. */
      instruction: string;
      /** The ID being retired. */
      externalId: string;
    };

/** The result of starting a rotation. */
export interface ExternalIdRotation {
  /** The new External ID. */
  externalId: string;
  /** The ID it replaces; keep it until the confirm step succeeds. */
  previousExternalId: string;
  /** What to do, in order; update steps carry `appliesTo` so a screen shows only the customer's own method. */
  steps: RotationStep[];
}

/**
 * Starts a rotation: a new ID and the ordered steps to switch to it. The old ID stays valid until Axiom has
 * assumed the role with the new one, so no scan fails midway (as in the seed guides: confirm before removing).
 */
export function rotateExternalId(
  previous: string,
  randomBytes: RandomBytes = nodeRandomBytes,
): ExternalIdRotation {
  if (!isValidStsExternalId(previous)) {
    throw new AxiomError(
      'external_id_invalid',
      'Could not rotate the External ID: the current one is not a value IAM accepts as sts:ExternalId.',
      { hint: 'Re-create the connection to get a fresh External ID.' },
    );
  }
  const externalId = generateExternalId(randomBytes);
  // Impossible with a real random source (192 bits); a stuck one would make the "rotation" a silent no-op.
  if (externalId === previous) {
    throw new AxiomError(
      'external_id_entropy',
      'Could not rotate the External ID: the random source produced the current ID again.',
      { hint: 'This is a bug in Axiom; please report it.' },
    );
  }

  return {
    externalId,
    previousExternalId: previous,
    steps: [
      {
        kind: 'update-trust-policy',
        appliesTo: 'manual',
        instruction:
          "In the role's trust policy, set the sts:ExternalId condition to both the old and the new External ID.",
        condition: { StringEquals: { 'sts:ExternalId': [previous, externalId] } },
      },
      {
        kind: 'update-stack-parameter',
        appliesTo: 'cloudformation',
        instruction:
          'Update the CloudFormation stack, keeping the current template, with the ExternalId parameter set to the new External ID.',
        parameter: 'ExternalId',
        value: externalId,
      },
      {
        kind: 'update-terraform-variable',
        appliesTo: 'terraform',
        instruction: 'Set external_id to the new External ID in terraform.tfvars and run terraform apply.',
        variable: 'external_id',
        value: externalId,
      },
      {
        kind: 'confirm-assume-role',
        appliesTo: 'all',
        instruction:
          'Test the connection: Axiom assumes the role with the new External ID. Do not remove the old one until this passes.',
        externalId,
      },
      {
        kind: 'remove-old-external-id',
        appliesTo: 'all',
        instruction:
          'Remove the old External ID from the trust policy condition (manual setups), and Axiom forgets it.',
        externalId: previous,
      },
    ],
  };
}
