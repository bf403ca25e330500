import { COMPUTE_RULES } from './compute-rules.ts';
import { DATA_RULES } from './data-rules.ts';
import { IDENTITY_RULES } from './identity-rules.ts';
import type { Rule } from './rule.ts';

/** Every live-scan rule. Each lives in its own file under core/rules/<service>/. */
export const ALL_RULES: readonly Rule[] = [...COMPUTE_RULES, ...DATA_RULES, ...IDENTITY_RULES];
