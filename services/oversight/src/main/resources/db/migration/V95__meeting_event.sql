-- The causal chain (topic → meeting → decision → action item → appeal → case file → close-out) and a liaison
-- leader's meetings need the breakfast meetings' own events: who proposed which topic, the agenda, the minutes'
-- decisions, who attended. Kept like appeal_event (docs/adr/0007-oversight-over-typed-events.md): each published
-- meeting event as the published language serialised it, folded on read; beside it only what queries select by — the
-- meeting, the stream position, when the store recorded it (?asOf=) and the enterprises the event names.
CREATE TABLE meeting_event (
  event_id         TEXT        NOT NULL PRIMARY KEY,
  meeting_id       UUID        NOT NULL,
  global_index     BIGINT      NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL,
  enterprise_ids   TEXT[]      NOT NULL,
  payload_type     TEXT        NOT NULL,
  payload_revision TEXT,
  payload          JSON        NOT NULL,
  actor            TEXT,
  role             TEXT
);
CREATE INDEX meeting_event_meeting_idx ON meeting_event (meeting_id, global_index);
CREATE INDEX meeting_event_enterprise_idx ON meeting_event USING gin (enterprise_ids);

-- Meetings held before this version are read the way a replay reads them: the read models are emptied and the
-- processing group's token dropped, so the group starts again from the first event (rankings as reported are kept).
TRUNCATE appeal_event, appeal_dimension, department, leader, enterprise, enterprise_liaison, calendar_year;
DELETE FROM token_entry WHERE processor_name = 'oversight-read-models';
DELETE FROM dead_letter_entry WHERE processing_group = 'oversight-read-models';
