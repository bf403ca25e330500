/** The CLI's exit codes, shared by every command so CI systems can branch on them. */
export const EXIT = {
  /** Success: nothing at or above the failure threshold. */
  ok: 0,
  /** Findings at or above `--fail-on`. */
  findings: 1,
  /** Bad usage or bad input. */
  usage: 2,
  /** Could not connect to AWS (assume role, credentials, endpoint). */
  cannotConnect: 3,
  /** The connected role can do more than read. */
  overPrivileged: 4,
  /** An unexpected internal error (a bug). */
  internal: 70,
} as const;

/** One of the exit codes above. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
