-- Signing-key rotation without signing anyone out: a new key is published in the JWK set before it signs
-- (signs_from), and the key it replaces stays published until the last token it signed has expired (retired_at).
ALTER TABLE signing_key ADD COLUMN signs_from timestamptz;
UPDATE signing_key SET signs_from = created_at;
ALTER TABLE signing_key ALTER COLUMN signs_from SET NOT NULL;
ALTER TABLE signing_key ALTER COLUMN signs_from SET DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE signing_key ADD COLUMN retired_at timestamptz;
