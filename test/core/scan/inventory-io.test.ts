import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../core/scan/inventory.ts';
import type { InventoryError } from '../../../core/scan/inventory-errors.ts';
import { parseInventory, serializeInventory } from '../../../core/scan/inventory-io.ts';
import { runScan } from '../../../core/scan/run-scan.ts';
import type { ScanTarget } from '../../../core/scan/scan-account.ts';
import { fakeCollectors } from './fake-collectors.ts';
import { fakeClock, manualSleep } from './fake-time.ts';
import { fullInventory } from './full-inventory.ts';

/** A JSON copy of the fixture, edited freely by the cases below (any wrong shape is the point of them). */
// biome-ignore lint/suspicious/noExplicitAny: deep edits of an untyped JSON copy
type Json = any;

/** The full inventory with one change made by `edit`, as text. */
function edited(edit: (inventory: Json) => void): string {
  const inventory: Json = JSON.parse(JSON.stringify(fullInventory()));
  edit(inventory);
  return JSON.stringify(inventory);
}

function errorsOf(text: string): InventoryError[] {
  const result = parseInventory(text);
  if (result.ok) throw new Error('expected the inventory to be refused');
  return result.errors;
}

describe('parseInventory', () => {
  it('accepts an inventory with every field filled, and gives it back unchanged', () => {
    const result = parseInventory(JSON.stringify(fullInventory()));
    expect(result).toEqual({ ok: true, inventory: fullInventory() });
  });

  it('accepts what runScan produces', async () => {
    const inventory = await runScan<ScanTarget>({
      targets: [{ accountId: '111122223333', name: 'prod' }],
      connect: async () => ({ credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' }, drop: () => {} }),
      collectors: fakeCollectors(),
      regions: ['us-east-1', 'eu-west-1'],
      includeCostExplorer: true,
      clock: fakeClock().clock,
      sleep: manualSleep().sleep,
    });
    expect(parseInventory(serializeInventory(inventory))).toEqual({ ok: true, inventory });
  });

  it('accepts fields AWS or a newer Axiom adds to resource records, and a byte order mark', () => {
    const text = edited((inventory) => {
      inventory.accounts[0].regional['us-east-1'].ec2.instances[0].architecture = 'arm64';
      inventory.accounts[0].s3.buckets[0].intelligentTiering = [];
    });
    expect(parseInventory(`\uFEFF${text}`).ok).toBe(true);
  });

  it("accepts a DB instance with or without a read replica's source (older inventories have none)", () => {
    const db = (inventory: Json) => inventory.accounts[0].regional['us-east-1'].rds.instances[0];
    const replica = edited(
      (inventory) =>
        (db(inventory).readReplicaSourceDbInstanceIdentifier = 'arn:aws:rds:eu-west-1:111122223333:db:db0'),
    );
    const older = edited((inventory) => delete db(inventory).readReplicaSourceDbInstanceIdentifier);
    const ofCluster = edited((inventory) => {
      delete db(inventory).readReplicaSourceDbInstanceIdentifier;
      db(inventory).readReplicaSourceDbClusterIdentifier = 'ledger-cluster';
    });
    expect(parseInventory(replica).ok).toBe(true);
    expect(parseInventory(older).ok).toBe(true);
    expect(parseInventory(ofCluster).ok).toBe(true);
    expect(
      errorsOf(edited((inventory) => (db(inventory).readReplicaSourceDbClusterIdentifier = ['c1']))),
    ).toEqual([
      {
        path: '$.accounts[0].regional["us-east-1"].rds.instances[0].readReplicaSourceDbClusterIdentifier',
        message: 'must be text, not a list',
      },
    ]);
    expect(
      errorsOf(edited((inventory) => (db(inventory).readReplicaSourceDbInstanceIdentifier = 7))),
    ).toEqual([
      {
        path: '$.accounts[0].regional["us-east-1"].rds.instances[0].readReplicaSourceDbInstanceIdentifier',
        message: 'must be text, not the number 7',
      },
    ]);
  });

  it('says when the file is not JSON, or not an object', () => {
    expect(errorsOf('{"schemaVersion": 1,')).toEqual([
      { path: '$', message: expect.stringMatching(/^the file is not JSON: /) },
    ]);
    expect(errorsOf('[]')).toEqual([
      {
        path: '$',
        message:
          'an inventory is a JSON object with "schemaVersion", "accounts", "coverage" and "stats", not a list',
      },
    ]);
  });

  it('says a file without schemaVersion is not an inventory (e.g. a findings report)', () => {
    expect(errorsOf(JSON.stringify({ findings: [], tool: { name: 'axiom' } }))).toEqual([
      {
        path: '$',
        message:
          'the file has no "schemaVersion", so it is not an Axiom inventory (save one with `axiom scan --save-inventory FILE`)',
      },
    ]);
  });

  it('names the version it reads when the version differs, and what to do', () => {
    expect(errorsOf(edited((inventory) => (inventory.schemaVersion = 2)))).toEqual([
      {
        path: '$.schemaVersion',
        message:
          'the inventory has schemaVersion 2, but this Axiom reads schemaVersion 1: upgrade Axiom to read it',
      },
    ]);
    expect(errorsOf(edited((inventory) => (inventory.schemaVersion = '1')))[0]?.message).toBe(
      'the inventory has schemaVersion "1", but this Axiom reads schemaVersion 1: scan again with this Axiom to save a new inventory',
    );
  });

  it.each<[string, (inventory: Json) => void, InventoryError[]]>([
    [
      'a missing required field',
      (inventory) => delete inventory.accounts[0].regional['us-east-1'].ec2.instances[0].instanceId,
      [
        {
          path: '$.accounts[0].regional["us-east-1"].ec2.instances[0]',
          message: 'the required field "instanceId" is missing',
        },
      ],
    ],
    [
      'a wrong type',
      (inventory) => (inventory.accounts[0].regional['us-east-1'].ec2.volumes[0].encrypted = 'yes'),
      [
        {
          path: '$.accounts[0].regional["us-east-1"].ec2.volumes[0].encrypted',
          message: 'must be true or false, not the text "yes"',
        },
      ],
    ],
    [
      'a misspelt top-level field',
      (inventory) => {
        inventory.acounts = inventory.accounts;
        delete inventory.accounts;
      },
      [
        { path: '$', message: 'the required field "accounts" is missing' },
        {
          path: '$',
          message:
            'unknown field "acounts" (did you mean "accounts"?); the fields here are schemaVersion, tool, startedAt, finishedAt, accounts, coverage, stats',
        },
      ],
    ],
    [
      'an unknown region slot',
      (inventory) => (inventory.accounts[0].regional['us-east-1'].lambda = {}),
      [
        {
          path: '$.accounts[0].regional["us-east-1"]',
          message: 'unknown field "lambda"; the fields here are ec2, elbv2, rds, logs, metrics, tagging',
        },
      ],
    ],
    [
      'a bad account id',
      (inventory) => (inventory.accounts[0].accountId = '1111-2222-3333'),
      [
        {
          path: '$.accounts[0].accountId',
          message: 'must be a 12-digit AWS account id, not the text "1111-2222-3333"',
        },
      ],
    ],
    [
      'an unknown coverage status and service',
      (inventory) => {
        inventory.coverage[1].status = 'forbidden';
        inventory.coverage[1].service = 'lambda';
      },
      [
        {
          path: '$.coverage[1].service',
          message:
            'must be one of "iam", "s3", "ec2", "elbv2", "rds", "logs", "cloudwatch", "tagging", "ce", not the text "lambda"',
        },
        {
          path: '$.coverage[1].status',
          message: 'must be one of "ok", "denied", "error", "skipped", not the text "forbidden"',
        },
      ],
    ],
    [
      'a time that is not ISO 8601',
      (inventory) => (inventory.startedAt = '15/01/2026 09:30'),
      [
        {
          path: '$.startedAt',
          message: 'must be an ISO 8601 time such as 2026-01-15T09:30:00Z, not the text "15/01/2026 09:30"',
        },
      ],
    ],
    [
      'an impossible date',
      (inventory) => (inventory.accounts[0].costs.months[0].start = '2025-02-30'),
      [
        {
          path: '$.accounts[0].costs.months[0].start',
          message: 'must be a date such as 2026-01-15, not the text "2025-02-30"',
        },
      ],
    ],
    [
      'a nullable field of the wrong type',
      (inventory) => (inventory.accounts[0].s3.buckets[0].publicAccessBlock = 'none'),
      [
        {
          path: '$.accounts[0].s3.buckets[0].publicAccessBlock',
          message: 'must be an object or null, not the text "none"',
        },
      ],
    ],
    [
      'a field missing inside a nullable object',
      (inventory) => delete inventory.accounts[0].s3.accountPublicAccessBlock.blockPublicAcls,
      [
        {
          path: '$.accounts[0].s3.accountPublicAccessBlock',
          message: 'the required field "blockPublicAcls" is missing',
        },
      ],
    ],
    [
      'a negative call count',
      (inventory) => (inventory.stats.apiCalls.total = -1),
      [{ path: '$.stats.apiCalls.total', message: 'must be at least 0, not -1' }],
    ],
    [
      'a metric point that is not a number',
      (inventory) =>
        (inventory.accounts[0].regional['us-east-1'].metrics.series['i-0abc']['CPUUtilization:Average'][1] =
          '2'),
      [
        {
          path: '$.accounts[0].regional["us-east-1"].metrics.series["i-0abc"]["CPUUtilization:Average"][1]',
          message: 'must be a number or null, not the text "2"',
        },
      ],
    ],
  ])('reports %s with its path', (_name, edit, expected) => {
    expect(errorsOf(edited(edit))).toEqual(expected);
  });

  it('lists the first 50 problems and counts the rest', () => {
    const errors = errorsOf(
      edited((inventory) => {
        inventory.coverage = Array.from({ length: 60 }, () => ({ accountId: '111122223333' }));
      }),
    );
    expect(errors).toHaveLength(51);
    expect(errors.at(-1)).toEqual({ path: '$', message: 'and 190 more problems like these' });
  });
});

describe('serializeInventory', () => {
  it('writes pretty JSON with a final newline, the envelope first, in the schema order', () => {
    const text = serializeInventory(fullInventory());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "schemaVersion": 1,', '  "tool": {']);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'schemaVersion',
      'tool',
      'startedAt',
      'finishedAt',
      'accounts',
      'coverage',
      'stats',
    ]);
  });

  it('gives the same text whatever order the keys were built in', () => {
    const reverse = (value: unknown, inDocument = false): unknown => {
      if (Array.isArray(value)) return value.map((item) => reverse(item, inDocument));
      if (typeof value !== 'object' || value === null || inDocument) return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([key, item]) => [
            key,
            reverse(item, key === 'document' || key === 'assumeRolePolicyDocument'),
          ]),
      );
    };
    const shuffled = reverse(fullInventory()) as Inventory;
    expect(Object.keys(shuffled)[0]).toBe('stats');
    expect(serializeInventory(shuffled)).toBe(serializeInventory(fullInventory()));
  });

  it('sorts map keys (regions, tags, operations) and keeps policy documents as written', () => {
    const inventory = fullInventory();
    const account = inventory.accounts[0];
    if (account === undefined) throw new Error('fixture');
    account.regional = { 'us-west-2': {}, 'eu-west-1': {}, ...account.regional };
    const instance = account.regional['us-east-1']?.ec2?.instances?.[0];
    if (instance) instance.tags = { zeta: '1', alpha: '2' };
    const parsed = JSON.parse(serializeInventory(inventory));
    expect(Object.keys(parsed.accounts[0].regional)).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(Object.keys(parsed.accounts[0].regional['us-east-1'].ec2.instances[0].tags)).toEqual([
      'alpha',
      'zeta',
    ]);
    expect(Object.keys(parsed.stats.apiCalls.byOperation)).toEqual([
      'EC2:DescribeInstances',
      'IAM:GetAccountAuthorizationDetails',
    ]);
    expect(Object.keys(parsed.accounts[0].iam.users[0].inlinePolicies[0].document)).toEqual([
      'Version',
      'Statement',
    ]);
  });

  it('leaves out fields set to undefined, as JSON does', () => {
    const inventory = fullInventory();
    const account = inventory.accounts[0];
    if (account === undefined) throw new Error('fixture');
    Object.assign(account, { name: undefined });
    expect(JSON.parse(serializeInventory(inventory)).accounts[0]).not.toHaveProperty('name');
  });
});
