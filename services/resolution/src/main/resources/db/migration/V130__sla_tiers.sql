-- SLA tiers (ADR 0016): every setting of a tier (dispatch_hours and sign_for_days null: the assignment service's
-- defaults), as the read model of SlaTierSetEvent (rebuildable from the event
-- store). effective_start is the start of effective_from in Beijing; a version is in force for a case that began at T
-- when effective_start <= T and set_at <= T, the latest effective date (then the latest setting) winning.
CREATE TABLE sla_tier_version (
  tier_id            UUID         NOT NULL,
  version            BIGINT       NOT NULL,
  category           VARCHAR(32)  NOT NULL,
  urgency            VARCHAR(16)  NOT NULL,
  first_contact_days INTEGER      NOT NULL,
  resolution_days    INTEGER      NOT NULL,
  dispatch_hours     INTEGER,
  sign_for_days      INTEGER,
  effective_from     DATE         NOT NULL,
  effective_start    TIMESTAMPTZ  NOT NULL,
  basis              TEXT         NOT NULL,
  set_by             VARCHAR(255) NOT NULL,
  set_at             TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (tier_id, version)
);
CREATE INDEX sla_tier_version_lookup_idx ON sla_tier_version (category, urgency, effective_start);

-- the reactions remember each appeal's category beside its urgency: the tier of a case is looked up by both
ALTER TABLE appeal_urgency ADD COLUMN category VARCHAR(32);
