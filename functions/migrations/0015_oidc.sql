-- Sign-in through HelseID and ID-porten (issue 25).

-- An administrator's link from a person at a provider to a frist user.
-- The value (HPR number, national identity number or the provider's `sub`)
-- is kept only as a keyed hash (FRIST_SERVER_SECRET), so this table never
-- holds a national identity number in clear; `shown` is what the
-- administrator's list shows (a national number masked, ID-3).
CREATE TABLE identity_links (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  provider TEXT NOT NULL,
  kind TEXT NOT NULL,
  value_hash TEXT NOT NULL,
  shown TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (provider, kind, value_hash)
);
CREATE INDEX identity_links_user ON identity_links (user_id);

-- A sign-in in progress: state (hashed), the browser's binding cookie
-- (hashed), nonce and PKCE verifier; taken out when the provider answers,
-- forgotten after ten minutes.
CREATE TABLE oidc_logins (
  state_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  binding_hash TEXT NOT NULL,
  nonce TEXT NOT NULL,
  verifier TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  next TEXT,
  created_ms INTEGER NOT NULL
);

-- Which provider a session came from (NULL: e-mail and password), for
-- ending the provider's session at logout.
ALTER TABLE sessions ADD COLUMN provider TEXT;
