-- The dispatch and sign-for limits of the SLA tiers set in the resolution service (SlaTierSetEvent, ADR 0016), for
-- the appeals filed while each is in force. Rebuildable from the event store (group assignment-sla-tiers); null
-- limits leave the configured defaults.
CREATE TABLE sla_tier (
  category        VARCHAR(32)  NOT NULL,
  urgency         VARCHAR(16)  NOT NULL,
  version         BIGINT       NOT NULL,
  dispatch_hours  INTEGER,
  sign_for_days   INTEGER,
  effective_start TIMESTAMPTZ  NOT NULL,
  set_at          TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (category, urgency, version)
);
