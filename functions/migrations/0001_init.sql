-- 0001: the schema's own bookkeeping and the organisations every later table
-- hangs off. Later issues add users, sessions, cases, claims, audit.
CREATE TABLE IF NOT EXISTS organisations (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  orgnr       TEXT    NOT NULL UNIQUE CHECK (length(orgnr) = 9),
  kind        TEXT    NOT NULL CHECK (kind IN ('behandlingssted', 'kommune', 'hf', 'helfo')),
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
