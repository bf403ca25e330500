import type { Pluggable } from '@smithy/types';
import { CONNECT_OPERATIONS, PERMISSIONS } from '../connect/permissions.ts';
import { AxiomError } from '../errors.ts';

/** `EC2Client:DescribeInstancesCommand` style keys, as the SDK names them in the middleware context. */
function key(client: string, operation: string): string {
  return `${client}Client:${operation}Command`;
}

/** Every operation the guard lets through: the permission catalogue plus the STS calls that connect makes. */
export const READ_ONLY_ALLOWLIST: ReadonlySet<string> = new Set([
  ...PERMISSIONS.map((entry) => key(entry.client, entry.operation)),
  ...CONNECT_OPERATIONS.map((entry) => key(entry.client, entry.operation)),
]);

/** True when the guard lets `commandName` of `clientName` through (names as the SDK context carries them). */
export function isAllowedOperation(clientName: string, commandName: string): boolean {
  return READ_ONLY_ALLOWLIST.has(`${clientName}:${commandName}`);
}

/**
 * The error for a refused call. It names the call the way the permission catalogue and CloudTrail do
 * (`EC2:TerminateInstances`), and says plainly that nothing left the process.
 */
function refusal(clientName: string, commandName: string): AxiomError {
  const operation = `${clientName.replace(/Client$/, '')}:${commandName.replace(/Command$/, '')}`;
  return new AxiomError(
    'readonly_guard_refused',
    `Axiom refused to call ${operation}: it is not one of the read-only calls in Axiom's permission ` +
      'catalogue, so it was stopped before it was signed or sent. Nothing reached AWS.',
    {
      hint:
        'Axiom never changes your account. If Axiom itself made this call, it is a bug in Axiom: ' +
        'please report it with this message.',
    },
  );
}

/**
 * Refuses, inside the SDK, every operation that is not on the read-only allowlist.
 *
 * Why at the initialize step, with high priority: the SDK runs a command through its steps in order
 * (initialize, serialize, build, finalizeRequest, where the retry loop and SigV4 signing live, then the HTTP
 * send). The guard is the first middleware of the first step, so a refused operation is never serialised (its
 * input, which may hold a policy document or user data, never becomes a request), never resolves an endpoint
 * or credentials, never gets a signature that could be captured and replayed, and is never retried or sent.
 * The call counter (initialize, low priority) runs after it, so refused calls are not counted as calls made.
 * A guard at a later step would already have done some of that work; a guard outside the SDK (a wrapper
 * around `send`) would be bypassed by anything holding the client, whereas the middleware travels with it.
 * A test sends every command of every installed SDK client through the factory and checks that the guard is
 * the outermost middleware of each.
 *
 * What it keys on: the client and command names that the SDK's generated code puts in the middleware context,
 * the same names the catalogue uses. It makes Axiom's clients unable to write by mistake; it is not a sandbox
 * against code that builds its own client or calls `fetch`.
 */
export const readOnlyGuard: Pluggable<object, object> = {
  applyToStack(stack) {
    stack.add(
      (next, context) => async (args) => {
        const clientName = String(context.clientName ?? 'UnknownClient');
        const commandName = String(context.commandName ?? 'UnknownCommand');
        if (!isAllowedOperation(clientName, commandName)) throw refusal(clientName, commandName);
        return next(args);
      },
      { step: 'initialize', name: 'axiomReadOnlyGuard', priority: 'high', override: true },
    );
  },
};
