/** Which reader a file needs; `template` is JSON with Terraform interpolations (a templatefile). */
export type FileFormat = 'json' | 'template' | 'yaml' | 'hcl';

const HCL_START = /^\s*(?:resource|data|locals|module|provider|terraform|variable|output)\s+["{\w]/m;
const CLOUDFORMATION_YAML = /^\s*(?:AWSTemplateFormatVersion|Resources)\s*:/m;

/**
 * The format of a file, by extension and, where the extension does not say, by content; undefined for a
 * file that is none of the policy sources Axiom reads.
 */
export function detectFormat(path: string, text: string): FileFormat | undefined {
  const name = path.toLowerCase();
  const startsLikeJson = /^\s*[{[]/.test(text);
  if (name.endsWith('.tf') || name.endsWith('.hcl')) return 'hcl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (/\.(tpl|tftpl|tmpl)$/.test(name)) return startsLikeJson ? 'template' : undefined;
  if (name.endsWith('.template')) return startsLikeJson ? 'json' : 'yaml';
  if (startsLikeJson) return 'json';
  if (HCL_START.test(text)) return 'hcl';
  if (CLOUDFORMATION_YAML.test(text)) return 'yaml';
  return undefined;
}

/**
 * True when a file that fails to parse looks like a policy source, so the parse error is worth reporting;
 * a broken file of another kind (a Helm template, a JSON file with comments) is none of Axiom's business.
 */
export function looksLikePolicySource(text: string): boolean {
  return /"(?:Statement|PolicyVersion|UserDetailList|RoleDetailList|GroupDetailList|format_version)"|AWS::[A-Za-z0-9]+::|AWSTemplateFormatVersion|\bStatement\s*:/.test(
    text,
  );
}
