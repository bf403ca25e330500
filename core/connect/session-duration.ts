// Kept apart from assume-role.ts, which imports the STS client: adapters that only validate a duration (the
// Action's inputs) must not pull the AWS SDK into their start-up path.

/** Shortest session STS grants. */
export const MIN_SESSION_SECONDS = 900;
/** Longest session Axiom asks for: credentials live at most one hour. */
export const MAX_SESSION_SECONDS = 3600;
