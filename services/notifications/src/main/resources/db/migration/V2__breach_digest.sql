-- Breaches as they happen, for the supervisors' daily digest (one row per DeadlineBreachedEvent).
CREATE TABLE breach (
  event_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
  appeal_id      UUID         NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  department_id  VARCHAR(64),
  due_at         TIMESTAMPTZ  NOT NULL,
  breached_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX breach_at_idx ON breach (breached_at);
