-- What key projects say about the appeals their blockers become: the project's department and responsible leader
-- (包联领导), kept by the routing reaction until the appeal is filed and routed. Written by a reaction that never
-- replays, so never reset.
CREATE TABLE project_blocker (
  appeal_id     UUID        NOT NULL PRIMARY KEY,
  project_id    UUID        NOT NULL,
  blocker_id    UUID        NOT NULL,
  department_id VARCHAR(64) NOT NULL,
  leader_id     VARCHAR(64),
  raised_at     TIMESTAMPTZ NOT NULL
);
