/**
 * Whether this job scans live: not in policy mode, not without a role or targets (fine on a pull request, whose
 * default is a policy gate; an error when a scan was asked for), and not on a fork's pull request, which gets no
 * OIDC token.
 */
import type { ActionInputs, ActionMode } from './inputs.ts';
import type { RunContext } from './run-context.ts';

/** Whether to scan: yes, no (with what to tell the user), or not possible (the step fails). */
export type ScanDecision =
  | { action: 'scan' }
  | {
      action: 'skip';
      /** Why, for the log; empty when there is nothing to say (policy mode). */
      reason: string;
      /** Whether the reason deserves a notice (something the user may want to know) rather than a log line. */
      notice: boolean;
    }
  | {
      action: 'error';
      /** The step's failure message. */
      message: string;
    };

/** Decides whether the live scan runs; see the module comment. */
export function decideScan(inputs: ActionInputs, run: RunContext, mode: ActionMode): ScanDecision {
  if (mode === 'policy') return { action: 'skip', reason: '', notice: false };
  if (inputs.roleToAssume === undefined && inputs.targets === undefined) {
    // The pull-request default is both; without AWS settings it is a policy gate, which is fine.
    if (inputs.mode === undefined && run.pullRequest)
      return {
        action: 'skip',
        notice: false,
        reason: 'Live scan skipped: set role-to-assume (or targets) to also scan AWS accounts.',
      };
    return {
      action: 'error',
      message: `Could not start the live scan (mode '${mode}'): neither role-to-assume nor targets is set. Set role-to-assume to the role GitHub OIDC assumes (\`axiom onboard --format trust --github-repo OWNER/REPO\` prints its trust policy), or set mode: policy to only analyse IAM policy files.`,
    };
  }
  if (run.pullRequest?.fromFork)
    return {
      action: 'skip',
      notice: true,
      reason:
        'Live scan skipped: pull requests from forks get no OIDC token (and no secrets), so Axiom cannot reach AWS. The policy analysis needs no AWS access and still runs.',
    };
  return { action: 'scan' };
}
