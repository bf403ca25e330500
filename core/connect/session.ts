/**
 * Sessions: temporary AWS credentials held in memory only, refreshed shortly before they expire and forgotten
 * on `drop()`. Nothing here writes credentials anywhere, and a session never shows them when it is logged,
 * inspected or serialised. `assume-role.ts` obtains sessions (sts:AssumeRole, web identity, the default chain).
 */
import { inspect } from 'node:util';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AxiomError } from '../errors.ts';

/** Credentials are refreshed this long before they expire, so no request is signed with nearly dead keys. */
export const REFRESH_WINDOW_MS = 5 * 60_000;

/** Where a session's credentials come from. */
export type SessionKind = 'assumed-role' | 'web-identity' | 'ambient';

/** One set of credentials as obtained. */
export interface IssuedCredentials {
  /** The credentials (their `expiration` is replaced by `expiresAt`). */
  identity: AwsCredentialIdentity;
  /** When they stop working; undefined for long-lived ambient keys. */
  expiresAt: Date | undefined;
  /** The assumed-role session ARN STS reported, when there is one. */
  assumedRoleArn?: string;
}

/** What a session knows without its secrets: what `JSON.stringify` and `util.inspect` show. */
export interface SessionSummary {
  /** Where the credentials come from. */
  kind: SessionKind;
  /** The role, for assumed sessions. */
  roleArn?: string;
  /** The assumed-role session ARN, once known. */
  assumedRoleArn?: string;
  /** When the current credentials expire (ISO 8601), once known. */
  expiresAt?: string;
  /** Whether `drop()` was called. */
  dropped: boolean;
}

/** A credential provider that caches and refreshes by itself, marked so SDK clients do not cache on top of it. */
export type SessionCredentialsProvider = AwsCredentialIdentityProvider & {
  /** The SDK's convention for "already memoized: call me on every request". */
  memoized: true;
};

/** The credentials a session hands out while they are not due, and when they become due. */
interface HandedOut {
  /** The credentials they were made from (the fast path checks they are still the current ones). */
  issued: IssuedCredentials;
  /** The identity, as the provider returns it. */
  identity: Promise<AwsCredentialIdentity>;
  /** The injected clock's time (ms) from which they are due: `expiresAt` minus the refresh window. */
  refreshAtMs: number;
}

/** How to build a Session. */
export interface SessionOptions {
  /** Where the credentials come from. */
  kind: SessionKind;
  /** The role, for assumed sessions. */
  roleArn?: string;
  /** Obtains fresh credentials (assumes the role again, or asks the default chain). */
  obtain: () => Promise<IssuedCredentials>;
  /** The clock. */
  clock: () => Date;
  /** Credentials already obtained; without them the first use obtains some. */
  initial?: IssuedCredentials;
}

/**
 * Temporary credentials in memory. `credentials` is a provider for SDK clients: it hands out the current
 * credentials and obtains new ones when they are within five minutes of expiry (by the injected clock).
 */
export class Session {
  /** Where the credentials come from. */
  readonly kind: SessionKind;
  /** The role, for assumed sessions. */
  readonly roleArn: string | undefined;
  readonly #obtain: () => Promise<IssuedCredentials>;
  readonly #clock: () => Date;
  #current: IssuedCredentials | undefined;
  #pending: Promise<IssuedCredentials> | undefined;
  #dropped = false;
  /** What `credentials` hands out for `#current` while it is not due: built once, not on every request. */
  #handedOut: HandedOut | undefined;

  constructor(options: SessionOptions) {
    this.kind = options.kind;
    this.roleArn = options.roleArn;
    this.#obtain = options.obtain;
    this.#clock = options.clock;
    this.#current = options.initial;
  }

  /**
   * The credential provider to give SDK clients (`createClient(X, { credentials: session.credentials })`).
   *
   * Why it is marked `memoized`: an SDK client wraps an unmarked provider in its own cache, which keeps
   * credentials until five minutes before their expiration by the real clock, and keeps credentials without an
   * expiration forever. The session is that cache already, so the mark makes the SDK ask it on every request (an
   * in-memory lookup): the session alone decides when to refresh (by its injected clock), and a dropped session
   * stops every client at once.
   */
  readonly credentials: SessionCredentialsProvider = Object.assign(
    (): Promise<AwsCredentialIdentity> => {
      // Fast path, taken by nearly every request: the current credentials, already handed out, and not yet due by
      // the injected clock. Anything else (first use, due, refreshing, dropped) goes the full way.
      const out = this.#handedOut;
      if (out !== undefined && !this.#dropped && out.issued === this.#current && this.#notDue(out))
        return out.identity;
      return this.#resolve();
    },
    { memoized: true as const },
  );

  /** When the current credentials expire; undefined before the first use of a lazy session, or for long-lived keys. */
  get expiresAt(): Date | undefined {
    return this.#current?.expiresAt;
  }

  /** The assumed-role session ARN STS reported (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), once known. */
  get assumedRoleArn(): string | undefined {
    return this.#current?.assumedRoleArn;
  }

  /** Whether `drop()` was called. */
  get dropped(): boolean {
    return this.#dropped;
  }

  /** Forgets the credentials; any later use, by any client holding the provider, throws 'session_dropped'. */
  drop(): void {
    this.#dropped = true;
    this.#current = undefined;
    this.#pending = undefined;
    this.#handedOut = undefined;
  }

  /** The session without its secrets. */
  toJSON(): SessionSummary {
    const summary: SessionSummary = { kind: this.kind, dropped: this.#dropped };
    if (this.roleArn !== undefined) summary.roleArn = this.roleArn;
    const current = this.#current;
    if (current?.assumedRoleArn !== undefined) summary.assumedRoleArn = current.assumedRoleArn;
    if (current?.expiresAt !== undefined) summary.expiresAt = current.expiresAt.toISOString();
    return summary;
  }

  /** One line for logs, without secrets. */
  toString(): string {
    return `Session ${JSON.stringify(this.toJSON())}`;
  }

  /** What `console.log` and `util.inspect` show: the summary, never the credentials. */
  [inspect.custom](): string {
    return `Session ${inspect(this.toJSON(), { breakLength: Number.POSITIVE_INFINITY })}`;
  }

  async #resolve(): Promise<AwsCredentialIdentity> {
    this.#assertLive();
    const current = this.#current;
    if (current && !this.#isDue(current)) return this.#handOut(current);
    if (this.#pending === undefined) {
      const pending: Promise<IssuedCredentials> = this.#obtain().finally(() => {
        if (this.#pending === pending) this.#pending = undefined;
      });
      this.#pending = pending;
    }
    const fresh = await this.#pending;
    // Dropped while STS was answering: the new credentials are discarded, never handed out.
    this.#assertLive();
    this.#current = fresh;
    return this.#handOut(fresh);
  }

  /** True while `out` is not due by the injected clock; false when the clock throws (the full way reports it). */
  #notDue(out: HandedOut): boolean {
    try {
      return this.#clock().getTime() < out.refreshAtMs;
    } catch {
      return false;
    }
  }

  #isDue(issued: IssuedCredentials): boolean {
    return (
      issued.expiresAt !== undefined &&
      issued.expiresAt.getTime() - this.#clock().getTime() <= REFRESH_WINDOW_MS
    );
  }

  #handOut(issued: IssuedCredentials): AwsCredentialIdentity {
    const { expiration: _, ...plain } = issued.identity;
    const identity = issued.expiresAt === undefined ? plain : { ...plain, expiration: issued.expiresAt };
    const refreshAtMs =
      issued.expiresAt === undefined
        ? Number.POSITIVE_INFINITY
        : issued.expiresAt.getTime() - REFRESH_WINDOW_MS;
    this.#handedOut = { issued, identity: Promise.resolve(identity), refreshAtMs };
    return identity;
  }

  #assertLive(): void {
    if (!this.#dropped) return;
    throw new AxiomError(
      'session_dropped',
      `Could not use the AWS session${this.roleArn ? ` for ${this.roleArn}` : ''}: it was dropped and its credentials forgotten, so it can no longer sign requests.`,
      {
        hint: 'Obtain a new session (assume the role again); this is a bug in Axiom if it happened during a scan.',
      },
    );
  }
}
