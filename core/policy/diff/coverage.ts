/**
 * When one statement's grant already includes another's, element by element. Narrowing is never new access: a
 * change from `Resource: "*"` to one bucket, or adding a condition, must not be reported as granting anything.
 * Deploy-time placeholders are compared as text: the same expression is the same value, anything else is unknown.
 */
import { matchesGlob } from '../../findings/glob.ts';
import type { GrantTarget } from './statement-grants.ts';

const STAR = /^\*+$/;

/** True when the resource `wider` includes the resource `narrower` (IAM compares ARNs with case). */
export function resourceCovers(wider: GrantTarget, narrower: GrantTarget): boolean {
  if (wider.text === narrower.text) return true;
  if (!wider.literal) return false;
  if (STAR.test(wider.text)) return true;
  // A wildcard in the narrower value is read literally: `b/*` includes `b/logs/*` because `*` matches `logs/*`.
  return narrower.literal && /[*?]/.test(wider.text) && matchesGlob(wider.text, narrower.text);
}

/** True when the principal `wider` includes the principal `narrower`: the same, or everyone. */
export function principalCovers(wider: GrantTarget, narrower: GrantTarget): boolean {
  if (wider.text === narrower.text) return true;
  return wider.literal && (wider.text === '*' || wider.text === 'AWS:*');
}

/**
 * True when conditions `wider` allow at least what conditions `narrower` allow: condition entries are ANDed, so
 * a statement with every entry of another (and maybe more) is at most as wide.
 */
export function conditionsCover(wider: ReadonlySet<string>, narrower: ReadonlySet<string>): boolean {
  if (wider.size > narrower.size) return false;
  for (const entry of wider) if (!narrower.has(entry)) return false;
  return true;
}
