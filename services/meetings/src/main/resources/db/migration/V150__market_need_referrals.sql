-- Needs of the market (projects service) that local supply cannot serve, referred to the next breakfast meeting with
-- the enterprise's consent (NeedReferredToMeetingEvent): kept until a meeting the enterprise is invited to takes the
-- topic. Owned by the reaction meetings-market-needs.
CREATE TABLE market_need_referral (
  post_id       UUID         NOT NULL PRIMARY KEY,
  topic_id      UUID         NOT NULL UNIQUE,
  enterprise_id VARCHAR(18)  NOT NULL,
  title         VARCHAR(300) NOT NULL,
  description   TEXT         NOT NULL,
  referred_at   TIMESTAMPTZ  NOT NULL,
  meeting_id    UUID,
  proposed_at   TIMESTAMPTZ
);
CREATE INDEX market_need_referral_pending_idx ON market_need_referral (enterprise_id) WHERE meeting_id IS NULL;
