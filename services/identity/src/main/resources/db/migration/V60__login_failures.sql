-- Failed sign-ins, counted by every instance of identity alike (issue 18): per user name at a client address
-- (kind 'user') and per address (kind 'address'). Rows older than the throttle's window are deleted now and then.
CREATE TABLE login_failure (
  kind        VARCHAR(10)  NOT NULL,
  failure_key VARCHAR(600) NOT NULL,
  failed_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX login_failure_key ON login_failure (kind, failure_key, failed_at);
CREATE INDEX login_failure_failed_at ON login_failure (failed_at);
