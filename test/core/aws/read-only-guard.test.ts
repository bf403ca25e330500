import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallCounter } from '../../../core/aws/call-counter.ts';
import { createClient } from '../../../core/aws/client-factory.ts';
import { isAllowedOperation, READ_ONLY_ALLOWLIST } from '../../../core/aws/read-only-guard.ts';
import { CONNECT_OPERATIONS, PERMISSIONS } from '../../../core/connect/permissions.ts';
import { AxiomError } from '../../../core/errors.ts';
import type { InstalledClient, SendingClient } from './installed-sdk.ts';
import { loadInstalledClient, sdkClientPackages } from './installed-sdk.ts';
import type { LocalEndpoint } from './local-endpoint.ts';
import { startLocalEndpoint } from './local-endpoint.ts';

const credentials = { accessKeyId: 'AKIAAXIOMTESTFAKE000', secretAccessKey: 'axiom-test-secret' };

/** Input that satisfies the endpoint rules of allowlisted calls: S3 needs a bucket, S3 Control an account. */
const plausibleInput = { Bucket: 'axiom-test-bucket', AccountId: '123456789012' };

/** Verbs that only read. Anything else on the allowlist must be named in READ_EXCEPTIONS with a reason. */
const READ_VERBS = /^(Describe|Get|List)[A-Z]/;
const READ_EXCEPTIONS: Record<string, string> = {
  'IAMClient:GenerateCredentialReportCommand': 'asks IAM to build a report; changes no access',
  'IAMClient:SimulatePrincipalPolicyCommand': 'a simulation; changes nothing',
  'STSClient:AssumeRoleCommand': "connect: assumes the customer's role with Axiom's own credentials",
  'STSClient:AssumeRoleWithWebIdentityCommand': 'connect: assumes the role with the OIDC token',
};

/** Reads that return customer data or mint credentials: named like reads, never to be allowlisted. */
const SENSITIVE_READS = [
  'S3Client:GetObjectCommand',
  'S3Client:GetObjectTorrentCommand',
  'S3Client:SelectObjectContentCommand',
  'CloudWatchLogsClient:GetLogEventsCommand',
  'CloudWatchLogsClient:FilterLogEventsCommand',
  'CloudWatchLogsClient:GetLogRecordCommand',
  'CloudWatchLogsClient:GetQueryResultsCommand',
  'EC2Client:GetConsoleOutputCommand',
  'EC2Client:GetConsoleScreenshotCommand',
  'EC2Client:GetPasswordDataCommand',
  'EC2Client:GetLaunchTemplateDataCommand',
  'EC2Client:DescribeInstanceAttributeCommand',
  'RDSClient:DownloadDBLogFilePortionCommand',
  'STSClient:GetSessionTokenCommand',
  'STSClient:GetFederationTokenCommand',
];

/** Runs `tasks` `size` at a time: thousands of sends at once would only queue on the event loop. */
async function inChunks<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < tasks.length; start += size) {
    results.push(...(await Promise.all(tasks.slice(start, start + size).map((task) => task()))));
  }
  return results;
}

/** How one send ended. */
type Outcome = { kind: 'sent' } | { kind: 'error'; error: unknown };

async function outcomeOf(client: SendingClient, command: object): Promise<Outcome> {
  try {
    await client.send(command);
    return { kind: 'sent' };
  } catch (error) {
    return { kind: 'error', error };
  }
}

function isGuardRefusal(outcome: Outcome): boolean {
  return (
    outcome.kind === 'error' &&
    outcome.error instanceof AxiomError &&
    outcome.error.code === 'readonly_guard_refused'
  );
}

describe('read-only guard, over every command of every installed SDK client', () => {
  let endpoint: LocalEndpoint;
  let installed: InstalledClient[];
  const clients = new Map<string, SendingClient>();
  const counter = new CallCounter();

  beforeAll(async () => {
    // Any reply will do: the tests look at whether a request arrived, not at what the SDK made of the answer.
    endpoint = await startLocalEndpoint(() => ({ status: 400, body: '' }));
    installed = await Promise.all(sdkClientPackages().map(loadInstalledClient));
    for (const sdk of installed) {
      const settings = { region: 'us-east-1', endpoint: endpoint.url, credentials, maxAttempts: 1 };
      clients.set(sdk.clientName, createClient(sdk.Client, { ...settings, callCounter: counter }));
    }
  });

  afterAll(async () => {
    for (const client of clients.values()) client.destroy();
    await endpoint?.close();
  });

  function clientFor(sdk: InstalledClient): SendingClient {
    const client = clients.get(sdk.clientName);
    if (client === undefined) throw new Error(`no client for ${sdk.clientName}`);
    return client;
  }

  function commandsWhere(allowed: boolean): { sdk: InstalledClient; name: string }[] {
    return installed.flatMap((sdk) =>
      [...sdk.commands.keys()]
        .filter((name) => isAllowedOperation(sdk.clientName, name) === allowed)
        .map((name) => ({ sdk, name })),
    );
  }

  it('finds one client and its commands in each @aws-sdk/client-* dependency', () => {
    expect(installed.map((sdk) => sdk.packageName).sort()).toEqual(sdkClientPackages().sort());
    for (const sdk of installed) expect(sdk.commands.size, sdk.packageName).toBeGreaterThan(0);
    const ec2 = installed.find((sdk) => sdk.clientName === 'EC2Client');
    expect(ec2?.commands.has('TerminateInstancesCommand')).toBe(true);
    expect(ec2?.commands.size).toBeGreaterThan(500);
  });

  it('is the outermost middleware of every command, so nothing runs before it', () => {
    const misplaced: string[] = [];
    for (const sdk of installed) {
      // A separate client: resolving a command's middleware adds its plugins to the command, as `send` does.
      const client = createClient(sdk.Client, { region: 'us-east-1', credentials });
      for (const [name, Command] of sdk.commands) {
        const command = new Command({});
        command.resolveMiddleware(client.middlewareStack, client.config, undefined);
        const stack = client.middlewareStack.concat(command.middlewareStack).identify();
        if (!stack[0]?.startsWith('axiomReadOnlyGuard'))
          misplaced.push(`${sdk.clientName}:${name} (${stack[0]})`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('refuses every command outside the allowlist, naming it, and sends nothing', async () => {
    const refusedCommands = commandsWhere(false);
    expect(refusedCommands.length).toBeGreaterThan(1000);
    const outcomes = await inChunks(
      refusedCommands.map(({ sdk, name }) => async () => {
        const Command = sdk.commands.get(name);
        if (Command === undefined) throw new Error(name);
        return { sdk, name, outcome: await outcomeOf(clientFor(sdk), new Command({})) };
      }),
      200,
    );
    const wrong = outcomes.flatMap(({ sdk, name, outcome }) => {
      const operation = `${sdk.clientName.replace(/Client$/, '')}:${name.replace(/Command$/, '')}`;
      if (!isGuardRefusal(outcome)) return [`${operation} was not refused by the guard`];
      const message = outcome.kind === 'error' && outcome.error instanceof Error ? outcome.error.message : '';
      return message.includes(`refused to call ${operation}:`)
        ? []
        : [`${operation}: message was '${message}'`];
    });
    expect(wrong).toEqual([]);
    expect(endpoint.requests).toEqual([]);
    expect(counter.totalCalls).toBe(0);
  });

  it('lets every allowlisted command through to the wire', async () => {
    const allowedCommands = commandsWhere(true);
    expect(allowedCommands.length).toBe(READ_ONLY_ALLOWLIST.size);
    const missed: string[] = [];
    // One at a time, so each request on the server belongs to the command just sent.
    for (const { sdk, name } of allowedCommands) {
      const Command = sdk.commands.get(name);
      if (Command === undefined) throw new Error(name);
      const before = endpoint.requests.length;
      const outcome = await outcomeOf(clientFor(sdk), new Command(plausibleInput));
      if (isGuardRefusal(outcome)) missed.push(`${sdk.clientName}:${name} was refused`);
      else if (endpoint.requests.length !== before + 1) missed.push(`${sdk.clientName}:${name} sent nothing`);
    }
    expect(missed).toEqual([]);
    expect(counter.totalCalls).toBe(READ_ONLY_ALLOWLIST.size);
  });
});

describe('read-only allowlist', () => {
  it('holds exactly the distinct catalogue operations plus the connect operations', () => {
    const catalogue = new Set(PERMISSIONS.map((entry) => `${entry.client}Client:${entry.operation}Command`));
    const connectOnly = CONNECT_OPERATIONS.map(
      (entry) => `${entry.client}Client:${entry.operation}Command`,
    ).filter((operation) => !catalogue.has(operation));
    expect(READ_ONLY_ALLOWLIST.size).toBe(catalogue.size + connectOnly.length);
    expect([...READ_ONLY_ALLOWLIST].sort()).toEqual([...catalogue, ...connectOnly].sort());
  });

  it('names only commands that exist in the installed SDK (a typo in the catalogue fails here)', async () => {
    const installed = await Promise.all(sdkClientPackages().map(loadInstalledClient));
    const existing = new Set(
      installed.flatMap((sdk) => [...sdk.commands.keys()].map((name) => `${sdk.clientName}:${name}`)),
    );
    expect([...READ_ONLY_ALLOWLIST].filter((operation) => !existing.has(operation))).toEqual([]);
  });

  it('holds only reads by verb, each exception explained', () => {
    const unexplained = [...READ_ONLY_ALLOWLIST].filter((operation) => {
      const command = operation.split(':')[1] ?? '';
      return !READ_VERBS.test(command) && READ_EXCEPTIONS[operation] === undefined;
    });
    expect(unexplained).toEqual([]);
  });

  it('holds none of the reads that return customer data or mint credentials', () => {
    expect(SENSITIVE_READS.filter((operation) => READ_ONLY_ALLOWLIST.has(operation))).toEqual([]);
  });
});
