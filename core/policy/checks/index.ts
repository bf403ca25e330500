import { CORRECTNESS_CHECKS } from './correctness-checks.ts';
import { PERMISSION_CHECKS } from './permission-checks.ts';
import type { PolicyCheck } from './policy-check.ts';

/** Every policy check, in documentation order. Each lives in its own file in this folder. */
export const ALL_POLICY_CHECKS: readonly PolicyCheck[] = [...CORRECTNESS_CHECKS, ...PERMISSION_CHECKS];
