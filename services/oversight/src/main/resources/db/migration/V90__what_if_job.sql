-- What-if runs (issue #22): a supervisor's request to replay a period under a proposal. One row per run, claimed by one
-- instance at a time (SELECT ... FOR UPDATE SKIP LOCKED); a run whose instance stopped beating is claimed again. The
-- scratch state of a run lives in the running instance's memory only and is gone when it ends; the row keeps the
-- answer. Finished runs are deleted after 30 days.
CREATE TABLE what_if_job (
    job_id          uuid PRIMARY KEY,
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    period_from     text        NOT NULL,
    period_to       text        NOT NULL,
    proposal        jsonb       NOT NULL,
    progress_done   bigint      NOT NULL DEFAULT 0,
    progress_total  bigint,
    claimed_by      text,
    heartbeat_at    timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    started_at      timestamptz,
    finished_at     timestamptz,
    result          jsonb,
    error           text
);

CREATE INDEX what_if_job_waiting ON what_if_job (requested_at) WHERE state IN ('QUEUED', 'RUNNING');
