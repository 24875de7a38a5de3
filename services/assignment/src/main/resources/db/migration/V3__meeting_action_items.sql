-- What breakfast meetings decided about the appeals they raise: the owner department (牵头部门) and responsible leader
-- (责任领导) of each action item, kept by the routing reaction until the appeal is filed and routed. Written by a
-- reaction that never replays, so never reset.
CREATE TABLE meeting_action_item (
  appeal_id             UUID         NOT NULL PRIMARY KEY,
  meeting_id            UUID         NOT NULL,
  action_item_id        UUID         NOT NULL,
  owner_department_id   VARCHAR(64)  NOT NULL,
  responsible_leader_id VARCHAR(64),
  raised_at             TIMESTAMPTZ  NOT NULL
);
