import { describe, expect, it } from 'vitest';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { DATA_RULES } from '../../../../core/rules/data-rules.ts';
import { evaluateRules } from '../../../../core/rules/evaluate.ts';
import { ALL_COLLECTORS } from '../../../../core/scan/collectors/index.ts';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK_OPERATION } from '../../../../core/scan/collectors/s3.ts';
import { inventoryFor, TEST_NOW } from '../../../helpers/rule-harness.ts';
import { auroraMember, dbCluster, dbInstance } from '../rds/fixtures.ts';
import { ALL_USERS, aclWith, bucket, NO_BLOCK } from './fixtures.ts';

/** The coverage operation names a service's collector records. */
function coverageNames(service: string): string[] {
  const collector = ALL_COLLECTORS.find((candidate) => candidate.service === service);
  const names = collector?.operations.map((operation) => operation.operation) ?? [];
  return service === 's3' ? [...names, ACCOUNT_PUBLIC_ACCESS_BLOCK_OPERATION] : names;
}

describe('DATA_RULES', () => {
  it('has unique, well-formed ids named after their service', () => {
    const ids = DATA_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DATA_RULES)
      expect(rule.id).toMatch(new RegExp(`^aws\\.${rule.service}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it('runs in the scope its collector fills, and requires only operations that collectors record', () => {
    for (const rule of DATA_RULES) {
      const collector = ALL_COLLECTORS.find((candidate) => candidate.service === rule.service);
      expect(rule.scope, rule.id).toBe(collector?.scope);
      expect(rule.requires.length).toBeGreaterThan(0);
      for (const input of rule.requires)
        expect(
          coverageNames(input.service),
          `${rule.id} requires ${input.service}:${input.operation}`,
        ).toContain(input.operation);
    }
  });

  it('gives every rule a rationale and a concrete remediation', () => {
    for (const rule of DATA_RULES) {
      expect(rule.rationale.length, rule.id).toBeGreaterThan(80);
      expect(rule.remediation, rule.id).toMatch(/`aws [a-z0-9-]+ [a-z-]+/);
    }
  });

  it('finds nothing in a well-run account, and nothing in an empty one', () => {
    const catalog = loadIamCatalog();
    const ledger = dbCluster('ledger-aurora');
    const clean = inventoryFor({
      account: {
        s3: {
          buckets: [
            bucket('acme-data-lake'),
            bucket('acme-s3-access-logs-123456789012', { loggingTargetBucket: null }),
          ],
          accountPublicAccessBlock: {
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: true,
            restrictPublicBuckets: true,
          },
        },
        costs: {
          unit: 'USD',
          months: [
            { start: '2026-09-01', byService: { 'AWS Lambda': 100 } },
            { start: '2026-10-01', byService: { 'AWS Lambda': 104 } },
          ],
        },
      },
      region: {
        rds: {
          instances: [dbInstance('orders-db'), auroraMember('ledger-aurora-1', ledger)],
          clusters: [ledger],
        },
        logs: {
          logGroups: [
            { logGroupName: '/aws/lambda/orders-api', retentionInDays: 30, storedBytes: 1_000_000 },
          ],
        },
        metrics: { windowStart: '2026-11-11', days: 14, series: {} },
      },
    });
    expect(evaluateRules(clean, DATA_RULES, { now: TEST_NOW, catalog })).toEqual({
      findings: [],
      notEvaluated: [],
    });
    expect(evaluateRules(inventoryFor({}), DATA_RULES, { now: TEST_NOW, catalog }).findings).toEqual([]);
  });

  it('gives every finding of a messy account its own fingerprint and files S3 findings under global', () => {
    const catalog = loadIamCatalog();
    const messy = inventoryFor({
      account: {
        s3: {
          buckets: ['acme-a', 'acme-b'].map((name) =>
            bucket(name, {
              publicAccessBlock: null,
              acl: aclWith(ALL_USERS, 'READ'),
              objectOwnership: null,
              policy: null,
              policyIsPublic: false,
              versioning: null,
              lifecycleRules: null,
              loggingTargetBucket: null,
              encryption: null,
            }),
          ),
          accountPublicAccessBlock: NO_BLOCK,
        },
      },
      region: {
        rds: {
          instances: [
            dbInstance('wordpress-db', {
              publiclyAccessible: true,
              storageEncrypted: false,
              backupRetentionPeriod: 0,
              deletionProtection: false,
            }),
          ],
          clusters: [],
        },
      },
    });
    const { findings } = evaluateRules(messy, DATA_RULES, { now: TEST_NOW, catalog });
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(findings.length);
    // 2 buckets x 9 bucket rules that fire (all but the public policy one), 1 account finding, 4 RDS findings.
    expect(findings.length).toBe(2 * 9 + 1 + 4);
    for (const finding of findings.filter((candidate) => candidate.ruleId.startsWith('aws.s3.'))) {
      expect(finding.resource?.region).toBe('global');
      if (finding.resource?.type === 'AWS::S3::Bucket')
        expect(finding.evidence.bucketRegion).toBe('eu-west-1');
    }
  });
});
