-- 0002: accounts, sessions, idempotency keys and the audit trail (issue 4).
--
-- Organisations move from integer ids to opaque text ids (`o_…`), like every
-- object the API names: ids in URLs reveal nothing and can be made by the
-- edge before the row exists, so an object, its audit entry and its
-- idempotency record go into D1 in one batch. Existing rows keep their
-- number as `o_<n>`.
CREATE TABLE organisations_v2 (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  orgnr       TEXT NOT NULL UNIQUE CHECK (length(orgnr) = 9),
  kind        TEXT NOT NULL CHECK (kind IN ('behandlingssted', 'kommune', 'hf', 'helfo')),
  created_at  TEXT NOT NULL
);
INSERT INTO organisations_v2 (id, name, orgnr, kind, created_at)
  SELECT 'o_' || id, name, orgnr, kind, created_at FROM organisations;
DROP TABLE organisations;
ALTER TABLE organisations_v2 RENAME TO organisations;
CREATE INDEX organisations_by_name ON organisations (name, id);

-- A user belongs to one organisation; the role must fit its kind (checked by
-- frist-domain::access before insert). `email` is stored lower-cased.
-- `demo` marks seed accounts, which cannot log in in production mode.
CREATE TABLE users (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  email            TEXT NOT NULL UNIQUE,
  role             TEXT NOT NULL CHECK (role IN ('behandlingssted', 'kommune', 'hf', 'helfo', 'helfo_admin')),
  password_hash    TEXT NOT NULL,
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  demo             INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  updated_at       TEXT
);
CREATE INDEX users_by_org ON users (organisation_id, name, id);
CREATE INDEX users_by_name ON users (name, id);

-- Sessions: only the SHA-256 of the token is stored. Times in Unix ms.
CREATE TABLE sessions (
  id            TEXT PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE,
  user_id       TEXT NOT NULL REFERENCES users (id),
  created_ms    INTEGER NOT NULL,
  last_seen_ms  INTEGER NOT NULL,
  ended_ms      INTEGER,
  ended_reason  TEXT
);
CREATE INDEX sessions_open_by_user ON sessions (user_id) WHERE ended_ms IS NULL;

-- Failed logins, keyed by a hash of the e-mail address (`a:`) or of the
-- client address (`c:`): the table holds no address in clear.
CREATE TABLE login_failures (
  id     INTEGER PRIMARY KEY,
  key    TEXT NOT NULL,
  at_ms  INTEGER NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (key, at_ms);
CREATE INDEX login_failures_by_time ON login_failures (at_ms);

-- The first answer to each Idempotency-Key, per user, for 24 hours.
CREATE TABLE idempotency (
  user_id     TEXT NOT NULL,
  key         TEXT NOT NULL,
  route       TEXT NOT NULL,
  body_hash   TEXT NOT NULL,
  status      INTEGER NOT NULL,
  response    TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);

-- The audit trail: who did what to which object, when, from which session.
-- Ids only, never personal data. Append-only: the triggers refuse changes.
CREATE TABLE audit (
  seq                    INTEGER PRIMARY KEY AUTOINCREMENT,
  at                     TEXT NOT NULL,
  at_ms                  INTEGER NOT NULL,
  action                 TEXT NOT NULL,
  object_kind            TEXT NOT NULL,
  object_id              TEXT,
  organisation_id        TEXT,
  actor_user_id          TEXT,
  actor_organisation_id  TEXT,
  session_id             TEXT
);
CREATE INDEX audit_by_org ON audit (organisation_id, seq);
CREATE INDEX audit_by_actor_org ON audit (actor_organisation_id, seq);
CREATE INDEX audit_by_object ON audit (object_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
