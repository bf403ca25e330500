/**
 * External ID rotation in two steps: the command shows a new ID and what to change; the button tests the role
 * with the new ID and only then stores it. The button's value carries both IDs, so a second, older rotation
 * message cannot switch a connection that has moved on.
 */

/** The confirm button's action id. */
export const CONFIRM_ROTATION_ACTION = 'axiom_confirm_rotation';

/** What the confirm button carries. */
export interface RotationToken {
  /** The connection. */
  connection: string;
  /** The ID being replaced. */
  previous: string;
  /** The new ID. */
  next: string;
}

/** The button value for a rotation. */
export function rotationValue(token: RotationToken): string {
  return JSON.stringify({ c: token.connection, p: token.previous, n: token.next });
}

/** Reads a button value back; undefined when it is not a rotation. */
export function parseRotationValue(value: string | undefined): RotationToken | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { c, p, n } = parsed as Record<string, unknown>;
    return typeof c === 'string' && typeof p === 'string' && typeof n === 'string'
      ? { connection: c, previous: p, next: n }
      : undefined;
  } catch {
    return undefined;
  }
}
