-- 0004: fastlege messages to the GP register (issue 6).
--
-- One row per message a municipality sends. `form_json` is the message as
-- the clerk sent it (schema version included, FL-12); the columns beside it
-- are what lists, the dashboard and the FL-7 chase list sort and filter on,
-- written from frist-domain's checked `Message`.
CREATE TABLE fl_messages (
  id               TEXT PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  sender_user_id   TEXT NOT NULL REFERENCES users (id),
  kind             TEXT NOT NULL,
  schema_version   INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('sent', 'registered')),
  effective        TEXT NOT NULL,
  -- FL-6/FL-7: the ended agreement's last day (terminations, and the new
  -- GP or vacant list that replaces one).
  termination      TEXT,
  chase_from       TEXT,
  replaces         TEXT REFERENCES fl_messages (id),
  gp_hpr           TEXT,
  gp_name          TEXT,
  gp_birth_date    TEXT,
  citizens_moved   INTEGER NOT NULL DEFAULT 0,
  letters          INTEGER,
  registered_on    TEXT,
  summary          TEXT NOT NULL,
  timing_json      TEXT NOT NULL,
  warnings_json    TEXT NOT NULL,
  form_json        TEXT NOT NULL,
  sent_on          TEXT NOT NULL,
  sent_at          TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1,
  updated_at       TEXT
);
CREATE INDEX fl_by_effective ON fl_messages (effective, id);
CREATE INDEX fl_by_org_effective ON fl_messages (organisation_id, effective, id);
CREATE INDEX fl_terminations ON fl_messages (termination) WHERE kind = 'termination';
CREATE INDEX fl_by_replaces ON fl_messages (replaces);
CREATE INDEX fl_birth_dates ON fl_messages (organisation_id, gp_hpr) WHERE gp_birth_date IS NOT NULL;
