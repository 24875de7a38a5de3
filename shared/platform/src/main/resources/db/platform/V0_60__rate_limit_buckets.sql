-- Rate limits that hold across the instances of a service (issue 18): one token bucket per limiter and key (an
-- enterprise, a client address), its credit in nanoseconds of waiting. A missing row is a full bucket.
CREATE TABLE rate_limit_bucket (
  limiter      VARCHAR(100) NOT NULL,
  bucket_key   VARCHAR(255) NOT NULL,
  credit_nanos BIGINT       NOT NULL,
  updated_at   TIMESTAMPTZ  NOT NULL,
  CONSTRAINT rate_limit_bucket_pk PRIMARY KEY (limiter, bucket_key)
);

CREATE INDEX rate_limit_bucket_updated_at ON rate_limit_bucket (limiter, updated_at);
