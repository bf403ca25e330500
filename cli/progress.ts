/**
 * The scan's progress on stderr. On a terminal: one line redrawn in place (a bar, units done of planned, the
 * unit that just finished), at most ten times a second, erased when the scan ends so the report starts on a
 * clean line. Anywhere else (CI logs, a pipe): nothing, since a line per unit would bury the log.
 */
import type { ScanProgress } from '../core/index.ts';
import type { CliContext } from './context.ts';

/** Receives the scan's progress and cleans up after it. */
export interface ProgressDisplay {
  /** Shows one step. */
  update(progress: ScanProgress): void;
  /** Erases the line (on a terminal); call once the scan is over, before anything else is written. */
  finish(): void;
}

/** How the display behaves; injected so it is testable. */
export interface ProgressDisplayOptions {
  /** Milliseconds now, for throttling redraws. Default Date.now. */
  now?: () => number;
  /** Cells in the bar. Default 24. */
  width?: number;
  /** Least milliseconds between redraws (the last step is always drawn). Default 100. */
  intervalMs?: number;
}

const ERASE_LINE = '\r\u001b[2K';

/** The bar for `done` of `total`: full and empty cells. */
export function progressBar(done: number, total: number, width: number): string {
  const ratio = total <= 0 ? 0 : Math.min(1, Math.max(0, done / total));
  const full = Math.round(ratio * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

/** One line of progress, e.g. `Scanning ███░░░ 12/40 units · 111122223333 us-east-1 ec2`. */
export function progressLine(progress: ScanProgress, width: number): string {
  const { done, total, unit } = progress;
  return `Scanning ${progressBar(done, total, width)} ${done}/${total} units · ${unit.accountId} ${unit.region} ${unit.service}`;
}

/** A progress display on `stderr`: a redrawn bar on a terminal, silent otherwise. */
export function createProgressDisplay(
  stderr: CliContext['stderr'],
  options: ProgressDisplayOptions = {},
): ProgressDisplay {
  if (stderr.isTTY !== true) return { update() {}, finish() {} };
  const now = options.now ?? Date.now;
  const width = options.width ?? 24;
  const interval = options.intervalMs ?? 100;
  let drawnAt: number | undefined;
  let drawn = false;
  return {
    update(progress) {
      const time = now();
      const last = progress.done >= progress.total;
      if (!last && drawnAt !== undefined && time - drawnAt < interval) return;
      drawnAt = time;
      drawn = true;
      stderr.write(`${ERASE_LINE}${progressLine(progress, width)}`);
    },
    finish() {
      if (drawn) stderr.write(ERASE_LINE);
      drawn = false;
    },
  };
}
