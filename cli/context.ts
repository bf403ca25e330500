/** Where a command writes and what it knows of its environment; injected so commands are testable. */
export interface CliContext {
  /** Requested output only: machine formats stay parseable. */
  stdout: { write(text: string): unknown };
  /** Progress, notices and errors. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Environment variables (the adapter is the one place that reads process.env). */
  env: Readonly<Record<string, string | undefined>>;
  /** Working directory for relative paths. */
  cwd: string;
}

/** A usage mistake: exits 2 with the message and the command's usage line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
