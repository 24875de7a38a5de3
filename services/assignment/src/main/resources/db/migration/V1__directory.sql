-- The directory as the assignment service's projections see it: current state per department, leader, official and
-- enterprise, every version of every routing rule with the interval it was in force, and the log of every change.
-- All of it is rebuilt from the event store by replaying the assignment-directory processing group.

CREATE TABLE department_view (
  department_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  name                 VARCHAR(200) NOT NULL,
  parent_department_id VARCHAR(64),
  registered_at        TIMESTAMPTZ  NOT NULL,
  updated_at           TIMESTAMPTZ  NOT NULL,
  version              BIGINT       NOT NULL
);

CREATE TABLE leader_view (
  leader_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name               VARCHAR(100) NOT NULL,
  title              VARCHAR(100) NOT NULL,
  rank               VARCHAR(32)  NOT NULL,
  department_id      VARCHAR(64),
  superior_leader_id VARCHAR(64),
  registered_at      TIMESTAMPTZ  NOT NULL,
  updated_at         TIMESTAMPTZ  NOT NULL,
  version            BIGINT       NOT NULL
);
CREATE INDEX leader_view_department_idx ON leader_view (department_id);

CREATE TABLE official_view (
  official_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  department_id VARCHAR(64)  NOT NULL,
  registered_at TIMESTAMPTZ  NOT NULL,
  updated_at    TIMESTAMPTZ  NOT NULL,
  version       BIGINT       NOT NULL
);

-- Registered enterprises (from the appeals service's events): what routing needs to know about them.
CREATE TABLE enterprise_view (
  enterprise_id  VARCHAR(18)  NOT NULL PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  chain_position VARCHAR(32)  NOT NULL,
  district       VARCHAR(100) NOT NULL,
  registered_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE liaison_view (
  enterprise_id     VARCHAR(18) NOT NULL PRIMARY KEY,
  liaison_leader_id VARCHAR(64),
  key_enterprise    BOOLEAN     NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL,
  version           BIGINT      NOT NULL
);

-- One row per version of a rule: in force from valid_from until valid_to (open while it still is).
CREATE TABLE routing_rule_version (
  rule_id        UUID         NOT NULL,
  version        BIGINT       NOT NULL,
  category       VARCHAR(32),
  chain_position VARCHAR(32),
  district       VARCHAR(100),
  department_id  VARCHAR(64)  NOT NULL,
  valid_from     TIMESTAMPTZ  NOT NULL,
  valid_to       TIMESTAMPTZ,
  changed_by     VARCHAR(255),
  CONSTRAINT routing_rule_version_pk PRIMARY KEY (rule_id, version)
);
CREATE INDEX routing_rule_version_interval_idx ON routing_rule_version (valid_from, valid_to);

-- Who changed what in the directory, and when: one row per directory event.
CREATE TABLE directory_change (
  event_id     VARCHAR(255) NOT NULL PRIMARY KEY,
  position     BIGINT       NOT NULL,
  occurred_at  TIMESTAMPTZ  NOT NULL,
  actor        VARCHAR(255),
  role         VARCHAR(32),
  kind         VARCHAR(64)  NOT NULL,
  subject_type VARCHAR(32)  NOT NULL,
  subject_id   VARCHAR(64)  NOT NULL,
  details      JSONB        NOT NULL
);
CREATE INDEX directory_change_time_idx ON directory_change (occurred_at DESC, position DESC);
CREATE INDEX directory_change_subject_idx ON directory_change (subject_type, subject_id, position);

-- Years of the working calendar an admin loaded (WorkingCalendarLoadedEvent); they replace the bundled years.
CREATE TABLE calendar_year (
  year      INTEGER     NOT NULL PRIMARY KEY,
  data      JSONB       NOT NULL,
  position  BIGINT      NOT NULL,
  loaded_at TIMESTAMPTZ NOT NULL
);
