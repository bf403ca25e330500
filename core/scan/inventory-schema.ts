/**
 * The JSON schema of the inventory snapshot (inventory.ts), for ajv. Strict where the shape is Axiom's own
 * (the envelope, accounts, region slots, coverage, stats: unknown keys there are typos or a wrong file), open
 * on the records that mirror AWS resources, where a newer Axiom (or AWS) may add fields an older reader can
 * ignore. Required fields and types are checked everywhere.
 */
import { INVENTORY_SCHEMA_VERSION, SCAN_SERVICES } from './inventory.ts';

/** A JSON schema fragment. */
type Schema = Record<string, unknown>;

const string: Schema = { type: 'string' };
const nonEmpty: Schema = { type: 'string', minLength: 1 };
const integer: Schema = { type: 'integer' };
const count: Schema = { type: 'integer', minimum: 0 };
const number: Schema = { type: 'number' };
const boolean: Schema = { type: 'boolean' };
const anything: Schema = {};
const isoTime: Schema = { type: 'string', format: 'date-time' };
const tags: Schema = { type: 'object', additionalProperties: string };

function list(items: Schema): Schema {
  return { type: 'array', items };
}

function recordOf(values: Schema): Schema {
  return { type: 'object', additionalProperties: values };
}

function nullable(schema: Schema): Schema {
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * An object with `required` and `optional` properties. `closed` refuses unknown keys (Axiom's own structure);
 * otherwise they are allowed (records of AWS resources).
 */
function object(
  required: Record<string, Schema>,
  optional: Record<string, Schema> = {},
  closed = false,
): Schema {
  return {
    type: 'object',
    required: Object.keys(required),
    properties: { ...required, ...optional },
    additionalProperties: !closed,
  };
}

const securityGroupRule = object(
  { protocol: string },
  {
    fromPort: integer,
    toPort: integer,
    cidrIpv4: string,
    cidrIpv6: string,
    groupId: string,
    prefixListId: string,
    description: string,
  },
);

const ec2 = object(
  {},
  {
    instances: list(
      object(
        { instanceId: nonEmpty, instanceType: string, state: string, securityGroupIds: list(string), tags },
        {
          stateTransitionReason: string,
          launchTime: isoTime,
          vpcId: string,
          subnetId: string,
          publicIpAddress: string,
          httpTokens: { enum: ['required', 'optional'] },
          httpEndpoint: string,
          iamInstanceProfileArn: string,
          platform: string,
        },
      ),
    ),
    volumes: list(
      object(
        {
          volumeId: nonEmpty,
          volumeType: string,
          sizeGiB: number,
          state: string,
          encrypted: boolean,
          attachedInstanceIds: list(string),
          tags,
        },
        { iops: number, throughput: number, kmsKeyId: string, createTime: isoTime },
      ),
    ),
    securityGroups: list(
      object(
        {
          groupId: nonEmpty,
          groupName: string,
          ingress: list(securityGroupRule),
          egress: list(securityGroupRule),
          tags,
        },
        { vpcId: string, description: string },
      ),
    ),
    vpcs: list(object({ vpcId: nonEmpty, isDefault: boolean, tags }, { cidrBlock: string })),
    subnets: list(
      object(
        { subnetId: nonEmpty, vpcId: string, mapPublicIpOnLaunch: boolean, tags },
        { availabilityZone: string },
      ),
    ),
    natGateways: list(
      object(
        { natGatewayId: nonEmpty, state: string, tags },
        { vpcId: string, subnetId: string, createTime: isoTime },
      ),
    ),
    addresses: list(
      object(
        { publicIp: string, tags },
        {
          allocationId: string,
          associationId: string,
          instanceId: string,
          networkInterfaceId: string,
          domain: string,
        },
      ),
    ),
    ebsEncryptionByDefault: boolean,
  },
);

const elbv2 = object(
  {},
  {
    loadBalancers: list(
      object(
        {
          loadBalancerArn: nonEmpty,
          loadBalancerName: string,
          type: string,
          scheme: string,
          securityGroupIds: list(string),
        },
        { state: string, createdTime: isoTime, vpcId: string },
      ),
    ),
    targetGroups: list(
      object(
        { targetGroupArn: nonEmpty, targetGroupName: string, loadBalancerArns: list(string) },
        { targetHealth: recordOf(count) },
      ),
    ),
  },
);

const rds = object(
  {},
  {
    instances: list(
      object(
        {
          dbInstanceIdentifier: nonEmpty,
          dbInstanceArn: string,
          dbInstanceClass: string,
          engine: string,
          publiclyAccessible: boolean,
          storageEncrypted: boolean,
          backupRetentionPeriod: count,
          deletionProtection: boolean,
          multiAz: boolean,
          tags,
        },
        {
          status: string,
          allocatedStorageGiB: number,
          dbClusterIdentifier: string,
          readReplicaSourceDbInstanceIdentifier: string,
          readReplicaSourceDbClusterIdentifier: string,
          instanceCreateTime: isoTime,
        },
      ),
    ),
    clusters: list(
      object(
        {
          dbClusterIdentifier: nonEmpty,
          dbClusterArn: string,
          engine: string,
          storageEncrypted: boolean,
          backupRetentionPeriod: count,
          deletionProtection: boolean,
          tags,
        },
        { status: string, publiclyAccessible: boolean },
      ),
    ),
  },
);

const logs = object(
  {},
  {
    logGroups: list(
      object(
        { logGroupName: nonEmpty, storedBytes: count },
        { arn: string, retentionInDays: count, creationTime: isoTime, kmsKeyId: string },
      ),
    ),
  },
);

const metrics = object(
  {
    windowStart: { type: 'string', format: 'date' },
    days: count,
    series: recordOf(recordOf(list(nullable(number)))),
  },
  {},
);

const tagging = object({}, { resources: recordOf(tags) });

const region = object({}, { ec2, elbv2, rds, logs, metrics, tagging }, true);

const publicAccessBlock = object(
  {
    blockPublicAcls: boolean,
    ignorePublicAcls: boolean,
    blockPublicPolicy: boolean,
    restrictPublicBuckets: boolean,
  },
  {},
);

const bucket = object(
  { name: nonEmpty, region: string },
  {
    creationDate: isoTime,
    publicAccessBlock: nullable(publicAccessBlock),
    policyIsPublic: boolean,
    policyIsPublicDerived: boolean,
    policy: nullable(string),
    acl: object(
      { grants: list(object({ granteeType: string, grantee: string, permission: string })) },
      { ownerId: string },
    ),
    objectOwnership: nullable(string),
    encryption: nullable(string),
    versioning: nullable(string),
    mfaDelete: boolean,
    lifecycleRules: nullable(
      list(
        object(
          { status: { enum: ['Enabled', 'Disabled'] }, hasExpiration: boolean, hasTransitions: boolean },
          { id: string, abortIncompleteMultipartUploadDays: count },
        ),
      ),
    ),
    loggingTargetBucket: nullable(string),
    tags,
  },
);

const s3 = object({}, { buckets: list(bucket), accountPublicAccessBlock: nullable(publicAccessBlock) }, true);

const policyRef = object({ policyName: string, document: anything });

const iam = object(
  {},
  {
    users: list(
      object(
        {
          userName: nonEmpty,
          arn: string,
          inlinePolicies: list(policyRef),
          attachedPolicyArns: list(string),
          groups: list(string),
          tags,
        },
        { createDate: isoTime },
      ),
    ),
    groups: list(
      object({
        groupName: nonEmpty,
        arn: string,
        inlinePolicies: list(policyRef),
        attachedPolicyArns: list(string),
      }),
    ),
    roles: list(
      object(
        {
          roleName: nonEmpty,
          arn: string,
          path: string,
          assumeRolePolicyDocument: anything,
          inlinePolicies: list(policyRef),
          attachedPolicyArns: list(string),
          tags,
        },
        { createDate: isoTime, lastUsedDate: isoTime },
      ),
    ),
    policies: list(
      object(
        { arn: nonEmpty, policyName: string, awsManaged: boolean, attachmentCount: count },
        { defaultVersionId: string, document: anything },
      ),
    ),
    credentialReport: list(
      object(
        {
          user: nonEmpty,
          arn: string,
          passwordEnabled: boolean,
          mfaActive: boolean,
          accessKey1Active: boolean,
          accessKey2Active: boolean,
        },
        {
          userCreationTime: isoTime,
          passwordLastUsed: isoTime,
          passwordLastChanged: isoTime,
          accessKey1LastRotated: isoTime,
          accessKey1LastUsed: isoTime,
          accessKey2LastRotated: isoTime,
          accessKey2LastUsed: isoTime,
        },
      ),
    ),
    passwordPolicy: nullable(
      object(
        {},
        {
          minimumPasswordLength: count,
          requireSymbols: boolean,
          requireNumbers: boolean,
          requireUppercaseCharacters: boolean,
          requireLowercaseCharacters: boolean,
          maxPasswordAge: count,
          passwordReusePrevention: count,
          hardExpiry: boolean,
        },
      ),
    ),
    accountSummary: recordOf(number),
  },
  true,
);

const costs = object(
  {
    unit: string,
    months: list(object({ start: { type: 'string', format: 'date' }, byService: recordOf(number) })),
  },
  {},
);

const service: Schema = { enum: [...SCAN_SERVICES] };

const account = object(
  {
    accountId: { type: 'string', pattern: '^[0-9]{12}$' },
    partition: nonEmpty,
    regions: list(nonEmpty),
    regional: recordOf(region),
  },
  { name: string, services: list(service), iam, s3, costs },
  true,
);

const coverageEntry = object(
  {
    accountId: nonEmpty,
    region: nonEmpty,
    service,
    operation: nonEmpty,
    status: { enum: ['ok', 'denied', 'error', 'skipped'] },
  },
  { detail: string },
  true,
);

/** The inventory's JSON schema (draft-07). Its `date-time` and `date` formats are registered in inventory-io.ts. */
export const INVENTORY_SCHEMA: Schema = {
  $id: 'https://axiom.dev/schemas/inventory.json',
  title: 'Axiom inventory snapshot',
  ...object(
    {
      schemaVersion: { const: INVENTORY_SCHEMA_VERSION },
      tool: object({ name: nonEmpty, version: string }, {}, true),
      startedAt: isoTime,
      finishedAt: isoTime,
      accounts: list(account),
      coverage: list(coverageEntry),
      stats: object(
        {
          durationMs: { type: 'number', minimum: 0 },
          apiCalls: object(
            {
              total: count,
              byOperation: recordOf(object({ calls: count, attempts: count }, {}, true)),
            },
            {},
            true,
          ),
        },
        {},
        true,
      ),
    },
    {},
    true,
  ),
};
