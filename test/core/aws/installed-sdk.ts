import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pluggable } from '@smithy/types';
import type { EndpointResolvingConfig } from '../../../core/aws/endpoint-override.ts';

/** An SDK client as these tests drive it: the factory's structural needs plus `send` and `destroy`. */
export interface SendingClient {
  /** The client's middleware stack; `concat` joins a command's stack to it, as `send` does. */
  middlewareStack: {
    use(pluggable: Pluggable<object, object>): void;
    concat(commandStack: unknown): { identify(): string[] };
  };
  /** The client's resolved config. */
  config: EndpointResolvingConfig;
  /** Sends one command through the middleware stack. */
  send(command: object): Promise<unknown>;
  /** Closes the client's sockets. */
  destroy(): void;
}

/** An SDK command, as far as these tests look into it. */
export interface SdkCommand {
  /** The command's own middleware (its plugins are added when the middleware is resolved). */
  middlewareStack: unknown;
  /** Adds the command's plugins and builds its handler; sends nothing. */
  resolveMiddleware(clientStack: unknown, config: unknown, options: undefined): unknown;
}

/** An SDK command class, built with its input. */
export type CommandClass = new (input: Record<string, unknown>) => SdkCommand;

/** One installed `@aws-sdk/client-*` package, found by walking its exports. */
export interface InstalledClient {
  /** The npm package, e.g. '@aws-sdk/client-ec2'. */
  packageName: string;
  /** The client class name as the SDK context carries it, e.g. 'EC2Client'. */
  clientName: string;
  /** The client class. */
  Client: new (
    config: Record<string, unknown>,
  ) => SendingClient;
  /** Every command class the package exports, by class name (e.g. 'TerminateInstancesCommand'). */
  commands: Map<string, CommandClass>;
}

/** The `@aws-sdk/client-*` packages Axiom depends on, read from package.json. */
export function sdkClientPackages(): string[] {
  const manifest: unknown = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8'),
  );
  const dependencies =
    typeof manifest === 'object' && manifest !== null && 'dependencies' in manifest
      ? manifest.dependencies
      : undefined;
  if (typeof dependencies !== 'object' || dependencies === null)
    throw new Error('package.json has no dependencies');
  return Object.keys(dependencies).filter((name) => name.startsWith('@aws-sdk/client-'));
}

function isClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  return typeof value === 'function' && typeof value.prototype === 'object';
}

/**
 * Imports `packageName` and lists its client and commands: every export named `...Command` that extends the
 * smithy Command base (`$Command`), and the one export named `...Client` that extends the smithy Client base.
 */
export async function loadInstalledClient(packageName: string): Promise<InstalledClient> {
  const exports: Record<string, unknown> = await import(packageName);
  const commandBase = exports.$Command;
  const clientBase = exports.__Client;
  if (!isClass(commandBase) || !isClass(clientBase))
    throw new Error(`${packageName}: no smithy base classes`);
  const commands = new Map<string, CommandClass>();
  const clients: [string, unknown][] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (!isClass(value) || value === commandBase || value === clientBase) continue;
    if (name.endsWith('Command') && value.prototype instanceof commandBase) {
      commands.set(name, value as unknown as CommandClass);
    } else if (name.endsWith('Client') && value.prototype instanceof clientBase) {
      clients.push([name, value]);
    }
  }
  const [client, ...others] = clients;
  if (client === undefined || others.length > 0) {
    throw new Error(
      `${packageName}: expected one client class, found ${clients.map(([name]) => name).join(', ')}`,
    );
  }
  const [clientName, Client] = client;
  return {
    packageName,
    clientName,
    Client: Client as new (config: Record<string, unknown>) => SendingClient,
    commands,
  };
}
