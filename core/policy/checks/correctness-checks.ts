import { actionResourceMismatch } from './action-resource-mismatch.ts';
import { conditionKeyNotSupported } from './condition-key-not-supported.ts';
import { conditionTypeMismatch } from './condition-type-mismatch.ts';
import { duplicateSid } from './duplicate-sid.ts';
import { forAllValuesAllowMissingKey } from './forallvalues-allow-missing-key.ts';
import { invalidStatement } from './invalid-statement.ts';
import { malformedArn } from './malformed-arn.ts';
import { mfaBoolFalse } from './mfa-bool-false.ts';
import type { PolicyCheck } from './policy-check.ts';
import { policyVersion } from './policy-version.ts';
import { redundantEntry } from './redundant-entry.ts';
import { setOperatorSingleValuedKey } from './set-operator-single-valued-key.ts';
import { sizeQuota } from './size-quota.ts';
import { unknownAction } from './unknown-action.ts';
import { unknownConditionOperator } from './unknown-condition-operator.ts';

/**
 * Checks that a policy is what AWS will accept and what its author meant (category 'correctness'), in reading
 * order: the document and its statements, then actions, resources and principals, then conditions.
 */
export const CORRECTNESS_CHECKS: readonly PolicyCheck[] = [
  invalidStatement,
  policyVersion,
  duplicateSid,
  sizeQuota,
  unknownAction,
  redundantEntry,
  malformedArn,
  actionResourceMismatch,
  unknownConditionOperator,
  conditionKeyNotSupported,
  conditionTypeMismatch,
  setOperatorSingleValuedKey,
  forAllValuesAllowMissingKey,
  mfaBoolFalse,
];
