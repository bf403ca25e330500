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
 * SDK middleware at the first step (initialize), before serialisation, signing and sending: an operation that
 * is not on the allowlist never leaves the process.
 */
export const readOnlyGuard: Pluggable<object, object> = {
  applyToStack(stack) {
    stack.add(
      (next, context) => async (args) => {
        const clientName = String(context.clientName ?? 'UnknownClient');
        const commandName = String(context.commandName ?? 'UnknownCommand');
        if (!isAllowedOperation(clientName, commandName)) {
          const operation = commandName.replace(/Command$/, '');
          const service = clientName.replace(/Client$/, '');
          throw new AxiomError(
            'readonly_guard_refused',
            `Refused ${service}:${operation}: Axiom only makes the read-only calls in its permission catalogue, and this operation is not one of them.`,
            { hint: 'This is a bug in Axiom if you did not call it yourself; please report it.' },
          );
        }
        return next(args);
      },
      { step: 'initialize', name: 'axiomReadOnlyGuard', priority: 'high', override: true },
    );
  },
};
