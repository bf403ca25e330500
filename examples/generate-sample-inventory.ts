#!/usr/bin/env node
/**
 * Generates examples/sample-inventory.json: the inventory Axiom would save (`axiom scan --save-inventory`) for
 * a realistic AWS account (one account, three regions, dozens of resources) with many of the problems real
 * accounts have, two coverage gaps, metrics and costs. `npm start` scans it offline. Deterministic: running it
 * again writes the same bytes, and a test checks the committed file is what this script writes.
 *
 *   node examples/generate-sample-inventory.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Inventory, parseInventory, serializeInventory } from '../core/index.ts';
import { sampleCoverage } from './sample-account/coverage.ts';
import { euWest1 } from './sample-account/eu-west-1.ts';
import { sampleIam } from './sample-account/iam.ts';
import { ACCOUNT, REGIONS, SCAN_FINISHED_AT, SCAN_STARTED_AT } from './sample-account/ids.ts';
import { sampleS3 } from './sample-account/s3.ts';
import { usEast1 } from './sample-account/us-east-1.ts';
import { usWest2 } from './sample-account/us-west-2.ts';

/** Where the sample is written, next to this script. */
export const SAMPLE_INVENTORY_PATH = join(import.meta.dirname, 'sample-inventory.json');

/** The sample account's inventory. */
export function buildSampleInventory(): Inventory {
  const accounts: Inventory['accounts'] = [
    {
      accountId: ACCOUNT,
      name: 'acme-prod',
      partition: 'aws',
      regions: [...REGIONS],
      services: ['iam', 's3', 'ec2', 'elbv2', 'rds', 'logs', 'cloudwatch', 'tagging', 'ce'],
      iam: sampleIam(),
      s3: sampleS3(),
      costs: {
        unit: 'USD',
        months: [
          {
            start: '2026-09-01',
            byService: {
              'AWS Key Management Service': 12,
              'AWS Lambda': 35.2,
              'Amazon Elastic Compute Cloud - Compute': 4210.55,
              'Amazon Elastic Load Balancing': 96.4,
              'Amazon Relational Database Service': 2875.3,
              'Amazon Simple Storage Service': 612.8,
              'Amazon Virtual Private Cloud': 143.5,
              AmazonCloudWatch: 388.2,
              'EC2 - Other': 1290.4,
              Tax: 0,
            },
          },
          {
            start: '2026-10-01',
            byService: {
              'AWS Key Management Service': 12,
              'AWS Lambda': 41.9,
              'Amazon Elastic Compute Cloud - Compute': 4988.12,
              'Amazon Elastic Load Balancing': 97.1,
              'Amazon Relational Database Service': 2890.1,
              'Amazon Simple Storage Service': 648.3,
              'Amazon Virtual Private Cloud': 146.2,
              AmazonCloudWatch: 512.75,
              'EC2 - Other': 1344.9,
              Tax: 0,
            },
          },
        ],
      },
      regional: { 'us-east-1': usEast1(), 'eu-west-1': euWest1(), 'us-west-2': usWest2() },
    },
  ];
  const { coverage, byOperation } = sampleCoverage({ accounts });
  return {
    schemaVersion: 1,
    tool: { name: 'axiom', version: '0.1.0' },
    startedAt: SCAN_STARTED_AT,
    finishedAt: SCAN_FINISHED_AT,
    accounts,
    coverage,
    stats: {
      durationMs: Date.parse(SCAN_FINISHED_AT) - Date.parse(SCAN_STARTED_AT),
      apiCalls: {
        total: Object.values(byOperation).reduce((total, stats) => total + stats.calls, 0),
        byOperation,
      },
    },
  };
}

/** The sample as file text, checked against the inventory schema first. */
export function renderSampleInventory(): string {
  const text = serializeInventory(buildSampleInventory());
  const parsed = parseInventory(text);
  if (!parsed.ok)
    throw new Error(
      `the sample inventory does not match the schema:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`,
    );
  return text;
}

if (import.meta.main) {
  writeFileSync(SAMPLE_INVENTORY_PATH, renderSampleInventory());
  process.stdout.write(`wrote ${SAMPLE_INVENTORY_PATH}\n`);
}
