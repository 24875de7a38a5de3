-- Every change an administrator makes to users and clients (issue 20): who, when, what. Identity is not event-sourced;
-- this table is its audit trail, written in the same transaction as the change and never updated.
CREATE TABLE admin_audit (
    id           bigserial    PRIMARY KEY,
    occurred_at  timestamptz  DEFAULT CURRENT_TIMESTAMP NOT NULL,
    actor        varchar(100) NOT NULL,
    action       varchar(40)  NOT NULL,
    subject_type varchar(20)  NOT NULL,
    subject_id   varchar(100) NOT NULL,
    details      jsonb        NOT NULL
);

CREATE INDEX admin_audit_subject ON admin_audit (subject_type, subject_id, id DESC);
