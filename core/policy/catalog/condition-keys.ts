/**
 * Condition keys: their value types, and lookup of a key as a policy writes it against the catalogue's names,
 * some of which have a variable part (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`,
 * `codebuild:secondarySources/${sourceIdentifier}.location`). IAM compares key names case-insensitively.
 */

import { compileGlob, type GlobMatcher } from './glob.ts';
import type { RawConditionKey } from './iam-data-source.ts';

/** The type of the values a condition key carries, which decides the operators that make sense with it. */
export type ConditionValueType =
  | 'String'
  | 'ARN'
  | 'Numeric'
  | 'Date'
  | 'Bool'
  | 'IPAddress'
  | 'Binary'
  | 'Unknown';

/** One condition key of the catalogue. */
export interface ConditionKeyInfo {
  /** The catalogue's name, a template where part is variable, e.g. 'aws:PrincipalTag/${TagKey}'. */
  readonly name: string;
  /** The catalogue's type label, e.g. 'ArrayOfString'. */
  readonly type: string;
  /** The type of each value, e.g. 'String' for 'ArrayOfString'; 'Unknown' for a label this code does not know. */
  readonly valueType: ConditionValueType;
  /** True when the key can carry several values (an ArrayOf type): it then needs ForAnyValue/ForAllValues. */
  readonly multiValued: boolean;
  /** True for keys valid with every action (aws:SourceIp, aws:PrincipalTag/..., session keys). */
  readonly global: boolean;
  /** AWS's description; often empty for global keys. */
  readonly description: string;
}

const TAG_KEY_VARIABLE = '$' + '{TagKey}';

const VALUE_TYPES = new Set<string>(['String', 'ARN', 'Numeric', 'Date', 'Bool', 'IPAddress', 'Binary']);

/** Turns a raw key into its public shape; `global` says which table it came from. */
export function toConditionKeyInfo(raw: RawConditionKey, global: boolean): ConditionKeyInfo {
  const multiValued = raw.type.startsWith('ArrayOf');
  const base = multiValued ? raw.type.slice('ArrayOf'.length) : raw.type;
  const valueType = VALUE_TYPES.has(base) ? (base as ConditionValueType) : 'Unknown';
  // The global list writes its variable part as 'tag-key'; use the services' '${TagKey}' so names read alike.
  const name = global ? raw.key.replace(/\/tag-key$/i, `/${TAG_KEY_VARIABLE}`) : raw.key;
  return { name, type: raw.type, valueType, multiValued, global, description: raw.description };
}

/** A `${Var}` or `<var>` part of a catalogue name. */
const VARIABLE = /\$\{[^}]*\}|<[^>]*>/g;

/** True when a catalogue name has a variable part. */
export function isKeyTemplate(name: string): boolean {
  VARIABLE.lastIndex = 0;
  return VARIABLE.test(name);
}

/**
 * A matcher for a lowercased key name against a catalogue template: each variable part stands for at least one
 * character, any character (tag keys may contain '/', ':' and '.').
 */
export function compileKeyTemplate(template: string): GlobMatcher {
  // Thousands of actions list the same few templates (aws:RequestTag/${TagKey}): compile each once.
  let matcher = compiledTemplates.get(template);
  if (matcher === undefined) {
    matcher = compileTemplate(template);
    if (compiledTemplates.size >= 10_000) compiledTemplates.clear();
    compiledTemplates.set(template, matcher);
  }
  return matcher;
}

const compiledTemplates = new Map<string, GlobMatcher>();

function compileTemplate(template: string): GlobMatcher {
  const literalWildcards = /[*?]/g;
  const parts = template.toLowerCase().split(VARIABLE);
  // Catalogue names hold no '*' or '?'; should one appear, drop it rather than let it act as a wildcard.
  return compileGlob(parts.map((part) => part.replace(literalWildcards, '')).join('?*'));
}

/** Condition keys of one scope (the global list, or one service), searchable by the name a policy uses. */
export interface ConditionKeyTable {
  /** The key `name` (any case) denotes, exactly or through a template, or undefined. */
  find(name: string): ConditionKeyInfo | undefined;
  /** Every key of the table, for suggestions. */
  readonly keys: readonly ConditionKeyInfo[];
}

/** Indexes `keys` for exact lookups first and template matches second. */
export function buildConditionKeyTable(keys: readonly ConditionKeyInfo[]): ConditionKeyTable {
  const exact = new Map<string, ConditionKeyInfo>();
  const templates: { match: GlobMatcher; key: ConditionKeyInfo }[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    exact.set(key.name.toLowerCase(), key);
    if (isKeyTemplate(key.name)) templates.push({ match: compileKeyTemplate(key.name), key });
  }
  return {
    keys,
    find(name) {
      const lower = name.toLowerCase();
      const found = exact.get(lower);
      if (found) return found;
      for (let i = 0; i < templates.length; i++) if (templates[i]!.match(lower)) return templates[i]!.key;
      return undefined;
    },
  };
}
