-- Read models of the meetings service, fed by its projections. Rebuildable from the event store at any time.

CREATE TABLE meeting_view (
  meeting_id         UUID         NOT NULL PRIMARY KEY,
  host_leader_id     VARCHAR(64)  NOT NULL,
  theme              VARCHAR(200) NOT NULL,
  venue              VARCHAR(200) NOT NULL,
  starts_at          TIMESTAMPTZ  NOT NULL,
  ends_at            TIMESTAMPTZ  NOT NULL,
  capacity           INTEGER      NOT NULL,
  department_ids     JSONB        NOT NULL DEFAULT '[]',
  topic_cut_off_at   TIMESTAMPTZ  NOT NULL,
  scheduled_at       TIMESTAMPTZ  NOT NULL,
  agenda_revision    INTEGER      NOT NULL DEFAULT 0,
  minutes_status     VARCHAR(16)  NOT NULL DEFAULT 'NONE',
  closed_at          TIMESTAMPTZ,
  version            BIGINT       NOT NULL
);
CREATE INDEX meeting_view_starts_idx ON meeting_view (starts_at);

CREATE TABLE invitation_view (
  meeting_id     UUID         NOT NULL,
  enterprise_id  VARCHAR(18)  NOT NULL,
  selection      VARCHAR(32)  NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  decline_reason TEXT,
  sent_at        TIMESTAMPTZ  NOT NULL,
  responded_at   TIMESTAMPTZ,
  CONSTRAINT invitation_view_pk PRIMARY KEY (meeting_id, enterprise_id)
);
CREATE INDEX invitation_view_enterprise_idx ON invitation_view (enterprise_id);

CREATE TABLE topic_view (
  topic_id         UUID         NOT NULL PRIMARY KEY,
  meeting_id       UUID         NOT NULL,
  enterprise_id    VARCHAR(18)  NOT NULL,
  title            VARCHAR(200) NOT NULL,
  description      TEXT         NOT NULL,
  linked_appeal_id UUID,
  status           VARCHAR(16)  NOT NULL,
  decline_reason   TEXT,
  proposed_at      TIMESTAMPTZ  NOT NULL,
  decided_at       TIMESTAMPTZ
);
CREATE INDEX topic_view_meeting_idx ON topic_view (meeting_id, proposed_at);

-- Every version of the agenda: revision 1 is the published one, each change adds the next with its reason.
CREATE TABLE agenda_revision (
  meeting_id UUID        NOT NULL,
  revision   INTEGER     NOT NULL,
  items      JSONB       NOT NULL,
  reason     TEXT,
  changed_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT agenda_revision_pk PRIMARY KEY (meeting_id, revision)
);

-- The minutes as they stand, and every correction after publication.
CREATE TABLE minutes_view (
  meeting_id   UUID        NOT NULL PRIMARY KEY,
  status       VARCHAR(16) NOT NULL,
  attendance   JSONB       NOT NULL,
  items        JSONB       NOT NULL,
  drafted_at   TIMESTAMPTZ NOT NULL,
  published_at TIMESTAMPTZ,
  corrections  INTEGER     NOT NULL DEFAULT 0
);

CREATE TABLE minutes_correction (
  meeting_id   UUID        NOT NULL,
  correction   INTEGER     NOT NULL,
  attendance   JSONB       NOT NULL,
  items        JSONB       NOT NULL,
  reason       TEXT        NOT NULL,
  corrected_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT minutes_correction_pk PRIMARY KEY (meeting_id, correction)
);

CREATE TABLE action_item_view (
  action_item_id        UUID         NOT NULL PRIMARY KEY,
  meeting_id            UUID         NOT NULL,
  appeal_id             UUID         NOT NULL UNIQUE,
  agenda_position       INTEGER      NOT NULL,
  decision              INTEGER      NOT NULL,
  enterprise_id         VARCHAR(18)  NOT NULL,
  owner_department_id   VARCHAR(64)  NOT NULL,
  responsible_leader_id VARCHAR(64)  NOT NULL,
  due_on                DATE         NOT NULL,
  title                 VARCHAR(200) NOT NULL,
  description           TEXT         NOT NULL,
  category              VARCHAR(32)  NOT NULL,
  urgency               VARCHAR(16)  NOT NULL,
  raised_at             TIMESTAMPTZ  NOT NULL,
  closed_at             TIMESTAMPTZ,
  close_cause           VARCHAR(32)
);
CREATE INDEX action_item_view_meeting_idx ON action_item_view (meeting_id, raised_at);

-- The live status of the appeal each action item became, from the events of appeals, assignment and resolution.
-- One timestamp per milestone, so that events arriving in any order give the same row.
CREATE TABLE action_item_status (
  appeal_id              UUID        NOT NULL PRIMARY KEY,
  action_item_id         UUID        NOT NULL,
  meeting_id             UUID        NOT NULL,
  filed_at               TIMESTAMPTZ,
  dispatched_at          TIMESTAMPTZ,
  holding_department_id  VARCHAR(64),
  signed_for_at          TIMESTAMPTZ,
  answered_at            TIMESTAMPTZ,
  case_closed_at         TIMESTAMPTZ,
  appeal_closed_at       TIMESTAMPTZ,
  withdrawn_at           TIMESTAMPTZ
);

-- What the meetings service knows of other contexts: registered enterprises (to invite by chain position) and which
-- enterprise filed which appeal (a topic may only link the proposing enterprise's own appeal).
CREATE TABLE enterprise_directory (
  enterprise_id  VARCHAR(18)  NOT NULL PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  chain_position VARCHAR(32)  NOT NULL
);
CREATE INDEX enterprise_directory_position_idx ON enterprise_directory (chain_position);

CREATE TABLE appeal_owner (
  appeal_id     UUID        NOT NULL PRIMARY KEY,
  enterprise_id VARCHAR(18) NOT NULL
);

-- The closing reaction's memory: which meeting and action item an appeal stands for. Not a read model: its
-- processing group is never replayed, so this table is never rebuilt.
CREATE TABLE action_item_link (
  appeal_id      UUID NOT NULL PRIMARY KEY,
  meeting_id     UUID NOT NULL,
  action_item_id UUID NOT NULL
);
