-- Read models of the projects service, fed by its projections. Rebuildable from the event store at any time.

CREATE TABLE project_view (
  project_id        UUID          NOT NULL PRIMARY KEY,
  name              VARCHAR(200)  NOT NULL,
  chain_link        VARCHAR(32)   NOT NULL,
  investment_cny    NUMERIC(20,2) NOT NULL,
  capacity_amount   NUMERIC(20,3) NOT NULL,
  capacity_unit     VARCHAR(16)   NOT NULL,
  site              VARCHAR(200)  NOT NULL,
  leader_id         VARCHAR(64)   NOT NULL,
  department_id     VARCHAR(64)   NOT NULL,
  signed_on         DATE          NOT NULL,
  registered_at     TIMESTAMPTZ   NOT NULL,
  registered_by     VARCHAR(128),
  version           BIGINT        NOT NULL
);
CREATE INDEX project_view_chain_idx ON project_view (chain_link, signed_on);

-- The investing enterprises: an enterprise sees the projects it invests in.
CREATE TABLE project_investor (
  project_id    UUID        NOT NULL,
  enterprise_id VARCHAR(18) NOT NULL,
  position      INTEGER     NOT NULL,
  CONSTRAINT project_investor_pk PRIMARY KEY (project_id, enterprise_id)
);
CREATE INDEX project_investor_enterprise_idx ON project_investor (enterprise_id);

-- One row per milestone of each project: planned, reached, and when it went overdue. The signing is reached on
-- signed_on by definition.
CREATE TABLE milestone_view (
  project_id  UUID        NOT NULL,
  milestone   VARCHAR(32) NOT NULL,
  position    INTEGER     NOT NULL,
  planned_on  DATE        NOT NULL,
  reached_on  DATE,
  note        TEXT,
  recorded_by VARCHAR(128),
  overdue_at  TIMESTAMPTZ,
  CONSTRAINT milestone_view_pk PRIMARY KEY (project_id, milestone)
);

CREATE TABLE progress_note (
  project_id UUID         NOT NULL,
  sequence   BIGINT       NOT NULL,
  note       TEXT         NOT NULL,
  noted_by   VARCHAR(128),
  noted_at   TIMESTAMPTZ  NOT NULL,
  CONSTRAINT progress_note_pk PRIMARY KEY (project_id, sequence)
);

-- Blockers and the state of the appeal each became, from the appeals service's events.
CREATE TABLE blocker_view (
  blocker_id    UUID         NOT NULL PRIMARY KEY,
  project_id    UUID         NOT NULL,
  appeal_id     UUID         NOT NULL UNIQUE,
  enterprise_id VARCHAR(18)  NOT NULL,
  title         VARCHAR(200) NOT NULL,
  category      VARCHAR(32)  NOT NULL,
  urgency       VARCHAR(16)  NOT NULL,
  raised_by     VARCHAR(128),
  raised_at     TIMESTAMPTZ  NOT NULL,
  appeal_status VARCHAR(16)  NOT NULL DEFAULT 'RAISED',
  closed_at     TIMESTAMPTZ
);
CREATE INDEX blocker_view_project_idx ON blocker_view (project_id, raised_at);
