-- Facts are written a batch at a time, in one statement: a value longer than a column allows would fail the whole
-- batch again and again instead of one event. What other services publish is their business to bound; here every
-- text column takes whatever comes (TEXT costs nothing over VARCHAR in PostgreSQL).
ALTER TABLE appeal_fact
  ALTER COLUMN event_id TYPE TEXT,
  ALTER COLUMN department_id TYPE TEXT,
  ALTER COLUMN other_department_id TYPE TEXT,
  ALTER COLUMN leader_id TYPE TEXT,
  ALTER COLUMN kind TYPE TEXT,
  ALTER COLUMN related_id TYPE TEXT,
  ALTER COLUMN actor TYPE TEXT,
  ALTER COLUMN role TYPE TEXT,
  ALTER COLUMN correlation_id TYPE TEXT,
  ALTER COLUMN causation_id TYPE TEXT;

ALTER TABLE appeal_dimension
  ALTER COLUMN enterprise_id TYPE TEXT,
  ALTER COLUMN title TYPE TEXT,
  ALTER COLUMN category TYPE TEXT,
  ALTER COLUMN urgency TYPE TEXT,
  ALTER COLUMN source TYPE TEXT,
  ALTER COLUMN district TYPE TEXT,
  ALTER COLUMN chain_position TYPE TEXT;

ALTER TABLE department
  ALTER COLUMN department_id TYPE TEXT,
  ALTER COLUMN name TYPE TEXT,
  ALTER COLUMN parent_department_id TYPE TEXT;

ALTER TABLE leader
  ALTER COLUMN leader_id TYPE TEXT,
  ALTER COLUMN name TYPE TEXT,
  ALTER COLUMN title TYPE TEXT,
  ALTER COLUMN rank TYPE TEXT,
  ALTER COLUMN department_id TYPE TEXT,
  ALTER COLUMN superior_leader_id TYPE TEXT;

ALTER TABLE enterprise
  ALTER COLUMN enterprise_id TYPE TEXT,
  ALTER COLUMN name TYPE TEXT,
  ALTER COLUMN chain_position TYPE TEXT,
  ALTER COLUMN district TYPE TEXT;

ALTER TABLE enterprise_liaison
  ALTER COLUMN event_id TYPE TEXT,
  ALTER COLUMN enterprise_id TYPE TEXT,
  ALTER COLUMN liaison_leader_id TYPE TEXT;

ALTER TABLE ranking_frozen_row ALTER COLUMN department_id TYPE TEXT;
