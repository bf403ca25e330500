/**
 * The periodic health check: every few minutes (5 by default) each connection's role is tried. A revoked role
 * flips the connection to disconnected and is announced in its channel once; a restored one is announced
 * again when it comes back. Several bot processes may run it: the store decides which one saw the change.
 */
import { checkConnection, recordCheck } from './connection-check.ts';
import { mapLimit } from './map-limit.ts';
import type { ConnectionStatus, SlackClient } from './ports.ts';
import type { BotServices } from './services.ts';

/** Default interval: five minutes. */
export const DEFAULT_HEALTH_CHECK_INTERVAL_MS = 5 * 60_000;

/** Roles tried at once. */
const CHECKS_AT_ONCE = 4;

/** What one pass found. */
export interface HealthCheckPass {
  /** Connections checked. */
  checked: number;
  /** Connections whose status changed, with the new status. */
  changed: { name: string; status: ConnectionStatus }[];
  /** Connections that could not be checked, with why (a store or Slack failure, not a revoked role). */
  failed: { name: string; error: string }[];
}

/** What a pass uses. */
export type HealthCheckServices = Pick<BotServices, 'connections' | 'audit' | 'aws' | 'logger' | 'fetch'>;

/** Checks every connection once. */
export async function runHealthCheck(
  services: HealthCheckServices,
  client: SlackClient,
): Promise<HealthCheckPass> {
  const connections = await services.connections.listConnections();
  const pass: HealthCheckPass = { checked: 0, changed: [], failed: [] };
  await mapLimit(connections, CHECKS_AT_ONCE, async (summary) => {
    try {
      const connection = await services.connections.getConnection(summary.name);
      if (connection === undefined) return;
      const outcome = await checkConnection(services, connection);
      const updated = await recordCheck(services, client, connection, outcome, {
        actor: 'axiom',
        command: 'health-check',
        announce: true,
      });
      pass.checked += 1;
      if (updated !== undefined && updated.status !== summary.status)
        pass.changed.push({ name: updated.name, status: updated.status });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      pass.failed.push({ name: summary.name, error: message });
      services.logger.error(`Health check of ${summary.name} failed: ${message}`);
    }
  });
  return pass;
}

/** A running periodic check. */
export interface HealthCheckTimer {
  /** Stops it; waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Runs `runHealthCheck` every `intervalMs`, one pass at a time, the first after one interval. */
export function startHealthCheck(
  services: HealthCheckServices,
  client: SlackClient,
  intervalMs: number = DEFAULT_HEALTH_CHECK_INTERVAL_MS,
): HealthCheckTimer {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runHealthCheck(services, client)
        .catch((error: unknown) =>
          services.logger.error(
            `Health check pass failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, intervalMs);
    // The check alone never keeps the process alive.
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
