-- An enterprise may decline a proposed match, saying why (MatchDeclinedEvent): which one, when, and why.
ALTER TABLE market_match
  ADD COLUMN declined_by    VARCHAR(18),
  ADD COLUMN declined_at    TIMESTAMPTZ,
  ADD COLUMN decline_reason VARCHAR(500);
