-- Tables every event-sourced service keeps in its own schema: the processors' tokens, the dead letters of its
-- processing groups, and the idempotency keys of its creates. The schema is the service's (Flyway default schema).

CREATE TABLE token_entry (
  processor_name VARCHAR(255) NOT NULL,
  segment        INTEGER      NOT NULL,
  token          BYTEA,
  token_type     VARCHAR(255),
  timestamp      VARCHAR(255),
  owner          VARCHAR(255),
  CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);

CREATE TABLE dead_letter_entry (
  dead_letter_id     VARCHAR(255)  NOT NULL,
  processing_group   VARCHAR(255)  NOT NULL,
  sequence_id        VARCHAR(255)  NOT NULL,
  sequence_index     BIGINT        NOT NULL,
  message_type       VARCHAR(255)  NOT NULL,
  event_identifier   VARCHAR(255)  NOT NULL,
  time_stamp         VARCHAR(255)  NOT NULL,
  payload_type       VARCHAR(255)  NOT NULL,
  payload_revision   VARCHAR(255),
  payload            BYTEA         NOT NULL,
  meta_data          BYTEA,
  aggregate_type     VARCHAR(255),
  aggregate_id       VARCHAR(255),
  sequence_number    BIGINT,
  token_type         VARCHAR(255),
  token              BYTEA,
  enqueued_at        VARCHAR(255)  NOT NULL,
  last_touched       VARCHAR(255),
  processing_started VARCHAR(255),
  cause_type         VARCHAR(255),
  cause_message      VARCHAR(1023),
  diagnostics        BYTEA,
  CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
  CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processing_group, sequence_id, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_id);

CREATE TABLE idempotency_key (
  scope        VARCHAR(255) NOT NULL,
  idem_key     VARCHAR(255) NOT NULL,
  request_hash VARCHAR(64)  NOT NULL,
  resource_id  VARCHAR(255) NOT NULL,
  created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT idempotency_key_pk PRIMARY KEY (scope, idem_key)
);
