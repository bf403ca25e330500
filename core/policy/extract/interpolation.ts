/**
 * IAM policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, `${*}`) are literal policy text.
 * Anything else in `${...}` is a template interpolation (Terraform, templatefile, CloudFormation Fn::Sub
 * syntax) whose value is known only at deploy time.
 */
const POLICY_VARIABLE = /^(?:[*?$]|[A-Za-z0-9][\w.-]*:[\w./[\]-]+(?:\s*,\s*'[^']*')?)$/;

/** True when `value` contains a template interpolation or directive, not only IAM policy variables. */
export function isInterpolated(value: string): boolean {
  if (value.includes('%{')) return true;
  for (let at = value.indexOf('${'); at !== -1; at = value.indexOf('${', at + 2)) {
    const close = value.indexOf('}', at + 2);
    if (close === -1) return false;
    if (!POLICY_VARIABLE.test(value.slice(at + 2, close))) return true;
  }
  return false;
}
