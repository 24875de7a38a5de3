-- Read models of the oversight service. Everything but the frozen rankings and the replay control is rebuilt from
-- the event store by a replay (POST /api/oversight/admin/replay).

-- One row per event that concerns an appeal, from any service, appended and never changed: the timeline, and the
-- facts every KPI is derived from. `at` is when it happened (the event's own time field: signedAt, submittedAt, ...);
-- `recorded_at` is when the event store recorded it, which is what ?asOf= filters on ("what was known then").
CREATE TABLE appeal_fact (
  event_id            VARCHAR(255) NOT NULL PRIMARY KEY,
  appeal_id           UUID         NOT NULL,
  global_index        BIGINT       NOT NULL,
  type                VARCHAR(32)  NOT NULL,
  at                  TIMESTAMPTZ  NOT NULL,
  recorded_at         TIMESTAMPTZ  NOT NULL,
  department_id       VARCHAR(64),
  other_department_id VARCHAR(64),
  leader_id           VARCHAR(255),
  round               INTEGER,
  due_at              TIMESTAMPTZ,
  due2_at             TIMESTAMPTZ,
  flag                BOOLEAN,
  rating              SMALLINT,
  kind                VARCHAR(64),
  related_id          VARCHAR(64),
  actor               VARCHAR(255),
  role                VARCHAR(32),
  correlation_id      VARCHAR(255),
  causation_id        VARCHAR(255),
  details             JSONB        NOT NULL DEFAULT '{}'
);
CREATE INDEX appeal_fact_appeal_idx ON appeal_fact (appeal_id, global_index);
CREATE INDEX appeal_fact_at_idx ON appeal_fact (at);
CREATE INDEX appeal_fact_due_idx ON appeal_fact (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX appeal_fact_finished_idx ON appeal_fact (appeal_id, recorded_at)
  WHERE type IN ('WITHDRAWN', 'APPEAL_CLOSED', 'CASE_CLOSED', 'ASSIGNMENT_CLOSED');

-- What an appeal is about, for filtering KPIs by category and district. Filled from the appeal's filing and the
-- assignment service's routing facts, in whichever order they arrive.
CREATE TABLE appeal_dimension (
  appeal_id      UUID         NOT NULL PRIMARY KEY,
  enterprise_id  VARCHAR(18),
  title          VARCHAR(200),
  category       VARCHAR(32),
  urgency        VARCHAR(16),
  source         VARCHAR(32),
  district       VARCHAR(100),
  chain_position VARCHAR(32),
  filed_at       TIMESTAMPTZ
);
CREATE INDEX appeal_dimension_enterprise_idx ON appeal_dimension (enterprise_id);

-- The directory as it is now (the newest event wins; global_index guards against redelivery and reordering).
CREATE TABLE department (
  department_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  name                 VARCHAR(200) NOT NULL,
  parent_department_id VARCHAR(64),
  global_index         BIGINT       NOT NULL
);

CREATE TABLE leader (
  leader_id          VARCHAR(255) NOT NULL PRIMARY KEY,
  name               VARCHAR(200) NOT NULL,
  title              VARCHAR(200),
  rank               VARCHAR(32),
  department_id      VARCHAR(64),
  superior_leader_id VARCHAR(255),
  global_index       BIGINT       NOT NULL
);
CREATE INDEX leader_superior_idx ON leader (superior_leader_id);

CREATE TABLE enterprise (
  enterprise_id  VARCHAR(18)  NOT NULL PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  chain_position VARCHAR(32),
  district       VARCHAR(100),
  registered_at  TIMESTAMPTZ  NOT NULL,
  global_index   BIGINT       NOT NULL
);

-- Who looked after which enterprise, appended: the liaison view can be asked as of any instant.
CREATE TABLE enterprise_liaison (
  event_id          VARCHAR(255) NOT NULL PRIMARY KEY,
  enterprise_id     VARCHAR(18)  NOT NULL,
  liaison_leader_id VARCHAR(255),
  key_enterprise    BOOLEAN      NOT NULL,
  changed_at        TIMESTAMPTZ  NOT NULL,
  recorded_at       TIMESTAMPTZ  NOT NULL,
  global_index      BIGINT       NOT NULL
);
CREATE INDEX enterprise_liaison_enterprise_idx ON enterprise_liaison (enterprise_id, global_index);

-- Years of the working calendar an admin loaded; they replace the bundled years of the same number.
CREATE TABLE calendar_year (
  year                 INTEGER      NOT NULL PRIMARY KEY,
  provisional          BOOLEAN      NOT NULL,
  source               TEXT         NOT NULL,
  holidays             JSONB        NOT NULL,
  make_up_working_days JSONB        NOT NULL,
  global_index         BIGINT       NOT NULL
);

-- Rankings as reported: frozen once per month, never rebuilt by a replay (they are a record of what was reported).
-- The primary key on the month is what keeps two instances from freezing the same month twice.
-- as_of: the month's end; only facts recorded by then make the ranking as reported, however late it was frozen.
CREATE TABLE ranking_freeze (
  month                CHAR(7)      NOT NULL PRIMARY KEY,
  as_of                TIMESTAMPTZ  NOT NULL,
  frozen_at            TIMESTAMPTZ  NOT NULL,
  frozen_by            VARCHAR(255) NOT NULL,
  read_model_position  BIGINT,
  event_store_head     BIGINT       NOT NULL
);

CREATE TABLE ranking_frozen_row (
  month         CHAR(7)      NOT NULL REFERENCES ranking_freeze (month),
  department_id VARCHAR(64)  NOT NULL,
  rank          INTEGER,
  score         NUMERIC(7, 2),
  kpis          JSONB        NOT NULL,
  PRIMARY KEY (month, department_id)
);

-- The replay (rebuild) of the read models: one control row that every instance watches, and each instance's answer.
CREATE TABLE replay_control (
  id                SMALLINT     NOT NULL PRIMARY KEY CHECK (id = 1),
  generation        BIGINT       NOT NULL,
  state             VARCHAR(16)  NOT NULL,
  requested_by      VARCHAR(255),
  requested_at      TIMESTAMPTZ,
  reset_at          TIMESTAMPTZ,
  reset_by_instance VARCHAR(255),
  reset_head        BIGINT
);
INSERT INTO replay_control (id, generation, state) VALUES (1, 0, 'IDLE');

CREATE TABLE replay_instance (
  instance_id VARCHAR(255) NOT NULL PRIMARY KEY,
  generation  BIGINT       NOT NULL,
  state       VARCHAR(16)  NOT NULL,
  updated_at  TIMESTAMPTZ  NOT NULL
);
