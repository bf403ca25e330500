import type { PolicyCheck } from './policy-check.ts';

/** Checks for over-permission, privilege escalation and exposure in trust and resource policies ('security'). */
export const PERMISSION_CHECKS: readonly PolicyCheck[] = [];
