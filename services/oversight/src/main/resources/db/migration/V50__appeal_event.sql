-- Oversight keeps each published event about an appeal itself (docs/adr/0007-oversight-over-typed-events.md): the
-- record as the published language serialises it, with its type and revision, folded on read by the language's own
-- records. Beside it only the columns queries select by: the appeal, the stream position, when the event store
-- recorded it (?asOf=), when it happened and the due instant it sets (a KPI period's appeals), whether it finishes the
-- appeal (the overdue list), and the metadata the timeline shows. It replaces appeal_fact, which flattened every event
-- into 21 generic columns.
CREATE TABLE appeal_event (
  event_id         TEXT        NOT NULL PRIMARY KEY,
  appeal_id        UUID        NOT NULL,
  global_index     BIGINT      NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL,
  at               TIMESTAMPTZ NOT NULL,
  due_at           TIMESTAMPTZ,
  finishes         BOOLEAN     NOT NULL,
  payload_type     TEXT        NOT NULL,
  payload_revision TEXT,
  payload          JSON        NOT NULL,
  actor            TEXT,
  role             TEXT,
  correlation_id   TEXT,
  causation_id     TEXT
);
CREATE INDEX appeal_event_appeal_idx ON appeal_event (appeal_id, global_index);
CREATE INDEX appeal_event_at_idx ON appeal_event (at);
CREATE INDEX appeal_event_due_idx ON appeal_event (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX appeal_event_finished_idx ON appeal_event (appeal_id, recorded_at) WHERE finishes;

DROP TABLE appeal_fact;

-- The new table is filled the way a replay fills it: the read models are emptied and the processing group's token
-- dropped, so that the group starts again from the first event (the rankings as reported are kept, as a replay keeps
-- them).
TRUNCATE appeal_dimension, department, leader, enterprise, enterprise_liaison, calendar_year;
DELETE FROM token_entry WHERE processor_name = 'oversight-read-models';
DELETE FROM dead_letter_entry WHERE processing_group = 'oversight-read-models';
