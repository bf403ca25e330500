import type { SuppressionComment } from './extract-result.ts';

const MARKER = 'axiom:ignore';

/** `# axiom:ignore CHECK-ID reason`, `// ...` or `/* ... *\/`: the check id, then an optional reason. */
const COMMENT = /^(?:#|\/\/|\/\*)\s*axiom:ignore\s+(\S+)(?:\s+(.*?))?\s*(?:\*\/)?\s*$/s;

/** The suppression in one comment's text (markers included), or undefined when it is not one. */
export function parseSuppressionComment(comment: string, line: number): SuppressionComment | undefined {
  const match = COMMENT.exec(comment.trim());
  if (!match) return undefined;
  return { line, checkId: match[1]!.replace(/\*\/$/, ''), reason: (match[2] ?? '').trim() };
}

/**
 * Suppression comments of a YAML file: a `#` at the start of a line or after a space starts a comment in
 * YAML, and nothing but a comment can hold the marker after it.
 */
export function yamlSuppressionComments(text: string): SuppressionComment[] {
  if (!text.includes(MARKER)) return [];
  const found: SuppressionComment[] = [];
  text.split('\n').forEach((line, index) => {
    const at = line.search(/(?:^|[ \t])#\s*axiom:ignore/);
    if (at === -1) return;
    const comment = parseSuppressionComment(line.slice(line.indexOf('#', at)), index + 1);
    if (comment) found.push(comment);
  });
  return found;
}
