import type { PolicyCheck } from './policy-check.ts';

/** Checks that a policy is what AWS will accept and what its author meant (category 'correctness'). */
export const CORRECTNESS_CHECKS: readonly PolicyCheck[] = [];
