/**
 * IAM policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, `${*}`) are literal policy text.
 * Anything else in `${...}` is a template interpolation (Terraform, templatefile, CloudFormation Fn::Sub
 * syntax) whose value is known only at deploy time.
 */
const POLICY_VARIABLE = /^(?:[*?$]|[A-Za-z0-9][\w.-]*:[\w./[\]-]+(?:\s*,\s*'[^']*')?)$/;

/**
 * True when `value` contains a template interpolation or directive, not only IAM policy variables. Runs for every
 * string of every policy: one search for '{' settles the usual value, which has none.
 */
export function isInterpolated(value: string): boolean {
  for (let brace = value.indexOf('{'); brace !== -1; brace = value.indexOf('{', brace + 1)) {
    if (brace === 0) continue;
    const before = value.charCodeAt(brace - 1);
    if (before === 37 /* '%' */) return true;
    if (before !== 36 /* '$' */) continue;
    const close = value.indexOf('}', brace + 1);
    // An unclosed '${' is literal text; a '%{' after it still counts.
    if (close === -1) continue;
    if (!POLICY_VARIABLE.test(value.slice(brace + 1, close))) return true;
    brace = close;
  }
  return false;
}
