-- The resolution service's own tables. The read models (case_file_view, progress_note, extension_request,
-- leader_in_charge, calendar_year) are rebuildable from the event store; appeal_urgency is the reactions' memory of
-- each appeal's urgency, which the sign-for event does not carry.

CREATE TABLE appeal_urgency (
  appeal_id UUID        NOT NULL PRIMARY KEY,
  urgency   VARCHAR(16) NOT NULL
);

CREATE TABLE case_file_view (
  appeal_id              UUID         NOT NULL PRIMARY KEY,
  case_file_id           UUID         NOT NULL,
  department_id          VARCHAR(64)  NOT NULL,
  urgency                VARCHAR(16)  NOT NULL,
  round                  INTEGER      NOT NULL,
  status                 VARCHAR(16)  NOT NULL,
  opened_at              TIMESTAMPTZ  NOT NULL,
  first_contact_due_at   TIMESTAMPTZ,
  first_contact_at       TIMESTAMPTZ,
  resolution_due_at      TIMESTAMPTZ  NOT NULL,
  provisional_calendar   BOOLEAN      NOT NULL DEFAULT false,
  paused_at              TIMESTAMPTZ,
  pause_reason           TEXT,
  first_contact_breached BOOLEAN      NOT NULL DEFAULT false,
  resolution_breached    BOOLEAN      NOT NULL DEFAULT false,
  answer                 TEXT,
  outcome                VARCHAR(32),
  outcome_reason         TEXT,
  policy_basis           TEXT,
  answered_at            TIMESTAMPTZ,
  answered_on_time       BOOLEAN,
  feedback               VARCHAR(32),
  rating                 INTEGER,
  signed_off_by          VARCHAR(255),
  closed_at              TIMESTAMPTZ,
  updated_at             TIMESTAMPTZ  NOT NULL,
  version                BIGINT       NOT NULL
);
CREATE INDEX case_file_view_department_idx ON case_file_view (department_id, status, resolution_due_at);

CREATE TABLE progress_note (
  note_id                 UUID         NOT NULL PRIMARY KEY,
  appeal_id               UUID         NOT NULL,
  official_id             VARCHAR(255) NOT NULL,
  text                    TEXT         NOT NULL,
  visible_to_enterprise   BOOLEAN      NOT NULL,
  contact_with_enterprise BOOLEAN      NOT NULL,
  noted_at                TIMESTAMPTZ  NOT NULL
);
CREATE INDEX progress_note_appeal_idx ON progress_note (appeal_id, noted_at);

CREATE TABLE extension_request (
  request_id       UUID         NOT NULL PRIMARY KEY,
  appeal_id        UUID         NOT NULL,
  official_id      VARCHAR(255) NOT NULL,
  requested_due_at TIMESTAMPTZ  NOT NULL,
  reason           TEXT         NOT NULL,
  requested_at     TIMESTAMPTZ  NOT NULL,
  decision         VARCHAR(16),
  leader_id        VARCHAR(255),
  granted_due_at   TIMESTAMPTZ,
  denial_reason    TEXT,
  decided_at       TIMESTAMPTZ
);
CREATE INDEX extension_request_appeal_idx ON extension_request (appeal_id, requested_at);

-- who took charge of which appeal (领办); may be known before the case file opens
CREATE TABLE leader_in_charge (
  appeal_id UUID         NOT NULL PRIMARY KEY,
  leader_id VARCHAR(255) NOT NULL
);

-- calendar years an admin loaded; they replace the bundled data of the same year
CREATE TABLE calendar_year (
  year      INTEGER      NOT NULL PRIMARY KEY,
  data      TEXT         NOT NULL,
  loaded_by VARCHAR(255) NOT NULL,
  loaded_at TIMESTAMPTZ  NOT NULL
);
