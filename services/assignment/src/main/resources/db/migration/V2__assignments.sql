-- Who holds each appeal: the current assignment, the leaders' supervision notices and the holder record.
-- Rebuilt from the event store by replaying their processing groups.

CREATE TABLE assignment_view (
  appeal_id           UUID         NOT NULL PRIMARY KEY,
  enterprise_id       VARCHAR(18)  NOT NULL,
  category            VARCHAR(32)  NOT NULL,
  urgency             VARCHAR(16)  NOT NULL,
  chain_position      VARCHAR(32),
  district            VARCHAR(100),
  status              VARCHAR(16)  NOT NULL,
  department_id       VARCHAR(64),
  routing_mode        VARCHAR(16),
  rule_id             UUID,
  queue_reason        VARCHAR(64),
  leader_id           VARCHAR(64),
  opened_at           TIMESTAMPTZ  NOT NULL,
  queued_at           TIMESTAMPTZ,
  dispatch_due_at     TIMESTAMPTZ,
  dispatched_at       TIMESTAMPTZ,
  sign_for_due_at     TIMESTAMPTZ,
  signed_for_at       TIMESTAMPTZ,
  signed_by           VARCHAR(64),
  signed_within_limit BOOLEAN,
  closed_reason       VARCHAR(32),
  closed_at           TIMESTAMPTZ,
  updated_at          TIMESTAMPTZ  NOT NULL,
  version             BIGINT       NOT NULL
);
CREATE INDEX assignment_view_queue_idx ON assignment_view (status, dispatch_due_at);
CREATE INDEX assignment_view_department_idx ON assignment_view (department_id, status, opened_at DESC);
CREATE INDEX assignment_view_leader_idx ON assignment_view (leader_id, opened_at DESC);

CREATE TABLE supervision_notice_view (
  notice_id     UUID          NOT NULL PRIMARY KEY,
  appeal_id     UUID          NOT NULL,
  leader_id     VARCHAR(64)   NOT NULL,
  department_id VARCHAR(64)   NOT NULL,
  instructions  TEXT          NOT NULL,
  due_at        TIMESTAMPTZ   NOT NULL,
  issued_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX supervision_notice_view_appeal_idx ON supervision_notice_view (appeal_id, issued_at);
CREATE INDEX supervision_notice_view_leader_idx ON supervision_notice_view (leader_id, issued_at DESC);

-- Every period during which a department or a leader held an appeal. Positions are the global index of the event
-- that started or ended the period: an end only closes periods started before it, so a redelivered event changes
-- nothing.
CREATE TABLE holder_period (
  period_id      BIGSERIAL    NOT NULL PRIMARY KEY,
  appeal_id      UUID         NOT NULL,
  holder_kind    VARCHAR(16)  NOT NULL,
  holder_id      VARCHAR(64)  NOT NULL,
  started_at     TIMESTAMPTZ  NOT NULL,
  start_position BIGINT       NOT NULL,
  start_event_id VARCHAR(255) NOT NULL,
  signed_for_at  TIMESTAMPTZ,
  ended_at       TIMESTAMPTZ,
  end_position   BIGINT,
  end_reason     VARCHAR(32),
  CONSTRAINT holder_period_start_uk UNIQUE (start_event_id, holder_kind)
);
CREATE INDEX holder_period_appeal_idx ON holder_period (appeal_id, start_position);

-- Guards of the reactions (never replayed, never reset): an appeal is routed once, a breach escalates once, even
-- when the same event arrives twice.
CREATE TABLE routed_appeal (
  appeal_id UUID        NOT NULL PRIMARY KEY,
  routed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE handled_breach (
  appeal_id  UUID        NOT NULL,
  kind       VARCHAR(32) NOT NULL,
  due_at     TIMESTAMPTZ NOT NULL,
  handled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT handled_breach_pk PRIMARY KEY (appeal_id, kind, due_at)
);
