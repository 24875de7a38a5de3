-- The read log (issue 22, ADR 0011): who read which appeal, case file, timeline or export, when, in which role, by
-- which route, with the correlation id. Append-only: every service's role may INSERT here and nothing else; the
-- oversight service reads it for supervisors and deletes rows older than the retention (docs/reliability.md, R12).

CREATE TABLE event_store.read_log (
  read_id        UUID         NOT NULL PRIMARY KEY,
  read_at        TIMESTAMPTZ  NOT NULL,
  service        VARCHAR(32)  NOT NULL,
  actor          VARCHAR(255) NOT NULL,
  role           VARCHAR(32),
  enterprise_id  VARCHAR(18),
  department_id  VARCHAR(64),
  what           VARCHAR(32)  NOT NULL,
  route          VARCHAR(255) NOT NULL,
  appeal_id      UUID,
  ids            JSONB        NOT NULL DEFAULT '{}',
  format         VARCHAR(64),
  correlation_id VARCHAR(255)
);
CREATE INDEX read_log_appeal_idx ON event_store.read_log (appeal_id, read_at DESC) WHERE appeal_id IS NOT NULL;
CREATE INDEX read_log_actor_idx ON event_store.read_log (actor, read_at DESC);
CREATE INDEX read_log_read_at_idx ON event_store.read_log (read_at);
