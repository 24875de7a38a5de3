-- The one event store of the platform (ADR 0001). Every service appends here and reads the global stream.
-- bytea payloads (never large objects), snake_case names, and a global index with its own sequence that hands out
-- one number at a time so that no node's events hide behind another's block of numbers.

CREATE SEQUENCE IF NOT EXISTS event_store.domain_event_entry_global_index_seq INCREMENT BY 1 CACHE 1;

CREATE TABLE event_store.domain_event_entry (
  global_index         BIGINT       NOT NULL DEFAULT nextval('event_store.domain_event_entry_global_index_seq'),
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number      BIGINT       NOT NULL,
  type                 VARCHAR(255),
  event_identifier     VARCHAR(255) NOT NULL,
  meta_data            BYTEA,
  payload              BYTEA        NOT NULL,
  payload_revision     VARCHAR(255),
  payload_type         VARCHAR(255) NOT NULL,
  time_stamp           VARCHAR(255) NOT NULL,
  CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
  CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number),
  CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

ALTER SEQUENCE event_store.domain_event_entry_global_index_seq OWNED BY event_store.domain_event_entry.global_index;

CREATE TABLE event_store.snapshot_event_entry (
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number      BIGINT       NOT NULL,
  type                 VARCHAR(255) NOT NULL,
  event_identifier     VARCHAR(255) NOT NULL,
  meta_data            BYTEA,
  payload              BYTEA        NOT NULL,
  payload_revision     VARCHAR(255),
  payload_type         VARCHAR(255) NOT NULL,
  time_stamp           VARCHAR(255) NOT NULL,
  CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
  CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

-- Wake up the processors of every other service process as soon as a transaction that appended events commits:
-- NOTIFY is delivered at commit, once per transaction (duplicates within one transaction are folded).
CREATE FUNCTION event_store.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('qinqing_events', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER domain_event_entry_notify
  AFTER INSERT ON event_store.domain_event_entry
  FOR EACH STATEMENT EXECUTE FUNCTION event_store.notify_appended();

-- Stored events are facts: they are never changed or removed.
CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events in the event store are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_immutable
  BEFORE UPDATE OR DELETE ON event_store.domain_event_entry
  FOR EACH ROW EXECUTE FUNCTION event_store.refuse_change();
