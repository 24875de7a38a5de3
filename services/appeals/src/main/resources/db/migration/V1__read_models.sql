-- Read models of the appeals service, fed by its projections. Rebuildable from the event store at any time.

CREATE TABLE enterprise_view (
  enterprise_id  VARCHAR(18)  NOT NULL PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  chain_position VARCHAR(32)  NOT NULL,
  district       VARCHAR(100) NOT NULL,
  contact_name   VARCHAR(100),
  contact_phone  VARCHAR(40),
  contact_email  VARCHAR(200),
  registered_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE appeal_view (
  appeal_id          UUID         NOT NULL PRIMARY KEY,
  enterprise_id      VARCHAR(18)  NOT NULL,
  title              VARCHAR(200) NOT NULL,
  description        TEXT         NOT NULL,
  category           VARCHAR(32)  NOT NULL,
  urgency            VARCHAR(16)  NOT NULL,
  source             VARCHAR(32)  NOT NULL,
  meeting_id         UUID,
  action_item_id     UUID,
  manual_dispatch    BOOLEAN      NOT NULL,
  attachments        JSONB        NOT NULL DEFAULT '[]',
  status             VARCHAR(32)  NOT NULL,
  holding_department VARCHAR(64),
  supplements        INTEGER      NOT NULL DEFAULT 0,
  withdrawal_reason  TEXT,
  filed_at           TIMESTAMPTZ  NOT NULL,
  updated_at         TIMESTAMPTZ  NOT NULL,
  version            BIGINT       NOT NULL
);
CREATE INDEX appeal_view_enterprise_idx ON appeal_view (enterprise_id, filed_at DESC, appeal_id DESC);
CREATE INDEX appeal_view_filed_idx ON appeal_view (filed_at DESC, appeal_id DESC);
CREATE INDEX appeal_view_department_idx ON appeal_view (holding_department, filed_at DESC);

-- Every event of an appeal, from any service, with who did it: the enterprise's view of its history.
CREATE TABLE appeal_timeline (
  event_id   VARCHAR(255) NOT NULL PRIMARY KEY,
  appeal_id  UUID         NOT NULL,
  position    BIGINT      NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  type       VARCHAR(64)  NOT NULL,
  actor      VARCHAR(255),
  role       VARCHAR(32),
  details    JSONB        NOT NULL DEFAULT '{}'
);
CREATE INDEX appeal_timeline_appeal_idx ON appeal_timeline (appeal_id, position);
