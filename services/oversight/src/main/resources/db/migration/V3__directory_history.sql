-- Time travel covers the directory and the working calendar too: an appeal's state, its timeline and a department's
-- KPIs as of an instant use the names, the chain of command and the calendar as they were known at that instant.
-- Departments, leaders and loaded calendar years are therefore kept as versions, appended, one per event (keyed by
-- the event's global index, so redelivery and replay leave the same rows), each with the time the event store
-- recorded it; a read as of T takes, per id, the last version recorded by T.
ALTER TABLE department ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE leader ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE calendar_year ADD COLUMN recorded_at TIMESTAMPTZ;

-- the rows there are (the newest version of each) were recorded when their event was; a replay brings the older ones
UPDATE department d SET recorded_at = e.time_stamp::timestamptz
  FROM event_store.domain_event_entry e WHERE e.global_index = d.global_index;
UPDATE leader l SET recorded_at = e.time_stamp::timestamptz
  FROM event_store.domain_event_entry e WHERE e.global_index = l.global_index;
UPDATE calendar_year c SET recorded_at = e.time_stamp::timestamptz
  FROM event_store.domain_event_entry e WHERE e.global_index = c.global_index;
UPDATE department SET recorded_at = '-infinity' WHERE recorded_at IS NULL;
UPDATE leader SET recorded_at = '-infinity' WHERE recorded_at IS NULL;
UPDATE calendar_year SET recorded_at = '-infinity' WHERE recorded_at IS NULL;

ALTER TABLE department ALTER COLUMN recorded_at SET NOT NULL,
  DROP CONSTRAINT department_pkey, ADD PRIMARY KEY (department_id, global_index);
ALTER TABLE leader ALTER COLUMN recorded_at SET NOT NULL,
  DROP CONSTRAINT leader_pkey, ADD PRIMARY KEY (leader_id, global_index);
ALTER TABLE calendar_year ALTER COLUMN recorded_at SET NOT NULL,
  DROP CONSTRAINT calendar_year_pkey, ADD PRIMARY KEY (year, global_index);
