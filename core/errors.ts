/**
 * Unexpected problems carry a stable code and a message that says what was attempted, what failed and what
 * to do. Adapters turn an AxiomError into the user's message once; anything else is a bug.
 */
export class AxiomError extends Error {
  /** Stable, machine-readable code, e.g. 'readonly_guard_refused'. */
  readonly code: string;
  /** What the user can do about it, one sentence; shown after the message. */
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AxiomError';
    this.code = code;
    this.hint = options.hint;
  }
}

/** True when `error` is an AxiomError (also across realms, by shape). */
export function isAxiomError(error: unknown): error is AxiomError {
  return error instanceof AxiomError;
}

/** One line for a person: the message, then the hint. Never a stack trace. */
export function describeError(error: unknown): string {
  if (isAxiomError(error)) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
