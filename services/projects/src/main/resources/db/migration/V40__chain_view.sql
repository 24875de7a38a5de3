-- The chain view's read model (ADR 0018), fed by the projects-chain projection: the registered enterprises with their
-- place in the chain; which of them the city counts as key enterprises, its chain masters (the directory's word may
-- come before the registration, hence a table of its own); and every appeal with the enterprise that filed it, open
-- until it is closed or withdrawn.

CREATE TABLE chain_enterprise (
  enterprise_id   VARCHAR(18)  NOT NULL PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  chain_position  VARCHAR(32)  NOT NULL,
  district        VARCHAR(100),
  registered_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE chain_master (
  enterprise_id VARCHAR(18) NOT NULL PRIMARY KEY,
  chain_master  BOOLEAN     NOT NULL,
  changed_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE chain_appeal (
  appeal_id     UUID         NOT NULL PRIMARY KEY,
  enterprise_id VARCHAR(18)  NOT NULL,
  title         VARCHAR(200) NOT NULL,
  filed_at      TIMESTAMPTZ  NOT NULL,
  ended_at      TIMESTAMPTZ
);
CREATE INDEX chain_appeal_enterprise_idx ON chain_appeal (enterprise_id, filed_at);
