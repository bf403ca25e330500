import type { Migration } from './migration.ts';

/** SQLSTATE raised when anything tries to change or remove audit entries. */
export const AUDIT_APPEND_ONLY_SQLSTATE = 'AXA01';

/**
 * Connections keep the role ARN and External ID only as sealed envelopes (`v1.<key id>.<nonce>.<ciphertext>`);
 * the CHECK makes a plain-text value impossible to store by mistake. The audit log rejects UPDATE, DELETE and
 * TRUNCATE in the database itself, so no code path (ours or a later one) can rewrite history.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'connections and audit log',
  sql: `
CREATE TABLE connections (
  name text PRIMARY KEY,
  role_arn_sealed text NOT NULL,
  external_id_sealed text NOT NULL,
  regions text[] NOT NULL,
  allowed_channel_ids text[] NOT NULL,
  health_channel_id text,
  status text NOT NULL,
  status_since timestamptz NOT NULL,
  last_checked_at timestamptz,
  last_error text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT connections_name_format CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  CONSTRAINT connections_status CHECK (status IN ('connected', 'disconnected', 'unknown')),
  CONSTRAINT connections_secrets_sealed CHECK (role_arn_sealed LIKE 'v1.%' AND external_id_sealed LIKE 'v1.%')
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  command text NOT NULL,
  connection_name text,
  result text NOT NULL,
  detail text NOT NULL,
  CONSTRAINT audit_log_result CHECK (result IN ('ok', 'denied', 'invalid', 'error'))
);

CREATE INDEX audit_log_by_connection ON audit_log (connection_name, id);

CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = '${AUDIT_APPEND_ONLY_SQLSTATE}';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
`,
};
