import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../../core/connect/permissions.ts';
import { rdsCollector } from '../../../../core/scan/collectors/rds.ts';
import { type FakeAws, queryError, queryResponse, startFakeAws } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';

function tagList(tags: Record<string, string>): string {
  const members = Object.entries(tags)
    .map(([key, value]) => `<Tag><Key>${key}</Key><Value>${value}</Value></Tag>`)
    .join('');
  return `<TagList>${members}</TagList>`;
}

/** One `DBInstance`, shaped like the DescribeDBInstances example in the RDS API reference. */
function dbInstance(
  id: string,
  options: {
    public?: boolean;
    encrypted?: boolean;
    cluster?: string;
    tags?: Record<string, string>;
    /** The source, making this a read replica (ReadReplicaSourceDBInstanceIdentifier). */
    replicaOf?: string;
    /** The source cluster, making this a read replica of a DB cluster (ReadReplicaSourceDBClusterIdentifier). */
    replicaOfCluster?: string;
    /** Its read replicas (ReadReplicaDBInstanceIdentifiers), making this a source. */
    replicas?: string[];
  } = {},
): string {
  const replicas = (options.replicas ?? [])
    .map((replica) => `<ReadReplicaDBInstanceIdentifier>${replica}</ReadReplicaDBInstanceIdentifier>`)
    .join('');
  return `<DBInstance>
    <DBInstanceIdentifier>${id}</DBInstanceIdentifier>
    <DBInstanceClass>db.t3.medium</DBInstanceClass>
    <Engine>${options.cluster ? 'aurora-postgresql' : 'postgres'}</Engine>
    <DBInstanceStatus>available</DBInstanceStatus>
    <MasterUsername>admin</MasterUsername>
    <Endpoint><Address>${id}.abcdefghijkl.us-east-1.rds.amazonaws.com</Address><Port>5432</Port><HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId></Endpoint>
    <AllocatedStorage>${options.cluster ? 1 : 100}</AllocatedStorage>
    <InstanceCreateTime>2024-09-12T15:04:05.123Z</InstanceCreateTime>
    <PreferredBackupWindow>03:00-03:30</PreferredBackupWindow>
    <BackupRetentionPeriod>${options.encrypted ? 7 : 0}</BackupRetentionPeriod>
    <DBSecurityGroups/>
    <VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-0db</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups>
    <AvailabilityZone>us-east-1a</AvailabilityZone>
    <MultiAZ>${options.encrypted ? 'true' : 'false'}</MultiAZ>
    <EngineVersion>16.3</EngineVersion>
    <AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade>
    ${options.replicaOf ? `<ReadReplicaSourceDBInstanceIdentifier>${options.replicaOf}</ReadReplicaSourceDBInstanceIdentifier>` : ''}
    ${options.replicaOfCluster ? `<ReadReplicaSourceDBClusterIdentifier>${options.replicaOfCluster}</ReadReplicaSourceDBClusterIdentifier>` : ''}
    <ReadReplicaDBInstanceIdentifiers>${replicas}</ReadReplicaDBInstanceIdentifiers>
    <PubliclyAccessible>${options.public ? 'true' : 'false'}</PubliclyAccessible>
    <StorageType>gp3</StorageType>
    ${options.cluster ? `<DBClusterIdentifier>${options.cluster}</DBClusterIdentifier>` : ''}
    <StorageEncrypted>${options.encrypted ? 'true' : 'false'}</StorageEncrypted>
    <DbiResourceId>db-ABCDEFGHIJKLMNOPQRSTUVWXY</DbiResourceId>
    <DBInstanceArn>arn:aws:rds:us-east-1:111122223333:db:${id}</DBInstanceArn>
    ${tagList(options.tags ?? {})}
    <DeletionProtection>${options.encrypted ? 'true' : 'false'}</DeletionProtection>
  </DBInstance>`;
}

function dbCluster(id: string): string {
  return `<DBCluster>
    <AllocatedStorage>1</AllocatedStorage>
    <AvailabilityZones><AvailabilityZone>us-east-1a</AvailabilityZone><AvailabilityZone>us-east-1b</AvailabilityZone></AvailabilityZones>
    <BackupRetentionPeriod>1</BackupRetentionPeriod>
    <DBClusterIdentifier>${id}</DBClusterIdentifier>
    <DBClusterParameterGroup>default.aurora-postgresql16</DBClusterParameterGroup>
    <Status>available</Status>
    <Endpoint>${id}.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com</Endpoint>
    <Engine>aurora-postgresql</Engine>
    <EngineVersion>16.3</EngineVersion>
    <Port>5432</Port>
    <MasterUsername>admin</MasterUsername>
    <DBClusterMembers><DBClusterMember><DBInstanceIdentifier>${id}-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember></DBClusterMembers>
    <StorageEncrypted>false</StorageEncrypted>
    <DBClusterArn>arn:aws:rds:us-east-1:111122223333:cluster:${id}</DBClusterArn>
    <DeletionProtection>false</DeletionProtection>
    ${tagList({ owner: 'data' })}
  </DBCluster>`;
}

function instancesPage(members: string[], marker?: string) {
  return queryResponse(
    'DescribeDBInstances',
    `${marker ? `<Marker>${marker}</Marker>` : ''}<DBInstances>${members.join('')}</DBInstances>`,
    NAMESPACE,
  );
}

function clustersPage(members: string[], marker?: string) {
  return queryResponse(
    'DescribeDBClusters',
    `${marker ? `<Marker>${marker}</Marker>` : ''}<DBClusters>${members.join('')}</DBClusters>`,
    NAMESPACE,
  );
}

describe('rdsCollector', () => {
  it('declares exactly the RDS operations it calls, each in the permission catalogue', () => {
    expect(rdsCollector.operations.map((entry) => entry.operation).sort()).toEqual([
      'DescribeDBClusters',
      'DescribeDBInstances',
    ]);
    for (const entry of rdsCollector.operations) {
      expect(PERMISSIONS.some((p) => p.client === entry.client && p.operation === entry.operation)).toBe(
        true,
      );
    }
  });

  it('collects instances across Marker pages and clusters, with tags from TagList', async () => {
    aws.on('RDS', 'DescribeDBInstances', (request) =>
      request.params.Marker === 'm2'
        ? instancesPage([dbInstance('aurora-1', { encrypted: true, cluster: 'aurora' })])
        : instancesPage(
            [dbInstance('legacy-db', { public: true, tags: { owner: 'team-a', env: '' } })],
            'm2',
          ),
    );
    aws.on('RDS', 'DescribeDBClusters', () => clustersPage([dbCluster('aurora')]));
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await rdsCollector.collect(context, target);

    expect(target.regional.rds).toEqual({
      instances: [
        {
          dbInstanceIdentifier: 'legacy-db',
          dbInstanceArn: 'arn:aws:rds:us-east-1:111122223333:db:legacy-db',
          dbInstanceClass: 'db.t3.medium',
          engine: 'postgres',
          status: 'available',
          publiclyAccessible: true,
          storageEncrypted: false,
          backupRetentionPeriod: 0,
          deletionProtection: false,
          multiAz: false,
          allocatedStorageGiB: 100,
          instanceCreateTime: '2024-09-12T15:04:05.123Z',
          tags: { owner: 'team-a', env: '' },
        },
        {
          dbInstanceIdentifier: 'aurora-1',
          dbInstanceArn: 'arn:aws:rds:us-east-1:111122223333:db:aurora-1',
          dbInstanceClass: 'db.t3.medium',
          engine: 'aurora-postgresql',
          status: 'available',
          publiclyAccessible: false,
          storageEncrypted: true,
          backupRetentionPeriod: 7,
          deletionProtection: true,
          multiAz: true,
          allocatedStorageGiB: 1,
          dbClusterIdentifier: 'aurora',
          instanceCreateTime: '2024-09-12T15:04:05.123Z',
          tags: {},
        },
      ],
      clusters: [
        {
          dbClusterIdentifier: 'aurora',
          dbClusterArn: 'arn:aws:rds:us-east-1:111122223333:cluster:aurora',
          engine: 'aurora-postgresql',
          status: 'available',
          storageEncrypted: false,
          backupRetentionPeriod: 1,
          deletionProtection: false,
          tags: { owner: 'data' },
        },
      ],
    });
    expect(aws.calls('RDS', 'DescribeDBInstances').map((call) => call.params)).toEqual([
      { MaxRecords: '100' },
      { MaxRecords: '100', Marker: 'm2' },
    ]);
    expect(aws.calls('RDS', 'DescribeDBClusters').map((call) => call.params)).toEqual([
      { MaxRecords: '100' },
    ]);
    expect(coverage.map((entry) => [entry.service, entry.operation, entry.status]).sort()).toEqual([
      ['rds', 'DescribeDBClusters', 'ok'],
      ['rds', 'DescribeDBInstances', 'ok'],
    ]);
  });

  it("keeps a read replica's source instance (an identifier in the region or an ARN across regions) or cluster, and no other", async () => {
    aws.on('RDS', 'DescribeDBInstances', () =>
      instancesPage([
        dbInstance('orders-db', { encrypted: true, replicas: ['orders-replica'] }),
        dbInstance('orders-replica', { replicaOf: 'orders-db' }),
        dbInstance('orders-dr', {
          replicaOf: 'arn:aws:rds:eu-west-1:111122223333:db:orders-eu',
        }),
        dbInstance('ledger-replica', { replicaOfCluster: 'ledger-cluster' }),
      ]),
    );
    aws.on('RDS', 'DescribeDBClusters', () => clustersPage([]));
    const { context } = collectorContext({ aws });
    const target = collectorTarget();
    await rdsCollector.collect(context, target);

    const instances = target.regional.rds?.instances ?? [];
    expect(
      instances.map((db) => [
        db.dbInstanceIdentifier,
        db.readReplicaSourceDbInstanceIdentifier,
        db.readReplicaSourceDbClusterIdentifier,
      ]),
    ).toEqual([
      ['orders-db', undefined, undefined],
      ['orders-replica', 'orders-db', undefined],
      ['orders-dr', 'arn:aws:rds:eu-west-1:111122223333:db:orders-eu', undefined],
      ['ledger-replica', undefined, 'ledger-cluster'],
    ]);
    // Absent, not undefined: the saved inventory has no key for them.
    expect(instances[0]).not.toHaveProperty('readReplicaSourceDbInstanceIdentifier');
    expect(instances[0]).not.toHaveProperty('readReplicaSourceDbClusterIdentifier');
    expect(instances[1]).toMatchObject({ backupRetentionPeriod: 0, engine: 'postgres' });
  });

  it('records a denied DescribeDBClusters and still collects instances', async () => {
    aws.on('RDS', 'DescribeDBInstances', () => instancesPage([dbInstance('legacy-db')]));
    aws.on('RDS', 'DescribeDBClusters', () =>
      queryError(
        'AccessDenied',
        'User: arn:aws:sts::111122223333:assumed-role/axiom/scan is not authorized to perform: rds:DescribeDBClusters on resource: arn:aws:rds:us-east-1:111122223333:cluster:* because no identity-based policy allows the rds:DescribeDBClusters action',
        403,
      ),
    );
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await rdsCollector.collect(context, target);

    expect(target.regional.rds?.instances?.map((db) => db.dbInstanceIdentifier)).toEqual(['legacy-db']);
    expect(target.regional.rds?.clusters).toBeUndefined();
    expect(coverage.find((entry) => entry.operation === 'DescribeDBClusters')).toMatchObject({
      status: 'denied',
      detail: expect.stringContaining('AccessDenied'),
    });
  });

  it('retries Throttling and then collects', async () => {
    let calls = 0;
    aws.on('RDS', 'DescribeDBInstances', () => {
      calls += 1;
      return calls === 1
        ? queryError('Throttling', 'Rate exceeded', 400)
        : instancesPage([dbInstance('legacy-db')]);
    });
    aws.on('RDS', 'DescribeDBClusters', () => clustersPage([]));
    const { context, coverage } = collectorContext({ aws, maxAttempts: 3 });
    const target = collectorTarget();
    await rdsCollector.collect(context, target);

    expect(aws.calls('RDS', 'DescribeDBInstances')).toHaveLength(2);
    expect(target.regional.rds?.instances).toHaveLength(1);
    expect(coverage.every((entry) => entry.status === 'ok')).toBe(true);
  });

  it('costs one call per operation in an empty region', async () => {
    aws.on('RDS', 'DescribeDBInstances', () => instancesPage([]));
    aws.on('RDS', 'DescribeDBClusters', () => clustersPage([]));
    const { context } = collectorContext({ aws });
    const target = collectorTarget();
    await rdsCollector.collect(context, target);

    expect(aws.requests.map((request) => request.operation).sort()).toEqual([
      'DescribeDBClusters',
      'DescribeDBInstances',
    ]);
    expect(target.regional.rds).toEqual({ instances: [], clusters: [] });
  });
});
