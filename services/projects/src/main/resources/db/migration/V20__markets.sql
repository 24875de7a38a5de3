-- Read models of the market (issue 23 part 2), fed by the projection projects-markets. Rebuildable from the events.

-- The enterprises on the platform, for a match's hidden counterpart ("an enterprise in <district> at <link>") and,
-- once both consented, its name.
CREATE TABLE market_enterprise (
  enterprise_id  VARCHAR(18)  NOT NULL PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  district       VARCHAR(100),
  chain_position VARCHAR(32)
);

CREATE TABLE market_post (
  post_id         UUID          NOT NULL PRIMARY KEY,
  enterprise_id   VARCHAR(18)   NOT NULL,
  kind            VARCHAR(8)    NOT NULL,
  need_type       VARCHAR(16),
  product         VARCHAR(200)  NOT NULL,
  chain_link      VARCHAR(32)   NOT NULL,
  quantity_amount NUMERIC(20,3) NOT NULL,
  quantity_unit   VARCHAR(16)   NOT NULL,
  delivery_terms  VARCHAR(500),
  description     TEXT,
  status          VARCHAR(16)   NOT NULL,
  drafted_at      TIMESTAMPTZ   NOT NULL,
  drafted_by      VARCHAR(128),
  published_at    TIMESTAMPTZ,
  closed_at       TIMESTAMPTZ,
  closed_reason   VARCHAR(500),
  referred_at     TIMESTAMPTZ,
  topic_id        UUID,
  version         BIGINT        NOT NULL
);
CREATE INDEX market_post_enterprise_idx ON market_post (enterprise_id, drafted_at);
CREATE INDEX market_post_open_idx ON market_post (status, chain_link);

CREATE TABLE market_match (
  match_id            UUID          NOT NULL PRIMARY KEY,
  need_post_id        UUID          NOT NULL,
  offer_post_id       UUID          NOT NULL,
  need_enterprise_id  VARCHAR(18)   NOT NULL,
  offer_enterprise_id VARCHAR(18)   NOT NULL,
  chain_link          VARCHAR(32)   NOT NULL,
  score               INTEGER       NOT NULL,
  explanation         TEXT          NOT NULL,
  proposed_by         VARCHAR(128),
  proposed_at         TIMESTAMPTZ   NOT NULL,
  need_consented_at   TIMESTAMPTZ,
  offer_consented_at  TIMESTAMPTZ,
  introduced_at       TIMESTAMPTZ,
  outcome             VARCHAR(16),
  amount_cny          NUMERIC(20,2),
  reason              VARCHAR(2000),
  outcome_at          TIMESTAMPTZ,
  outcome_by          VARCHAR(128),
  version             BIGINT        NOT NULL
);
CREATE INDEX market_match_need_idx ON market_match (need_enterprise_id);
CREATE INDEX market_match_offer_idx ON market_match (offer_enterprise_id);
