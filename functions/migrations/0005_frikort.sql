-- 0005: frikort claims and their lines (issue 7).
--
-- A claim arrives in chunks (`fk_chunks`, one row per chunk: the chunk
-- number is its idempotency key) and is "received" — visible to Helfo as
-- complete, with its FK-3 due date — only when every chunk is in.
CREATE TABLE fk_claims (
  id                TEXT PRIMARY KEY,
  number            TEXT NOT NULL UNIQUE,
  organisation_id   TEXT NOT NULL REFERENCES organisations (id),
  sender_user_id    TEXT NOT NULL REFERENCES users (id),
  status            TEXT NOT NULL CHECK (status IN ('receiving', 'received', 'paid')),
  file_name         TEXT NOT NULL,
  aware             TEXT,
  received_on       TEXT,
  due               TEXT,
  lines_expected    INTEGER NOT NULL,
  chunks_expected   INTEGER NOT NULL,
  lines             INTEGER NOT NULL DEFAULT 0,
  valid_lines       INTEGER NOT NULL DEFAULT 0,
  claimed_ore       INTEGER NOT NULL DEFAULT 0,
  approved_ore      INTEGER NOT NULL DEFAULT 0,
  paid_ore          INTEGER,
  paid_on           TEXT,
  paid_account      TEXT,
  repayment_ore     INTEGER NOT NULL DEFAULT 0,
  repayment_reason  TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT
);
CREATE INDEX fk_claims_by_due ON fk_claims (status, due, id);
CREATE INDEX fk_claims_by_org ON fk_claims (organisation_id, created_at, id);

CREATE TABLE fk_chunks (
  claim_id   TEXT NOT NULL REFERENCES fk_claims (id),
  n          INTEGER NOT NULL,
  lines      INTEGER NOT NULL,
  body_hash  TEXT NOT NULL,
  answer     TEXT NOT NULL,
  PRIMARY KEY (claim_id, n)
);

-- One line of a claim. `trip_key` is a keyed hash (HMAC-SHA256) of the trip
-- (FK-8): the index that finds a trip claimed before is never the plain
-- fødselsnummer. Invalid lines are stored too, rejected with their issues.
CREATE TABLE fk_lines (
  claim_id         TEXT NOT NULL REFERENCES fk_claims (id),
  line             INTEGER NOT NULL,
  organisation_id  TEXT NOT NULL,
  trip_key         TEXT,
  fnr              TEXT NOT NULL,
  transport        TEXT,
  payout           TEXT,
  amount_ore       INTEGER,
  reference        TEXT NOT NULL DEFAULT '',
  valid            INTEGER NOT NULL CHECK (valid IN (0, 1)),
  issues           TEXT NOT NULL,
  decision         TEXT CHECK (decision IN ('approved', 'rejected')),
  reason           TEXT,
  approved_ore     INTEGER,
  PRIMARY KEY (claim_id, line)
);
CREATE UNIQUE INDEX fk_one_trip ON fk_lines (organisation_id, trip_key) WHERE trip_key IS NOT NULL;
CREATE INDEX fk_lines_open ON fk_lines (claim_id, decision, line);
