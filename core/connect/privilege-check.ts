import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  type ListAttachedRolePoliciesCommandOutput,
  ListRolePoliciesCommand,
  type ListRolePoliciesCommandOutput,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { classifyAwsError } from '../aws/aws-error.ts';
import { type ClientSettings, createClient } from '../aws/client-factory.ts';
import type { IamCatalog } from '../policy/catalog/iam-catalog.ts';
import { dataPlaneReadPattern, OVER_PRIVILEGED_MANAGED_POLICIES } from './forbidden-actions.ts';

/** Resolves an action pattern (`s3:Get*`) to the actions it grants: the IAM catalogue, or a stand-in in tests. */
export type ActionResolver = Pick<IamCatalog, 'expandActionPattern'>;

/** One reason the role can do more than read. */
export interface PrivilegeProblem {
  /** Where it comes from: a managed policy ARN, `inline:<name>`, or `simulation`. */
  source: string;
  /** What it allows, in plain words, as the rest of a sentence that starts with the source's name. */
  reason: string;
  /** What to remove or change. */
  fix: string;
  /** A few of the offending actions. */
  actions: string[];
}

/** The outcome of checking that Axiom's role is read-only. */
export interface PrivilegeReport {
  /** 'unknown' when the role's policies could not be read. */
  status: 'read-only' | 'over-privileged' | 'unknown';
  /** Every way the role exceeds reading, in the order found (attached, inline, simulation). */
  problems: PrivilegeProblem[];
  /** How the policy simulation went. */
  simulation: 'done' | 'unavailable' | 'denied' | 'error';
  /** Plain-language notes on what could not be checked. */
  notes: string[];
}

/** Actions a read-only role must be denied; simulated when IAM's simulator is available. */
export const SIMULATED_FORBIDDEN_ACTIONS: readonly string[] = [
  'iam:CreateUser',
  'iam:AttachRolePolicy',
  'iam:PassRole',
  'ec2:RunInstances',
  'ec2:TerminateInstances',
  's3:PutObject',
  's3:GetObject',
  's3:DeleteBucket',
  'rds:DeleteDBInstance',
  'lambda:UpdateFunctionCode',
  'secretsmanager:GetSecretValue',
  'kms:Decrypt',
  'dynamodb:Scan',
  'logs:GetLogEvents',
  'sts:AssumeRole',
];

const READ_LEVELS = new Set(['List', 'Read']);
const SAMPLE = 5;

function statementsOf(document: unknown): Record<string, unknown>[] {
  if (typeof document !== 'object' || document === null) return [];
  const statement = (document as Record<string, unknown>).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Finds what an IAM policy document allows beyond reading metadata: any action whose access level is not
 * List or Read (writes, permissions management, tagging), any data-plane read, and Allow with NotAction.
 */
export function analyseRolePolicy(
  source: string,
  document: unknown,
  resolver: ActionResolver,
): PrivilegeProblem[] {
  const writes = new Set<string>();
  const dataReads = new Set<string>();
  const problems: PrivilegeProblem[] = [];
  for (const statement of statementsOf(document)) {
    if (statement.Effect !== 'Allow') continue;
    if (statement.NotAction !== undefined) {
      problems.push({
        source,
        reason: `allows every action except ${stringList(statement.NotAction).join(', ')} (Allow with NotAction)`,
        fix: 'Replace the NotAction statement with the explicit actions of the Axiom permission policy.',
        // The excluded actions are named in the reason; what it grants is nearly everything.
        actions: [],
      });
      continue;
    }
    for (const pattern of stringList(statement.Action)) {
      for (const action of resolver.expandActionPattern(pattern).actions) {
        // Data reads first: AWS files some under Write (kms:Decrypt, kms:GenerateDataKey), but what they expose
        // is data, and that is what the person fixing the role needs to hear.
        if (dataPlaneReadPattern(action.key)) dataReads.add(action.key);
        else if ([...action.accessLevels].some((level) => !READ_LEVELS.has(level))) writes.add(action.key);
      }
    }
  }
  if (writes.size > 0)
    problems.push({
      source,
      reason: `grants ${writes.size} action(s) that change resources or permissions`,
      fix: 'Remove these actions; Axiom needs only the read actions in its permission policy.',
      actions: [...writes].sort().slice(0, SAMPLE),
    });
  if (dataReads.size > 0)
    problems.push({
      source,
      reason: `grants ${dataReads.size} action(s) that read customer data (object contents, log events, secrets, rows)`,
      fix: 'Remove these actions; Axiom reads configuration metadata only.',
      actions: [...dataReads].sort().slice(0, SAMPLE),
    });
  return problems;
}

function decodeDocument(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(decodeURIComponent(text));
  } catch {
    return undefined;
  }
}

function managedPolicyName(arn: string): string | undefined {
  const match = /^arn:aws[\w-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1];
}

/**
 * Names a problem's source for a sentence: "the AWS managed policy ReadOnlyAccess", "the inline policy
 * extra-logs", "the policy arn:aws:iam::111122223333:policy/x" or "IAM's policy simulator".
 */
export function describePrivilegeSource(source: string): string {
  if (source === 'simulation') return "IAM's policy simulator";
  if (source.startsWith('inline:')) return `the inline policy ${source.slice('inline:'.length)}`;
  const managed = managedPolicyName(source);
  return managed === undefined ? `the policy ${source}` : `the AWS managed policy ${managed}`;
}

/** Reads the policies attached to Axiom's own role and simulates forbidden actions. Never throws for AWS errors. */
export async function checkRolePrivileges(options: {
  roleArn: string;
  roleName: string;
  settings: ClientSettings;
  resolver: ActionResolver;
}): Promise<PrivilegeReport> {
  const iam = createClient(IAMClient, options.settings);
  const problems: PrivilegeProblem[] = [];
  const notes: string[] = [];
  let readPolicies = true;
  const analyse = (source: string, encoded: string | undefined): void => {
    const document = decodeDocument(encoded);
    if (document === undefined) {
      // Unreadable is not harmless: a document Axiom cannot parse could grant anything.
      readPolicies = false;
      notes.push(
        `Could not parse the policy document of ${describePrivilegeSource(source)}; check it by hand for anything beyond List and Read actions.`,
      );
      return;
    }
    problems.push(...analyseRolePolicy(source, document, options.resolver));
  };
  try {
    let marker: string | undefined;
    do {
      const page: ListAttachedRolePoliciesCommandOutput = await iam.send(
        new ListAttachedRolePoliciesCommand({ RoleName: options.roleName, Marker: marker }),
      );
      for (const attached of page.AttachedPolicies ?? []) {
        const arn = attached.PolicyArn ?? '';
        const name = managedPolicyName(arn);
        const known = name === undefined ? undefined : OVER_PRIVILEGED_MANAGED_POLICIES[name];
        if (known !== undefined) {
          problems.push({
            source: arn,
            reason: `is attached; it ${known}`,
            fix: `Detach ${name} from the role; attach only the Axiom permission policy.`,
            actions: [],
          });
          continue;
        }
        const policy = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
        const version = await iam.send(
          new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.Policy?.DefaultVersionId ?? 'v1' }),
        );
        analyse(arn, version.PolicyVersion?.Document);
      }
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    marker = undefined;
    do {
      const page: ListRolePoliciesCommandOutput = await iam.send(
        new ListRolePoliciesCommand({ RoleName: options.roleName, Marker: marker }),
      );
      for (const policyName of page.PolicyNames ?? []) {
        const inline = await iam.send(
          new GetRolePolicyCommand({ RoleName: options.roleName, PolicyName: policyName }),
        );
        analyse(`inline:${policyName}`, inline.PolicyDocument);
      }
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  } catch (error) {
    readPolicies = false;
    const failure = classifyAwsError(error);
    notes.push(
      `Could not read the role's own policies (${failure.code}: ${failure.message}); the Axiom policy grants iam:ListAttachedRolePolicies, iam:ListRolePolicies, iam:GetRolePolicy, iam:GetPolicy and iam:GetPolicyVersion for this check.`,
    );
  }

  let simulation: PrivilegeReport['simulation'] = 'done';
  try {
    const result = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: options.roleArn,
        ActionNames: [...SIMULATED_FORBIDDEN_ACTIONS],
      }),
    );
    const allowed = (result.EvaluationResults ?? [])
      .filter((evaluation) => evaluation.EvalDecision === 'allowed')
      .map((evaluation) => evaluation.EvalActionName ?? '');
    if (allowed.length > 0)
      problems.push({
        source: 'simulation',
        reason: `says the role may call ${allowed.length} write or data-read action(s)`,
        fix: 'Remove the policies that grant them; the role should allow only the Axiom permission policy.',
        actions: allowed.slice(0, SAMPLE),
      });
  } catch (error) {
    const failure = classifyAwsError(error);
    if (failure.kind === 'unimplemented') {
      simulation = 'unavailable';
      notes.push('This endpoint does not implement iam:SimulatePrincipalPolicy; the simulation was skipped.');
    } else if (failure.kind === 'denied') {
      simulation = 'denied';
      notes.push('iam:SimulatePrincipalPolicy was denied; the simulation was skipped.');
    } else {
      simulation = 'error';
      notes.push(`The policy simulation failed (${failure.code}: ${failure.message}).`);
    }
  }
  const status = problems.length > 0 ? 'over-privileged' : readPolicies ? 'read-only' : 'unknown';
  return { status, problems, simulation, notes };
}
