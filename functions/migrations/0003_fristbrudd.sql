-- 0003: fristbrudd cases, their history, the e-mail outbox (issue 5).

-- Yearly counters for case numbers (FB-YYYY-NNNNNN). A number taken by a
-- notification that is then refused leaves a gap; numbers are never reused.
CREATE TABLE counters (
  name  TEXT NOT NULL,
  year  INTEGER NOT NULL,
  n     INTEGER NOT NULL,
  PRIMARY KEY (name, year)
);

-- One fristbrudd case. The rules' view of the case (frist-domain's `Case`,
-- no personal data) is `case_json`; the columns beside it are copies kept
-- for sorting and sweeping: `next_deadline` (FB-4/5/11, '9999-12-31' when
-- none runs), `reply_by` (FB-5), the queue order of FB-3.
-- Personal data (fødselsnummer, name, phone) lives here and nowhere else:
-- not in the history, the audit trail, the outbox or a URL.
CREATE TABLE fb_cases (
  id                 TEXT PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  organisation_id    TEXT NOT NULL REFERENCES organisations (id),
  notifier_user_id   TEXT NOT NULL REFERENCES users (id),
  patient_fnr        TEXT NOT NULL CHECK (length(patient_fnr) = 11),
  patient_name       TEXT NOT NULL,
  patient_phone      TEXT NOT NULL,
  specialty          TEXT NOT NULL,
  fristdato          TEXT NOT NULL,
  referral_received  TEXT NOT NULL,
  warning_sent       TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('expected', 'occurred')),
  urgent_reason      TEXT,
  state              TEXT NOT NULL,
  open               INTEGER NOT NULL CHECK (open IN (0, 1)),
  urgent_confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (urgent_confirmed IN (0, 1)),
  case_json          TEXT NOT NULL,
  next_deadline      TEXT NOT NULL,
  reply_by           TEXT,
  notified_on        TEXT NOT NULL,
  first_outcome_on   TEXT,
  notified_at        INTEGER NOT NULL,
  document_key       TEXT,
  document_bytes     INTEGER,
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT
);
-- FB-1: one open case per patient per site.
CREATE UNIQUE INDEX fb_one_open_case ON fb_cases (organisation_id, patient_fnr) WHERE open = 1;
CREATE INDEX fb_by_deadline ON fb_cases (next_deadline, id);
CREATE INDEX fb_by_org_deadline ON fb_cases (organisation_id, next_deadline, id);
CREATE INDEX fb_queue ON fb_cases (open, urgent_confirmed, fristdato, notified_at, id);
CREATE INDEX fb_letters_out ON fb_cases (reply_by) WHERE state = 'letter_sent';
CREATE INDEX fb_by_month ON fb_cases (notified_on);

-- FB-10: every change of a case, append-only. No personal data.
CREATE TABLE fb_history (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id        TEXT NOT NULL REFERENCES fb_cases (id),
  at             TEXT NOT NULL,
  at_ms          INTEGER NOT NULL,
  actor          TEXT NOT NULL CHECK (actor IN ('site', 'helfo', 'system')),
  actor_user_id  TEXT,
  event          TEXT NOT NULL,
  from_state     TEXT,
  to_state       TEXT NOT NULL,
  date           TEXT
);
CREATE INDEX fb_history_by_case ON fb_history (case_id, seq);
CREATE TRIGGER fb_history_no_update BEFORE UPDATE ON fb_history
BEGIN
  SELECT RAISE(ABORT, 'fb_history is append-only');
END;
CREATE TRIGGER fb_history_no_delete BEFORE DELETE ON fb_history
BEGIN
  SELECT RAISE(ABORT, 'fb_history is append-only');
END;

-- FB-9: e-mails waiting to be sent. The body names the case number only.
CREATE TABLE outbox (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at  TEXT NOT NULL,
  created_ms  INTEGER NOT NULL,
  to_user_id  TEXT NOT NULL,
  to_addr     TEXT NOT NULL,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  case_id     TEXT,
  sent_ms     INTEGER
);
CREATE INDEX outbox_by_user ON outbox (to_user_id, seq);
