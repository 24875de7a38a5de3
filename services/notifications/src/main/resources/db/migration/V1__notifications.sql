-- The notifications service: what it learns from events about who is who, what each person chose, and every
-- notification (feed entries and the outbox of e-mails and webhook calls).

-- Enterprises as they registered: the contact's e-mail address and phone are where their notifications go.
CREATE TABLE enterprise_contact (
  enterprise_id  VARCHAR(18)  NOT NULL PRIMARY KEY,
  name           TEXT         NOT NULL,
  email          TEXT,
  phone          TEXT
);

-- Departments' names, for the texts.
CREATE TABLE department (
  department_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
  name           TEXT         NOT NULL
);

-- Officials and the department they work in (their department's inbox is theirs).
CREATE TABLE official (
  official_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
  department_id  VARCHAR(64)  NOT NULL
);
CREATE INDEX official_department_idx ON official (department_id);

-- Each appeal: whose it is, what it is called, which department holds it and which leader took charge of it.
CREATE TABLE appeal_party (
  appeal_id      UUID         NOT NULL PRIMARY KEY,
  enterprise_id  VARCHAR(18)  NOT NULL,
  title          TEXT         NOT NULL,
  department_id  VARCHAR(64),
  leader_id      VARCHAR(64),
  supervising_leader_id VARCHAR(64)
);

-- Breakfast meetings, for the invitations' texts and .ics files.
CREATE TABLE meeting (
  meeting_id     UUID         NOT NULL PRIMARY KEY,
  host_leader_id VARCHAR(64)  NOT NULL,
  theme          TEXT         NOT NULL,
  venue          TEXT         NOT NULL,
  starts_at      TIMESTAMPTZ  NOT NULL,
  ends_at        TIMESTAMPTZ  NOT NULL,
  scheduled_at   TIMESTAMPTZ  NOT NULL
);

-- What a person chose: their language and (staff) e-mail address; per kind, which channels.
-- recipient is 'enterprise:<USCC>' for an enterprise (all its users share it) or 'user:<name>' for city staff.
CREATE TABLE recipient_profile (
  recipient      VARCHAR(100) NOT NULL PRIMARY KEY,
  language       VARCHAR(8)   NOT NULL DEFAULT 'zh-CN',
  email          TEXT
);

CREATE TABLE channel_choice (
  recipient      VARCHAR(100) NOT NULL,
  kind           VARCHAR(40)  NOT NULL,
  feed           BOOLEAN      NOT NULL,
  email          BOOLEAN      NOT NULL,
  webhook        BOOLEAN      NOT NULL,
  CONSTRAINT channel_choice_pk PRIMARY KEY (recipient, kind)
);

-- One row per event, person and channel, written in the processor's transaction: a replay or a second instance
-- finds the row and sends nothing twice. FEED rows are the in-app feed; EMAIL and WEBHOOK rows are the outbox that
-- the delivery job sends after commit (PENDING -> SENT, or DEAD after the last try).
CREATE TABLE notification (
  id               UUID         NOT NULL PRIMARY KEY,
  event_id         VARCHAR(64)  NOT NULL,
  recipient        VARCHAR(100) NOT NULL,
  channel          VARCHAR(16)  NOT NULL,
  kind             VARCHAR(40)  NOT NULL,
  appeal_id        UUID,
  language         VARCHAR(8)   NOT NULL,
  subject          TEXT         NOT NULL,
  body             TEXT         NOT NULL,
  link             TEXT,
  address          TEXT,
  attachment_name  TEXT,
  attachment       BYTEA,
  created_at       TIMESTAMPTZ  NOT NULL,
  read_at          TIMESTAMPTZ,
  status           VARCHAR(16)  NOT NULL,
  attempts         INTEGER      NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ,
  last_error       TEXT,
  sent_at          TIMESTAMPTZ,
  CONSTRAINT notification_once UNIQUE (event_id, recipient, channel)
);
CREATE INDEX notification_feed_idx ON notification (recipient, created_at DESC) WHERE channel = 'FEED';
CREATE INDEX notification_outbox_idx ON notification (next_attempt_at) WHERE status = 'PENDING';
