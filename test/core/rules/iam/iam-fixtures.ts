import type { Finding } from '../../../../core/findings/finding.ts';
import { loadIamCatalog } from '../../../../core/policy/catalog/iam-catalog.ts';
import { evaluateRules } from '../../../../core/rules/evaluate.ts';
import type { Rule } from '../../../../core/rules/rule.ts';
import type {
  CoverageEntry,
  CredentialReportRow,
  IamGroup,
  IamInventory,
  IamManagedPolicy,
  IamRole,
  IamUser,
  Inventory,
} from '../../../../core/scan/inventory.ts';
import { inventoryFor, TEST_ACCOUNT, TEST_NOW } from '../../../helpers/rule-harness.ts';

/** Another AWS account, for cross-account trust. */
export const OTHER_ACCOUNT = '210987654321';

/** A one-account inventory holding `iam`, with optional coverage. */
export function iamInventory(iam: IamInventory, coverage?: CoverageEntry[]): Inventory {
  return inventoryFor({ account: { iam }, ...(coverage ? { coverage } : {}) });
}

/** A coverage entry saying an IAM operation was denied in the account's global scope. */
export function denied(operation: string): CoverageEntry {
  return {
    accountId: TEST_ACCOUNT,
    region: 'global',
    service: 'iam',
    operation,
    status: 'denied',
    detail: `AccessDenied: not authorized to perform iam:${operation}`,
  };
}

/** A credential report row with nothing enabled unless `fields` says so. */
export function reportRow(user: string, fields: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return {
    user,
    arn:
      user === '<root_account>'
        ? `arn:aws:iam::${TEST_ACCOUNT}:root`
        : `arn:aws:iam::${TEST_ACCOUNT}:user/${user}`,
    userCreationTime: '2024-01-10T09:00:00+00:00',
    passwordEnabled: false,
    mfaActive: false,
    accessKey1Active: false,
    accessKey2Active: false,
    ...fields,
  };
}

/** An IAM user with no policies unless `fields` says so. */
export function user(userName: string, fields: Partial<IamUser> = {}): IamUser {
  return {
    userName,
    arn: `arn:aws:iam::${TEST_ACCOUNT}:user/${userName}`,
    inlinePolicies: [],
    attachedPolicyArns: [],
    groups: [],
    tags: {},
    ...fields,
  };
}

/** An IAM group with no policies unless `fields` says so. */
export function group(groupName: string, fields: Partial<IamGroup> = {}): IamGroup {
  return {
    groupName,
    arn: `arn:aws:iam::${TEST_ACCOUNT}:group/${groupName}`,
    inlinePolicies: [],
    attachedPolicyArns: [],
    ...fields,
  };
}

/** A role with the given trust statements (a full document when `trust` is not an array). */
export function role(roleName: string, trust: unknown, fields: Partial<IamRole> = {}): IamRole {
  const path = fields.path ?? '/';
  return {
    roleName,
    arn: `arn:aws:iam::${TEST_ACCOUNT}:role${path}${roleName}`,
    path,
    assumeRolePolicyDocument: Array.isArray(trust) ? { Version: '2012-10-17', Statement: trust } : trust,
    inlinePolicies: [],
    attachedPolicyArns: [],
    tags: {},
    ...fields,
  };
}

/** A policy document from statements. */
export function policy(...statements: object[]): { Version: string; Statement: object[] } {
  return { Version: '2012-10-17', Statement: statements };
}

/** A managed policy (customer managed unless the ARN is AWS's). */
export function managedPolicy(
  arn: string,
  document: unknown,
  fields: Partial<IamManagedPolicy> = {},
): IamManagedPolicy {
  return {
    arn,
    policyName: arn.slice(arn.lastIndexOf('/') + 1),
    awsManaged: arn.includes(':iam::aws:policy/'),
    attachmentCount: 1,
    defaultVersionId: 'v1',
    document,
    ...fields,
  };
}

/** An IAM inventory whose authorization details hold only what is given. */
export function authorizationDetails(parts: Partial<IamInventory>): IamInventory {
  return { users: [], groups: [], roles: [], policies: [], ...parts };
}

const catalog = loadIamCatalog();

/** The findings of `rule` alone over `inventory`, for assertions on evidence the harness does not look at. */
export function findingsOf(rule: Rule, inventory: Inventory, now: Date = TEST_NOW): Finding[] {
  return evaluateRules(inventory, [rule], { now, catalog }).findings;
}
