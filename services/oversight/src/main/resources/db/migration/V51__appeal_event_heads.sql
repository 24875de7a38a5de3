-- A KPI read first asks, per appeal, how far its events go (the last global index and how many there are, as of the
-- instant asked) and folds again only the appeals whose events changed (kpi/SettledUnits). With recorded_at and
-- finishes in the appeal index, that question and the overdue list's "not finished yet" are answered from the index
-- alone, without reading the events' JSON from the table.
DROP INDEX appeal_event_appeal_idx;
CREATE INDEX appeal_event_appeal_idx ON appeal_event (appeal_id, global_index) INCLUDE (recorded_at, finishes);
