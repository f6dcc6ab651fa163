-- 0006: API tokens for programs (issue 7: `frist frikort submit`). A user
-- makes one in the app; only its SHA-256 is stored, it acts as that user
-- with that user's role and organisation, and it ends after 90 days, on
-- revocation, or when the user is deactivated.
CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id),
  token_hash   TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  created_ms   INTEGER NOT NULL,
  expires_ms   INTEGER NOT NULL,
  revoked_ms   INTEGER
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
