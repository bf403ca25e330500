/**
 * The Action's inputs, parsed once into one typed object by a pure function, so the rest of the Action never
 * reads `core.getInput`. Every problem is reported at once, each naming its input, so a workflow is fixed in
 * one edit rather than one failed run per mistake.
 */
import {
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  parseRoleArn,
  parseScanServices,
  parseSeverity,
  parseTargets,
  regionProblem,
  type ScanService,
  type SeverityThreshold,
  type Target,
} from '../core/index.ts';
import { parseShard, type Shard } from './shard.ts';

/** What the Action runs: the live scan, the policy analysis, or both. */
export type ActionMode = 'scan' | 'policy' | 'both';

/** Every input of action.yml, in the order action.yml lists them. */
export const INPUT_NAMES = [
  'role-to-assume',
  'external-id',
  'audience',
  'role-session-name',
  'role-duration-seconds',
  'regions',
  'services',
  'mode',
  'targets',
  'shard',
  'policy-paths',
  'fail-on',
  'comment',
  'check-run',
  'sarif-file',
  'config',
  'github-token',
] as const;

/** The name of one input. */
export type InputName = (typeof INPUT_NAMES)[number];

/** The audience GitHub's OIDC token is requested for when none is given: what AWS's IAM OIDC provider expects. */
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
/** Where the SARIF file goes when the input is left out. */
export const DEFAULT_SARIF_FILE = 'axiom.sarif';
/** The ignore file read when the input is left out. */
export const DEFAULT_CONFIG_FILE = '.axiom.yml';

/** Every input, parsed. Optional fields are absent when the input was empty. */
export interface ActionInputs {
  /** The role to assume (OIDC, or with `externalId`); with `targets`, the hub the targets are assumed from. */
  roleToAssume?: string;
  /** The External ID `roleToAssume` requires: assumed with sts:AssumeRole from the runner's credentials. */
  externalId?: string;
  /** The `aud` of the GitHub OIDC token. */
  audience: string;
  /** The CloudTrail session name; absent means one derived from the run id. */
  roleSessionName?: string;
  /** The session length in seconds; absent means one hour. */
  roleDurationSeconds?: number;
  /** Regions to scan, or 'all' for every region enabled in each account. */
  regions: string[] | 'all';
  /** Services to scan; absent means all (Cost Explorer only when named, as AWS bills it per request). */
  services?: ScanService[];
  /** What to run; absent means the default for the event (both on pull requests, scan otherwise). */
  mode?: ActionMode;
  /** The accounts to scan; absent means the account of `roleToAssume`. */
  targets?: Target[];
  /** Which slice of the targets this job scans. */
  shard?: Shard;
  /** Globs of the policy files to analyse; empty means the changed policy files (every one off pull requests). */
  policyPaths: string[];
  /** The failure threshold; absent means the config file's `fail-on`, else 'high'. */
  failOn?: SeverityThreshold;
  /** Whether to keep a sticky comment on the pull request. */
  comment: boolean;
  /** Whether to create a check run (else annotations are workflow commands). */
  checkRun: boolean;
  /** Where to write the SARIF file, relative to the workspace; absent means no SARIF file. */
  sarifFile?: string;
  /** The ignore file, relative to the workspace. */
  config: string;
  /** The token for the GitHub API; empty when none is available. */
  githubToken: string;
}

/** One problem with one input. */
export interface InputError {
  /** The input at fault. */
  input: InputName;
  /** One line for a person, naming the input: `fail-on: 'hihg' is not ...`. */
  message: string;
}

/** Result of `parseInputs`. */
export type InputsResult =
  | {
      /** Parsed. */
      ok: true;
      /** The inputs. */
      inputs: ActionInputs;
    }
  | {
      /** At least one problem. */
      ok: false;
      /** Every problem found, in input order. */
      errors: InputError[];
    };

/** Reads one input as `core.getInput` does: the value, or '' when it is not set. */
export type GetInput = (name: InputName) => string;

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
const MODES: readonly ActionMode[] = ['scan', 'policy', 'both'];

/** Splits a list written with commas or one item per line (YAML block scalars). */
export function splitList(text: string): string[] {
  return text
    .split(/[,\r\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Parses every input; see the module comment. Pure: `getInput` is the only source. */
export function parseInputs(getInput: GetInput): InputsResult {
  const errors: InputError[] = [];
  const fail = (input: InputName, message: string): undefined => {
    errors.push({ input, message: `${input}: ${message}` });
    return undefined;
  };
  const read = (name: InputName): string => getInput(name).trim();
  const flag = (name: InputName, fallback: boolean): boolean => {
    const value = read(name);
    if (value === '') return fallback;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    fail(name, `'${value}' is not a boolean; use true or false`);
    return fallback;
  };

  const inputs: ActionInputs = {
    audience: read('audience') || DEFAULT_AUDIENCE,
    regions: 'all',
    policyPaths: splitList(read('policy-paths')),
    comment: flag('comment', true),
    checkRun: flag('check-run', true),
    config: read('config') || DEFAULT_CONFIG_FILE,
    githubToken: read('github-token'),
  };

  const role = read('role-to-assume');
  if (role !== '') {
    const parsed = parseRoleArn(role);
    if (parsed.ok) inputs.roleToAssume = parsed.arn.arn;
    else fail('role-to-assume', parsed.error);
  }

  const externalId = read('external-id');
  if (externalId !== '') {
    if (role === '') fail('external-id', 'is set but role-to-assume is not; give the role it belongs to');
    inputs.externalId = externalId;
  }

  const sessionName = read('role-session-name');
  if (sessionName !== '') inputs.roleSessionName = sessionName;

  const duration = read('role-duration-seconds');
  if (duration !== '') {
    const seconds = Number(duration);
    if (Number.isInteger(seconds) && seconds >= MIN_SESSION_SECONDS && seconds <= MAX_SESSION_SECONDS)
      inputs.roleDurationSeconds = seconds;
    else
      fail(
        'role-duration-seconds',
        `'${duration}' is not a whole number of seconds from ${MIN_SESSION_SECONDS} to ${MAX_SESSION_SECONDS} (15 minutes to 1 hour)`,
      );
  }

  const regions = read('regions');
  if (regions !== '' && regions.toLowerCase() !== 'all') {
    const names = splitList(regions);
    const problems = names.flatMap((name) => regionProblem(name) ?? []);
    for (const problem of problems) fail('regions', problem);
    if (problems.length === 0) inputs.regions = [...new Set(names)];
  }

  const services = read('services');
  if (services !== '' && services.toLowerCase() !== 'all') {
    const parsed = parseScanServices(splitList(services));
    if (parsed.ok) inputs.services = parsed.services;
    else for (const problem of parsed.errors) fail('services', problem);
  }

  const mode = read('mode').toLowerCase();
  if (mode !== '') {
    const found = MODES.find((candidate) => candidate === mode);
    if (found) inputs.mode = found;
    else fail('mode', `'${mode}' is not a mode; use scan, policy or both`);
  }

  const targets = read('targets');
  if (targets !== '') {
    const parsed = parseTargets(targets);
    if (parsed.ok) inputs.targets = parsed.targets;
    else for (const problem of parsed.errors) fail('targets', problem.message);
  }

  const shard = read('shard');
  if (shard !== '') {
    const parsed = parseShard(shard);
    if (parsed.ok) inputs.shard = parsed.shard;
    else fail('shard', parsed.error);
  }

  const failOn = read('fail-on');
  if (failOn !== '') {
    try {
      inputs.failOn = parseSeverity(failOn);
    } catch {
      fail(
        'fail-on',
        `'${failOn}' is not a severity; use critical, high, medium, low, info, or none to never fail`,
      );
    }
  }

  const sarifFile = read('sarif-file');
  if (sarifFile !== '') inputs.sarifFile = sarifFile;

  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs };
}
