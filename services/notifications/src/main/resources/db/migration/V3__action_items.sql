-- Breakfast-meeting action items still open, for the responsible leader's overdue notice.
CREATE TABLE action_item (
  action_item_id        UUID         NOT NULL PRIMARY KEY,
  meeting_id            UUID         NOT NULL,
  appeal_id             UUID         NOT NULL,
  responsible_leader_id VARCHAR(64)  NOT NULL,
  title                 TEXT         NOT NULL,
  due_on                DATE         NOT NULL
);
CREATE INDEX action_item_due_idx ON action_item (due_on);

-- Closed items apart: a closing event (ordered by its meeting) may be handled before the raising one (ordered by the
-- appeal it became), so a close never depends on finding the item.
CREATE TABLE action_item_closed (
  action_item_id        UUID         NOT NULL PRIMARY KEY
);
