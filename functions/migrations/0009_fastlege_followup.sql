-- 0009: fastlege follow-up (issue 21; FL-7, FL-10).
--
-- FL-10: «at most one year in total» for a substitute without completed
-- LIS1 is a total over every message about that doctor, so the substitute,
-- the period and whether the year limit applies are kept as columns
-- (written from frist-domain's `SubstituteFacts`). Messages sent before this
-- migration keep NULL periods: frist has not been in production, and a
-- local database's substitutes are test data.
ALTER TABLE fl_messages ADD COLUMN substitute_hpr TEXT;
ALTER TABLE fl_messages ADD COLUMN period_start TEXT;
ALTER TABLE fl_messages ADD COLUMN period_end TEXT;
ALTER TABLE fl_messages ADD COLUMN unapproved INTEGER NOT NULL DEFAULT 0 CHECK (unapproved IN (0, 1));
CREATE INDEX fl_by_substitute ON fl_messages (substitute_hpr, sent_at) WHERE substitute_hpr IS NOT NULL;

-- FL-7: the message is in time on T − 1 month itself (seed 001: «ikke er
-- mottatt innen en måned før opphør»), so Helfo chases from the day after.
UPDATE fl_messages SET chase_from = date(chase_from, '+1 day') WHERE chase_from IS NOT NULL;
UPDATE fl_messages
  SET timing_json = json_set(timing_json, '$.chase_from', date(json_extract(timing_json, '$.chase_from'), '+1 day'))
  WHERE json_extract(timing_json, '$.chase_from') IS NOT NULL;
CREATE INDEX fl_chase ON fl_messages (chase_from, id) WHERE kind = 'termination';
