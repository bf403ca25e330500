/**
 * Orders actions from most to least sensitive, so a change that grants thousands of actions can name the few a
 * reviewer must see: by access level first, then a short list of actions known to hand over an account or its
 * data, then services whose actions tend to matter most, then by name.
 */
import type { Severity } from '../../findings/finding.ts';
import type { IamCatalog } from '../catalog/iam-catalog.ts';
import type { DiffAccessLevel, LevelGroup } from './access-change.ts';

/** Access levels from most to least sensitive; unknown actions last, as nothing is known of them. */
export const LEVEL_ORDER: readonly DiffAccessLevel[] = [
  'Permissions management',
  'Write',
  'Tagging',
  'Read',
  'List',
  'Unknown',
];

/** The severity of newly granting actions of each level. */
export const LEVEL_SEVERITY: Readonly<Record<DiffAccessLevel, Severity>> = {
  'Permissions management': 'high',
  Write: 'medium',
  Tagging: 'low',
  Read: 'low',
  List: 'info',
  Unknown: 'low',
};

/** Actions that escalate privilege, hand out credentials or expose data, worst first. */
const NOTABLE = [
  'iam:PassRole',
  'iam:CreatePolicyVersion',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:UpdateAssumeRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'sts:AssumeRole',
  'organizations:LeaveOrganization',
  'kms:PutKeyPolicy',
  'kms:CreateGrant',
  'kms:Decrypt',
  's3:PutBucketPolicy',
  's3:PutBucketAcl',
  's3:DeleteBucketPolicy',
  'lambda:AddPermission',
  'lambda:UpdateFunctionCode',
  'lambda:CreateFunction',
  'ec2:RunInstances',
  'cloudtrail:StopLogging',
  'cloudtrail:DeleteTrail',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  'dynamodb:Scan',
];
const NOTABLE_RANK = new Map(NOTABLE.map((key, index) => [key.toLowerCase(), index]));

/** Services whose actions reach identities, keys, secrets and data before the rest. */
const SERVICE_ORDER = ['iam', 'sts', 'organizations', 'kms', 'secretsmanager', 'ssm', 's3', 'lambda', 'ec2'];
const SERVICE_RANK = new Map(SERVICE_ORDER.map((service, index) => [service, index]));

/** The action's most sensitive access level, or 'Unknown' when the catalogue does not know it. */
export function actionLevel(key: string, catalog: IamCatalog): DiffAccessLevel {
  const levels = catalog.action(key)?.accessLevels;
  if (!levels) return 'Unknown';
  return LEVEL_ORDER.find((level) => level !== 'Unknown' && levels.has(level)) ?? 'Unknown';
}

/** Sorts action keys most sensitive first and groups them by access level (levels in LEVEL_ORDER). */
export function rankActions(
  keys: Iterable<string>,
  catalog: IamCatalog,
): { actions: string[]; byLevel: LevelGroup[] } {
  // One number per action (level, then notable rank, then service rank) keeps the sort cheap for `*`.
  const ranked = [...keys].map((key) => {
    const level = actionLevel(key, catalog);
    const lower = key.toLowerCase();
    const colon = lower.indexOf(':');
    const notable = NOTABLE_RANK.get(lower) ?? NOTABLE.length;
    const service = SERVICE_RANK.get(colon === -1 ? lower : lower.slice(0, colon)) ?? SERVICE_ORDER.length;
    return { key, level, score: (LEVEL_ORDER.indexOf(level) * 100 + notable) * 100 + service };
  });
  ranked.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byLevel: LevelGroup[] = [];
  for (const entry of ranked) {
    const last = byLevel.at(-1);
    if (last?.level === entry.level) last.actions.push(entry.key);
    else byLevel.push({ level: entry.level, actions: [entry.key] });
  }
  return { actions: ranked.map((entry) => entry.key), byLevel };
}
