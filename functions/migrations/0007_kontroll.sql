-- 0007: claims control (issue 8, CTRL-9). The municipality checks its bills
-- in the browser; only each doctor's monthly sums reach the edge — no
-- patient, no bill — so peers can be compared across municipalities.
CREATE TABLE kt_months (
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  month           TEXT NOT NULL,                 -- YYYY-MM
  hpr             TEXT NOT NULL,                 -- 9 digits
  refund_ore      INTEGER NOT NULL CHECK (refund_ore >= 0),
  listed          INTEGER NOT NULL CHECK (listed > 0),
  bills           INTEGER NOT NULL CHECK (bills >= 0),
  size_class      TEXT NOT NULL CHECK (size_class IN ('small', 'medium', 'large')),
  uploaded_at     TEXT NOT NULL,
  PRIMARY KEY (organisation_id, month, hpr)
);
CREATE INDEX kt_months_by_class ON kt_months (month, size_class);
