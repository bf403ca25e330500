/**
 * What a job leaves in pg-boss's tables (the handler's output, or the error a failed attempt threw) is written
 * in plain text. Scan errors quote role ARNs ("... is not authorized to perform sts:AssumeRole on resource:
 * arn:aws:iam::...") and External IDs, which the store otherwise keeps only encrypted, so both pass through
 * here on their way in.
 */
import { redactSecrets } from './redact.ts';

/** Longest stack kept with a failed attempt. */
const MAX_STACK = 8000;

/** The error as it will be stored: message and stack redacted, a string `code` kept for the bot. */
export function redactJobError(error: unknown, known: readonly string[]): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const safe = new Error(redactSecrets(source.message, known));
  safe.name = source.name;
  safe.stack = redactSecrets(source.stack ?? `${source.name}: ${source.message}`, known, MAX_STACK);
  const code = 'code' in source ? source.code : undefined;
  if (typeof code === 'string') Object.assign(safe, { code });
  return safe;
}

/** The output as it will be stored: every string in it redacted (placeholders keep the JSON valid). */
export function redactJobOutput<T>(output: T, known: readonly string[]): T {
  if (output === undefined || output === null) return output;
  const parsed: unknown = JSON.parse(redactSecrets(JSON.stringify(output), known, Number.POSITIVE_INFINITY));
  return parsed as T;
}
