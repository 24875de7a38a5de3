-- Leaders and their superiors (the assignment directory's chain of command): an escalation goes one leader up.
CREATE TABLE leader (
  leader_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name               TEXT         NOT NULL,
  superior_leader_id VARCHAR(64)
);

-- Key projects' names, for the texts of their overdue and escalated milestones.
CREATE TABLE key_project (
  project_id     UUID         NOT NULL PRIMARY KEY,
  name           TEXT         NOT NULL
);
