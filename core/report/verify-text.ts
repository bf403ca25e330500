import type { VerifyReport } from '../connect/verify.ts';

const HEALTH_LINE: Record<VerifyReport['health'], string> = {
  healthy: 'Connected: the role is read-only and every service answered.',
  degraded:
    'Connected with gaps: Axiom can use the role, but some reads or checks did not work (scans will show them as coverage gaps).',
  'no-access': 'Connected, but the role cannot read anything.',
  'cannot-connect': 'Not connected: Axiom could not use the role.',
  'over-privileged': 'Onboarding halted: the role can do more than read.',
};

const STATUS_MARK: Record<string, string> = {
  ok: 'ok',
  denied: 'DENIED',
  unimplemented: 'n/a',
  error: 'ERROR',
  skipped: 'skipped',
};

/** Renders a verify report as plain terminal text: verdict, per-service reads, then each diagnosis with its fix. */
export function renderVerifyText(report: VerifyReport): string {
  const lines = [HEALTH_LINE[report.health], `Role: ${report.roleArn}`];
  if (report.identity) lines.push(`Account: ${report.identity.account} (as ${report.identity.arn})`);
  if (report.probes.length > 0) {
    lines.push('', 'Service reads:');
    const width = Math.max(...report.probes.map((probe) => probe.action.length));
    for (const probe of report.probes) {
      const items = probe.status === 'ok' ? ` (${probe.items ?? 0} item(s) sampled)` : '';
      const detail = probe.status !== 'ok' && probe.detail ? `  ${probe.detail}` : '';
      lines.push(
        `  ${probe.action.padEnd(width)}  ${STATUS_MARK[probe.status] ?? probe.status}${items}${detail}`,
      );
    }
  }
  if (report.privilege) {
    lines.push(
      '',
      `Privilege check: ${report.privilege.status}; policy simulation: ${report.privilege.simulation}.`,
    );
    for (const note of report.privilege.notes) lines.push(`  Note: ${note}`);
  }
  // The notes are shown with the privilege check above; their diagnosis copies would repeat them.
  const shown = report.diagnoses.filter((diagnosis) => diagnosis.code !== 'privilege-check-note');
  if (shown.length > 0) {
    lines.push('', 'Diagnosis:');
    for (const diagnosis of shown) {
      lines.push(`  [${diagnosis.level}] ${diagnosis.title}`, `    ${diagnosis.explanation}`);
      if (diagnosis.fix) lines.push(`    Fix: ${diagnosis.fix}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
