import type { PolicyKind, PolicyStatement } from '../document.ts';

/** Actions that only a role trust policy grants. */
const TRUST_ACTIONS = /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity|SetContext)$/i;

/**
 * The kind of a policy found on its own (a bare JSON file): a policy naming principals is a trust policy when
 * it only grants role assumption, else a resource policy; a policy without principals is an identity policy.
 */
export function inferPolicyKind(statements: readonly PolicyStatement[]): PolicyKind {
  const withPrincipal = statements.filter((s) => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  const grantsOnlyAssume = withPrincipal.every((s) =>
    (s.action?.entries ?? []).every((a) => typeof a.value === 'string' && TRUST_ACTIONS.test(a.value)),
  );
  const namesActions = withPrincipal.some((s) => (s.action?.entries.length ?? 0) > 0);
  return grantsOnlyAssume && namesActions ? 'trust' : 'resource';
}
