-- The city's key enterprises (重点企业), from the assignment service's directory: hosts may invite them all at once.
CREATE TABLE key_enterprise (
  enterprise_id     VARCHAR(18) NOT NULL PRIMARY KEY,
  key_enterprise    BOOLEAN     NOT NULL,
  liaison_leader_id VARCHAR(64),
  changed_at        TIMESTAMPTZ NOT NULL
);
